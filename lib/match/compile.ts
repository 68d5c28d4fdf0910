/**
 * Compile candidate lists into the match index. Runs in the background (and in tests/bench);
 * the content script only loads the serialized result.
 */
import { parseDate } from '../list/dates';
import type { Account, Alias, CandidateList, Election, Strength, Ticket } from '../list/types';
import { accountKeys } from './accounts';
import * as hash from './hash';
import { defaultTerms, Role } from './keywords';
import * as structure from './structure';
import type { ElectionInfo, MatchIndex } from './structure';
import { isPlainName, nameVariants } from './titles';
import * as tokens from './tokens';

// Local copies of imported bindings: under tsx/CommonJS every imported name is a getter call, and
// put()/fromTokens() run ~500,000 times per 250k-alias build.
const { keyHi, keyLo, P1_SEED, P2_SEED, pairHash, phraseStep1, phraseStep2 } = hash;
const {
  buildNumbers,
  INDEX_FORMAT,
  INDEX_VERSION,
  K_ACCOUNT,
  K_ALIAS,
  K_HASHTAG,
  K_MENTION,
  K_NAME,
  K_PARTY,
  K_PARTY_ACCOUNT,
  K_ROLE,
  K_SLOGAN,
  S_MEDIUM,
  S_STRONG,
  S_WEAK,
} = structure;
const { F_HANDLE, F_HASHTAG, TokenBuf, tokenize } = tokens;
type TokenBuf = tokens.TokenBuf;

/** Phrases longer than this are indexed by their first MAX_PHRASE tokens. */
export const MAX_PHRASE = 8;

/** strength placeholder for person names: strong with two tokens or more, else medium */
const NAME_STRENGTH = -1;
const NUMBERED_TYPES = new Set(['pilpres', 'pilgub', 'pilbup', 'pilwalkot']);
const strengthCode = (s: Strength | undefined): number =>
  s === 'weak' ? S_WEAK : s === 'medium' ? S_MEDIUM : S_STRONG;

const FILTER_BITS = 1 << 22;

class Builder {
  // Entries in growable typed arrays: no per-entry objects, no boxed numbers, little GC.
  n = 0;
  private cap = 4096;
  hi = new Uint32Array(this.cap);
  lo = new Uint32Array(this.cap);
  target = new Int32Array(this.cap);
  kind = new Uint8Array(this.cap);
  str = new Uint8Array(this.cap);
  termId = new Int32Array(this.cap);
  next = new Int32Array(this.cap);
  terms: string[] = [];
  /** bit filters at full size while building; folded to their final size in assemble() */
  filter = new Uint32Array(FILTER_BITS >>> 5);
  pairs = new Uint32Array(FILTER_BITS >>> 5);
  firstCount = 0;
  pairCount = 0;
  maxLen = 1;
  tok = new TokenBuf(64);
  // Dedupe table built as we go (key → first entry; chains in `next`), so no string keys are made.
  table = new Int32Array(1 << 12);
  private lastTerm = '';
  private lastTermId = -1;

  constructor() {
    this.tok.lane0Only = true;
  }

  /** Display terms repeat for consecutive entries (one person's variants); dedupe just those. */
  term(s: string): number {
    const t = s.length > 512 ? s.slice(0, 512) : s;
    if (t === this.lastTerm && this.lastTermId >= 0) return this.lastTermId;
    this.lastTerm = t;
    this.lastTermId = this.terms.length;
    this.terms.push(t);
    return this.lastTermId;
  }

  private growTable(): void {
    const size = this.table.length * 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.table.length; i++) {
      const head = this.table[i]!;
      if (head === 0) continue;
      let slot = this.lo[head - 1]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = head;
    }
    this.table = table;
  }

  private growEntries(): void {
    const cap = this.cap * 2;
    const g = <T extends Uint32Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.hi = g(this.hi, (k) => new Uint32Array(k));
    this.lo = g(this.lo, (k) => new Uint32Array(k));
    this.target = g(this.target, (k) => new Int32Array(k));
    this.kind = g(this.kind, (k) => new Uint8Array(k));
    this.str = g(this.str, (k) => new Uint8Array(k));
    this.termId = g(this.termId, (k) => new Int32Array(k));
    this.next = g(this.next, (k) => new Int32Array(k));
    this.cap = cap;
  }

  private put(
    hi: number,
    lo: number,
    first: number,
    kind: number,
    str: number,
    target: number,
    term: number,
    second = 0,
  ): void {
    if (this.n * 2 >= this.table.length) this.growTable();
    const mask = this.table.length - 1;
    let slot = lo & mask;
    let head = -1;
    for (;;) {
      const h = this.table[slot]!;
      if (h === 0) break;
      if (this.hi[h - 1] === hi && this.lo[h - 1] === lo) {
        head = h - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    // keywords may carry several roles under one key; anything else is one entry per target
    for (let e = head; e >= 0; e = this.next[e]!) {
      if (this.kind[e] !== kind || this.target[e] !== target) continue;
      if (kind === K_ROLE) {
        if (this.str[e] === str) return;
        continue;
      }
      // the same phrase twice for one target: keep the stronger reading
      if (str > this.str[e]!) {
        this.str[e] = str;
        this.termId[e] = term;
      }
      return;
    }
    if (this.n === this.cap) this.growEntries();
    const e = this.n++;
    this.hi[e] = hi;
    this.lo[e] = lo;
    this.kind[e] = kind;
    this.str[e] = str;
    this.target[e] = target;
    this.termId[e] = term;
    if (kind !== K_ACCOUNT && kind !== K_PARTY_ACCOUNT) {
      const b = first & (FILTER_BITS - 1);
      this.filter[b >>> 5]! |= 1 << (b & 31);
      this.firstCount++;
      if (second !== 0) {
        const p = pairHash(first, second) & (FILTER_BITS - 1);
        this.pairs[p >>> 5]! |= 1 << (p & 31);
        this.pairCount++;
      }
    }
    if (head >= 0) {
      this.next[e] = this.next[head]!;
      this.next[head] = e;
    } else {
      this.next[e] = -1;
      this.table[slot] = e + 1;
    }
  }

  /** Index `text` as it would be tokenized in a post (lane 0), with its collapsed variant. */
  phrase(
    text: string,
    kind: number,
    str: number,
    target: number,
    display: string,
    asHashtag = false,
    joinable = true,
  ): void {
    const t = this.tok;
    t.reset(false);
    let s = text.trim();
    if (asHashtag && !s.startsWith('#') && !s.startsWith('＃')) s = `#${s}`;
    tokenize(s, t);
    this.lastText = s;
    this.fromTokens(t, kind, str, target, display, joinable);
  }

  fromTokens(t: TokenBuf, kind: number, strength: number, target: number, display: string, joinable = true): void {
    let n = 0;
    for (let i = 0; i < t.n && n < MAX_PHRASE; i++) if (t.lane[i] === 0) n++;
    if (n === 0) return;
    const str = strength === NAME_STRENGTH ? (n >= 2 ? S_STRONG : S_MEDIUM) : strength;
    const term = this.term(display);
    let p1 = P1_SEED;
    let p2 = P2_SEED;
    let q1 = P1_SEED;
    let q2 = P2_SEED;
    let differs = false;
    let first = 0;
    let firstC = 0;
    // second token (0 = single-token phrase), for the pair filter
    let second = 0;
    let secondC = 0;
    let k = 0;
    for (let i = 0; i < t.n && k < n; i++) {
      if (t.lane[i] !== 0) continue;
      if (k === 0) {
        first = t.h1[i]!;
        firstC = t.c1[i]!;
      } else if (k === 1) {
        second = t.h1[i]!;
        secondC = t.c1[i]!;
      }
      p1 = phraseStep1(p1, t.h1[i]!);
      p2 = phraseStep2(p2, t.h2[i]!);
      q1 = phraseStep1(q1, t.c1[i]!);
      q2 = phraseStep2(q2, t.c2[i]!);
      if (t.c1[i] !== t.h1[i]) differs = true;
      k++;
    }
    if (n > this.maxLen) this.maxLen = n;
    this.put(keyHi(p1), keyLo(p2), first, kind, str, target, term, second);
    if (differs) this.put(keyHi(q1), keyLo(q2), firstC, kind, str, target, term, secondC);
    if (n >= 2 && joinable && (kind === K_NAME || kind === K_ALIAS || kind === K_SLOGAN))
      this.joined(t, n, kind, str, target, term);
  }

  /**
   * The words of a multi-word name written together (`luthfiyasin`, `prabowosubianto`): found as a
   * word and, by the substring search over hashtags and handles, inside `#dukungluthfiyasin`.
   * The source slices of the words are concatenated and tokenized again, so the folding is the
   * tokenizer's own.
   */
  private joined(t: TokenBuf, n: number, kind: number, str: number, target: number, term: number): void {
    let glued = '';
    for (let i = 0, k = 0; i < t.n && k < n; i++) {
      if (t.lane[i] !== 0) continue;
      k++;
      if (t.flags[i]! & (F_HASHTAG | F_HANDLE)) return;
      glued += this.lastText.slice(t.start[i]!, t.end[i]!);
    }
    const j = this.joinBuf;
    j.reset(false);
    tokenize(glued, j);
    if (j.n < 1 || j.end[0]! - j.start[0]! < 6) return;
    const h1 = j.h1[0]!;
    const c1 = j.c1[0]!;
    this.put(keyHi(phraseStep1(P1_SEED, h1)), keyLo(phraseStep2(P2_SEED, j.h2[0]!)), h1, kind, str, target, term, 0);
    if (c1 !== h1)
      this.put(keyHi(phraseStep1(P1_SEED, c1)), keyLo(phraseStep2(P2_SEED, j.c2[0]!)), c1, kind, str, target, term, 0);
  }

  private joinBuf = (() => {
    const j = new TokenBuf(8);
    j.lane0Only = true;
    return j;
  })();
  /** the text last tokenized by phrase() */
  private lastText = '';

  /** Index name variants given as normalised token lists. */
  tokens(toks: string[], kind: number, str: number, target: number, display: string, joinable: boolean): void {
    this.phrase(toks.join(' '), kind, str, target, display, false, joinable);
  }

  /** An account key (author/page), never matched against text, so not in the filter. */
  key(k: [number, number], kind: number, target: number, display: string): void {
    this.put(k[0], k[1], 0, kind, S_STRONG, target, this.term(display));
  }
}

const aliasText = (a: Alias): string => (typeof a === 'string' ? a : (a?.text ?? ''));
const aliasStrength = (a: Alias): number => (typeof a === 'string' ? S_STRONG : strengthCode(a?.strength));

function pad(label: string | undefined, number: number | undefined): string {
  if (label) return label;
  return number === undefined ? '' : String(number);
}

function ticketLabel(t: Ticket): string {
  const names = (t.members ?? []).map((m) => m.name).filter(Boolean);
  const who = names.length ? names.join(' – ') : aliasText(t.aliases?.[0] ?? '') || t.id;
  const num = pad(t.label, t.number);
  return num ? `${num} ${who}` : who;
}

function electionInfo(el: Election): ElectionInfo | null {
  const w = el.window;
  const from = w ? parseDate(w.from) : undefined;
  const until = w ? parseDate(w.until) : undefined;
  if (!from || !until) return null; // the validator rejects these; never warn on an unreadable window
  const det = w.determined_at ? parseDate(w.determined_at) : undefined;
  const code = (el.region?.code ?? '').replace(/\D/g, '');
  const national = el.region?.level === 'nasional' || code === '' || /^0+$/.test(code);
  return {
    id: el.id,
    name: el.name,
    type: el.type,
    region: national ? '' : code,
    from: from.start,
    until: until.end,
    determinedAt: det ? det.start : null,
    numbered: NUMBERED_TYPES.has(el.type),
  };
}

const warnable = (t: Ticket): boolean =>
  t.warn !== false &&
  (t.status === undefined || t.status === 'active') &&
  t.kind !== 'empty_column' &&
  (t.members?.length ?? 0) > 0;

/** Compile lists into an index. Later lists do not override earlier ones; everything is merged. */
export function compileIndex(lists: CandidateList[]): MatchIndex {
  const b = new Builder();
  const elections: ElectionInfo[] = [];
  const tElection: number[] = [];
  const tNumber: number[] = [];
  const ticketStrings: string[] = [];
  const partyIds = new Map<string, number>();
  const partyNames: string[] = [];
  const partyTicketLists: number[][] = [];

  for (const term of defaultTerms()) b.phrase(term.text, K_ROLE, term.role, -1, term.text);

  const party = (listNo: number, id: string): number => {
    const k = `${listNo}\u0001${id}`;
    let p = partyIds.get(k);
    if (p === undefined) {
      p = partyNames.length;
      partyIds.set(k, p);
      partyNames.push(id);
      partyTicketLists.push([]);
    }
    return p;
  };

  const accounts = (
    accs: Account[] | undefined,
    kind: number,
    target: number,
    mentionKind: number,
    mentionStr: number,
  ) => {
    if (!accs) return;
    for (const a of accs) {
      if (!a) continue;
      const handle = a.handle ? (a.handle.charCodeAt(0) === 0x40 ? a.handle.slice(1) : a.handle) : '';
      const display = handle ? `@${handle}` : (a.url ?? a.id ?? '');
      const keys = accountKeys(a);
      if (keys.length) {
        const label = `${a.platform}:${display}`;
        for (const k of keys) b.key(k, kind, target, label);
      }
      if (handle) b.phrase(display, mentionKind, mentionStr, target, display);
    }
  };

  lists.forEach((list, listNo) => {
    for (const kw of list.keywords?.context_terms ?? []) b.phrase(kw, K_ROLE, Role.ContextElection, -1, kw);
    for (const kw of list.keywords?.ballot_call_terms ?? []) {
      b.phrase(kw, K_ROLE, Role.CallStrong, -1, kw);
      b.phrase(kw, K_ROLE, Role.ContextElection, -1, kw);
    }
    for (const p of list.parties ?? []) {
      const pi = party(listNo, p.id);
      partyNames[pi] = p.name;
      b.phrase(p.name, K_PARTY, S_WEAK, pi, p.name);
      if (p.abbrev) b.phrase(p.abbrev, K_PARTY, S_WEAK, pi, p.abbrev);
      for (const a of p.aliases ?? []) b.phrase(aliasText(a), K_PARTY, S_WEAK, pi, aliasText(a));
      accounts(p.accounts, K_PARTY_ACCOUNT, pi, K_PARTY, S_WEAK);
    }
    for (const el of list.elections ?? []) {
      const info = electionInfo(el);
      if (!info) continue;
      const ei = elections.length;
      elections.push(info);
      for (const kw of el.keywords ?? []) {
        const tag = kw.trim().startsWith('#');
        b.phrase(kw, K_ROLE, Role.ContextElection, ei, kw, tag);
      }
      for (const t of el.tickets ?? []) {
        if (!warnable(t)) continue;
        const ti = tElection.length;
        tElection.push(ei);
        tNumber.push(typeof t.number === 'number' && t.number > 0 ? Math.floor(t.number) : 0);
        ticketStrings.push(t.id, ticketLabel(t));
        for (const pid of t.party_ids ?? []) partyTicketLists[party(listNo, pid)]?.push(ti);
        for (const m of t.members ?? []) {
          // the person's name: strong with two words or more, a one-word name is medium
          if (isPlainName(m.name ?? '', m.official_name)) b.phrase(m.name, K_NAME, NAME_STRENGTH, ti, m.name);
          else {
            nameVariants(m.name ?? '', m.official_name).forEach((v, i) => {
              if (i === 0 || v.length >= 2) b.tokens(v, K_NAME, NAME_STRENGTH, ti, m.name, i === 0);
            });
          }
          for (const a of m.aliases ?? []) b.phrase(aliasText(a), K_ALIAS, aliasStrength(a), ti, aliasText(a));
          accounts(m.accounts, K_ACCOUNT, ti, K_MENTION, S_STRONG);
        }
        for (const a of t.aliases ?? []) b.phrase(aliasText(a), K_ALIAS, aliasStrength(a), ti, aliasText(a));
        for (const h of t.hashtags ?? []) b.phrase(h, K_HASHTAG, S_STRONG, ti, h.startsWith('#') ? h : `#${h}`, true);
        for (const s of t.slogans ?? []) b.phrase(aliasText(s), K_SLOGAN, aliasStrength(s), ti, aliasText(s));
        accounts(t.accounts, K_ACCOUNT, ti, K_MENTION, S_STRONG);
      }
    }
  });

  return assemble(b, elections, tElection, tNumber, ticketStrings, partyNames, partyTicketLists);
}

function pool(strings: string[]): { pool: string; off: Int32Array; len: Int32Array } {
  const off = new Int32Array(strings.length);
  const len = new Int32Array(strings.length);
  let o = 0;
  strings.forEach((s, i) => {
    off[i] = o;
    len[i] = s.length;
    o += s.length;
  });
  return { pool: strings.join(''), off, len };
}

function assemble(
  b: Builder,
  elections: ElectionInfo[],
  tElection: number[],
  tNumber: number[],
  ticketStrings: string[],
  partyNames: string[],
  partyTicketLists: number[][],
): MatchIndex {
  const n = b.n;
  const terms = pool(b.terms);
  const eHi = b.hi.slice(0, n);
  const eLo = b.lo.slice(0, n);
  const eTermOff = new Int32Array(n);
  const eTermLen = new Uint16Array(n);
  for (let e = 0; e < n; e++) {
    const id = b.termId[e]!;
    eTermOff[e] = terms.off[id]!;
    eTermLen[e] = terms.len[id]!;
  }
  // the dedupe table is the lookup table (load ≤ 0.5)
  const table = b.table;
  const mask = table.length - 1;
  const next = b.next.slice(0, n);
  const filter = foldFilter(b.filter, b.firstCount);
  const pairFilter = foldFilter(b.pairs, b.pairCount);
  const tickets = pool(ticketStrings);
  const tc = tElection.length;
  const tIdOff = new Int32Array(tc);
  const tIdLen = new Int32Array(tc);
  const tLabelOff = new Int32Array(tc);
  const tLabelLen = new Int32Array(tc);
  for (let t = 0; t < tc; t++) {
    tIdOff[t] = tickets.off[2 * t]!;
    tIdLen[t] = tickets.len[2 * t]!;
    tLabelOff[t] = tickets.off[2 * t + 1]!;
    tLabelLen[t] = tickets.len[2 * t + 1]!;
  }
  const partyStart = new Int32Array(partyNames.length + 1);
  const flat: number[] = [];
  partyTicketLists.forEach((l, i) => {
    partyStart[i] = flat.length;
    for (const t of l) flat.push(t);
  });
  partyStart[partyNames.length] = flat.length;
  const te = Int32Array.from(tElection);
  const tn = Int32Array.from(tNumber);
  return {
    format: INDEX_FORMAT,
    v: INDEX_VERSION,
    elections,
    tElection: te,
    tNumber: tn,
    tIdOff,
    tIdLen,
    tLabelOff,
    tLabelLen,
    ticketPool: tickets.pool,
    partyStart,
    partyTickets: Int32Array.from(flat),
    partyNames,
    eHi,
    eLo,
    eTarget: b.target.slice(0, n),
    eKind: b.kind.slice(0, n),
    eStr: b.str.slice(0, n),
    eTermOff,
    eTermLen,
    eNext: next,
    termPool: terms.pool,
    table,
    tableMask: mask,
    filter: filter.bits,
    filterMask: filter.mask,
    pairFilter: pairFilter.bits,
    pairMask: pairFilter.mask,
    maxLen: b.maxLen,
    numbers: buildNumbers(elections, te, tn),
  };
}

/**
 * Shrink a full-size bit filter to ~16 bits per hash (≈6% false passes), at least 64 Kbit, by
 * OR-ing halves: bit (h & smallMask) is set iff some (h & bigMask) with the same low bits was.
 */
function foldFilter(full: Uint32Array, count: number): { bits: Uint32Array; mask: number } {
  let size = 1 << 16;
  while (size < count * 16 && size < FILTER_BITS) size *= 2;
  let words = full.length;
  const f = full.slice();
  while (words * 32 > size) {
    const half = words >>> 1;
    for (let i = 0; i < half; i++) f[i]! |= f[i + half]!;
    words = half;
  }
  return { bits: f.slice(0, words), mask: size - 1 };
}
