/**
 * Site rules through the signed channel, end to end on the built extension. X "changed" its markup
 * (tests/fixtures/x/home-changed.html: posts are `[data-testid="postCell"]`, no <article>, a renamed
 * author block), so the built-in rules do not recognise a Reply there. The list publisher (a local
 * HTTPS host under test control) then ships `site-rules.json` beside its list, signed with the
 * list's key: the tab that is already open recognises the Reply at once — no rebuild, no reload.
 * Unsigned, broken and over-reaching rules documents are refused with their reason shown on the
 * options page, and the rules in use (built in, or the last good update) stay.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKey } from '../../lib/list/signature';
import { generateSigningKey, renderSignature, signBytes } from '../../lib/list/sign-node';
import { formatSubscription } from '../../lib/list/subscription';
import { SITE_RULES_ERROR_TEXT } from '../../lib/site-rules/status';
import type { SiteRulesErrorCode } from '../../lib/site-rules/updater';
import type { SiteRules } from '../../lib/sites/types';
import { xRules } from '../../lib/sites/x';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import { cancel, clickUntilDialog, counts, dialog, openFixture, optIn } from './harness/extension';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { makeTestList } from './harness/test-list';

const HOST = 'lists.jaga-netral.test';
const LIST_URL = `https://${HOST}/signed/LIST.json`;
const CHANGED = 'https://x.com/home-changed';
/** p2 names Prabowo Subianto and #PrabowoGibran2024: ticket 2 of the test list */
const REPLY_P2 = '[data-testid="postCell"][data-post="p2"] [data-testid="reply"]';
const TICKET = 'pilpres-2024/2';

const key = generateSigningKey('e2e-rules-publisher');
const stranger = generateSigningKey('e2e-stranger');

/** X's rules as a maintainer fixes them: a post is also a `[data-testid="postCell"]`. */
const xFixed = (version = xRules.version + 1): SiteRules => ({
  ...xRules,
  version,
  containers: xRules.containers.map((c, i) =>
    // the post container (the account card after it is a `post` too, and would win on the same element)
    i === 0 ? { ...c, selectors: ['[data-testid="postCell"]', ...c.selectors] } : c,
  ),
});
const rulesDoc = (sequence: number, sites: unknown[] = [xFixed()]) => ({
  format: 'jaga-netral-site-rules',
  format_version: 1,
  stream_id: 'e2e.site-rules',
  sequence,
  issued_at: new Date().toISOString(),
  sites,
});

/** The publisher: any bytes at a path, signed by any key or not (a missing file answers 404). */
function publisher(server: FixtureServer) {
  const files = new Map<string, Uint8Array>();
  const requested: string[] = [];
  const handler = (path: string) => (_req: IncomingMessage, res: ServerResponse) => {
    requested.push(path);
    const body = files.get(path);
    res
      .writeHead(body ? 200 : 404, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
      })
      .end(body ? Buffer.from(body) : '');
  };
  for (const p of ['/LIST.json', '/LIST.json.sig', '/site-rules.json', '/site-rules.json.sig'])
    server.route(HOST, `/signed${p}`, handler(p));
  return {
    requested,
    serve(path: string, doc: unknown, k: typeof key | null) {
      const bytes = new TextEncoder().encode(typeof doc === 'string' ? doc : JSON.stringify(doc));
      files.set(path, bytes);
      if (k) files.set(`${path}.sig`, new TextEncoder().encode(renderSignature(signBytes(bytes, k.privateFile))));
      else files.delete(`${path}.sig`);
    },
  };
}

let server: FixtureServer;
let b: ExtensionBrowser;
let pub: ReturnType<typeof publisher>;
let options: Page;
/** the X tab opened once, before any rules update, and never reloaded */
let tab: Page;
const shown: { code: SiteRulesErrorCode; text: string }[] = [];

const xRow = () => options.locator('tr[data-site-rules-site="x"]');
async function updateNow() {
  await options.bringToFront();
  await options.click('button[name="update_now"]');
  await options.locator('button[name="update_now"]:not([disabled])').waitFor();
}
/** The Reply on p2 in the open tab: held with a warning (true) or passed to the page (false). */
async function replyHeld(): Promise<boolean> {
  const before = (await counts(tab))['p2:comment'] ?? 0;
  // a background tab gets no animation frames, which Playwright's click waits for
  await tab.bringToFront();
  await tab.click(REPLY_P2);
  // The guard decides synchronously inside the click: a held action has its dialog in the DOM already.
  if ((await tab.locator('jaga-netral-dialog').count()) > 0) {
    await dialog(tab).waitFor();
    expect((await dialog(tab).getAttribute('data-tickets'))?.split(' ')).toContain(TICKET);
    expect((await counts(tab))['p2:comment'] ?? 0, 'a held reply never reaches the page').toBe(before);
    await cancel(tab);
    return true;
  }
  expect((await counts(tab))['p2:comment'] ?? 0, 'a reply that passed reached the page').toBe(before + 1);
  return false;
}
async function expectRefused(code: SiteRulesErrorCode, inUse: { sequence: number } | 'built-in') {
  const status = options.locator(`[data-site-rules-status="error"][data-site-rules-error="${code}"]`);
  try {
    await status.waitFor({ timeout: 15_000 });
  } catch (e) {
    const el = options.locator('[data-site-rules-status]');
    throw new Error(
      `expected a site-rules refusal "${code}", saw ${await el.getAttribute('data-site-rules-status')}/${await el.getAttribute('data-site-rules-error')}: ${await el.textContent()}`,
      { cause: e },
    );
  }
  const text = ((await status.locator('[data-site-rules-reason]').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  expect(text).toContain(SITE_RULES_ERROR_TEXT[code].id);
  expect(text).toContain(
    inUse === 'built-in'
      ? 'Aturan bawaan tetap dipakai.'
      : `Aturan sah terakhir (urutan ${inUse.sequence}) tetap dipakai.`,
  );
  if (inUse === 'built-in') {
    expect(await xRow().getAttribute('data-rules-source')).toBe('built-in');
    expect(await xRow().getAttribute('data-rules-version')).toBe(String(xRules.version));
  } else {
    expect(await xRow().getAttribute('data-rules-source')).toBe('signed');
    expect(await xRow().getAttribute('data-rules-sequence')).toBe(String(inUse.sequence));
  }
  shown.push({ code, text });
}

beforeAll(async () => {
  server = await startFixtureServer();
  pub = publisher(server);
  b = await launchWithExtension({ port: server.port });
  await optIn(b, { demo: false });
  options = await b.context.newPage();
  options.setDefaultTimeout(15_000);
  await options.goto(b.extUrl('/options.html'));
  // A list source with its key; the publisher ships no site rules yet (404 beside the list).
  pub.serve('/LIST.json', makeTestList(Date.now(), 1), key);
  await options.fill('input[name="list_subscription"]', formatSubscription(LIST_URL, formatKey(key.publicKey))!);
  await options.click('button[name="save"]');
  try {
    await options.locator('[data-list-status="ok"][data-list-sequence="1"][data-list-id="test/e2e"]').waitFor();
  } catch (e) {
    throw new Error(`the list did not activate: ${await options.locator('[data-list-status]').textContent()}`, {
      cause: e,
    });
  }
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('site rules: signed updates reach an open tab', () => {
  it('starts on the built-in rules for every site; no site rules published is not an error', async () => {
    await updateNow();
    await options.locator('[data-site-rules-status="ok"][data-site-rules-sequence="0"]').waitFor();
    expect(await options.locator('table[data-site-rules]').getAttribute('data-site-rules')).toBe('0');
    expect(await options.locator('tr[data-site-rules-site][data-rules-source="built-in"]').count()).toBe(7);
    expect(pub.requested).toContain('/site-rules.json');
  });

  it('the list is in force on the usual markup (x.com/home: the Reply on p2 is held)', async () => {
    const home = await openFixture(b, 'https://x.com/home');
    await clickUntilDialog(home, 'article[data-post="p2"] [data-testid="reply"]');
    expect((await dialog(home).getAttribute('data-tickets'))?.split(' ')).toContain(TICKET);
    await home.close();
  });

  it('on the changed markup the built-in rules do not recognise the Reply: it passes', async () => {
    tab = await openFixture(b, CHANGED);
    await tab.evaluate(() => {
      (window as unknown as { __sameDocument: string }).__sameDocument = 'opened-once';
    });
    expect(await replyHeld()).toBe(false);
  });

  it('unsigned rules (no .sig): refused, the built-in rules stay', async () => {
    pub.serve('/site-rules.json', rulesDoc(1), null);
    await updateNow();
    await expectRefused('unsigned', 'built-in');
    expect(await replyHeld()).toBe(false);
  });

  it('rules signed by a key the list source does not have: refused', async () => {
    pub.serve('/site-rules.json', rulesDoc(1), stranger);
    await updateNow();
    await expectRefused('bad-signature', 'built-in');
  });

  it('broken rules (signed, not JSON): refused, the built-in rules stay', async () => {
    pub.serve('/site-rules.json', '{"format": "jaga-netral-site-rules", "sites": [', key);
    await updateNow();
    await expectRefused('invalid', 'built-in');
    expect(await replyHeld()).toBe(false);
  });

  it('rules that try to carry more than selector data (a script, extra hosts): refused', async () => {
    pub.serve('/site-rules.json', rulesDoc(1, [{ ...xFixed(), hosts: ['evil.example'], script: 'alert(1)' }]), key);
    await updateNow();
    await expectRefused('invalid', 'built-in');
  });

  it('a signed rules update: the open tab recognises the Reply at once — no rebuild, no reload', async () => {
    const loads = server.requests.filter((r) => r === 'x.com/home-changed').length;
    pub.serve('/site-rules.json', rulesDoc(1), key);
    await updateNow();
    await options.locator('[data-site-rules-status="ok"][data-site-rules-sequence="1"]').waitFor();
    expect(await xRow().getAttribute('data-rules-source')).toBe('signed');
    expect(await xRow().getAttribute('data-rules-version')).toBe(String(xRules.version + 1));
    expect(await xRow().getAttribute('data-rules-sequence')).toBe('1');
    expect(await xRow().getAttribute('data-rules-accepted')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await options.locator('tr[data-site-rules-site="youtube"]').getAttribute('data-rules-source')).toBe(
      'built-in',
    );
    // The content script hears the storage change; wait on the outcome, not on a clock.
    await expect.poll(() => replyHeld(), { timeout: 15_000, interval: 200 }).toBe(true);
    expect(await tab.evaluate(() => (window as unknown as { __sameDocument?: string }).__sameDocument)).toBe(
      'opened-once',
    );
    expect(server.requests.filter((r) => r === 'x.com/home-changed').length, 'the tab was not reloaded').toBe(loads);
  });

  it('after it, an unsigned newer document is refused and the last good rules stay in the tab', async () => {
    pub.serve('/site-rules.json', rulesDoc(2, [xFixed(xRules.version + 2)]), null);
    await updateNow();
    await expectRefused('unsigned', { sequence: 1 });
    expect(await replyHeld()).toBe(true);
  });

  it('a broken signed document is refused; the last good rules stay', async () => {
    pub.serve('/site-rules.json', rulesDoc(2, [{ ...xFixed(), actions: [] }]), key);
    await updateNow();
    await expectRefused('invalid', { sequence: 1 });
    expect(await replyHeld()).toBe(true);
  });

  it('the same sequence with other content (a replay or an unannounced change): refused', async () => {
    pub.serve('/site-rules.json', rulesDoc(1, [xFixed(xRules.version + 5)]), key);
    await updateNow();
    await expectRefused('rollback', { sequence: 1 });
  });

  it('a newer signed document is taken (sequence 2), and the status is ok again', async () => {
    pub.serve('/site-rules.json', rulesDoc(2, [xFixed(xRules.version + 2)]), key);
    await updateNow();
    await options.locator('[data-site-rules-status="ok"][data-site-rules-sequence="2"]').waitFor();
    expect(await xRow().getAttribute('data-rules-version')).toBe(String(xRules.version + 2));
    expect(await replyHeld()).toBe(true);
  });

  it('every refusal was shown with its reason', () => {
    console.log(shown.map((s) => `${s.code}: ${s.text}`).join('\n'));
    expect(shown.map((s) => s.code)).toEqual([
      'unsigned',
      'bad-signature',
      'invalid',
      'invalid',
      'unsigned',
      'invalid',
      'rollback',
    ]);
  });
});
