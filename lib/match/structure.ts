/**
 * The in-memory match index: typed arrays and two string pools, no per-alias objects, so that a
 * 250,000-alias list costs a few tens of bytes per alias (engineering.md B.4/B.5).
 *
 * Every indexed phrase (name, alias, hashtag, slogan, party name, handle mention, keyword) is an
 * *entry*: a 53-bit phrase key (eHi: 21 bits, eLo: 32 bits) plus what it points at. Entries with
 * the same key are chained (eNext). An open-addressing table maps a key to its first entry. A bit
 * filter over first-token hashes rejects ~95% of post tokens with one memory read before any
 * table probe.
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
/** keyword (context or call term): eStr = Role, target = election index or -1 */
export const K_ROLE = 7;
/** party account as author/page: target = party index */
export const K_PARTY_ACCOUNT = 8;

/** strengths as stored */
export const S_WEAK = 1;
export const S_MEDIUM = 2;
export const S_STRONG = 3;

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
}

export interface MatchIndex {
  format: typeof INDEX_FORMAT;
  v: typeof INDEX_VERSION;
  elections: ElectionInfo[];
  /** per ticket */
  tElection: Int32Array;
  tNumber: Int32Array;
  tIdOff: Int32Array;
  tIdLen: Int32Array;
  tLabelOff: Int32Array;
  tLabelLen: Int32Array;
  ticketPool: string;
  /** party → tickets (CSR) */
  partyStart: Int32Array;
  partyTickets: Int32Array;
  partyNames: string[];
  /** per entry */
  eHi: Uint32Array;
  eLo: Uint32Array;
  eTarget: Int32Array;
  eKind: Uint8Array;
  eStr: Uint8Array;
  eTermOff: Int32Array;
  eTermLen: Uint16Array;
  eNext: Int32Array;
  termPool: string;
  /** open-addressing table: entry index + 1, 0 = empty */
  table: Int32Array;
  tableMask: number;
  /** bit filter over first-token h1 */
  filter: Uint32Array;
  filterMask: number;
  /** bit filter over pairHash(first, second) of phrases of two tokens or more */
  pairFilter: Uint32Array;
  pairMask: number;
  /** longest phrase in tokens */
  maxLen: number;
  /** (election index * 1024 + ballot number) → ticket indexes, for number calls */
  numbers: Map<number, number[]>;
}

export const INDEX_FORMAT = 'jaga-netral/match-index' as const;
export const INDEX_VERSION = 1 as const;

/** Build the key table and chains from the entry keys (compile and load share this). */
export function buildTable(eHi: Uint32Array, eLo: Uint32Array): { table: Int32Array; mask: number; next: Int32Array } {
  const n = eHi.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const table = new Int32Array(size);
  const next = new Int32Array(n).fill(-1);
  const mask = size - 1;
  for (let e = 0; e < n; e++) {
    const hi = eHi[e]!;
    const lo = eLo[e]!;
    let slot = lo & mask;
    for (;;) {
      const head = table[slot]!;
      if (head === 0) {
        table[slot] = e + 1;
        break;
      }
      const h = head - 1;
      if (eHi[h] === hi && eLo[h] === lo) {
        next[e] = next[h]!;
        next[h] = e;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { table, mask, next };
}

/** First entry with this key, or -1. */
export function lookup(idx: MatchIndex, hi: number, lo: number): number {
  const { table, tableMask, eHi, eLo } = idx;
  let slot = lo & tableMask;
  for (;;) {
    const head = table[slot]!;
    if (head === 0) return -1;
    const e = head - 1;
    if (eHi[e] === hi && eLo[e] === lo) return e;
    slot = (slot + 1) & tableMask;
  }
}

/** ballot-number map key */
export const numberKey = (election: number, n: number): number => election * 1024 + n;

export function buildNumbers(
  elections: ElectionInfo[],
  tElection: Int32Array,
  tNumber: Int32Array,
): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (let t = 0; t < tElection.length; t++) {
    const e = tElection[t]!;
    const n = tNumber[t]!;
    if (n <= 0 || n >= 1024 || !elections[e]?.numbered) continue;
    const k = numberKey(e, n);
    const l = m.get(k);
    if (l) l.push(t);
    else m.set(k, [t]);
  }
  return m;
}
