/**
 * The candidate-list updater (docs/list-format.md §8/§9), with its dependencies injected so the same
 * code runs in the background service worker and in Node tests: fetch, a key-value store (the
 * background backs it with browser.storage.local), a clock and a random source.
 *
 * Guarantees:
 * - signed or nothing: a source is a URL *and* its public keys; a source without keys is refused
 *   before anything is fetched, and a document is activated only with a valid Ed25519 signature by
 *   one of the source's keys;
 * - nothing is stored before the document passed size cap, signature check, validation, expiry,
 *   the per-key issue date rule, shard count/bytes caps, shard hashes and the sequence rule;
 * - changing the URL or the keys drops the old source's list and its validators (ETag,
 *   Last-Modified): the bundled list rules until the new source's list verifies;
 * - atomic swap: the new list is written under a NEW key, then ONE pointer key is flipped, then the
 *   old list is deleted. A worker that dies mid-update leaves the old pointer (and an orphan that the
 *   next run deletes), never a half-written list in use;
 * - the last good list stays active on every failure; the bundled list is used until a remote one
 *   was accepted, or when no list URL is configured;
 * - `sequence` strictly increases per list_id: rollback is refused, also across source switches;
 * - per key, `issued_at` never goes back: a document older than the newest one accepted from the
 *   same key is refused, whatever its list_id (an old release of another stream is no way around
 *   the sequence rule);
 * - every refusal carries a {@link ListErrorCode} the options page turns into a sentence.
 */
import { expiryInstant, parseDate } from './dates';
import { type FetchLike, fetchCapped } from './fetch-capped';
import {
  checkShardBytes,
  checkShardHead,
  choiceKey,
  chooseShards,
  mergeShards,
  resolveShardUrl,
  sha256Hex,
} from './shards';
import { parseKeys, verifyDetached } from './signature';
import { countList, type ListCounts } from './stats';
import type { ListErrorCode, ListStatus } from './status';
import type { CandidateList, CandidateManifest } from './types';
import { type ListConflict, unionLists } from './union';
import { formatError, MAX_DOCUMENT_BYTES, validateDocument, validateList } from './validate';
import { STORAGE_KEYS as ALL_KEYS, listSourceKeys } from '../storage-keys';

/** The updater's storage keys (browser.storage.local in the extension; lib/storage-keys.ts). */
export const STORAGE_KEYS = ALL_KEYS.list;

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Where to fetch from: the options page / managed policy settings. */
export interface ListSource {
  /** HTTPS URL of a list or manifest; '' = the default source */
  url: string;
  /** `key_id:base64` lines; required: a document must be signed by one of them */
  keys: string;
  /** the user's home region (`32`, `3273`) or '': which shards of a manifest to take */
  region: string;
  /** take every shard of a manifest */
  allShards?: boolean;
}

export interface UpdaterDeps {
  fetch: FetchLike;
  store: KeyValueStore;
  now: () => number;
  /** in [0, 1): jitter and key names */
  random: () => number;
  /** the bundled list's JSON (parsed or text); validated once */
  loadBundled: () => Promise<unknown>;
  getSource: () => Promise<ListSource> | ListSource;
  /** used when the configured URL is '': the project's hosted list and its pinned key(s) */
  defaultSource?: { url: string; keys: string };
  limits?: {
    timeoutMs?: number;
    /** one document (list, manifest or shard); default 32 MiB */
    maxBytes?: number;
    /** shard entries a manifest may list; default {@link MAX_SHARDS} */
    maxShards?: number;
    /** the manifest and the shards taken, together; default {@link MAX_TOTAL_BYTES} */
    maxTotalBytes?: number;
  };
  schedule?: { intervalMs?: number; minBackoffMs?: number; maxBackoffMs?: number };
  /** where this source's records live (lib/storage-keys.ts, listSourceKeys); default: the first source's */
  keys?: ReturnType<typeof listSourceKeys>;
  /**
   * false for a second or further source: until its own list verifies it adds nothing (the bundled
   * list stands in for the first source only), and its status says `source: 'none'`
   */
  bundledFallback?: boolean;
}

export type Outcome = 'updated' | 'unchanged' | 'failed' | 'refused';

export interface UpdateRecord {
  at: number;
  /** updated: a new list is active · unchanged: nothing new · failed: network/HTTP · refused: a document arrived and was rejected */
  outcome: Outcome;
  /** set when outcome is failed or refused */
  code?: ListErrorCode;
  listId?: string;
  sequence?: number;
  reason?: string;
  url?: string;
  /** in {@link Sources.history}: the position of the source checked (1 = first) */
  source?: number;
}

export interface Pointer {
  dataKey: string;
  /** the source (URL and keys, {@link sourceIdOf}) this list came from; another source never uses it */
  source?: string;
  listId: string;
  sequence: number;
  url: string;
  signed: boolean;
  keyId?: string;
  etag?: string;
  lastModified?: string;
  /** which shards were taken ({@link choiceKey}); 'list' for a plain list document */
  choice: string;
  /** SHA-256 of the fetched document (list or manifest) */
  sha256: string;
  acceptedAt: number;
  expiresAt: string;
  publisher: string;
  counts: ListCounts;
  /** written by earlier versions (now in {@link Seen}); read once to carry the memory over */
  accepted?: [string, number][];
}

/** What was ever accepted, kept apart from the pointer so that dropping a source forgets none of it. */
export interface Seen {
  /** last accepted sequence per list_id, as pairs (list ids are data: never object keys) */
  sequences: [string, number][];
  /** per key id: the newest accepted issued_at (epoch ms), and the list and date it came from */
  issued: [string, { at: number; listId: string; issuedAt: string }][];
}

export interface Meta {
  lastCheck?: number;
  nextCheck?: number;
  failures: number;
  lastError?: string;
  lastErrorCode?: ListErrorCode;
  /**
   * the source (URL and key text) the last check was for: an error of a source no longer
   * configured is not shown against the new one while its first check runs
   */
  source?: string;
}

export interface ActiveList {
  list: CandidateList;
  source: 'bundled' | 'remote';
  signed: boolean;
  /** the remote list's URL */
  url?: string;
}

export interface Updater {
  /** Check the source now (install, browser start, alarm, "update now", region change). Never throws. */
  updateNow(): Promise<ListStatus>;
  status(): Promise<ListStatus>;
  /** newest first, at most 50 */
  history(): Promise<UpdateRecord[]>;
  /** ms from now until the next scheduled check (0 = due now) */
  nextDelay(): Promise<number>;
  getActiveList(): Promise<ActiveList>;
  /** the verified remote list in force, or undefined (never the bundled list) */
  getRemoteList(): Promise<ActiveList | undefined>;
  /** drop this source's list, pointer, schedule and history (a source removed); what was accepted stays */
  forget(): Promise<void>;
}

export const HISTORY_LIMIT = 50;
/** Shard entries a manifest may list: a national list has about 550 (38 provinces, 514 regencies/cities, national). */
export const MAX_SHARDS = 1_000;
/** The manifest and the shards taken, together: one user's share is under 1 MB; "all shards" about 40 MB. */
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const HOUR = 3_600_000;
const MIN = 60_000;

/**
 * Delay before the next check: every `intervalMs` (6 h) ±10% after success; after n failures
 * `minBackoffMs` (5 min) doubling per failure up to `maxBackoffMs` (6 h), with ±25% jitter so that
 * many installs do not hit the host at the same moment.
 */
export function computeDelay(failures: number, random: number, s: UpdaterDeps['schedule'] = {}): number {
  const interval = s.intervalMs ?? 6 * HOUR;
  const min = s.minBackoffMs ?? 5 * MIN;
  const max = s.maxBackoffMs ?? 6 * HOUR;
  if (failures <= 0) return Math.round(interval * (0.9 + 0.2 * random));
  const base = Math.min(min * 2 ** Math.min(failures - 1, 30), max);
  return Math.round(Math.min(base * (0.75 + 0.5 * random), max));
}

class Refusal extends Error {
  constructor(
    readonly outcome: 'failed' | 'refused',
    readonly code: ListErrorCode,
    message: string,
  ) {
    super(message);
  }
}
const refuse = (code: ListErrorCode, reason: string) => new Refusal('refused', code, reason);
const failed = (reason: string, tooLarge?: boolean) =>
  tooLarge ? new Refusal('refused', 'too-large', reason) : new Refusal('failed', 'network', reason);

/**
 * The identity of a source: its URL and its keys, normalised (order, blank lines and comments do
 * not matter). A change of either is a new source.
 */
export function sourceIdOf(url: string, keys: readonly { key_id: string; public_key: string }[]): string {
  const lines = keys.map((k) => `${k.key_id}:${k.public_key}`).sort();
  return JSON.stringify([url, lines]);
}

const sigUrl = (url: string): string => {
  const u = new URL(url);
  u.pathname += '.sig';
  return u.href;
};

const firstErrors = (errors: { path: string; message: string }[]) =>
  errors.slice(0, 3).map(formatError).join('; ') + (errors.length > 3 ? ` (and ${errors.length - 3} more)` : '');

/**
 * `seen` as this run computed it, with what another source stored meanwhile kept: the higher
 * sequence per list_id, the later issue date per key (the memory is shared by every source).
 */
function mergeSeen(mine: Seen, stored: Seen | undefined): Seen {
  if (!stored) return mine;
  const sequences = new Map(stored.sequences);
  for (const [id, n] of mine.sequences) sequences.set(id, Math.max(n, sequences.get(id) ?? n));
  const issued = new Map(stored.issued);
  for (const [k, v] of mine.issued) {
    const o = issued.get(k);
    if (!o || v.at >= o.at) issued.set(k, v);
  }
  return { sequences: [...sequences], issued: [...issued] };
}

export function createUpdater(deps: UpdaterDeps): Updater {
  const { store } = deps;
  const K = deps.keys ?? STORAGE_KEYS;
  const fallback = deps.bundledFallback !== false;
  const timeoutMs = deps.limits?.timeoutMs ?? 30_000;
  const maxBytes = deps.limits?.maxBytes ?? MAX_DOCUMENT_BYTES;
  const maxShards = deps.limits?.maxShards ?? MAX_SHARDS;
  const maxTotalBytes = deps.limits?.maxTotalBytes ?? MAX_TOTAL_BYTES;
  let inflight: Promise<ListStatus> | undefined;
  let bundled: Promise<{ list: CandidateList; counts: ListCounts }> | undefined;
  let cache: { dataKey: string; list: CandidateList } | undefined;

  const getBundled = () => {
    bundled ??= deps.loadBundled().then((raw) => {
      const r = validateList(raw);
      if (!r.ok) throw new Error(`the bundled list is invalid: ${firstErrors(r.errors)}`);
      return { list: r.list, counts: countList(r.list) };
    });
    return bundled;
  };
  const getPointer = async () => (await store.get(K.pointer)) as Pointer | undefined;
  const getMeta = async (): Promise<Meta> => ((await store.get(K.meta)) as Meta | undefined) ?? { failures: 0 };
  const getSeen = async (ptr: Pointer | undefined): Promise<Seen> => {
    const seen = (await store.get(K.seen)) as Seen | undefined;
    if (seen) return seen;
    // first run after an update from a version that kept the sequences in the pointer
    return { sequences: ptr?.accepted ?? [], issued: [] };
  };
  /** The configured source: URL, key text, parsed keys and the source id ('' when no URL). */
  const effective = async () => {
    const src = await deps.getSource();
    const chosen = src.url.trim() ? { url: src.url.trim(), keys: src.keys } : deps.defaultSource;
    const url = chosen?.url ?? '';
    const keyText = chosen?.keys ?? '';
    const keys = parseKeys(keyText);
    const id = url && keys.ok ? sourceIdOf(url, keys.keys) : '';
    return { src, url, keys, id, checkKey: JSON.stringify([url, keyText.trim()]) };
  };
  /**
   * The remote pointer in force: only a signed list of exactly the configured source (URL and
   * keys). None when no source is configured or the source changed: the bundled list then rules.
   */
  const activePointer = async (): Promise<Pointer | undefined> => {
    // The pointer first: with none stored (a fresh install) the source is not needed, and asking
    // for it reads the managed policy, which Chromium can take seconds to answer at first start.
    const ptr = await getPointer();
    if (!ptr?.signed) return undefined;
    const eff = await effective();
    return eff.id && ptr.source === eff.id ? ptr : undefined;
  };

  async function record(r: UpdateRecord): Promise<void> {
    const h = ((await store.get(K.history)) as UpdateRecord[] | undefined) ?? [];
    await store.set(K.history, [r, ...h].slice(0, HISTORY_LIMIT));
  }

  /** Finish a swap a dead worker left behind: keep whichever list the pointer names, drop the other. */
  async function recover(): Promise<void> {
    const p = (await store.get(K.pending)) as { newKey: string; oldKey?: string } | undefined;
    if (!p) return;
    const ptr = await getPointer();
    if (ptr?.dataKey === p.newKey) {
      if (p.oldKey && p.oldKey !== p.newKey) await store.remove(p.oldKey);
    } else await store.remove(p.newKey);
    await store.remove(K.pending);
  }

  /**
   * Forget the list of a source that is no longer configured, with its ETag and Last-Modified: a
   * 304 must never keep a list from another source. What was accepted stays in {@link Seen}.
   */
  async function dropPointer(ptr: Pointer): Promise<void> {
    const seen = await getSeen(ptr);
    await store.set(K.seen, seen);
    await store.remove(K.pointer); // from here on the bundled list is the active one
    cache = undefined;
    await store.remove(ptr.dataKey);
  }

  async function commit(
    list: CandidateList,
    seen: Seen,
    next: Omit<Pointer, 'dataKey' | 'counts' | 'publisher' | 'expiresAt'>,
  ) {
    const old = await getPointer();
    // Never the old key, even with a frozen clock: overwriting the active copy would break the swap.
    let dataKey = `${K.dataPrefix}${deps.now().toString(36)}-${Math.floor(deps.random() * 2 ** 32).toString(36)}`;
    if (dataKey === old?.dataKey) dataKey += '-1';
    await store.set(K.pending, { newKey: dataKey, oldKey: old?.dataKey });
    await store.set(dataKey, list);
    const pointer: Pointer = {
      ...next,
      dataKey,
      counts: countList(list),
      publisher: list.publisher.name,
      expiresAt: list.expires_at,
    };
    await store.set(K.seen, mergeSeen(seen, (await store.get(K.seen)) as Seen | undefined));
    await store.set(K.pointer, pointer); // the flip: from here on the new list is the active one
    cache = { dataKey, list };
    if (old && old.dataKey !== dataKey) await store.remove(old.dataKey);
    await store.remove(K.pending);
  }

  async function fetchShards(
    manifest: CandidateManifest,
    url: string,
    choice: ListSourceChoice,
    budget: number,
  ): Promise<CandidateList> {
    if (manifest.shards.length > maxShards)
      throw refuse(
        'too-many-shards',
        `the manifest lists ${manifest.shards.length.toLocaleString('en')} shards; at most ${maxShards.toLocaleString('en')} are accepted`,
      );
    const refs = chooseShards(manifest, choice);
    const declared = refs.reduce((n, r) => n + (r.bytes ?? 0), 0);
    if (declared > budget)
      throw refuse(
        'too-large',
        `the shards to take declare ${declared.toLocaleString('en')} bytes; with the manifest that is above the limit of ${maxTotalBytes.toLocaleString('en')} bytes in all`,
      );
    let left = budget;
    const lists: CandidateList[] = [];
    for (const ref of refs) {
      const where = resolveShardUrl(url, ref.path);
      if (!where.ok) throw refuse('bad-shard', where.reason);
      const what = `shard ${ref.path}`;
      if (left <= 0)
        throw refuse(
          'too-large',
          `the list and its shards are above the limit of ${maxTotalBytes.toLocaleString('en')} bytes in all`,
        );
      const cap = Math.min(maxBytes, ref.bytes ?? maxBytes, left);
      const got = await fetchCapped({
        fetch: deps.fetch,
        url: where.url,
        maxBytes: cap,
        timeoutMs,
        requireJson: true,
        what,
      });
      if (got.status === 'not-modified') throw failed(`${what}: unexpected 304 Not Modified`);
      if (got.status === 'error') {
        const inAll = got.tooLarge && cap === left;
        throw failed(
          inAll
            ? `${got.reason} (the list and its shards may hold ${maxTotalBytes.toLocaleString('en')} bytes in all)`
            : got.reason,
          got.tooLarge,
        );
      }
      left -= got.bytes.byteLength;
      const badHash = await checkShardBytes(ref, got.bytes);
      if (badHash) throw refuse('bad-shard', badHash);
      const v = validateList(got.bytes, { maxBytes });
      if (!v.ok) throw refuse('bad-shard', `${what} is not a valid list: ${firstErrors(v.errors)}`);
      const badHead = checkShardHead(manifest, ref, v.list);
      if (badHead) throw refuse('bad-shard', badHead);
      lists.push(v.list);
    }
    const merged = mergeShards(manifest, lists);
    if (!merged.ok) throw refuse('bad-shard', `the shards do not fit together: ${firstErrors(merged.errors)}`);
    return merged.list;
  }

  type ListSourceChoice = { region: string; all?: boolean };

  async function run(): Promise<UpdateRecord> {
    const at = deps.now();
    await recover();
    const { src, url, keys, id } = await effective();
    let ptr = await getPointer();
    if (ptr && ptr.source !== id) {
      await dropPointer(ptr);
      ptr = undefined;
    }
    if (!url) return { at, outcome: 'unchanged', reason: 'no list URL configured: the bundled list is in use' };
    if (!keys.ok) throw refuse('bad-keys', `the configured public keys are invalid: ${keys.errors.join('; ')}`);
    if (!keys.keys.length)
      throw refuse(
        'unsigned-source',
        `no public key is configured for ${url.slice(0, 100)}: a list is only used when it is signed by a key of its source (paste the publisher's subscription code)`,
      );
    const choice: ListSourceChoice = { region: src.region, all: src.allShards };
    // Conditional request only when a 304 would really mean "nothing to do": the same source, and
    // (for a manifest) the same shard choice. A changed region must fetch the shards it now needs.
    const conditional = !!ptr && (ptr.choice === 'list' || ptr.choice === choiceKey(choice));
    const got = await fetchCapped({
      fetch: deps.fetch,
      url,
      maxBytes: Math.min(maxBytes, maxTotalBytes),
      timeoutMs,
      requireJson: true,
      what: 'the list',
      etag: conditional ? ptr?.etag : undefined,
      lastModified: conditional ? ptr?.lastModified : undefined,
    });
    if (got.status === 'error') throw failed(got.reason, got.tooLarge);
    if (got.status === 'not-modified') {
      if (!ptr) throw failed('the list: unexpected 304 Not Modified to an unconditional request');
      return { at, outcome: 'unchanged', listId: ptr.listId, sequence: ptr.sequence, url };
    }
    return accept(at, url, id, got.bytes, got.etag, got.lastModified, keys.keys, choice, ptr);
  }

  async function accept(
    at: number,
    url: string,
    sourceId: string,
    bytes: Uint8Array,
    etag: string | undefined,
    lastModified: string | undefined,
    keys: { key_id: string; public_key: string }[],
    choice: ListSourceChoice,
    ptr: Pointer | undefined,
  ): Promise<UpdateRecord> {
    // 1. signature over the exact bytes, always (a source without keys never gets this far)
    const sig = await fetchCapped({
      fetch: deps.fetch,
      url: sigUrl(url),
      maxBytes: 4096,
      timeoutMs,
      requireJson: false,
      what: 'the signature file',
    });
    if (sig.status === 'error' && sig.httpStatus === 404)
      throw refuse('no-signature', 'the list is not signed (no .sig file beside it); only signed lists are used');
    if (sig.status !== 'ok') throw failed(sig.status === 'error' ? sig.reason : 'the signature file: unexpected 304');
    const v = await verifyDetached(bytes, sig.bytes, keys);
    if (!v.ok) throw refuse('bad-signature', `signature refused: ${v.reason}`);
    const keyId = v.keyId;
    // 2. validation
    const doc = validateDocument(bytes, { maxBytes });
    if (!doc.ok) throw refuse('invalid', `the list is invalid: ${firstErrors(doc.errors)}`);
    const head = doc.kind === 'list' ? doc.list : doc.manifest;
    const thisChoice = doc.kind === 'list' ? 'list' : choiceKey(choice);
    const hash = await sha256Hex(bytes);
    // 3. expiry: a list already past expires_at when it arrives is a replay, not an update
    const expiry = expiryInstant(head.expires_at);
    if (expiry !== undefined && at >= expiry)
      throw refuse(
        'expired',
        `"${head.list_id}" sequence ${head.sequence} expired on ${head.expires_at}, before it was fetched`,
      );
    // 4. per key, the issue date never goes back (across list ids)
    const seen = await getSeen(ptr);
    const issued = new Map(seen.issued);
    const issuedAt = parseDate(head.issued_at)?.start ?? 0;
    const newest = issued.get(keyId);
    if (newest && issuedAt < newest.at)
      throw refuse(
        'older-issue',
        `"${head.list_id}" was issued ${head.issued_at}, before "${newest.listId}" (issued ${newest.issuedAt}) already accepted from key "${keyId}"`,
      );
    // 5. sequence: strictly increasing per list_id; the same release may only be re-activated
    const accepted = new Map(seen.sequences);
    const last = accepted.get(head.list_id);
    if (last !== undefined && head.sequence < last)
      throw refuse(
        'rollback',
        `rollback refused: "${head.list_id}" sequence ${head.sequence} is older than the accepted sequence ${last}`,
      );
    const isActive = ptr?.listId === head.list_id && ptr.sequence === head.sequence;
    if (last === head.sequence && isActive) {
      if (ptr.sha256 !== hash)
        throw refuse(
          'changed-content',
          `"${head.list_id}" sequence ${head.sequence} was already accepted with different content; the publisher must raise the sequence`,
        );
      if (ptr.choice === thisChoice)
        return { at, outcome: 'unchanged', listId: head.list_id, sequence: head.sequence, url };
    }
    // 6. shards (their hashes are pinned by the manifest just verified), within the caps
    const list =
      doc.kind === 'list' ? doc.list : await fetchShards(doc.manifest, url, choice, maxTotalBytes - bytes.byteLength);
    accepted.set(head.list_id, head.sequence);
    if (!newest || issuedAt > newest.at)
      issued.set(keyId, { at: issuedAt, listId: head.list_id, issuedAt: head.issued_at });
    await commit(
      list,
      { sequences: [...accepted], issued: [...issued] },
      {
        source: sourceId,
        listId: head.list_id,
        sequence: head.sequence,
        url,
        signed: true,
        keyId,
        etag,
        lastModified,
        choice: thisChoice,
        sha256: hash,
        acceptedAt: at,
      },
    );
    return { at, outcome: 'updated', listId: head.list_id, sequence: head.sequence, url };
  }

  async function update(): Promise<ListStatus> {
    const checked = (await effective().catch(() => undefined))?.checkKey;
    let rec: UpdateRecord;
    try {
      rec = await run();
    } catch (e) {
      const outcome = e instanceof Refusal ? e.outcome : 'failed';
      const code: ListErrorCode = e instanceof Refusal ? e.code : 'network';
      const reason = e instanceof Error ? e.message : String(e);
      rec = { at: deps.now(), outcome, code, reason, url: (await effective().catch(() => undefined))?.url };
    }
    const meta = await getMeta();
    const ok = rec.outcome === 'updated' || rec.outcome === 'unchanged';
    const failures = ok ? 0 : meta.failures + 1;
    const now = deps.now();
    const next: Meta = {
      lastCheck: now,
      nextCheck: now + computeDelay(failures, deps.random(), deps.schedule),
      failures,
    };
    if (checked !== undefined) next.source = checked;
    if (!ok) {
      next.lastError = rec.reason;
      next.lastErrorCode = rec.code;
    }
    await store.set(K.meta, next);
    await record(rec);
    return buildStatus(false);
  }

  async function remoteList(): Promise<ActiveList | undefined> {
    const ptr = await activePointer();
    if (!ptr) return undefined;
    if (cache?.dataKey === ptr.dataKey) return { list: cache.list, source: 'remote', signed: ptr.signed, url: ptr.url };
    const list = (await store.get(ptr.dataKey)) as CandidateList | undefined;
    if (list && list.format === 'jaga-netral/candidate-list') {
      cache = { dataKey: ptr.dataKey, list };
      return { list, source: 'remote', signed: ptr.signed, url: ptr.url };
    }
    return undefined;
  }

  async function buildStatus(updating: boolean): Promise<ListStatus> {
    const [ptr, meta] = await Promise.all([activePointer(), getMeta()]);
    let s: ListStatus;
    if (ptr) {
      s = {
        state: 'ok',
        listId: ptr.listId,
        sequence: ptr.sequence,
        publisher: ptr.publisher,
        source: 'remote',
        signed: ptr.signed,
        url: ptr.url,
        counts: ptr.counts,
        expiresAt: ptr.expiresAt,
      };
      if (ptr.keyId) s.keyId = ptr.keyId;
    } else if (!fallback) {
      // a further source without a verified list: it adds nothing to the union
      s = {
        state: 'ok',
        listId: '',
        sequence: 0,
        publisher: '',
        source: 'none',
        signed: false,
        counts: { elections: 0, tickets: 0, people: 0, accounts: 0 },
      };
      const url = (await effective()).url;
      if (url) s.url = url;
    } else {
      const b = await getBundled();
      s = {
        state: 'ok',
        listId: b.list.list_id,
        sequence: b.list.sequence,
        publisher: b.list.publisher.name,
        source: 'bundled',
        signed: false,
        counts: b.counts,
        expiresAt: b.list.expires_at,
      };
    }
    // the last error is of another source (changed since): its first check is under way
    if (
      meta.lastError &&
      meta.source !== undefined &&
      meta.source !== (await effective().catch(() => undefined))?.checkKey
    ) {
      delete meta.lastError;
      delete meta.lastErrorCode;
    }
    if (meta.lastCheck !== undefined) s.lastCheck = meta.lastCheck;
    if (meta.nextCheck !== undefined) s.nextCheck = meta.nextCheck;
    const expiry = s.expiresAt ? expiryInstant(s.expiresAt) : undefined;
    if (updating) s.state = 'updating';
    else if (meta.lastError) s.state = 'error';
    else if (expiry !== undefined && deps.now() >= expiry) s.state = 'stale';
    if (meta.lastError) {
      s.error = meta.lastError;
      s.errorCode = meta.lastErrorCode ?? 'network';
    }
    return s;
  }

  return {
    updateNow() {
      inflight ??= update().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    status: () => buildStatus(inflight !== undefined),
    async history() {
      return ((await store.get(K.history)) as UpdateRecord[] | undefined) ?? [];
    },
    async nextDelay() {
      const meta = await getMeta();
      return meta.nextCheck === undefined ? 0 : Math.max(0, meta.nextCheck - deps.now());
    },
    async getActiveList() {
      return (await remoteList()) ?? { list: (await getBundled()).list, source: 'bundled', signed: false };
    },
    getRemoteList: remoteList,
    async forget() {
      await recover();
      const ptr = await getPointer();
      if (ptr) await dropPointer(ptr);
      await store.remove(K.meta);
      await store.remove(K.history);
    },
  };
}

/** One list source in force (lib/settings/managed.ts, `effectiveSources`). */
export interface SourceConfig extends ListSource {
  /** 1-based position: the first source, then the policy's further sources, then the person's */
  n: number;
  /** where its records are kept (lib/storage-keys.ts, listSourceKeys): '' for the first source */
  slot: string;
  /** set by policy (the person cannot remove it) or by the person */
  origin: 'policy' | 'user';
}

export interface SourcesDeps extends Omit<UpdaterDeps, 'getSource' | 'keys' | 'bundledFallback'> {
  /** every source in force, in order; the first one (slot '') is always there */
  getSources: () => Promise<SourceConfig[]> | SourceConfig[];
}

/** One source's status on the options page. */
export interface SourceStatus extends ListStatus {
  n: number;
  slot: string;
  origin: SourceConfig['origin'];
  /** the configured URL ('' for a first source without one: the bundled list) */
  configuredUrl: string;
}

/** The first source's status (what a single subscription always showed), every source's, and the conflicts. */
export interface SourcesStatus extends ListStatus {
  sources: SourceStatus[];
  conflicts: ListConflict[];
  conflictCount: number;
  /** from {@link Sources.updateNow}: the positions of the sources this run checked */
  checked?: number[];
}

export interface ActiveLists {
  /** what the matcher compiles: the union, in source order (lib/list/union.ts) */
  lists: CandidateList[];
  /** the first source's list (its verified list, or the bundled one) */
  first: ActiveList;
  conflicts: ListConflict[];
  conflictCount: number;
}

export interface Sources {
  /**
   * Check every source now, one after the other; a failing source never stops the others. Never
   * throws. `dueOnly` (the schedule): only the sources whose next check is due within a minute, so a
   * failing source's retries do not make the others' hosts see more requests.
   */
  updateNow(opts?: { dueOnly?: boolean }): Promise<SourcesStatus>;
  status(): Promise<SourcesStatus>;
  /** every source's checks, newest first, at most 50, each with its `source` position */
  history(): Promise<UpdateRecord[]>;
  /** ms until the next source is due */
  nextDelay(): Promise<number>;
  /** the first source's list, as a single subscription always had it */
  getActiveList(): Promise<ActiveList>;
  /** the union of every source's list in force, with the conflicts */
  getActiveLists(): Promise<ActiveLists>;
}

/** A source due within this is checked with the one the alarm woke for. */
const DUE_WITHIN_MS = 60_000;
const NO_SOURCE: ListSource = { url: '', keys: '', region: '' };

/**
 * Several list subscriptions (docs/list-format.md §8.3). Each source is a {@link createUpdater} of
 * its own, with its own URL, keys, ETag, schedule, status, history and last good list; the first
 * keeps the storage keys a single subscription always had (so an installation that had one keeps
 * its list and sequence as source 1), the others get keys of their own (lib/storage-keys.ts). What
 * was ever accepted (sequences per list_id, issue dates per key) is shared, so a rollback is
 * refused whichever source brings it. The bundled list stands in for the first source only, until
 * it verifies; a further source adds its list once verified. A source that is removed is forgotten
 * (its list and records deleted) at the next check.
 */
export function createSources(deps: SourcesDeps): Sources {
  const { store } = deps;
  const updaters = new Map<string, Updater>();
  let inflight: Promise<SourcesStatus> | undefined;
  let union: { key: CandidateList[]; value: ReturnType<typeof unionLists> } | undefined;
  let bundled: Promise<unknown> | undefined;
  const loadBundled = () => {
    bundled ??= deps.loadBundled();
    return bundled;
  };

  const configs = async () => {
    const all = await deps.getSources();
    return all.length ? all : [{ ...NO_SOURCE, n: 1, slot: '', origin: 'user' as const }];
  };
  function updaterOf(slot: string): Updater {
    let u = updaters.get(slot);
    if (!u) {
      u = createUpdater({
        ...deps,
        loadBundled,
        defaultSource: slot ? undefined : deps.defaultSource,
        keys: listSourceKeys(slot),
        bundledFallback: !slot,
        getSource: async () => (await configs()).find((c) => c.slot === slot) ?? NO_SOURCE,
      });
      updaters.set(slot, u);
    }
    return u;
  }

  /** Forget the records of slots no longer configured; remember the ones that are. */
  async function sweep(slots: string[]): Promise<void> {
    const stored = ((await store.get(ALL_KEYS.list.slots)) as string[] | undefined) ?? [];
    for (const slot of stored) {
      if (slots.includes(slot)) continue;
      await updaterOf(slot).forget();
      updaters.delete(slot);
    }
    await store.set(ALL_KEYS.list.slots, slots);
  }

  async function getActiveLists(cs?: SourceConfig[]): Promise<ActiveLists> {
    // Only a further source with records can add a list: with none stored (most installations) the
    // sources are not needed, and asking for them reads the managed policy, which Chromium can take
    // seconds to answer at first start.
    const further =
      cs?.slice(1) ??
      (((await store.get(ALL_KEYS.list.slots)) as string[] | undefined)?.length ? (await configs()).slice(1) : []);
    const first = await updaterOf('').getActiveList();
    const entries = [{ source: 1, list: first.list }];
    for (const c of further) {
      const a = await updaterOf(c.slot).getRemoteList();
      if (a) entries.push({ source: c.n, list: a.list });
    }
    const key = entries.map((e) => e.list);
    // the lists are the updaters' cached objects: the same objects in the same order, the same union
    if (!union || union.key.length !== key.length || union.key.some((l, i) => l !== key[i]))
      union = { key, value: unionLists(entries) };
    return { first, ...union.value };
  }

  async function status(): Promise<SourcesStatus> {
    const cs = await configs();
    const sources: SourceStatus[] = [];
    for (const c of cs) {
      const st = await updaterOf(c.slot).status();
      sources.push({ ...st, n: c.n, slot: c.slot, origin: c.origin, configuredUrl: c.url });
    }
    const { conflicts, conflictCount } = await getActiveLists(cs);
    const { n: _n, slot: _s, origin: _o, configuredUrl: _c, ...first } = sources[0]!;
    return { ...first, sources, conflicts, conflictCount };
  }

  async function update(dueOnly: boolean): Promise<SourcesStatus> {
    const cs = await configs();
    const slots = cs.map((c) => c.slot).filter((s) => s);
    // registered before the first fetch: a worker that dies mid-run leaves nothing unaccounted for
    const stored = ((await store.get(ALL_KEYS.list.slots)) as string[] | undefined) ?? [];
    await store.set(ALL_KEYS.list.slots, [...new Set([...stored, ...slots])]);
    // one after the other: each updater never throws, so one failing source never stops the others
    const checked: number[] = [];
    for (const c of cs) {
      const u = updaterOf(c.slot);
      if (dueOnly && (await u.nextDelay()) > DUE_WITHIN_MS) continue;
      await u.updateNow();
      checked.push(c.n);
    }
    await sweep(slots);
    return { ...(await status()), checked };
  }

  return {
    updateNow(opts) {
      inflight ??= update(opts?.dueOnly === true).finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    status,
    async history() {
      const cs = await configs();
      const all: UpdateRecord[] = [];
      for (const c of cs) for (const r of await updaterOf(c.slot).history()) all.push({ ...r, source: c.n });
      return all.sort((a, b) => b.at - a.at).slice(0, HISTORY_LIMIT);
    },
    async nextDelay() {
      const cs = await configs();
      let min = Number.POSITIVE_INFINITY;
      for (const c of cs) min = Math.min(min, await updaterOf(c.slot).nextDelay());
      return min;
    },
    getActiveList: () => updaterOf('').getActiveList(),
    getActiveLists: () => getActiveLists(),
  };
}
