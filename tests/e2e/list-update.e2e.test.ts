/**
 * Lists: signed or nothing, end to end. The built extension fetches from a local HTTPS publisher
 * under test control, through the options page as a person would use it: a URL without a key is
 * refused; one pasted subscription code (URL + key) activates sequence 1; then every kind of bad
 * list is served in turn, and each is refused with its reason shown on the options page while the
 * last good list stays active; a good sequence 2 reaches content scripts; a changed key drops the
 * old list (back to the bundled one) until a list signed by the new key verifies.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../lib/list/shards';
import { formatKey } from '../../lib/list/signature';
import { generateSigningKey, renderSignature, signBytes } from '../../lib/list/sign-node';
import { LIST_ERROR_TEXT, type ListErrorCode } from '../../lib/list/status';
import { formatSubscription } from '../../lib/list/subscription';
import type { CandidateList, CandidateManifest } from '../../lib/list/types';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import { clickUntilDialog, dialog, openFixture, optIn } from './harness/extension';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { makeTestList } from './harness/test-list';

const HOST = 'lists.jaga-netral.test';
const BASE = `https://${HOST}/signed`;
const LIST_URL = `${BASE}/LIST.json`;
const DAY = 86_400_000;
const BUNDLED = 'id.jaga-netral/bundled';
const BUNDLED_SEQUENCE = (
  JSON.parse(readFileSync(new URL('../../public/lists/bundled.json', import.meta.url), 'utf8')) as CandidateList
).sequence;

/** This file's own publisher: any bytes, signed by any key (or not), and shards beside them. */
function publisher(server: FixtureServer) {
  const files = new Map<string, Uint8Array>();
  const requested: string[] = [];
  let hits = 0;
  const headers = {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
  };
  const handler = (path: string) => (_req: IncomingMessage, res: ServerResponse) => {
    if (path === '/LIST.json') hits++;
    requested.push(path);
    const body = files.get(path);
    res.writeHead(body ? 200 : 404, headers).end(body ? Buffer.from(body) : '');
  };
  const route = (path: string) => server.route(HOST, `/signed${path}`, handler(path));
  route('/LIST.json');
  route('/LIST.json.sig');
  return {
    hits: () => hits,
    /** paths requested so far (and forget them) */
    takeRequested: () => requested.splice(0),
    /** serve `doc` as the list, signed by `key` (null: no .sig) */
    serve(doc: unknown, key: ReturnType<typeof generateSigningKey> | null) {
      const bytes = new TextEncoder().encode(typeof doc === 'string' ? doc : JSON.stringify(doc));
      files.set('/LIST.json', bytes);
      if (key)
        files.set('/LIST.json.sig', new TextEncoder().encode(renderSignature(signBytes(bytes, key.privateFile))));
      else files.delete('/LIST.json.sig');
    },
    file(path: string, bytes: Uint8Array) {
      files.set(path, bytes);
      route(path);
    },
    /** the host answers 404 */
    remove() {
      files.delete('/LIST.json');
      files.delete('/LIST.json.sig');
    },
  };
}

let server: FixtureServer;
let b: ExtensionBrowser;
let pub: ReturnType<typeof publisher>;
let options: Page;
const key = generateSigningKey('e2e-publisher');
const newKey = generateSigningKey('e2e-publisher-2');

const status = () => options.locator('[data-list-status]');
async function waitStatus(state: string, sequence: number, listId = 'test/e2e') {
  try {
    await options
      .locator(`[data-list-status="${state}"][data-list-sequence="${sequence}"][data-list-id="${listId}"]`)
      .waitFor({ timeout: 15_000 });
  } catch (e) {
    const el = status();
    throw new Error(
      `expected list status ${state}/${sequence}/${listId}, saw ${await el.getAttribute('data-list-status')}/${await el.getAttribute('data-list-sequence')}/${await el.getAttribute('data-list-id')}: ${await el.textContent()}`,
      { cause: e },
    );
  }
}
async function updateNow() {
  await options.click('button[name="update_now"]');
  await options.locator('button[name="update_now"]:not([disabled])').waitFor();
}
/** Every refusal, as the person sees it: the error state, its sentence, and what stays in use. */
const seen: { code: ListErrorCode; shown: string }[] = [];
async function expectRefused(code: ListErrorCode, sequence: number, listId = 'test/e2e') {
  await waitStatus('error', sequence, listId);
  expect(await status().getAttribute('data-list-error')).toBe(code);
  const reason = options.locator('[data-list-status] [data-list-reason]');
  const shown = ((await reason.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  expect(shown).toContain(LIST_ERROR_TEXT[code].id);
  expect(shown).toContain(
    listId === 'test/e2e'
      ? `Daftar sah terakhir (test/e2e, urutan ${sequence}) tetap dipakai.`
      : 'Daftar bawaan tetap dipakai.',
  );
  seen.push({ code, shown });
}
const list = (sequence: number, over: Partial<CandidateList> = {}): CandidateList => ({
  ...makeTestList(Date.now(), sequence),
  ...over,
});
/** A manifest of `list` split into one national shard (its hash pinned), or with `shards` as given. */
async function manifest(l: CandidateList, shards?: CandidateManifest['shards']): Promise<CandidateManifest> {
  const { format: _f, elections: _e, parties: _p, keywords: _k, ...head } = l;
  if (!shards) {
    const body = new TextEncoder().encode(JSON.stringify(l));
    pub.file('/national.json', body);
    shards = [{ path: 'national.json', scope: '00', sha256: await sha256Hex(body), bytes: body.byteLength }];
  }
  return { ...head, format: 'jaga-netral/candidate-manifest', shards };
}

beforeAll(async () => {
  server = await startFixtureServer();
  pub = publisher(server);
  b = await launchWithExtension({ port: server.port });
  await optIn(b, { demo: false });
  options = await b.context.newPage();
  options.setDefaultTimeout(15_000);
  await options.goto(b.extUrl('/options.html'));
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('lists: signed or nothing', () => {
  it('starts on the bundled list', async () => {
    await waitStatus('ok', BUNDLED_SEQUENCE, BUNDLED);
  });

  it('a URL without a key is refused before anything is fetched; the bundled list stays', async () => {
    pub.serve(list(1), null);
    await options.fill('input[name="list_url"]', LIST_URL);
    await options.fill('textarea[name="list_key"]', '');
    await options.click('button[name="save"]');
    await expect
      .poll(() => options.locator('#form-status').textContent())
      .toContain('Daftar dari URL tanpa kunci publik tidak akan dipakai');
    await expectRefused('unsigned-source', BUNDLED_SEQUENCE, BUNDLED);
    expect(pub.hits()).toBe(0);
  });

  it('one pasted subscription code (URL and key) activates sequence 1', async () => {
    pub.serve(list(1), key);
    const code = formatSubscription(LIST_URL, formatKey(key.publicKey))!;
    await options.fill('input[name="list_subscription"]', code);
    await options.click('button[name="save"]');
    await waitStatus('ok', 1);
    expect(pub.hits()).toBeGreaterThan(0);
    // the fields now show the source the code set, and its code is there to copy
    expect(await options.inputValue('input[name="list_url"]')).toBe(LIST_URL);
    expect(await options.inputValue('textarea[name="list_key"]')).toBe(formatKey(key.publicKey));
    await options.reload();
    await waitStatus('ok', 1);
    expect(await options.inputValue('[data-subscription]')).toBe(code);
  });

  it('an unsigned list (no .sig): refused, sequence 1 stays', async () => {
    pub.serve(list(2), null);
    await updateNow();
    await expectRefused('no-signature', 1);
  });

  it('signed by a key the source does not have: refused', async () => {
    pub.serve(list(2), newKey);
    await updateNow();
    await expectRefused('bad-signature', 1);
  });

  it('altered after signing: refused', async () => {
    const l = list(2);
    const signedSig = JSON.stringify(signBytes(new TextEncoder().encode(JSON.stringify(l)), key.privateFile));
    pub.serve(JSON.stringify({ ...l, publisher: { name: 'Altered' } }), null);
    pub.file('/LIST.json.sig', new TextEncoder().encode(signedSig));
    await updateNow();
    await expectRefused('bad-signature', 1);
  });

  it('signed but broken: refused', async () => {
    pub.serve('{"format": "jaga-netral/candidate-list", "format_version": 1, "list_id": ', key);
    await updateNow();
    await expectRefused('invalid', 1);
  });

  it('already expired when fetched: refused', async () => {
    const now = Date.now();
    pub.serve(
      list(2, { issued_at: new Date(now - 20 * DAY).toISOString(), expires_at: new Date(now - DAY).toISOString() }),
      key,
    );
    await updateNow();
    await expectRefused('expired', 1);
  });

  it('issued before the accepted list by the same key (another list_id): refused', async () => {
    pub.serve(
      list(1, { list_id: 'test/e2e-old-stream', issued_at: new Date(Date.now() - 5 * DAY).toISOString() }),
      key,
    );
    await updateNow();
    await expectRefused('older-issue', 1);
  });

  it('a manifest with more shards than allowed: refused', async () => {
    const refs = Array.from({ length: 1_001 }, (_, i) => ({
      path: `s/${i}.json`,
      scope: '00',
      sha256: '0'.repeat(64),
    }));
    pub.serve(await manifest(list(2), refs), key);
    await updateNow();
    await expectRefused('too-many-shards', 1);
  });

  it('a manifest whose shards are too large in all: refused before fetching them', async () => {
    const refs = [{ path: 'big.json', scope: '00', sha256: '0'.repeat(64), bytes: 70 * 1024 * 1024 }];
    pub.serve(await manifest(list(2), refs), key);
    await updateNow();
    await expectRefused('too-large', 1);
  });

  it('a shard that does not match its manifest hash: refused', async () => {
    const m = await manifest(list(2));
    m.shards[0]!.sha256 = 'f'.repeat(64);
    pub.serve(m, key);
    await updateNow();
    await expectRefused('bad-shard', 1);
  });

  it('the list host is down: refused, and the last good list is still used', async () => {
    pub.remove();
    await updateNow();
    await expectRefused('network', 1);
  });

  it('a good sequence 2 (as a signed manifest) is activated, and content scripts warn with it at once', async () => {
    const l = list(2);
    // sequence 2 lists @kucingoren (an ordinary account in the X fixture) as a campaign account of ticket 03
    l.elections[0]!.tickets[2]!.accounts = [{ platform: 'x', handle: 'kucingoren' }];
    pub.serve(await manifest(l), key);
    const page = await openFixture(b, 'https://x.com/home');
    await updateNow();
    await waitStatus('ok', 2);
    await clickUntilDialog(page, 'article[data-post="p3"] [data-testid="like"]');
    expect((await dialog(page).getAttribute('data-tickets'))?.split(' ')).toContain('pilpres-2024/3');
    await page.close();
  });

  it('the same sequence with other content: refused', async () => {
    pub.serve(list(2, { publisher: { name: 'Changed' } }), key);
    await updateNow();
    await expectRefused('changed-content', 2);
  });

  it('sequence 1 again (rollback): refused, 2 stays', async () => {
    pub.serve(list(1), key);
    await updateNow();
    await expectRefused('rollback', 2);
    expect(await options.locator('[data-update-outcome="refused"]').count()).toBeGreaterThan(0);
  });

  it('a changed key drops the old list (bundled again) until a list signed by the new key verifies', async () => {
    pub.serve(list(2, { publisher: { name: 'Changed' } }), key);
    await options.fill('input[name="list_subscription"]', formatSubscription(LIST_URL, formatKey(newKey.publicKey))!);
    await options.click('button[name="save"]');
    await expectRefused('bad-signature', BUNDLED_SEQUENCE, BUNDLED);
    pub.serve(list(3), newKey);
    await updateNow();
    await waitStatus('ok', 3);
  });

  it('the host learns the home region from the shards requested, unless every region is fetched', async () => {
    const l = list(4);
    const region = (code: string, level: 'provinsi' | 'kota') => ({
      ...l.elections[0]!,
      id: `pilkada-2024-${code}`,
      type: level === 'provinsi' ? ('pilgub' as const) : ('pilwalkot' as const),
      region: { code, name: code, level },
      tickets: l.elections[0]!.tickets.map((t) => ({
        ...t,
        id: `${t.id}-${code}`,
        members: t.members.map((m, i) => ({ ...m, role: i === 0 ? ('cagub' as const) : ('cawagub' as const) })),
      })),
    });
    const shardOf = async (path: string, scope: string, elections: CandidateList['elections']) => {
      const body = new TextEncoder().encode(JSON.stringify({ ...l, elections }));
      pub.file(`/${path}`, body);
      return { path, scope, sha256: await sha256Hex(body), bytes: body.byteLength };
    };
    const shards = [
      await shardOf('national.json', '00', l.elections),
      await shardOf('prov/32.json', '32', [region('32', 'provinsi')]),
      await shardOf('kab/3273.json', '3273', [region('3273', 'kota')]),
      await shardOf('prov/31.json', '31', [region('31', 'provinsi')]),
    ];
    pub.serve(await manifest(l, shards), newKey);
    pub.takeRequested();
    await options.fill('input[name="region"]', '3273');
    await options.click('button[name="save"]');
    await waitStatus('ok', 4);
    expect(pub.takeRequested().filter((p) => p !== '/LIST.json.sig')).toEqual([
      '/LIST.json',
      '/national.json',
      '/prov/32.json',
      '/kab/3273.json',
    ]);
    await options.locator('input[name="list_all_shards"]').check();
    await options.click('button[name="save"]');
    await expect
      .poll(() => pub.takeRequested().filter((p) => p.startsWith('/prov/31')), { timeout: 15_000 })
      .toEqual(['/prov/31.json']);
    await waitStatus('ok', 4);
  });

  it('every refusal was shown with its reason', () => {
    console.log(seen.map((s) => `${s.code}: ${s.shown}`).join('\n'));
    expect(new Set(seen.map((s) => s.code))).toEqual(
      new Set(Object.keys(LIST_ERROR_TEXT).filter((c) => c !== 'bad-keys')),
    );
  });
});
