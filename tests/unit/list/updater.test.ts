/**
 * The updater against a real local HTTPS server, an in-memory storage.local and an injected clock.
 * Every bad input must be refused with a clear reason while the last good list stays active.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatKey } from '../../../lib/list/signature';
import { generateSigningKey, renderSignature, signBytes } from '../../../lib/list/sign-node';
import type { CandidateList } from '../../../lib/list/types';
import { computeDelay, createUpdater, HISTORY_LIMIT, type ListSource, STORAGE_KEYS } from '../../../lib/list/updater';
import { minimalList } from './fixtures';
import { type Handler, serve, startHttpServer, useHttpsServer } from './helpers/https-server';
import { MemoryStore } from './helpers/memory-store';

const srv = useHttpsServer();

const key = generateSigningKey('publisher-2026');
const other = generateSigningKey('stranger');
const T0 = Date.parse('2024-10-01T00:00:00Z');
const bundledRaw = readFileSync('public/lists/bundled.json', 'utf8');

function setup(src: Partial<ListSource> = {}, limits = { timeoutMs: 2_000, maxBytes: 256 * 1024 }) {
  const store = new MemoryStore();
  const clock = { t: T0 };
  const source: ListSource = { url: `${srv.origin}/LIST.json`, keys: formatKey(key.publicKey), region: '', ...src };
  const updater = createUpdater({
    fetch: srv.fetch,
    store,
    now: () => clock.t,
    random: () => 0.5,
    loadBundled: async () => bundledRaw,
    getSource: () => source,
    limits,
  });
  return { store, clock, source, updater };
}

const bytesOf = (list: CandidateList) => new TextEncoder().encode(JSON.stringify(list));

/** Publish a list at /LIST.json, signed by `key` unless told otherwise (`sign: null`), with an ETag. */
function publish(list: CandidateList, opts: { sign?: typeof key | null; etag?: string; path?: string } = {}) {
  const body = bytesOf(list);
  const path = opts.path ?? '/LIST.json';
  const signer = opts.sign === undefined ? key : opts.sign;
  srv.routes.set(path, serve(body, { etag: opts.etag }));
  if (signer)
    srv.routes.set(
      `${path}.sig`,
      serve(renderSignature(signBytes(body, signer.privateFile)), { type: 'application/octet-stream' }),
    );
  else srv.routes.delete(`${path}.sig`);
  return body;
}

/** Serve raw bytes at /LIST.json with a valid signature over them (so checks after the signature run). */
function publishSignedRaw(body: string | Uint8Array, opts: { type?: string } = {}) {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  srv.routes.set('/LIST.json', serve(bytes, opts));
  srv.routes.set('/LIST.json.sig', serve(renderSignature(signBytes(bytes, key.privateFile))));
}

const seq = (n: number, over: Partial<CandidateList> = {}) => minimalList({ sequence: n, ...over });

async function expectStillActive(u: ReturnType<typeof setup>['updater'], sequence: number) {
  const active = await u.getActiveList();
  expect(active.source).toBe('remote');
  expect(active.list.sequence).toBe(sequence);
  const s = await u.status();
  expect(s.sequence).toBe(sequence);
}

describe('updater: fallback and first fetch', () => {
  it('uses the bundled list when nothing was ever fetched', async () => {
    const { updater } = setup();
    const a = await updater.getActiveList();
    expect(a.source).toBe('bundled');
    expect(a.list.list_id).toBe('id.jaga-netral/bundled');
    const s = await updater.status();
    expect(s).toMatchObject({ state: 'ok', source: 'bundled', signed: false, listId: 'id.jaga-netral/bundled' });
    expect(s.counts.elections).toBeGreaterThanOrEqual(11);
    expect(await updater.nextDelay()).toBe(0);
  });

  it('with no list URL configured, keeps the bundled list and checks nothing', async () => {
    const { updater } = setup({ url: '' });
    const s = await updater.updateNow();
    expect(s).toMatchObject({ state: 'ok', source: 'bundled' });
    expect(srv.log).toEqual([]);
  });

  it('fetches, verifies, validates and activates a signed list over HTTPS', async () => {
    const { updater, store } = setup();
    publish(seq(1), { etag: '"v1"' });
    const s = await updater.updateNow();
    expect(s).toMatchObject({
      state: 'ok',
      source: 'remote',
      listId: 'test/pilkada',
      sequence: 1,
      signed: true,
      keyId: 'publisher-2026',
      publisher: 'Contoh BKPSDM',
      counts: { elections: 1, tickets: 2, people: 4, accounts: 1 },
      lastCheck: T0,
    });
    expect(s.nextCheck! - T0).toBe(6 * 3_600_000);
    expect(store.keys().filter((k) => k.startsWith(STORAGE_KEYS.dataPrefix))).toHaveLength(1);
    expect(await updater.history()).toEqual([
      { at: T0, outcome: 'updated', listId: 'test/pilkada', sequence: 1, url: `${srv.origin}/LIST.json` },
    ]);
  });

  it('sends If-None-Match next time and treats 304 as unchanged', async () => {
    const { updater } = setup();
    publish(seq(1), { etag: '"v1"' });
    await updater.updateNow();
    const s = await updater.updateNow();
    expect(srv.log.at(-1)).toMatchObject({ path: '/LIST.json', ifNoneMatch: '"v1"' });
    expect(s).toMatchObject({ state: 'ok', sequence: 1 });
    expect((await updater.history())[0]).toMatchObject({ outcome: 'unchanged', sequence: 1 });
  });

  it('sends If-Modified-Since when the server gives Last-Modified', async () => {
    const { updater } = setup();
    const lm = 'Tue, 01 Oct 2024 00:00:00 GMT';
    publish(seq(1));
    srv.routes.set('/LIST.json', serve(bytesOf(seq(1)), { headers: { 'last-modified': lm } }));
    await updater.updateNow();
    await updater.updateNow();
    expect(srv.log.filter((l) => l.path === '/LIST.json').at(-1)?.ifModifiedSince).toBe(lm);
  });

  it('runs one check at a time', async () => {
    const { updater } = setup();
    publish(seq(1));
    const [a, b] = await Promise.all([updater.updateNow(), updater.updateNow()]);
    expect(a).toEqual(b);
    expect(srv.log.filter((l) => l.path === '/LIST.json')).toHaveLength(1);
    expect(srv.log.filter((l) => l.path === '/LIST.json.sig')).toHaveLength(1);
  });
});

describe('updater: the issue 4 story (publish 1 → broken → 2 signed → 1 again)', () => {
  it('keeps sequence 1 through a broken release, takes 2, refuses 1 again', async () => {
    const { updater } = setup({ keys: formatKey(key.publicKey) });
    publish(seq(1), { sign: key });
    expect(await updater.updateNow()).toMatchObject({ state: 'ok', sequence: 1, signed: true });

    srv.routes.set('/LIST.json', serve('{"format":"jaga-netral/candidate-list","format_version":1,'));
    srv.routes.set(
      '/LIST.json.sig',
      serve(
        renderSignature(
          signBytes(
            new TextEncoder().encode('{"format":"jaga-netral/candidate-list","format_version":1,'),
            key.privateFile,
          ),
        ),
      ),
    );
    const broken = await updater.updateNow();
    expect(broken).toMatchObject({ state: 'error', sequence: 1 });
    expect(broken.error).toMatch(/^the list is invalid: \(document\): malformed JSON/);
    await expectStillActive(updater, 1);

    publish(seq(2), { sign: key });
    expect(await updater.updateNow()).toMatchObject({ state: 'ok', sequence: 2, signed: true });
    expect((await updater.status()).error).toBeUndefined();

    publish(seq(1), { sign: key });
    const rolled = await updater.updateNow();
    expect(rolled).toMatchObject({ state: 'error', sequence: 2 });
    expect(rolled.error).toBe('rollback refused: "test/pilkada" sequence 1 is older than the accepted sequence 2');
    await expectStillActive(updater, 2);
    expect((await updater.history()).map((h) => h.outcome)).toEqual(['refused', 'updated', 'refused', 'updated']);
  });
});

describe('updater: bad input is refused and the last good list stays', () => {
  /** Accept sequence 1, then serve `bad` and expect a rejection matching `why`. */
  async function refusedAfterGood(
    bad: () => void | Promise<void>,
    why: RegExp,
    src: Partial<ListSource> = {},
    limits?: { timeoutMs: number; maxBytes: number },
  ) {
    const ctx = setup(src, limits);
    publish(seq(1));
    expect((await ctx.updater.updateNow()).sequence).toBe(1);
    const before = ctx.store.keys();
    await bad();
    const s = await ctx.updater.updateNow();
    expect(s.state).toBe('error');
    expect(s.error).toMatch(why);
    await expectStillActive(ctx.updater, 1);
    expect(ctx.store.keys().filter((k) => k.startsWith('list.data.'))).toEqual(
      before.filter((k) => k.startsWith('list.data.')),
    );
    return ctx;
  }
  const signed = {};

  it('wrong signature', async () => {
    await refusedAfterGood(
      () => {
        publish(seq(2), { sign: key });
        srv.routes.set('/LIST.json', serve(bytesOf(seq(2, { publisher: { name: 'Tampered' } }))));
      },
      /^signature refused: the signature does not match the document for key "publisher-2026"/,
      signed,
    );
  });

  it('signature by an unknown key', async () => {
    await refusedAfterGood(
      () => void publish(seq(2), { sign: other }),
      /^signature refused: signed with key "stranger", which is not a configured key/,
      signed,
    );
  });

  it('no signature although keys are configured', async () => {
    await refusedAfterGood(
      () => void publish(seq(2), { sign: null }),
      /^the list is not signed \(no \.sig file beside it\); only signed lists are used$/,
      signed,
    );
  });

  it('a valid signature over an older sequence', async () => {
    const { updater } = setup(signed);
    publish(seq(3), { sign: key });
    expect((await updater.updateNow()).sequence).toBe(3);
    publish(seq(2), { sign: key });
    const s = await updater.updateNow();
    expect(s.state).toBe('error');
    expect(s.error).toBe('rollback refused: "test/pilkada" sequence 2 is older than the accepted sequence 3');
    await expectStillActive(updater, 3);
  });

  it('the same sequence with different content', async () => {
    await refusedAfterGood(
      () => void publish(seq(1, { publisher: { name: 'Changed' } })),
      /sequence 1 was already accepted with different content; the publisher must raise the sequence/,
    );
  });

  it('an invalid document, with where and why', async () => {
    const bad = seq(2);
    bad.elections[0]!.tickets[0]!.members.pop();
    await refusedAfterGood(
      () => void publish(bad),
      /^the list is invalid: elections\[0\]\.tickets\[0\]\.members: expected 2 members for kind "pair"/,
    );
  });

  it('an unknown format_version', async () => {
    await refusedAfterGood(
      () => publishSignedRaw(JSON.stringify({ ...seq(2), format_version: 2 })),
      /format_version 2 is not supported/,
    );
  });

  it('an HTTP (not HTTPS) URL: a new source, so the old list is dropped and the bundled list rules', async () => {
    const { updater, source } = setup();
    publish(seq(1));
    await updater.updateNow();
    source.url = 'http://127.0.0.1:1/LIST.json';
    const s = await updater.updateNow();
    expect(s).toMatchObject({ state: 'error', errorCode: 'network', source: 'bundled' });
    expect(s.error).toBe('the list URL must use HTTPS; http is refused (http://127.0.0.1:1/LIST.json)');
  });

  it('server 500 and 404', async () => {
    const fail =
      (code: number): Handler =>
      (_q, r) => {
        r.writeHead(code);
        r.end();
      };
    await refusedAfterGood(
      () => void srv.routes.set('/LIST.json', fail(500)),
      /^the list: the server answered HTTP 500/,
    );
    await refusedAfterGood(
      () => void srv.routes.set('/LIST.json', fail(404)),
      /^the list: the server answered HTTP 404/,
    );
  });

  it('timeout', async () => {
    const pending: import('node:http').ServerResponse[] = [];
    await refusedAfterGood(
      () => void srv.routes.set('/LIST.json', (_q, r) => void pending.push(r)),
      /^the list: no complete answer within 0\.3 s \(timed out\)/,
      {},
      { timeoutMs: 300, maxBytes: 256 * 1024 },
    );
    for (const r of pending) r.destroy();
  });

  it('a body that stalls mid-way times out too', async () => {
    await refusedAfterGood(
      () =>
        void srv.routes.set('/LIST.json', (_q, r) => {
          r.writeHead(200, { 'content-type': 'application/json' });
          r.write('{"format":');
          setTimeout(() => r.destroy(), 2_000);
        }),
      /timed out/,
      {},
      { timeoutMs: 300, maxBytes: 256 * 1024 },
    );
  });

  it('redirect loop', async () => {
    await refusedAfterGood(() => {
      srv.routes.set('/LIST.json', (_q, r) => {
        r.writeHead(302, { location: '/loop' });
        r.end();
      });
      srv.routes.set('/loop', (_q, r) => {
        r.writeHead(302, { location: '/LIST.json' });
        r.end();
      });
    }, /^the list: could not fetch https:\/\/127\.0\.0\.1:\d+\/LIST\.json \(fetch failed: redirect count exceeded\)/);
  });

  it('a redirect to plain HTTP', async () => {
    const plain = await startHttpServer(serve(bytesOf(seq(2))));
    publish(seq(2));
    try {
      await refusedAfterGood(() => {
        srv.routes.set('/LIST.json', (_q, r) => {
          r.writeHead(302, { location: `${plain.origin}/LIST.json` });
          r.end();
        });
      }, /redirected to a non-HTTPS URL \(http:\/\/127\.0\.0\.1:\d+\/LIST\.json\); refused/);
    } finally {
      await plain.close();
    }
  });

  it('a truncated body', async () => {
    await refusedAfterGood(
      () =>
        void srv.routes.set('/LIST.json', (_q, r) => {
          const body = JSON.stringify(seq(2));
          r.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
          r.write(body.slice(0, 100));
          setTimeout(() => r.socket?.destroy(), 20);
        }),
      /the connection broke before the whole document arrived \(truncated/,
    );
  });

  it('a non-JSON content type', async () => {
    await refusedAfterGood(
      () => publishSignedRaw('<html>login</html>', { type: 'text/html; charset=utf-8' }),
      /^the list: the server sent "text\/html; charset=utf-8", not JSON/,
    );
  });

  it('an oversized document: declared too big, refused before reading', async () => {
    await refusedAfterGood(
      () =>
        void srv.routes.set('/LIST.json', (_q, r) => {
          r.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) });
          r.write('{');
        }),
      /^the list is larger than the limit of 262,144 bytes \(10,485,760 bytes or more\); download stopped/,
    );
  });

  it('an oversized document streamed without length: aborted at the cap, never downloaded in full', async () => {
    let sent = 0;
    let closed = false;
    await refusedAfterGood(
      () =>
        void srv.routes.set('/LIST.json', (req, r) => {
          r.writeHead(200, { 'content-type': 'application/json' });
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          const pump = () => {
            while (!closed && sent < 200 * 1024 * 1024) {
              sent += chunk.length;
              if (!r.write(chunk)) return void r.once('drain', pump);
            }
            r.end();
          };
          req.socket.on('close', () => {
            closed = true;
          });
          pump();
        }),
      /^the list: larger than the limit of 262,144 bytes; download stopped at \d{3},\d{3} bytes/,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
    // the server could only push what the socket buffers held: far less than the 200 MiB offered
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('updater: atomic swap', () => {
  it('a worker killed before the pointer flip leaves the old list active and no leftovers', async () => {
    const { updater, store } = setup();
    publish(seq(1));
    await updater.updateNow();
    const oldKeys = store.keys();
    publish(seq(2));
    store.dieAt = STORAGE_KEYS.pointer;
    const s = await updater.updateNow();
    expect(s.error).toMatch(/service worker terminated/);
    await expectStillActive(updater, 1);
    // the half-done swap left the new copy behind; the next run clears it, then succeeds
    expect(store.keys().filter((k) => k.startsWith('list.data.'))).toHaveLength(2);
    expect(await updater.updateNow()).toMatchObject({ state: 'ok', sequence: 2 });
    expect(store.keys().filter((k) => k.startsWith('list.data.'))).toHaveLength(1);
    expect(store.keys()).not.toEqual(oldKeys);
    expect(store.keys()).not.toContain(STORAGE_KEYS.pending);
  });

  it('a worker killed while writing the new list never exposes it', async () => {
    const { updater, store } = setup();
    publish(seq(1));
    await updater.updateNow();
    publish(seq(2));
    store.dieAt = STORAGE_KEYS.dataPrefix;
    await updater.updateNow();
    await expectStillActive(updater, 1);
    // a fresh updater (the worker restarted) reads the same pointer
    const again = createUpdater({
      fetch: srv.fetch,
      store,
      now: () => T0,
      random: () => 0.5,
      loadBundled: async () => bundledRaw,
      getSource: () => ({ url: `${srv.origin}/LIST.json`, keys: formatKey(key.publicKey), region: '' }),
    });
    expect((await again.getActiveList()).list.sequence).toBe(1);
  });
});

describe('updater: status, schedule, history', () => {
  it('is stale after expires_at (injected clock), and ok again after a fresh list', async () => {
    const { updater, clock } = setup();
    publish(seq(1, { expires_at: '2024-10-05' }));
    await updater.updateNow();
    clock.t = Date.parse('2024-10-05T16:59:59Z'); // 23:59:59 WIB on the expiry day
    expect((await updater.status()).state).toBe('ok');
    clock.t = Date.parse('2024-10-05T17:00:00Z');
    expect((await updater.status()).state).toBe('stale');
    expect((await updater.getActiveList()).list.sequence).toBe(1); // still used
    publish(seq(2, { expires_at: '2025-01-31' }));
    expect((await updater.updateNow()).state).toBe('ok');
  });

  it('backs off exponentially on failure and returns to 6 h after success', async () => {
    const { updater, clock } = setup();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const s = await updater.updateNow();
      delays.push(s.nextCheck! - clock.t);
      expect(await updater.nextDelay()).toBe(s.nextCheck! - clock.t);
    }
    expect(delays.map((d) => d / 60_000)).toEqual([5, 10, 20, 40, 80, 160, 320, 360]);
    publish(seq(1));
    const ok = await updater.updateNow();
    expect(ok.nextCheck! - clock.t).toBe(6 * 3_600_000);
  });

  it('jitters the schedule', () => {
    expect(computeDelay(0, 0)).toBe(0.9 * 6 * 3_600_000);
    expect(computeDelay(0, 0.999_999)).toBeCloseTo(1.1 * 6 * 3_600_000, -3);
    expect(computeDelay(1, 0)).toBe(0.75 * 5 * 60_000);
    expect(computeDelay(40, 1)).toBe(6 * 3_600_000);
  });

  it('keeps the last 50 checks, newest first', async () => {
    const { updater, clock } = setup();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
      clock.t = T0 + i;
      await updater.updateNow();
    }
    const h = await updater.history();
    expect(h).toHaveLength(HISTORY_LIMIT);
    expect(h[0]).toMatchObject({
      at: T0 + HISTORY_LIMIT + 4,
      outcome: 'failed',
      reason: 'the list: the server answered HTTP 404 Not Found',
    });
  });

  it('rejects badly written keys in the settings with the line at fault', async () => {
    const { updater } = setup({ keys: 'oops' });
    publish(seq(1));
    const s = await updater.updateNow();
    expect(s.error).toMatch(/^the configured public keys are invalid: line 1: expected key_id:base64key/);
    expect(s.source).toBe('bundled');
  });

  it('falls back to the bundled list when the URL is cleared', async () => {
    const { updater, source } = setup();
    publish(seq(1));
    await updater.updateNow();
    source.url = '';
    expect((await updater.getActiveList()).source).toBe('bundled');
    expect((await updater.status()).source).toBe('bundled');
  });
});
