/**
 * The site-rules updater: fetches, verifies and stores the signed site-rules document
 * (docs/site-rules.md) with the guarantees of the candidate-list updater, and the same
 * injected dependencies (fetch, a key-value store, a clock) so it runs in the background and in
 * Node tests. The background runs it right after each list check, so it follows the list's alarm
 * schedule, "update now" and source changes.
 *
 * Guarantees:
 * - signed or nothing: a feed is a URL *and* public keys; a document is stored only with a valid
 *   Ed25519 signature (a detached `.sig` beside it) by one of them; nothing unsigned is even parsed;
 * - before anything is stored: the size cap (while downloading), the signature, the schema
 *   (lib/site-rules/schema.ts), the stream (the stream of the rules in use from the same feed),
 *   the sequence (strictly newer than any accepted for that stream_id, also across feed changes)
 *   and the issue date per key (never older than the newest accepted from that key);
 * - ONE storage write activates a document (`siteRules.active`): no half-written rules in use;
 * - every failure or refusal keeps the last good document (or, with none, the built-in rules) and
 *   is recorded with a code and a reason the options page shows;
 * - a changed feed (URL or keys) drops the old feed's document at once: the built-in rules rule
 *   until a document of the new feed verifies.
 */
import { checkHttpsUrl, type FetchLike, fetchCapped } from '../list/fetch-capped';
import { parseKeys } from '../list/signature';
import type { PublicKey } from '../list/types';
import type { KeyValueStore } from '../list/updater';
import { STORAGE_KEYS as ALL_KEYS } from '../storage-keys';
import { acceptSiteRules, type RefusalCode } from './document';
import { SITE_RULES_MAX_BYTES, type SiteRulesDocument } from './schema';

export const STORAGE_KEYS = ALL_KEYS.siteRules;

/** The file a list publisher puts beside its list (or manifest) to ship site rules. */
export const SITE_RULES_FILE = 'site-rules.json';
export const HISTORY_LIMIT = 20;

/** Where the site rules come from: a URL and the keys that must sign what it serves. */
export interface RulesFeed {
  url: string;
  /** `key_id:base64` lines */
  keys: string;
  /**
   * The feed was derived from the list source (`site-rules.json` beside the list): a 404 there means
   * "this publisher ships no site rules", which is no failure.
   */
  beside?: boolean;
}

/**
 * The feed of a list source: `site-rules.json` in the same folder as the list or manifest, signed
 * by the same keys. None without a list URL (the bundled list): the built-in rules are used.
 */
export function feedBesideList(list: { url: string; keys: string }): RulesFeed | null {
  const url = list.url.trim();
  if (!url || checkHttpsUrl(url, 'the list')) return null;
  return { url: new URL(SITE_RULES_FILE, url).href, keys: list.keys, beside: true };
}

export type SiteRulesErrorCode = RefusalCode | 'bad-keys' | 'older-issue' | 'network';
export type Outcome = 'updated' | 'unchanged' | 'failed' | 'refused';

/** The accepted document in use, and where it came from. */
export interface ActiveSiteRules {
  doc: SiteRulesDocument;
  /** the feed (URL and keys) it came from, {@link feedIdOf} */
  feed: string;
  url: string;
  keyId: string;
  sha256: string;
  etag?: string;
  lastModified?: string;
  acceptedAt: number;
}

export interface RulesRecord {
  at: number;
  outcome: Outcome;
  code?: SiteRulesErrorCode;
  reason?: string;
  url?: string;
  streamId?: string;
  sequence?: number;
}

export interface RulesMeta {
  lastCheck?: number;
  failures: number;
  lastOutcome?: Outcome;
  lastError?: string;
  lastErrorCode?: SiteRulesErrorCode;
  /** the URL of the last check */
  url?: string;
}

export interface RulesSeen {
  /** the newest accepted sequence per stream_id (pairs: stream ids are data, never object keys) */
  sequences: [string, number][];
  /** per key id: the newest accepted issued_at (epoch ms) */
  issued: [string, number][];
}

export interface SiteRulesUpdaterDeps {
  fetch: FetchLike;
  store: KeyValueStore;
  now: () => number;
  /** the feed in effect, or null (no list source: the built-in rules) */
  getFeed: () => Promise<RulesFeed | null> | RulesFeed | null;
  limits?: { timeoutMs?: number; maxBytes?: number };
}

export interface SiteRulesUpdater {
  /** Check the feed now. Never throws; one run at a time. */
  updateNow(): Promise<RulesRecord>;
  active(): Promise<ActiveSiteRules | undefined>;
  meta(): Promise<RulesMeta>;
  /** newest first, at most {@link HISTORY_LIMIT} */
  history(): Promise<RulesRecord[]>;
}

/** The identity of a feed: its URL and its keys, normalised (order does not matter). */
export function feedIdOf(url: string, keys: readonly PublicKey[]): string {
  return JSON.stringify([url, keys.map((k) => `${k.key_id}:${k.public_key}`).sort()]);
}

class Stop extends Error {
  constructor(
    readonly outcome: 'failed' | 'refused',
    readonly code: SiteRulesErrorCode,
    message: string,
  ) {
    super(message);
  }
}
const refused = (code: SiteRulesErrorCode, reason: string) => new Stop('refused', code, reason);
const failed = (reason: string) => new Stop('failed', 'network', reason);

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createSiteRulesUpdater(deps: SiteRulesUpdaterDeps): SiteRulesUpdater {
  const { store } = deps;
  const timeoutMs = deps.limits?.timeoutMs ?? 30_000;
  const maxBytes = deps.limits?.maxBytes ?? SITE_RULES_MAX_BYTES;
  let inflight: Promise<RulesRecord> | undefined;

  const getActive = async () => (await store.get(STORAGE_KEYS.active)) as ActiveSiteRules | undefined;
  const getMeta = async () => ((await store.get(STORAGE_KEYS.meta)) as RulesMeta | undefined) ?? { failures: 0 };
  const getSeen = async () =>
    ((await store.get(STORAGE_KEYS.seen)) as RulesSeen | undefined) ?? { sequences: [], issued: [] };
  const getHistory = async () => ((await store.get(STORAGE_KEYS.history)) as RulesRecord[] | undefined) ?? [];

  async function run(at: number): Promise<RulesRecord> {
    const feed = await deps.getFeed();
    let active = await getActive();
    const url = feed?.url.trim() ?? '';
    if (!feed || !url) {
      if (active) await store.remove(STORAGE_KEYS.active);
      return { at, outcome: 'unchanged', reason: 'no site-rules source: the built-in rules are in use' };
    }
    const badUrl = checkHttpsUrl(url, 'the site rules');
    if (badUrl) throw refused('bad-keys', badUrl);
    const keys = parseKeys(feed.keys);
    if (!keys.ok) throw refused('bad-keys', `the configured public keys are invalid: ${keys.errors.join('; ')}`);
    if (!keys.keys.length)
      throw refused(
        'unsigned',
        `no public key is configured for ${url.slice(0, 100)}: site rules are only used signed`,
      );
    const id = feedIdOf(url, keys.keys);
    if (active && active.feed !== id) {
      // another feed: its rules go at once, whatever this check brings
      await store.remove(STORAGE_KEYS.active);
      active = undefined;
    }
    const got = await fetchCapped({
      fetch: deps.fetch,
      url,
      maxBytes,
      timeoutMs,
      requireJson: true,
      what: 'the site rules',
      etag: active?.etag,
      lastModified: active?.lastModified,
    });
    if (got.status === 'error') {
      if (got.httpStatus === 404 && feed.beside)
        return {
          at,
          outcome: 'unchanged',
          url,
          reason: `the list source publishes no site rules (no ${SITE_RULES_FILE} beside the list)`,
          ...(active ? { streamId: active.doc.stream_id, sequence: active.doc.sequence } : {}),
        };
      if (got.tooLarge) throw refused('too-large', got.reason);
      throw failed(got.reason);
    }
    if (got.status === 'not-modified') {
      if (!active) throw failed('the site rules: unexpected 304 Not Modified to an unconditional request');
      return { at, outcome: 'unchanged', url, streamId: active.doc.stream_id, sequence: active.doc.sequence };
    }
    const sigUrl = new URL(url);
    sigUrl.pathname += '.sig';
    const sig = await fetchCapped({
      fetch: deps.fetch,
      url: sigUrl.href,
      maxBytes: 4096,
      timeoutMs,
      requireJson: false,
      what: 'the site rules signature',
    });
    if (sig.status === 'error' && sig.httpStatus !== 404) throw failed(sig.reason);
    if (sig.status === 'not-modified') throw failed('the site rules signature: unexpected 304');
    // The signature, then the schema (lib/site-rules/document.ts); the stream of the rules in use.
    const r = await acceptSiteRules(got.bytes, sig.status === 'ok' ? sig.bytes : null, keys.keys, {
      streamId: active?.doc.stream_id,
      lastGood: null,
    });
    if (!r.ok) throw refused(r.code, r.reason);
    const doc = r.doc;
    const hash = await sha256Hex(got.bytes);
    if (active && active.sha256 === hash)
      return { at, outcome: 'unchanged', url, streamId: doc.stream_id, sequence: doc.sequence };
    const seen = await getSeen();
    const sequences = new Map(seen.sequences);
    const last = sequences.get(doc.stream_id);
    if (last !== undefined && doc.sequence <= last)
      throw refused(
        'rollback',
        doc.sequence === last
          ? `"${doc.stream_id}" sequence ${doc.sequence} was already accepted with other content; the publisher must raise the sequence`
          : `rollback refused: "${doc.stream_id}" sequence ${doc.sequence} is older than the accepted sequence ${last}`,
      );
    const issued = new Map(seen.issued);
    const issuedAt = Date.parse(doc.issued_at);
    const newest = issued.get(r.keyId);
    if (newest !== undefined && issuedAt < newest)
      throw refused(
        'older-issue',
        `issued ${doc.issued_at}, before site rules already accepted from key "${r.keyId}" (${new Date(newest).toISOString()})`,
      );
    sequences.set(doc.stream_id, doc.sequence);
    issued.set(r.keyId, Math.max(issuedAt, newest ?? issuedAt));
    await store.set(STORAGE_KEYS.seen, { sequences: [...sequences], issued: [...issued] } satisfies RulesSeen);
    const next: ActiveSiteRules = { doc, feed: id, url, keyId: r.keyId, sha256: hash, acceptedAt: at };
    if (got.etag) next.etag = got.etag;
    if (got.lastModified) next.lastModified = got.lastModified;
    await store.set(STORAGE_KEYS.active, next); // the one write that puts the new rules in use
    return { at, outcome: 'updated', url, streamId: doc.stream_id, sequence: doc.sequence };
  }

  async function update(): Promise<RulesRecord> {
    const at = deps.now();
    let rec: RulesRecord;
    try {
      rec = await run(at);
    } catch (e) {
      rec =
        e instanceof Stop
          ? { at, outcome: e.outcome, code: e.code, reason: e.message }
          : { at, outcome: 'failed', code: 'network', reason: e instanceof Error ? e.message : String(e) };
      const feed = await Promise.resolve(deps.getFeed()).catch(() => null);
      if (feed?.url) rec.url = feed.url;
    }
    const before = await getMeta();
    const ok = rec.outcome === 'updated' || rec.outcome === 'unchanged';
    const meta: RulesMeta = { lastCheck: rec.at, failures: ok ? 0 : before.failures + 1, lastOutcome: rec.outcome };
    if (rec.url) meta.url = rec.url;
    if (!ok) {
      meta.lastError = rec.reason;
      meta.lastErrorCode = rec.code;
    }
    await store.set(STORAGE_KEYS.meta, meta);
    await store.set(STORAGE_KEYS.history, [rec, ...(await getHistory())].slice(0, HISTORY_LIMIT));
    return rec;
  }

  return {
    updateNow() {
      inflight ??= update().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    active: getActive,
    meta: getMeta,
    history: getHistory,
  };
}
