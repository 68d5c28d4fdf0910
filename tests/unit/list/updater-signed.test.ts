/**
 * Signed or nothing: a list source is a URL *and* its keys. Every bad case is refused with its
 * code and reason, and the last good list of the same source stays active; a changed source drops
 * the old list and its validators. Real local HTTPS server, in-memory storage, injected clock.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../lib/list/shards';
import { formatKey } from '../../../lib/list/signature';
import { generateSigningKey, renderSignature, signBytes } from '../../../lib/list/sign-node';
import { LIST_ERROR_TEXT, type ListErrorCode } from '../../../lib/list/status';
import type { CandidateList, CandidateManifest } from '../../../lib/list/types';
import { createUpdater, type ListSource, STORAGE_KEYS, type Pointer } from '../../../lib/list/updater';
import { minimalList } from './fixtures';
import { serve, useHttpsServer } from './helpers/https-server';
import { MemoryStore } from './helpers/memory-store';

const srv = useHttpsServer();

const key = generateSigningKey('publisher-2026');
const second = generateSigningKey('publisher-2027');
const T0 = Date.parse('2024-10-01T00:00:00Z');
const bundledRaw = readFileSync('public/lists/bundled.json', 'utf8');
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

type Limits = { timeoutMs?: number; maxBytes?: number; maxShards?: number; maxTotalBytes?: number };
function setup(src: Partial<ListSource> = {}, limits: Limits = {}, store = new MemoryStore()) {
  const clock = { t: T0 };
  const source: ListSource = { url: `${srv.origin}/LIST.json`, keys: formatKey(key.publicKey), region: '', ...src };
  const updater = createUpdater({
    fetch: srv.fetch,
    store,
    now: () => clock.t,
    random: () => 0.5,
    loadBundled: async () => bundledRaw,
    getSource: () => source,
    limits: { timeoutMs: 2_000, maxBytes: 256 * 1024, ...limits },
  });
  return { store, clock, source, updater };
}

/** Serve a document at `path` with a signature by `signer` (or none). */
function host(doc: unknown, opts: { signer?: typeof key | null; path?: string; etag?: string } = {}) {
  const body = enc(doc);
  const path = opts.path ?? '/LIST.json';
  srv.routes.set(path, serve(body, { etag: opts.etag }));
  const signer = opts.signer === undefined ? key : opts.signer;
  if (signer) srv.routes.set(`${path}.sig`, serve(renderSignature(signBytes(body, signer.privateFile))));
  else srv.routes.delete(`${path}.sig`);
  return body;
}

const seq = (n: number, over: Partial<CandidateList> = {}) => minimalList({ sequence: n, ...over });

async function expectActive(u: ReturnType<typeof setup>['updater'], listId: string, sequence: number) {
  const a = await u.getActiveList();
  expect(a).toMatchObject({ source: 'remote', signed: true });
  expect([a.list.list_id, a.list.sequence]).toEqual([listId, sequence]);
}
async function expectBundled(u: ReturnType<typeof setup>['updater']) {
  const a = await u.getActiveList();
  expect(a.source).toBe('bundled');
  expect((await u.status()).source).toBe('bundled');
}
async function expectRefused(u: ReturnType<typeof setup>['updater'], code: ListErrorCode, why: RegExp | string) {
  const s = await u.updateNow();
  expect(s.state).toBe('error');
  expect(s.errorCode).toBe(code);
  if (typeof why === 'string') expect(s.error).toBe(why);
  else expect(s.error).toMatch(why);
  const h = (await u.history())[0]!;
  expect(h.code).toBe(code);
  return s;
}

describe('a source without keys is never activated', () => {
  it('refuses before any request, keeps the bundled list and says why', async () => {
    const { updater } = setup({ keys: '' });
    host(seq(1), { signer: null });
    const s = await expectRefused(
      updater,
      'unsigned-source',
      /^no public key is configured for https:\/\/127\.0\.0\.1:\d+\/LIST\.json: a list is only used when it is signed by a key of its source/,
    );
    expect(s.source).toBe('bundled');
    expect(srv.log).toEqual([]);
    await expectBundled(updater);
  });

  it('keys that are only blank lines and comments count as none', async () => {
    const { updater } = setup({ keys: '\n# no key yet\n' });
    host(seq(1));
    await expectRefused(updater, 'unsigned-source', /no public key is configured/);
    expect(srv.log).toEqual([]);
  });

  it('a previously accepted list does not survive its keys being removed', async () => {
    const { updater, source } = setup();
    host(seq(1));
    expect(await updater.updateNow()).toMatchObject({ state: 'ok', sequence: 1, signed: true });
    source.keys = '';
    await expectBundled(updater); // at once, before any check
    await expectRefused(updater, 'unsigned-source', /no public key is configured/);
    await expectBundled(updater);
  });

  it('every refusal code has a sentence in Bahasa Indonesia and English', () => {
    for (const [code, text] of Object.entries(LIST_ERROR_TEXT)) {
      expect(text.id, code).toMatch(/\S{3}/);
      expect(text.en, code).toMatch(/\S{3}/);
      expect(text.id, code).not.toBe(text.en);
    }
  });
});

describe('a source is a URL and its keys: changing either drops the old list and its ETag', () => {
  it('new keys: the bundled list rules until a list signed by the new key verifies', async () => {
    const { updater, source, store } = setup();
    host(seq(1), { etag: '"v1"' });
    await updater.updateNow();
    await expectActive(updater, 'test/pilkada', 1);
    source.keys = formatKey(second.publicKey);
    await expectBundled(updater);
    srv.log.length = 0;
    // the host still serves the list signed by the old key
    await expectRefused(
      updater,
      'bad-signature',
      /^signature refused: signed with key "publisher-2026", which is not a configured key \(configured: "publisher-2027"\)/,
    );
    expect(srv.log[0]).toMatchObject({ path: '/LIST.json', ifNoneMatch: undefined });
    await expectBundled(updater);
    expect(store.keys().filter((k) => k.startsWith(STORAGE_KEYS.dataPrefix))).toEqual([]);
    expect(store.keys()).not.toContain(STORAGE_KEYS.pointer);
    host(seq(2), { signer: second });
    expect(await updater.updateNow()).toMatchObject({ state: 'ok', sequence: 2, keyId: 'publisher-2027' });
  });

  it('a new URL: no validators are sent, and a 304 cannot keep the old source list', async () => {
    const { updater, source } = setup();
    host(seq(1), { etag: '"v1"' });
    await updater.updateNow();
    srv.routes.set('/other.json', (_q, r) => {
      r.writeHead(304, { etag: '"v1"' });
      r.end();
    });
    source.url = `${srv.origin}/other.json`;
    srv.log.length = 0;
    await expectRefused(updater, 'network', 'the list: unexpected 304 Not Modified to an unconditional request');
    expect(srv.log).toEqual([{ path: '/other.json', ifNoneMatch: undefined, ifModifiedSince: undefined }]);
    await expectBundled(updater);
  });

  it('the same source written differently (key order, comments) is the same source', async () => {
    const { updater, source } = setup({ keys: `${formatKey(key.publicKey)}\n${formatKey(second.publicKey)}` });
    host(seq(1), { etag: '"v1"' });
    await updater.updateNow();
    source.keys = `# two keys\n${formatKey(second.publicKey)}\n\n${formatKey(key.publicKey)}\n`;
    await expectActive(updater, 'test/pilkada', 1);
    srv.log.length = 0;
    expect((await updater.updateNow()).state).toBe('ok');
    expect(srv.log[0]).toMatchObject({ path: '/LIST.json', ifNoneMatch: '"v1"' });
  });

  it('rollback protection survives a source change', async () => {
    const { updater, source } = setup();
    host(seq(5));
    await updater.updateNow();
    source.url = `${srv.origin}/mirror.json`;
    host(seq(4), { path: '/mirror.json' });
    await expectRefused(
      updater,
      'rollback',
      'rollback refused: "test/pilkada" sequence 4 is older than the accepted sequence 5',
    );
    await expectBundled(updater);
    host(seq(5), { path: '/mirror.json' });
    expect(await updater.updateNow()).toMatchObject({ state: 'ok', sequence: 5 });
  });

  it('a pointer written by an earlier version (no source id, unsigned) is never used, but its sequences are kept', async () => {
    const store = new MemoryStore();
    const legacy: Partial<Pointer> = {
      dataKey: 'list.data.old',
      listId: 'test/pilkada',
      sequence: 6,
      url: `${srv.origin}/LIST.json`,
      signed: false,
      choice: 'list',
      accepted: [['test/pilkada', 6]],
    };
    await store.set(STORAGE_KEYS.pointer, legacy);
    await store.set('list.data.old', seq(6));
    const { updater } = setup({}, {}, store);
    await expectBundled(updater);
    host(seq(5));
    await expectRefused(updater, 'rollback', /sequence 5 is older than the accepted sequence 6/);
    expect(store.keys()).not.toContain('list.data.old');
  });
});

describe('bad lists are refused and the last good list stays active', () => {
  /** Accept `good` (default sequence 1), serve `bad`, expect the refusal, and the good list still in use. */
  async function afterGood(bad: () => void, code: ListErrorCode, why: RegExp | string, limits: Limits = {}) {
    const ctx = setup({}, limits);
    host(seq(1));
    expect((await ctx.updater.updateNow()).state).toBe('ok');
    bad();
    const s = await expectRefused(ctx.updater, code, why);
    expect(s.sequence).toBe(1);
    await expectActive(ctx.updater, 'test/pilkada', 1);
    return ctx;
  }

  it('unsigned (no .sig)', async () => {
    await afterGood(
      () => host(seq(2), { signer: null }),
      'no-signature',
      'the list is not signed (no .sig file beside it); only signed lists are used',
    );
  });

  it('signed by a key the source does not have', async () => {
    await afterGood(() => host(seq(2), { signer: second }), 'bad-signature', /not a configured key/);
  });

  it('altered after signing', async () => {
    await afterGood(
      () => {
        host(seq(2));
        srv.routes.set('/LIST.json', serve(enc(seq(2, { publisher: { name: 'Altered' } }))));
      },
      'bad-signature',
      /^signature refused: the signature does not match the document for key "publisher-2026"/,
    );
  });

  it('already expired when fetched', async () => {
    await afterGood(
      () => host(seq(2, { issued_at: '2024-06-01', expires_at: '2024-09-30' })),
      'expired',
      '"test/pilkada" sequence 2 expired on 2024-09-30, before it was fetched',
    );
  });

  it('the same list_id, a higher sequence, but issued before the accepted one (same key)', async () => {
    await afterGood(
      () => host(seq(2, { issued_at: '2024-09-01T00:00:00Z' })),
      'older-issue',
      '"test/pilkada" was issued 2024-09-01T00:00:00Z, before "test/pilkada" (issued 2024-09-24T00:00:00Z) already accepted from key "publisher-2026"',
    );
  });

  it('another list_id signed by the same key with an older issue date', async () => {
    await afterGood(
      () => host(seq(1, { list_id: 'test/other-stream', issued_at: '2024-08-01' })),
      'older-issue',
      /^"test\/other-stream" was issued 2024-08-01, before "test\/pilkada"/,
    );
  });

  it('(control) another list_id signed by the same key and issued later is accepted', async () => {
    const { updater } = setup();
    host(seq(1));
    await updater.updateNow();
    host(seq(1, { list_id: 'test/other-stream', issued_at: '2024-09-30T00:00:00Z' }));
    expect(await updater.updateNow()).toMatchObject({ state: 'ok', listId: 'test/other-stream' });
  });

  it('an older sequence (rollback)', async () => {
    const ctx = setup();
    host(seq(3));
    await ctx.updater.updateNow();
    host(seq(2));
    await expectRefused(ctx.updater, 'rollback', /sequence 2 is older than the accepted sequence 3/);
    await expectActive(ctx.updater, 'test/pilkada', 3);
  });

  it('the same sequence with other content', async () => {
    await afterGood(
      () => host(seq(1, { publisher: { name: 'Changed' } })),
      'changed-content',
      /sequence 1 was already accepted with different content/,
    );
  });

  it('an invalid document (signed, so the format check is what refuses it)', async () => {
    await afterGood(
      () => host({ ...seq(2), format_version: 9 }),
      'invalid',
      /^the list is invalid: .*format_version 9/,
    );
  });

  it('a document above the byte cap', async () => {
    await afterGood(
      () => host({ ...seq(2), padding: ' '.repeat(5_000) }),
      'too-large',
      /^the list: larger than the limit of 4,000 bytes/,
      {
        maxBytes: 4_000,
      },
    );
  });

  it('a network failure', async () => {
    await afterGood(
      () => srv.routes.delete('/LIST.json'),
      'network',
      'the list: the server answered HTTP 404 Not Found',
    );
  });
});

describe('manifests: shard count and total bytes are capped', () => {
  /** A manifest at /LIST.json whose shards are copies of one list split by election. */
  async function hostManifest(n: number, opts: { declare?: boolean; padding?: number } = {}) {
    const refs: CandidateManifest['shards'] = [];
    for (let i = 0; i < n; i++) {
      const doc = {
        ...seq(7, { elections: i === 0 ? seq(7).elections : [], parties: i === 0 ? seq(7).parties : [] }),
        // an unknown field: ignored by the format, but its bytes count
        padding: ' '.repeat(opts.padding ?? 0),
      };
      const body = enc(doc);
      srv.routes.set(`/s/${i}.json`, serve(body));
      refs.push({
        path: `s/${i}.json`,
        scope: '00',
        sha256: await sha256Hex(body),
        ...(opts.declare !== false && { bytes: body.byteLength }),
      });
    }
    const manifest: CandidateManifest = {
      format: 'jaga-netral/candidate-manifest',
      format_version: 1,
      list_id: 'test/pilkada',
      sequence: 7,
      issued_at: '2024-09-25T00:00:00Z',
      expires_at: '2025-01-31T00:00:00Z',
      publisher: { name: 'Contoh BKPSDM' },
      shards: refs,
    };
    host(manifest);
  }

  async function goodFirst(limits: Limits) {
    const ctx = setup({}, limits);
    host(seq(1));
    await ctx.updater.updateNow();
    return ctx;
  }

  it('(control) a manifest within the caps is accepted', async () => {
    const { updater } = await goodFirst({ maxShards: 3 });
    await hostManifest(3);
    expect(await updater.updateNow()).toMatchObject({ state: 'ok', sequence: 7 });
    expect((await updater.getActiveList()).list.elections).toHaveLength(1);
  });

  it('more shards than allowed: refused before any shard is fetched', async () => {
    const { updater } = await goodFirst({ maxShards: 3 });
    await hostManifest(4);
    srv.log.length = 0;
    await expectRefused(updater, 'too-many-shards', 'the manifest lists 4 shards; at most 3 are accepted');
    expect(srv.log.map((l) => l.path)).toEqual(['/LIST.json', '/LIST.json.sig']);
    await expectActive(updater, 'test/pilkada', 1);
  });

  it('shards that declare more bytes than the total cap: refused before any shard is fetched', async () => {
    const { updater } = await goodFirst({ maxTotalBytes: 6_000 });
    await hostManifest(4, { padding: 1_000 });
    srv.log.length = 0;
    await expectRefused(
      updater,
      'too-large',
      /^the shards to take declare [\d,]+ bytes; .* limit of 6,000 bytes in all$/,
    );
    expect(srv.log.map((l) => l.path)).toEqual(['/LIST.json', '/LIST.json.sig']);
    await expectActive(updater, 'test/pilkada', 1);
  });

  it('shards without declared sizes: the download stops when the total cap is reached', async () => {
    const { updater } = await goodFirst({ maxTotalBytes: 6_000 });
    await hostManifest(4, { declare: false, padding: 1_000 });
    await expectRefused(
      updater,
      'too-large',
      /larger than the limit of .* \(the list and its shards may hold 6,000 bytes in all\)/,
    );
    await expectActive(updater, 'test/pilkada', 1);
  });
});
