/**
 * The site-rules channel behind the document: the updater (fetch, verify, store, refuse with the
 * last good rules kept), the feed beside the list, the rules in effect the background publishes
 * (lib/site-rules/publish.ts), what a content script takes from them (lib/site-rules/in-effect.ts)
 * and what the options page shows.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { formatKey } from '../../lib/list/signature';
import { generateSigningKey, renderSignature, signBytes } from '../../lib/list/sign-node';
import { PLATFORMS } from '../../lib/list/types';
import { BUILTIN_RULES } from '../../lib/site-rules/builtin';
import { noRules, type RulesInEffect, rulesInEffectKey, takeRules } from '../../lib/site-rules/in-effect';
import { createRulesPublisher, rulesInEffect, siteRulesInEffect } from '../../lib/site-rules/publish';
import { siteRulesView } from '../../lib/site-rules/status';
import {
  type ActiveSiteRules,
  createSiteRulesUpdater,
  feedBesideList,
  type RulesFeed,
  type RulesMeta,
  STORAGE_KEYS,
} from '../../lib/site-rules/updater';
import { resolveAction } from '../../lib/sites/engine';
import { SITE_LIST } from '../../lib/sites/registry';
import { type SiteRules, siteModule } from '../../lib/sites/types';
import { x, xCode } from '../../lib/sites/x';
import { youtube } from '../../lib/sites/youtube';
import { MemoryStore } from './list/helpers/memory-store';

const URL_ = 'https://lists.example.test/jn/site-rules.json';
const key = generateSigningKey('rules-a');
const other = generateSigningKey('rules-b');
const KEYS = formatKey(key.publicKey);

const xChanged = (version: number): SiteRules => ({
  ...x.rules,
  version,
  containers: x.rules.containers.map((c, i) =>
    // the post container (the account card after it is a `post` too, and would win on the same element)
    i === 0 ? { ...c, selectors: ['[data-testid="postCell"]', ...c.selectors] } : c,
  ),
});
const docOf = (sequence: number, sites: SiteRules[], extra: Record<string, unknown> = {}) => ({
  format: 'jaga-netral-site-rules',
  format_version: 1,
  stream_id: 'test.site-rules',
  sequence,
  issued_at: '2026-12-02T00:00:00Z',
  sites,
  ...extra,
});

/** A host under test control: path → bytes (absent: 404); counts requests. */
function host() {
  const files = new Map<string, Uint8Array>();
  const log: string[] = [];
  const fetch = async (input: string) => {
    const path = new URL(input).pathname;
    log.push(path);
    const body = files.get(path);
    return body
      ? new Response(body as BodyInit, { status: 200, headers: { 'content-type': 'application/json' } })
      : new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  };
  const path = new URL(URL_).pathname;
  return {
    fetch,
    log,
    /** serve `doc` signed by `k` (null: no .sig) */
    serve(doc: unknown, k: typeof key | null = key) {
      const bytes = new TextEncoder().encode(typeof doc === 'string' ? doc : JSON.stringify(doc));
      files.set(path, bytes);
      if (k) files.set(`${path}.sig`, new TextEncoder().encode(renderSignature(signBytes(bytes, k.privateFile))));
      else files.delete(`${path}.sig`);
    },
    remove() {
      files.clear();
    },
  };
}

function setup(feed: RulesFeed | null = { url: URL_, keys: KEYS, beside: true }) {
  const h = host();
  const store = new MemoryStore();
  let now = Date.parse('2026-12-02T10:00:00Z');
  const state = { feed };
  const u = createSiteRulesUpdater({
    fetch: h.fetch,
    store,
    now: () => now++,
    getFeed: () => state.feed,
  });
  const active = async () => (await store.get(STORAGE_KEYS.active)) as ActiveSiteRules | undefined;
  return { h, store, u, state, active };
}

describe('site rules updater', () => {
  it('fetches, verifies and stores a signed document; unchanged on the next check', async () => {
    const { h, u, active } = setup();
    h.serve(docOf(1, [xChanged(x.rules.version + 1)]));
    expect(await u.updateNow()).toMatchObject({ outcome: 'updated', streamId: 'test.site-rules', sequence: 1 });
    const a = await active();
    expect(a).toMatchObject({ url: URL_, keyId: 'rules-a', doc: { sequence: 1 } });
    expect(a?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(h.log).toEqual(['/jn/site-rules.json', '/jn/site-rules.json.sig']);
    expect(await u.updateNow()).toMatchObject({ outcome: 'unchanged', sequence: 1 });
    expect((await u.meta()).failures).toBe(0);
  });

  it('refuses unsigned, foreign-key, altered, broken, invalid, oversized, rolled-back and replayed documents; the last good one stays', async () => {
    const { h, u, active } = setup();
    // before anything was accepted: refused, and nothing is stored (the built-in rules stay)
    h.serve(docOf(1, [xChanged(x.rules.version + 1)]), null);
    expect(await u.updateNow()).toMatchObject({ outcome: 'refused', code: 'unsigned' });
    expect(await active()).toBeUndefined();
    expect((await u.meta()).lastErrorCode).toBe('unsigned');

    h.serve(docOf(5, [xChanged(x.rules.version + 1)]));
    expect((await u.updateNow()).outcome).toBe('updated');
    const good = await active();

    const codes: string[] = [];
    const refuse = async () => {
      const r = await u.updateNow();
      expect(r.outcome, r.reason).toBe('refused');
      codes.push(r.code ?? '');
      expect(await active(), `${r.code}: the last good rules stay`).toEqual(good);
    };
    const newer = docOf(6, [xChanged(x.rules.version + 2)]);
    h.serve(newer, null);
    await refuse();
    h.serve(newer, other);
    await refuse();
    h.serve('{"format": "jaga-netral-site-rules",');
    await refuse();
    h.serve(docOf(6, [{ ...x.rules, actions: 'all' } as never]));
    await refuse();
    h.serve(docOf(6, [{ ...x.rules, version: 9, script: 'alert(1)' } as never]));
    await refuse();
    h.serve(docOf(6, [xChanged(x.rules.version + 2)], { stream_id: 'someone-else' }));
    await refuse();
    h.serve(docOf(4, [xChanged(x.rules.version + 2)]));
    await refuse();
    h.serve(docOf(5, [xChanged(x.rules.version + 3)]));
    await refuse();
    h.serve(docOf(6, [xChanged(x.rules.version + 2)], { issued_at: '2026-11-01T00:00:00Z' }));
    await refuse();
    h.serve(JSON.stringify(docOf(6, [xChanged(x.rules.version + 2)], { pad: ' '.repeat(300 * 1024) })));
    await refuse();
    expect(codes).toEqual([
      'unsigned',
      'bad-signature',
      'invalid',
      'invalid',
      'invalid',
      'wrong-stream',
      'rollback',
      'rollback',
      'older-issue',
      'too-large',
    ]);
    expect((await u.meta()).failures).toBe(codes.length);
    // and the next good one is taken
    h.serve(newer);
    expect((await u.updateNow()).outcome).toBe('updated');
    expect((await active())?.doc.sequence).toBe(6);
    expect((await u.meta()).failures).toBe(0);
    expect((await u.history()).length).toBe(13);
  });

  it('refuses bytes altered after signing', async () => {
    const doc = docOf(1, [xChanged(x.rules.version + 1)]);
    const sig = renderSignature(signBytes(new TextEncoder().encode(JSON.stringify(doc)), key.privateFile));
    const altered = new TextEncoder().encode(JSON.stringify({ ...doc, sequence: 2 }));
    const fetch = async (input: string) =>
      new Response((input.endsWith('.sig') ? new TextEncoder().encode(sig) : altered) as BodyInit, {
        headers: { 'content-type': 'application/json' },
      });
    const store = new MemoryStore();
    const u2 = createSiteRulesUpdater({ fetch, store, now: () => 1, getFeed: () => ({ url: URL_, keys: KEYS }) });
    expect(await u2.updateNow()).toMatchObject({ outcome: 'refused', code: 'bad-signature' });
    expect(await store.get(STORAGE_KEYS.active)).toBeUndefined();
  });

  it('a 404 beside the list is "no site rules", not a failure; the host down is a failure; both keep the rules', async () => {
    const { h, u, active, state } = setup();
    expect(await u.updateNow()).toMatchObject({ outcome: 'unchanged', reason: expect.stringMatching(/no site rules/) });
    expect((await u.meta()).failures).toBe(0);
    h.serve(docOf(1, [xChanged(x.rules.version + 1)]));
    await u.updateNow();
    h.remove();
    expect((await u.updateNow()).outcome).toBe('unchanged');
    expect((await active())?.doc.sequence).toBe(1);
    // a feed named on its own (not beside a list): a 404 is a failure
    state.feed = { url: URL_, keys: KEYS };
    expect(await u.updateNow()).toMatchObject({ outcome: 'failed', code: 'network' });
    expect((await active())?.doc.sequence).toBe(1);
  });

  it('a changed feed (keys or URL) or none drops the old rules at once: built in until the new feed verifies', async () => {
    const { h, u, active, state } = setup();
    h.serve(docOf(1, [xChanged(x.rules.version + 1)]));
    await u.updateNow();
    state.feed = { url: URL_, keys: formatKey(other.publicKey), beside: true };
    expect(await u.updateNow()).toMatchObject({ outcome: 'refused', code: 'bad-signature' });
    expect(await active()).toBeUndefined();
    // the sequence memory survives the switch: sequence 1 again from the new key is a rollback
    h.serve(docOf(1, [xChanged(x.rules.version + 1)]), other);
    expect(await u.updateNow()).toMatchObject({ outcome: 'refused', code: 'rollback' });
    h.serve(docOf(2, [xChanged(x.rules.version + 1)]), other);
    expect((await u.updateNow()).outcome).toBe('updated');
    state.feed = null;
    expect((await u.updateNow()).outcome).toBe('unchanged');
    expect(await active()).toBeUndefined();
  });

  it('a feed without keys is refused before anything is fetched', async () => {
    const { h, u } = setup({ url: URL_, keys: '' });
    h.serve(docOf(1, [xChanged(x.rules.version + 1)]));
    expect(await u.updateNow()).toMatchObject({ outcome: 'refused', code: 'unsigned' });
    expect(h.log).toEqual([]);
  });
});

describe('the built-in rules', () => {
  it('name every guarded site once', () => {
    expect(BUILTIN_RULES.map((r) => r.site).sort()).toEqual([...PLATFORMS].sort());
  });
});

describe('the feed beside the list', () => {
  it('is site-rules.json in the list’s folder, with the list’s keys; none without a list URL', () => {
    expect(feedBesideList({ url: 'https://h.example/jn/LIST.json?x=1', keys: KEYS })).toEqual({
      url: 'https://h.example/jn/site-rules.json',
      keys: KEYS,
      beside: true,
    });
    expect(feedBesideList({ url: '', keys: KEYS })).toBeNull();
    expect(feedBesideList({ url: 'http://h.example/LIST.json', keys: KEYS })).toBeNull();
  });
});

describe('the rules in effect the background publishes, and what a content script and the options page take', () => {
  const stored = (sites: unknown[], sequence = 3): Partial<ActiveSiteRules> => ({
    doc: docOf(sequence, sites as SiteRules[]) as ActiveSiteRules['doc'],
    acceptedAt: 1_000,
  });

  it('the built-in rules, unless the accepted document brings newer, valid rules for exactly that site', () => {
    const none = rulesInEffect(BUILTIN_RULES, undefined);
    expect(Object.keys(none).sort()).toEqual([...PLATFORMS].sort());
    for (const b of BUILTIN_RULES)
      expect(none[b.site]).toEqual({ rules: b, source: { version: b.version, source: 'built-in' } });
    const newer = rulesInEffect(BUILTIN_RULES, stored([xChanged(x.rules.version + 1)]) as ActiveSiteRules);
    expect(newer.x).toEqual({
      rules: xChanged(x.rules.version + 1),
      source: { version: x.rules.version + 1, source: 'signed', stream_id: 'test.site-rules', sequence: 3 },
    });
    expect(newer.youtube?.source.source).toBe('built-in');
    const builtIn = (sites: unknown[]) => siteRulesInEffect(x.rules, stored(sites)).rules === x.rules;
    // not newer, another site's, malformed, carrying an unknown field, or no document: built in
    expect(builtIn([{ ...x.rules }])).toBe(true);
    expect(builtIn([{ ...youtube.rules, version: 99 }])).toBe(true);
    expect(builtIn([{ ...xChanged(9), actions: [{ kind: 'like' }] }])).toBe(true);
    expect(builtIn([{ ...xChanged(9), hosts: ['evil.example'] }])).toBe(true);
    expect(builtIn([{ ...xChanged(9), version: '9' }])).toBe(true);
    expect(siteRulesInEffect(x.rules, undefined).rules).toBe(x.rules);
    expect(siteRulesInEffect(x.rules, { doc: { sites: 'x' } }).rules).toBe(x.rules);
    // X's entry claiming to be YouTube's is YouTube's entry (checked as YouTube's), never X's
    const claimed = rulesInEffect(BUILTIN_RULES, stored([{ ...xChanged(9), site: 'youtube' }]) as ActiveSiteRules);
    expect(claimed.x?.rules).toBe(x.rules);
    expect(claimed.youtube?.rules.site).toBe('youtube');
  });

  it('published after every accepted update and dropped feed, written only when it changed', async () => {
    const { h, u, store, state } = setup();
    const publish = createRulesPublisher(store, BUILTIN_RULES);
    const published = async (): Promise<RulesInEffect> =>
      Object.fromEntries(
        await Promise.all(BUILTIN_RULES.map(async (b) => [b.site, await store.get(rulesInEffectKey(b.site))])),
      );
    expect(await publish()).toBe(true);
    expect((await published()).x?.source.source).toBe('built-in');
    expect(await publish()).toBe(false);
    h.serve(docOf(1, [xChanged(x.rules.version + 1)]));
    await u.updateNow();
    expect(await publish()).toBe(true);
    expect(takeRules((await published()).x, 'x')).toEqual(xChanged(x.rules.version + 1));
    expect((await published()).x?.source).toMatchObject({ source: 'signed', sequence: 1 });
    // a refused document changes nothing; two publishes at once end with the newest state
    h.serve(docOf(1, [xChanged(x.rules.version + 2)]));
    await u.updateNow();
    expect(await publish()).toBe(false);
    state.feed = null;
    await u.updateNow();
    const [a, b] = await Promise.all([publish(), publish()]);
    expect([a, b]).toEqual([true, false]);
    expect(takeRules((await published()).x, 'x')).toEqual(x.rules);
  });

  it('a content script takes its own site’s rules of the right shape only; anything else keeps what it has', () => {
    const record = rulesInEffect(BUILTIN_RULES, undefined);
    expect(takeRules(record.x, 'x')).toEqual(x.rules);
    expect(takeRules(record.youtube, 'youtube')).toEqual(youtube.rules);
    // YouTube's published value under X's key
    expect(takeRules(record.youtube, 'x')).toBeNull();
    const withX = (rules: unknown) => ({ rules, source: { version: 9, source: 'signed' } });
    for (const junk of [
      undefined,
      null,
      'x',
      [],
      { rules: null },
      { rules: 'x' },
      record, // every site's record, not one site's value
      withX(null),
      withX(youtube.rules), // another site's rules under X
      withX({ ...x.rules, site: undefined }),
      withX({ ...x.rules, actions: {} }),
      withX({ ...x.rules, containers: undefined }),
      withX({ ...x.rules, actions: [{ kind: 'like' }] }),
      withX({ ...x.rules, actions: [null] }),
      withX({ ...x.rules, containers: [{ ...x.rules.containers[0], author: 'a' }] }),
      withX({ ...x.rules, composers: {} }),
      withX({ ...x.rules, composers: [{ inputs: [] }] }),
      withX({ ...x.rules, postComposers: [{ inputs: ['a'], submits: 'b' }] }),
      withX({ ...x.rules, shortcuts: 'l' }),
    ])
      expect(takeRules(junk, 'x'), JSON.stringify(junk)).toBeNull();
  });

  it('on X’s changed markup a module with no rules resolves nothing, nor with the built-in ones; the published update resolves the post', () => {
    const html = readFileSync(new URL('../fixtures/x/home-changed.html', import.meta.url), 'utf8');
    const doc = parseHTML(html).document as unknown as Document;
    const reply = doc.querySelector('[data-testid="postCell"][data-post="p2"] [data-testid="reply"]');
    if (!reply) throw new Error('fixture has no p2 reply');
    const site = siteModule(noRules('x'), xCode);
    const at = { href: 'https://x.com/home-changed' };
    expect(resolveAction(site, reply, at, doc)).toBeNull();
    site.rules = takeRules(rulesInEffect(BUILTIN_RULES, undefined).x, 'x') ?? site.rules;
    expect(resolveAction(site, reply, at, doc)).toBeNull();
    const update = rulesInEffect(BUILTIN_RULES, stored([xChanged(x.rules.version + 1)]) as ActiveSiteRules);
    site.rules = takeRules(update.x, 'x') ?? site.rules;
    const hit = resolveAction(site, reply, at, doc);
    expect(hit?.item.author).toEqual({ platform: 'x', handle: 'warga_semarang' });
    expect(hit?.item.text).toContain('#PrabowoGibran2024');
  });

  it('the options page: per site the published version and its source, and the refusal', () => {
    const active = { ...stored([xChanged(x.rules.version + 1)]), url: URL_, keyId: 'rules-a' } as ActiveSiteRules;
    const meta: RulesMeta = { failures: 1, lastCheck: 2_000, lastErrorCode: 'unsigned', lastError: 'not signed' };
    const v = siteRulesView(rulesInEffect(BUILTIN_RULES, active), active, meta);
    expect(v.state).toBe('error');
    expect(v.errorCode).toBe('unsigned');
    expect(v.rows.map((r) => r.site)).toEqual(SITE_LIST.map((s) => s.platform));
    expect(v.rows.find((r) => r.site === 'x')).toEqual({
      site: 'x',
      version: x.rules.version + 1,
      source: 'signed',
      streamId: 'test.site-rules',
      sequence: 3,
      acceptedAt: 1_000,
    });
    expect(v.rows.find((r) => r.site === 'youtube')).toEqual({
      site: 'youtube',
      version: youtube.rules.version,
      source: 'built-in',
    });
    const plain = siteRulesView(rulesInEffect(BUILTIN_RULES, undefined), undefined, undefined);
    expect(plain.rows.map((r) => r.source)).toEqual(SITE_LIST.map(() => 'built-in'));
    // nothing published yet: no row is guessed
    expect(siteRulesView(undefined, undefined, undefined).rows).toEqual([]);
  });
});
