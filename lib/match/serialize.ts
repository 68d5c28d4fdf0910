/**
 * Serialized form of the index: JSON-safe (browser.storage.local holds only JSON), compact
 * (typed arrays as little-endian base64), and cheap to load: the entries are stored in their
 * lookup order, so the content script decodes them and only counts the bucket bounds and rebuilds
 * the small number map; nothing is re-normalised or re-hashed. loadIndex checks what a corrupt or
 * foreign value in storage would get wrong first (format, version, types, lengths), so that it fails
 * at load time rather than in a click handler; the background checks every field and
 * cross-reference of what it publishes (check.ts).
 */
import {
  T_STRIDE,
  bucketBounds,
  bucketCount,
  buildNumbers,
  type ElectionInfo,
  INDEX_FORMAT,
  INDEX_VERSION,
  MAX_PHRASE,
  type MatchIndex,
} from './structure';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += B64[n >>> 18]! + B64[(n >>> 12) & 63]! + B64[(n >>> 6) & 63]! + B64[n & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    chunk += `${B64[n >>> 18]!}${B64[(n >>> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    chunk += `${B64[n >>> 18]!}${B64[(n >>> 12) & 63]!}${B64[(n >>> 6) & 63]!}=`;
  }
  parts.push(chunk);
  return parts.join('');
}

type Ints = Int32Array | Uint32Array | Uint16Array | Uint8Array;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Little-endian bytes of an integer array, whatever the platform's byte order. */
function pack(a: Ints): string {
  if (LITTLE_ENDIAN) return toBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const w = a.BYTES_PER_ELEMENT;
  const bytes = new Uint8Array(a.length * w);
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    for (let k = 0; k < w; k++) bytes[i * w + k] = (v >>> (8 * k)) & 255;
  }
  return toBase64(bytes);
}

/**
 * An integer array from its little-endian base64 (the browser's own decoder: atob refuses
 * anything that is not base64).
 */
function unpack<T extends Ints>(v: unknown, make: (n: number) => T, what: string): T {
  let s: string | undefined;
  try {
    if (typeof v === 'string') s = atob(v);
  } catch {}
  const w = make(0).BYTES_PER_ELEMENT;
  // not base64, or not a whole number of ints
  if (s === undefined || s.length % w !== 0) return bad(what);
  const a = make(s.length / w);
  const bytes = new Uint8Array(a.buffer);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < a.length; i++) {
      let x = 0;
      for (let k = w - 1; k >= 0; k--) x = x * 256 + bytes[i * w + k]!;
      a[i] = x;
    }
  }
  return a;
}

export interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  v: typeof INDEX_VERSION;
  elections: ElectionInfo[];
  /** tInfo (T_STRIDE ints per ticket) and the id/label pool */
  tickets: { info: string; pool: string };
  parties: { start: string; tickets: string; names: string[] };
  entries: {
    hi: string;
    lo: string;
    target: string;
    kind: string;
    str: string;
    termOff: string;
    termLen: string;
    pool: string;
  };
  filter: string;
  multiFilter: string;
  pairFilter: string;
  maxLen: number;
  /** MatchIndex.words: token keys and their flags and values, side by side */
  words: { keys: string; values: string };
}

export function serializeIndex(idx: MatchIndex): SerializedIndex {
  return {
    format: INDEX_FORMAT,
    v: INDEX_VERSION,
    elections: idx.elections,
    tickets: { info: pack(idx.tInfo), pool: idx.ticketPool },
    parties: { start: pack(idx.partyStart), tickets: pack(idx.partyTickets), names: idx.partyNames },
    entries: {
      hi: pack(idx.eHi),
      lo: pack(idx.eLo),
      target: pack(idx.eTarget),
      kind: pack(idx.eKind),
      str: pack(idx.eStr),
      termOff: pack(idx.eTermOff),
      termLen: pack(idx.eTermLen),
      pool: idx.termPool,
    },
    filter: pack(idx.filter),
    multiFilter: pack(idx.multiFilter),
    pairFilter: pack(idx.pairFilter),
    maxLen: idx.maxLen,
    words: { keys: pack(Uint32Array.from(idx.words.keys())), values: pack(Uint16Array.from(idx.words.values())) },
  };
}

/** The one error of loadIndex: the field that is not what decide() reads. */
const bad = (what: string): never => {
  throw new Error(`match index: bad ${what}`);
};
const obj = (v: unknown, what: string): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : bad(what);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
/** the fields decide() reads, of the types it reads them as */
const isElection = (v: unknown): boolean => {
  const e = v as Record<string, unknown>;
  return (
    typeof e === 'object' &&
    e !== null &&
    ['id', 'name', 'type', 'region'].every((k) => typeof e[k] === 'string') &&
    typeof e.from === 'number' &&
    typeof e.until === 'number' &&
    (e.determinedAt === null || typeof e.determinedAt === 'number') &&
    (e.areas === undefined || strings(e.areas)) &&
    (e.nameWords === undefined || strings(e.nameWords))
  );
};
const i32 = (n: number) => new Int32Array(n);
const u32 = (n: number) => new Uint32Array(n);
const u8 = (n: number) => new Uint8Array(n);

/**
 * Load a serialized index in a content script. Throws an Error naming the problem on a value that
 * is not one: another format or version, a field of the wrong type, arrays that are not base64 or
 * whose lengths disagree, an out-of-range phrase length, entries out of bucket order. It does not
 * re-check every cross-reference (offsets into the pools, targets, party ranges): the background
 * checks those before it publishes an index (checkIndex in check.ts), and decide() reads every one
 * of them bounded and inside its catch-all, so a reference that is still wrong gives "no match",
 * never a loop or an exception in a click handler.
 */
export function loadIndex(data: unknown): MatchIndex {
  const d = obj(data, 'value');
  if (d.format !== INDEX_FORMAT) bad('format');
  if (d.v !== INDEX_VERSION) bad(`version ${d.v} (rebuild it)`);
  const elections = d.elections as ElectionInfo[];
  if (!Array.isArray(elections) || !elections.every(isElection)) bad('elections');
  const t = obj(d.tickets, 'tickets');
  const tInfo = unpack(t.info, i32, 'tickets.info');
  const ticketPool = t.pool as string;
  if (typeof ticketPool !== 'string') bad('tickets.pool');
  if (tInfo.length % T_STRIDE !== 0) bad('tickets.info');
  const p = obj(d.parties, 'parties');
  const partyStart = unpack(p.start, i32, 'parties.start');
  const partyTickets = unpack(p.tickets, i32, 'parties.tickets');
  const partyNames = p.names;
  if (!strings(partyNames)) return bad('parties.names');
  if (partyStart.length !== partyNames.length + 1) bad('parties.start');
  const e = obj(d.entries, 'entries');
  const eHi = unpack(e.hi, u32, 'entries.hi');
  const eLo = unpack(e.lo, u32, 'entries.lo');
  const eTarget = unpack(e.target, i32, 'entries.target');
  const eKind = unpack(e.kind, u8, 'entries.kind');
  const eStr = unpack(e.str, u8, 'entries.str');
  const eTermOff = unpack(e.termOff, i32, 'entries.termOff');
  const eTermLen = unpack(e.termLen, (n) => new Uint16Array(n), 'entries.termLen');
  const termPool = e.pool as string;
  if (typeof termPool !== 'string') bad('entries.pool');
  const n = eHi.length;
  if ([eLo, eTarget, eKind, eStr, eTermOff, eTermLen].some((a) => a.length !== n)) bad('entries (lengths)');
  const filters = ['filter', 'multiFilter', 'pairFilter'].map((what) => {
    const f = unpack(d[what], u32, what);
    if (f.length < 1 || (f.length & (f.length - 1)) !== 0) bad(what);
    return f;
  });
  const maxLen = d.maxLen as number;
  if (!Number.isInteger(maxLen) || maxLen < 1 || maxLen > MAX_PHRASE) bad('maxLen');
  const bucketMask = bucketCount(n) - 1;
  const bucketStart = bucketBounds(eLo, bucketMask) ?? bad('entries (bucket order)');
  const [filter, multiFilter, pairFilter] = filters as [Uint32Array, Uint32Array, Uint32Array];
  const w = obj(d.words, 'words');
  const wordKeys = unpack(w.keys, u32, 'words.keys');
  const wordValues = unpack(w.values, (n) => new Uint16Array(n), 'words.values');
  if (wordKeys.length !== wordValues.length) bad('words (lengths)');
  const words = new Map<number, number>();
  for (let i = 0; i < wordKeys.length; i++) words.set(wordKeys[i]!, wordValues[i]!);
  return {
    format: INDEX_FORMAT,
    v: INDEX_VERSION,
    elections,
    tInfo,
    ticketPool,
    partyStart,
    partyTickets,
    partyNames,
    eHi,
    eLo,
    eTarget,
    eKind,
    eStr,
    eTermOff,
    eTermLen,
    termPool,
    bucketStart,
    bucketMask,
    filter,
    filterMask: filter.length - 1,
    multiFilter,
    multiMask: multiFilter.length - 1,
    pairFilter,
    pairMask: pairFilter.length - 1,
    maxLen,
    numbers: buildNumbers(elections, tInfo),
    words,
  };
}
