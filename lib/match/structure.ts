/**
 * The in-memory match index: typed arrays and two string pools, no per-alias objects, so that a
 * 250,000-alias list costs a few tens of bytes per alias (figures in docs/matching.md §5).
 *
 * Every indexed phrase (name, alias, hashtag, slogan, party name, handle mention, keyword) is an
 * *entry*: a 53-bit phrase key (eHi: 21 bits, eLo: 32 bits) plus what it points at. Entries are
 * stored sorted by bucket (the low bits of eLo), so a lookup reads one pair of bucket bounds and
 * then a short contiguous run of keys: no hash table, no chains, and the serialized arrays are the
 * loaded arrays (nothing to rebuild in a tab). Bit filters reject almost every post token with one
 * memory read before any bucket is touched: see probe().
 */

/** entry kinds */
export const K_NAME = 0;
export const K_ALIAS = 1;
export const K_HASHTAG = 2;
export const K_SLOGAN = 3;
/** party name/abbreviation/alias in text: target = party index */
export const K_PARTY = 4;
/** `@handle` of a listed account written in the text: target = ticket */
export const K_MENTION = 5;
/** author/page account key (never matched against text): target = ticket */
export const K_ACCOUNT = 6;
/** keyword (context or call term): eStr = its role (R_* in keywords.ts), target = election index or -1 */
export const K_ROLE = 7;
/** party account as author/page: target = party index */
export const K_PARTY_ACCOUNT = 8;

/** strengths as stored */
export const S_WEAK = 1;
export const S_MEDIUM = 2;
export const S_STRONG = 3;
/**
 * flag on the strength of a name's words written together (`nurhayati` for Nur Hayati): strong
 * as its name inside a hashtag or handle, a one-word name in running text
 */
export const S_JOINED = 0x10;

export interface ElectionInfo {
  id: string;
  name: string;
  type: string;
  /** region code without dots; '' for national */
  region: string;
  /** window as epoch ms: live when from <= now < until */
  from: number;
  until: number;
  /** before this instant tickets are bakal calon; null = always calon */
  determinedAt: number | null;
  /** numbers mean something here (paslon races, not legislative lists) */
  numbered: boolean;
  /**
   * an electoral district's regions (the list's `region.areas`: kab/kota, kecamatan or desa codes):
   * its candidates are on the ballots of the people living there only
   */
  areas?: string[];
  /**
   * the words of its name that tell races apart (`mesuji`, `lampung`: compile.ts), which pick the
   * race of a party's ballot number (decide.ts partyCall)
   */
  nameWords?: string[];
}

export interface MatchIndex {
  format: typeof INDEX_FORMAT;
  v: typeof INDEX_VERSION;
  elections: ElectionInfo[];
  /**
   * per ticket, T_STRIDE ints side by side (one cache line holds a ticket's whole record; a post
   * naming a common name touches dozens of tickets): election index, ballot number (0 = none), and
   * the offsets of its id and label in ticketPool, which holds id, label, id, label… in ticket
   * order (so each string ends where the next begins)
   */
  tInfo: Int32Array;
  ticketPool: string;
  /** party → tickets (CSR) */
  partyStart: Int32Array;
  partyTickets: Int32Array;
  partyNames: string[];
  /** per entry, sorted by bucket (eLo & bucketMask) */
  eHi: Uint32Array;
  eLo: Uint32Array;
  eTarget: Int32Array;
  eKind: Uint8Array;
  eStr: Uint8Array;
  /**
   * each entry's display term in termPool: the name, alias, hashtag or keyword as the list wrote
   * it; for an account key the handle (`@name`), URL or id, which decide() shows after the
   * platform of the account it looked up (`instagram:@name`)
   */
  eTermOff: Int32Array;
  eTermLen: Uint16Array;
  termPool: string;
  /** entries of bucket b are [bucketStart[b], bucketStart[b + 1]) */
  bucketStart: Int32Array;
  bucketMask: number;
  /**
   * filters over the first-token hashes (h1, and c1 where it differs) of the one-token phrases
   * (filter) and of the longer ones (multiFilter): a token that starts only long phrases (`putri`
   * of `Putri Santoso`) never costs a lookup of its own
   */
  filter: Uint32Array;
  filterMask: number;
  multiFilter: Uint32Array;
  multiMask: number;
  /** filter over pairHash(first, second) of phrases of two tokens or more */
  pairFilter: Uint32Array;
  pairMask: number;
  /** longest phrase in tokens */
  maxLen: number;
  /** (election index * 1024 + ballot number) → ticket indexes, for number calls (paslon and caleg) */
  numbers: Map<number, number[]>;
  /**
   * the small vocabularies of number calls and place names (keywords.ts), token key → flags and
   * number-word value (numbers.ts W_*): built by compile.ts, so no word table ships in a content
   * script
   */
  words: ReadonlyMap<number, number>;
}

export const INDEX_FORMAT = 'jaga-netral/match-index' as const;
export const INDEX_VERSION = 6 as const;

/** Phrases longer than this are indexed by their first MAX_PHRASE tokens (compile.ts). */
export const MAX_PHRASE = 8;

/**
 * Bit filters are "blocked" Bloom filters: a hash sets two bits inside one 32-bit word, so a probe
 * is one memory read and a false pass needs both bits set by other keys (about 1–2% at the fill
 * we size for, against 6–7% for one bit per key). Hashes must be avalanched (hash.fin) so that the
 * bit and word fields are independent.
 */
export function probe(filter: Uint32Array, mask: number, h: number): boolean {
  const m = (1 << (h & 31)) | (1 << ((h >>> 5) & 31));
  return (filter[(h >>> 10) & mask]! & m) === m;
}

export function addToFilter(filter: Uint32Array, mask: number, h: number): void {
  filter[(h >>> 10) & mask]! |= (1 << (h & 31)) | (1 << ((h >>> 5) & 31));
}

/** Buckets for n entries: a power of two, about two entries per bucket (compile and load agree). */
export function bucketCount(n: number): number {
  let buckets = 16;
  while (buckets * 2 < n) buckets *= 2;
  return buckets;
}

/**
 * Bucket bounds of entries already sorted by bucket; null when they are not sorted (a corrupt
 * or foreign index).
 */
export function bucketBounds(eLo: Uint32Array, mask: number): Int32Array | null {
  const start = new Int32Array(mask + 2);
  let prev = 0;
  for (let e = 0; e < eLo.length; e++) {
    const b = eLo[e]! & mask;
    if (b < prev) return null;
    prev = b;
    start[b + 1]!++;
  }
  for (let k = 0; k <= mask; k++) start[k + 1]! += start[k]!;
  return start;
}

/** First entry with this key, or -1 (the others with the same key follow in its bucket). */
export function lookup(idx: MatchIndex, hi: number, lo: number): number {
  const { bucketStart, eHi, eLo } = idx;
  const b = lo & idx.bucketMask;
  const end = bucketStart[b + 1]!;
  for (let e = bucketStart[b]!; e < end; e++) if (eLo[e] === lo && eHi[e] === hi) return e;
  return -1;
}

/** Next entry after e with the same key, or -1. */
export function lookupNext(idx: MatchIndex, e: number): number {
  const { bucketStart, eHi, eLo } = idx;
  const lo = eLo[e]!;
  const hi = eHi[e]!;
  const end = bucketStart[(lo & idx.bucketMask) + 1]!;
  for (let x = e + 1; x < end; x++) if (eLo[x] === lo && eHi[x] === hi) return x;
  return -1;
}

export const T_STRIDE = 4;
export const T_ELECTION = 0;
export const T_NUMBER = 1;
export const T_ID = 2;
export const T_LABEL = 3;

/** The id or label (field T_ID or T_LABEL) of ticket t. */
export function ticketString(idx: MatchIndex, t: number, field: number): string {
  const at = t * T_STRIDE;
  const from = idx.tInfo[at + field]!;
  const to =
    field === T_ID
      ? idx.tInfo[at + T_LABEL]!
      : at + T_STRIDE < idx.tInfo.length
        ? idx.tInfo[at + T_STRIDE + T_ID]!
        : idx.ticketPool.length;
  return idx.ticketPool.slice(from, to);
}

/** ballot-number map key */
export const numberKey = (election: number, n: number): number => election * 1024 + n;

export function buildNumbers(elections: ElectionInfo[], tInfo: Int32Array): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (let t = 0; t * T_STRIDE < tInfo.length; t++) {
    const e = tInfo[t * T_STRIDE + T_ELECTION]!;
    const n = tInfo[t * T_STRIDE + T_NUMBER]!;
    // paslon numbers, and caleg numbers (repeated per party: resolved with the party, decide.ts)
    const el = elections[e];
    if (n <= 0 || n >= 1024 || !el || !(el.numbered || el.type.startsWith('pileg'))) continue;
    const k = numberKey(e, n);
    const l = m.get(k);
    if (l) l.push(t);
    else m.set(k, [t]);
  }
  return m;
}
