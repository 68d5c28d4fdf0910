/**
 * Compile candidate lists into the match index. Runs in the background (and in tests/bench);
 * the content script only loads the serialized result.
 */
import { parseDate } from '../list/dates';
import type { Account, Alias, CandidateList, Election, Strength, Ticket } from '../list/types';
import { accountKeys, fastHandleKey, keyHigh, keyLow } from './accounts';
import { keyHi, keyLo, P1_SEED, P2_SEED, pairHash, phraseStep1, phraseStep2 } from './hash';
import {
  defaultTerms,
  FILLERS,
  GENERIC_NAME_WORDS,
  NOMOR_FILLERS,
  NOT_BEFORE_PADDED,
  NUMBER_WORDS,
  PLACE_WORDS,
  QUANTITY_WORDS,
  R_CALL_STRONG,
  R_CONTEXT_ELECTION,
} from './keywords';
import { tokenKey, W_FILLER, W_NOMOR, W_NOT_BEFORE, W_PLACE, W_QUANTITY, W_VALUE, type Words } from './numbers';
import {
  buildNumbers,
  T_ELECTION,
  T_ID,
  T_LABEL,
  T_NUMBER,
  T_STRIDE,
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
  S_JOINED,
  S_MEDIUM,
  S_STRONG,
  S_WEAK,
} from './structure';
import { addToFilter, bucketCount, MAX_PHRASE } from './structure';
import type { ElectionInfo, MatchIndex } from './structure';
import { normaliseTokens } from './normalise';
import { TextPool } from './textpool';
import { COMMON_WORDS } from '../names/common-words';
import { isPlainName, nameVariants } from './titles';
import { ensure, F_HANDLE, F_HASHTAG, F_LAZY, F_NUMERIC, glued, TokenBuf, tokenize, tokenizeSimple } from './tokens';

export { MAX_PHRASE };

/** strength placeholder for person names: strong with two tokens or more, else medium */
const NAME_STRENGTH = -1;
const NUMBERED_TYPES = new Set(['pilpres', 'pilgub', 'pilbup', 'pilwalkot']);
const strengthCode = (s: Strength | undefined): number =>
  s === 'weak' ? S_WEAK : s === 'medium' ? S_MEDIUM : S_STRONG;

/** Filters are built at this size (words) and folded down to their final size in assemble(). */
const FILTER_WORDS = 1 << 19;
/** Entries of one target are compared one by one for duplicates up to this many, then by key. */
const RUN_SCAN = 32;

const grown = (a: Int32Array): Int32Array => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};

/**
 * The entries being built. One builder serves every compile (see builderFor): the engine's
 * optimised code for these methods can hold the builder object itself as a constant, so a
 * builder per compile would throw that code away with each builder, and every build after the
 * next garbage collection would start in the interpreter (about 100 ms more for 250,000 aliases).
 * Its buffers are allocated by start() and dropped by release(), so between builds it holds
 * nothing.
 */
class Builder {
  // Entries in growable typed arrays: no per-entry objects, no boxed numbers, little GC.
  n!: number;
  private cap!: number;
  hi!: Uint32Array;
  lo!: Uint32Array;
  target!: Int32Array;
  kind!: Uint8Array;
  str!: Uint8Array;
  termId!: Int32Array;
  /** display terms, written into one pool as they come (see TextPool for why) */
  text!: TextPool;
  termCount!: number;
  /** where each term starts in `text`; it ends where the next one starts */
  termOffs!: Int32Array;
  /**
   * Filter keys, collected in order and set into the filters in assemble(), once their size is
   * known (setting bits of a large filter while building costs a cache miss per key).
   */
  firsts!: Int32Array;
  firstN!: number;
  multiFirsts!: Int32Array;
  multiN!: number;
  pairKeys!: Int32Array;
  pairN!: number;
  maxLen!: number;
  tok = new TokenBuf(64);
  /**
   * Duplicates (the same phrase twice for one target: a name that is also an alias) are found
   * among the entries of the current target only: every target's entries are added together
   * (beginTarget), so no global table is needed while building. Keywords (target -1 or an
   * election) are shared and few: they are deduplicated through a set.
   */
  private runStart!: number;
  private runKeys!: Map<number, number[]> | null;
  private roleKeys = new Set<string>();
  private lastTerm!: string;
  private lastTermId!: number;
  /** whether a build is under way (between start() and release()) */
  busy = false;

  constructor() {
    this.tok.lane0Only = true;
    this.release();
  }

  /** Empty buffers for about `estimate` entries. */
  start(estimate: number): void {
    this.busy = true;
    this.alloc(Math.max(4096, estimate));
  }

  /** Drop the buffers (the index built from them has its own). */
  release(): void {
    this.alloc(0);
    this.busy = false;
  }

  private alloc(cap: number): void {
    this.cap = cap;
    this.n = 0;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.target = new Int32Array(cap);
    this.kind = new Uint8Array(cap);
    this.str = new Uint8Array(cap);
    this.termId = new Int32Array(cap);
    // about 12 characters per entry in generated and real lists; growing copies the whole pool
    this.text = new TextPool(cap * 16);
    this.termCount = 0;
    this.termOffs = new Int32Array(cap + 1);
    this.firsts = new Int32Array(cap);
    this.firstN = 0;
    this.multiFirsts = new Int32Array(cap >>> 1);
    this.multiN = 0;
    this.pairKeys = new Int32Array(cap);
    this.pairN = 0;
    this.maxLen = 1;
    this.runStart = 0;
    this.runKeys = null;
    this.roleKeys.clear();
    this.lastTerm = '';
    this.lastTermId = -1;
    this.lastSimple = false;
    this.lastText = '';
  }

  /** The entries that follow belong to a new ticket or party. */
  beginTarget(): void {
    this.runStart = this.n;
    this.runKeys = null;
  }

  /**
   * A display term (at most 512 units). Terms repeat for consecutive entries (one person's
   * variants, a handle and its account keys); dedupe just those.
   */
  term(s: string): number {
    if (s === this.lastTerm && this.lastTermId >= 0) return this.lastTermId;
    this.lastTerm = s;
    const id = this.termCount++;
    this.lastTermId = id;
    if (id + 1 >= this.termOffs.length) this.termOffs = grown(this.termOffs);
    this.termOffs[id] = this.text.add(s, 512);
    this.termOffs[id + 1] = this.text.length;
    return id;
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
    this.cap = cap;
  }

  /** An earlier entry of this run with the same key, kind and target, or -1. */
  private duplicate(hi: number, lo: number, kind: number, target: number): number {
    const from = this.runStart;
    const to = this.n;
    if (to - from <= RUN_SCAN) {
      for (let e = from; e < to; e++) {
        if (this.lo[e] === lo && this.hi[e] === hi && this.kind[e] === kind && this.target[e] === target) return e;
      }
      return -1;
    }
    let keys = this.runKeys;
    if (!keys) {
      keys = new Map();
      for (let e = from; e < to; e++) this.remember(keys, e);
      this.runKeys = keys;
    }
    for (const e of keys.get(hi * 4294967296 + lo) ?? NONE) {
      if (this.kind[e] === kind && this.target[e] === target) return e;
    }
    return -1;
  }

  private remember(keys: Map<number, number[]>, e: number): void {
    const k = this.hi[e]! * 4294967296 + this.lo[e]!;
    const l = keys.get(k);
    if (l) l.push(e);
    else keys.set(k, [e]);
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
    if (kind === K_ROLE) {
      // keywords may carry several roles under one key, each once
      const k = `${hi},${lo},${target},${str}`;
      if (this.roleKeys.has(k)) return;
      this.roleKeys.add(k);
    } else {
      const d = this.duplicate(hi, lo, kind, target);
      if (d >= 0) {
        // the same phrase twice for one target: keep the stronger reading
        if ((str & 3) > (this.str[d]! & 3)) {
          this.str[d] = str;
          this.termId[d] = term;
        }
        return;
      }
    }
    if (this.n === this.cap) this.growEntries();
    const e = this.n++;
    this.hi[e] = hi;
    this.lo[e] = lo;
    this.kind[e] = kind;
    this.str[e] = str;
    this.target[e] = target;
    this.termId[e] = term;
    if (this.runKeys) this.remember(this.runKeys, e);
    if (kind !== K_ACCOUNT && kind !== K_PARTY_ACCOUNT) {
      if (second === 0) {
        if (this.firstN === this.firsts.length) this.firsts = grown(this.firsts);
        this.firsts[this.firstN++] = first;
      } else {
        if (this.multiN === this.multiFirsts.length) this.multiFirsts = grown(this.multiFirsts);
        this.multiFirsts[this.multiN++] = first;
        if (this.pairN === this.pairKeys.length) this.pairKeys = grown(this.pairKeys);
        this.pairKeys[this.pairN++] = pairHash(first, second);
      }
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
    this.lastSimple = tokenizeSimple(s, t);
    if (!this.lastSimple) tokenize(s, t);
    this.lastText = s;
    this.fromTokens(t, kind, str, target, display, joinable);
  }

  fromTokens(t: TokenBuf, kind: number, strength: number, target: number, display: string, joinable = true): void {
    let n = 0;
    for (let i = 0; i < t.n && n < MAX_PHRASE; i++) if (t.lane[i] === 0) n++;
    if (n === 0) return;
    // a name is strong with two words or more; initials do not count as words, except a run of
    // them (`Lulus S.` and `M. Muslim` are one-word names, `Mahfud M. D.` has two words)
    let words = 0;
    let initials = 0;
    if (strength === NAME_STRENGTH || kind === K_NAME) {
      for (let i = 0, k = 0; i < t.n && k < n; i++) {
        if (t.lane[i] !== 0) continue;
        k++;
        if (t.end[i]! - t.start[i]! === 1 && !(t.flags[i]! & F_NUMERIC)) {
          initials++;
          if (initials === 2) words++;
        } else {
          initials = 0;
          words++;
        }
      }
    }
    let str = strength === NAME_STRENGTH ? (words >= 2 ? S_STRONG : S_MEDIUM) : strength;
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
    // a one-word name that is an everyday word (Warga, Kasih, Selamat; Lulus S.) is never read alone
    if (kind === K_NAME && str === S_MEDIUM && commonWord(t, n)) str = S_WEAK;
    this.put(keyHi(p1), keyLo(p2), first, kind, str, target, term, second);
    if (differs) this.put(keyHi(q1), keyLo(q2), firstC, kind, str, target, term, secondC);
    if (n >= 2 && joinable && (kind === K_NAME || kind === K_ALIAS || kind === K_SLOGAN) && !hasInitial(t, n))
      this.joined(t, n, kind, str | S_JOINED, target, term);
  }

  /**
   * The words of a multi-word name written together (`luthfiyasin`, `prabowosubianto`): found as a
   * word and, by the substring search over hashtags and handles, inside `#dukungluthfiyasin`.
   * The source slices of the words are concatenated and tokenized again, so the folding is the
   * tokenizer's own.
   */
  private joined(t: TokenBuf, n: number, kind: number, str: number, target: number, term: number): void {
    if (this.lastSimple && n === t.n) {
      // tokenizeSimple hashed the words written together already (len 0: a word had a prefix)
      if (glued.len < 6) return;
      this.gluedEntry(glued.h1, glued.h2, glued.c1, glued.c2, kind, str, target, term);
      return;
    }
    let text = '';
    for (let i = 0, k = 0; i < t.n && k < n; i++) {
      if (t.lane[i] !== 0) continue;
      k++;
      if (t.flags[i]! & (F_HASHTAG | F_HANDLE)) return;
      text += this.lastText.slice(t.start[i]!, t.end[i]!);
    }
    const j = this.joinBuf;
    j.reset(false);
    tokenize(text, j);
    if (j.n < 1 || j.end[0]! - j.start[0]! < 6) return;
    this.gluedEntry(j.h1[0]!, j.h2[0]!, j.c1[0]!, j.c2[0]!, kind, str, target, term);
  }

  private gluedEntry(
    h1: number,
    h2: number,
    c1: number,
    c2: number,
    kind: number,
    str: number,
    target: number,
    term: number,
  ): void {
    const hi = keyHi(phraseStep1(P1_SEED, h1));
    const lo = keyLo(phraseStep2(P2_SEED, h2));
    const hiC = keyHi(phraseStep1(P1_SEED, c1));
    const loC = keyLo(phraseStep2(P2_SEED, c2));
    // `Silatur Rahmi` written together is the word silaturahmi: not an entry
    if (isCommon(hi, lo) || isCommon(hiC, loC)) return;
    this.put(hi, lo, h1, kind, str, target, term, 0);
    if (c1 !== h1) this.put(hiC, loC, c1, kind, str, target, term, 0);
  }

  /** whether the text last tokenized by phrase() took tokenizeSimple (its glued hashes are valid) */
  private lastSimple!: boolean;

  private joinBuf = (() => {
    const j = new TokenBuf(8);
    j.lane0Only = true;
    return j;
  })();
  /** the text last tokenized by phrase() */
  private lastText!: string;

  /** Index name variants given as normalised token lists. */
  tokens(toks: string[], kind: number, str: number, target: number, display: string, joinable: boolean): void {
    this.phrase(toks.join(' '), kind, str, target, display, false, joinable);
  }

  /** An account key (author/page), never matched against text, so not in the filter. */
  key(hi: number, lo: number, kind: number, target: number, term: number): void {
    this.put(hi, lo, 0, kind, S_STRONG, target, term);
  }
}

/** Does a phrase of n lane-0 tokens contain a one-letter token (an initial)? */
function hasInitial(t: TokenBuf, n: number): boolean {
  for (let i = 0, k = 0; i < t.n && k < n; i++) {
    if (t.lane[i] !== 0) continue;
    k++;
    if (t.end[i]! - t.start[i]! === 1) return true;
  }
  return false;
}

/** Is the one word of a one-word name (beside its initials) an everyday word? */
function commonWord(t: TokenBuf, n: number): boolean {
  for (let i = 0, k = 0; i < t.n && k < n; i++) {
    if (t.lane[i] !== 0) continue;
    k++;
    if (t.end[i]! - t.start[i]! === 1) continue;
    if (t.flags[i]! & F_LAZY) ensure(t, i);
    return (
      isCommon(keyHi(phraseStep1(P1_SEED, t.h1[i]!)), keyLo(phraseStep2(P2_SEED, t.h2[i]!))) ||
      isCommon(keyHi(phraseStep1(P1_SEED, t.c1[i]!)), keyLo(phraseStep2(P2_SEED, t.c2[i]!)))
    );
  }
  return false;
}

/** Phrase keys (hi * 2^32 + lo) of the everyday words in lib/names/common-words.ts, built once. */
let commonKeys: Set<number> | null = null;

function isCommon(hi: number, lo: number): boolean {
  if (!commonKeys) {
    commonKeys = new Set();
    const t = new TokenBuf(8);
    for (const w of COMMON_WORDS) {
      t.reset(false);
      tokenize(w, t);
      if (t.n !== 1) continue;
      ensure(t, 0);
      commonKeys.add(keyHi(phraseStep1(P1_SEED, t.h1[0]!)) * 4294967296 + keyLo(phraseStep2(P2_SEED, t.h2[0]!)));
      commonKeys.add(keyHi(phraseStep1(P1_SEED, t.c1[0]!)) * 4294967296 + keyLo(phraseStep2(P2_SEED, t.c2[0]!)));
    }
  }
  return commonKeys.has(hi * 4294967296 + lo);
}

/** for `x ?? NONE` in loops over optional list arrays: no new empty array per ticket */
const NONE: readonly never[] = Object.freeze([]);

const aliasText = (a: Alias): string => (typeof a === 'string' ? a : (a?.text ?? ''));
const aliasStrength = (a: Alias): number => (typeof a === 'string' ? S_STRONG : strengthCode(a?.strength));

/**
 * Write a ticket's label into `pool` (its ballot label or number, then its people's names, else
 * its first alias or id: `02 Prabowo Subianto – Gibran Rakabuming Raka`); returns its offset.
 * Written in parts: the label is never needed as a string of its own.
 */
function addLabel(pool: TextPool, t: Ticket): number {
  const at = pool.length;
  const num = t.label ? t.label : t.number === undefined ? '' : String(t.number);
  if (num) {
    pool.add(num);
    pool.add(' ');
  }
  let named = false;
  const members = t.members ?? NONE;
  for (let i = 0; i < members.length; i++) {
    const name = members[i]!.name;
    if (!name) continue;
    if (named) pool.add(' – ');
    pool.add(name);
    named = true;
  }
  if (!named) pool.add(aliasText(t.aliases?.[0] ?? '') || t.id);
  return at;
}

function electionInfo(el: Election): ElectionInfo | null {
  const w = el.window;
  const from = w ? parseDate(w.from) : undefined;
  const until = w ? parseDate(w.until) : undefined;
  if (!from || !until) return null; // the validator rejects these; never warn on an unreadable window
  const det = w.determined_at ? parseDate(w.determined_at) : undefined;
  const code = (el.region?.code ?? '').replace(/\D/g, '');
  const national = el.region?.level === 'nasional' || code === '' || /^0+$/.test(code);
  const info: ElectionInfo = {
    id: el.id,
    name: el.name,
    type: el.type,
    region: national ? '' : code,
    from: from.start,
    until: until.end,
    determinedAt: det ? det.start : null,
    numbered: NUMBERED_TYPES.has(el.type),
  };
  const areas = el.region?.areas?.filter((a) => /^\d{2,16}$/.test(a));
  if (!national && areas?.length) info.areas = [...new Set(areas)];
  const words = new Set<string>();
  for (const x of normaliseTokens(el.name ?? '')) {
    if (x.length >= 3 && !GENERIC_NAME_WORDS.has(x) && !/\d/.test(x)) words.add(x);
  }
  info.nameWords = [...words];
  return info;
}

const warnable = (t: Ticket): boolean =>
  t.warn !== false &&
  (t.status === undefined || t.status === 'active') &&
  t.kind !== 'empty_column' &&
  (t.members?.length ?? 0) > 0;

/**
 * The keys of a ticket's or party's accounts (author/page lookups) and their handles as mentions
 * in text.
 */
function addAccounts(
  b: Builder,
  accs: Account[] | undefined,
  kind: number,
  target: number,
  mentionKind: number,
  mentionStr: number,
): void {
  if (!accs) return;
  for (let i = 0; i < accs.length; i++) {
    const a = accs[i];
    if (!a) continue;
    const h = a.handle;
    const handle = !!h && h.length > (h.charCodeAt(0) === 0x40 ? 1 : 0);
    const display = handle ? (h.charCodeAt(0) === 0x40 ? h : `@${h}`) : (a.url ?? a.id ?? '');
    if (handle) b.phrase(display, mentionKind, mentionStr, target, display);
    const keys = accountKeys(a, fastHandleKey);
    if (keys.length) {
      // the same term as the mention's (decide() puts the platform before it)
      const term = b.term(display);
      for (let k = 0; k < keys.length; k++) b.key(keyHigh(keys[k]!), keyLow(keys[k]!), kind, target, term);
    }
  }
}

/** Parties by list and id (a party id is scoped to its list), with the tickets that name them. */
class Parties {
  private ids = new Map<string, number>();
  names: string[] = [];
  tickets: number[][] = [];

  index(listNo: number, id: string): number {
    const k = `${listNo}\u0001${id}`;
    let p = this.ids.get(k);
    if (p === undefined) {
      p = this.names.length;
      this.ids.set(k, p);
      this.names.push(id);
      this.tickets.push([]);
    }
    return p;
  }
}

/**
 * The entries of one ticket: its people's names (with variants), aliases, hashtags, slogans and
 * accounts. A function of its own (not a loop body) so that the engine optimises it after a few
 * hundred tickets rather than by on-stack replacement of one long loop; indexed loops, so that no
 * iterator is allocated even before it is. It and the functions it calls are top-level functions
 * and methods, not closures over one build's builder: code the engine optimised for a closure can
 * hold that builder as a constant, and is thrown away with it, so every build started cold.
 */
function addTicket(b: Builder, t: Ticket, ti: number): void {
  b.beginTarget();
  const members = t.members ?? NONE;
  for (let k = 0; k < members.length; k++) {
    const m = members[k]!;
    // the person's name: strong with two words or more, a one-word name is medium
    if (isPlainName(m.name ?? '', m.official_name)) b.phrase(m.name, K_NAME, NAME_STRENGTH, ti, m.name);
    else {
      const variants = nameVariants(m.name ?? '', m.official_name);
      for (let i = 0; i < variants.length; i++) {
        const v = variants[i]!;
        if (i === 0 || v.length >= 2) b.tokens(v, K_NAME, NAME_STRENGTH, ti, m.name, i === 0);
      }
    }
    const aliases = m.aliases ?? NONE;
    for (let i = 0; i < aliases.length; i++) {
      const a = aliases[i]!;
      b.phrase(aliasText(a), K_ALIAS, aliasStrength(a), ti, aliasText(a));
    }
    addAccounts(b, m.accounts, K_ACCOUNT, ti, K_MENTION, S_STRONG);
  }
  const aliases = t.aliases ?? NONE;
  for (let i = 0; i < aliases.length; i++) {
    const a = aliases[i]!;
    b.phrase(aliasText(a), K_ALIAS, aliasStrength(a), ti, aliasText(a));
  }
  const tags = t.hashtags ?? NONE;
  for (let i = 0; i < tags.length; i++) {
    const h = tags[i]!;
    b.phrase(h, K_HASHTAG, S_STRONG, ti, h.startsWith('#') ? h : `#${h}`, true);
  }
  const slogans = t.slogans ?? NONE;
  for (let i = 0; i < slogans.length; i++) {
    const x = slogans[i]!;
    b.phrase(aliasText(x), K_SLOGAN, aliasStrength(x), ti, aliasText(x));
  }
  addAccounts(b, t.accounts, K_ACCOUNT, ti, K_MENTION, S_STRONG);
}

/** Compile lists into an index. Later lists do not override earlier ones; everything is merged. */
export function compileIndex(lists: CandidateList[]): MatchIndex {
  // entries: about two per alias, handle or hashtag (variants, joined forms); growing costs copies
  let estimate = 0;
  for (const list of lists) for (const el of list?.elections ?? NONE) estimate += (el?.tickets?.length ?? 0) * 8;
  const b = builderFor(estimate + 4096);
  try {
    return build(b, lists, estimate);
  } finally {
    b.release();
  }
}

function build(b: Builder, lists: CandidateList[], estimate: number): MatchIndex {
  const elections: ElectionInfo[] = [];
  const tElection: number[] = [];
  const tNumber: number[] = [];
  // each ticket's id and label, one after the other; their offsets
  const ticketText = new TextPool(estimate * 4);
  const tText: number[] = [];
  const parties = new Parties();

  for (const term of defaultTerms()) b.phrase(term.text, K_ROLE, term.role, -1, term.text);

  for (let listNo = 0; listNo < lists.length; listNo++) {
    const list = lists[listNo]!;
    for (const kw of list.keywords?.context_terms ?? NONE) b.phrase(kw, K_ROLE, R_CONTEXT_ELECTION, -1, kw);
    for (const kw of list.keywords?.ballot_call_terms ?? NONE) {
      b.phrase(kw, K_ROLE, R_CALL_STRONG, -1, kw);
      b.phrase(kw, K_ROLE, R_CONTEXT_ELECTION, -1, kw);
    }
    for (const p of list.parties ?? NONE) {
      const pi = parties.index(listNo, p.id);
      b.beginTarget();
      parties.names[pi] = p.name;
      b.phrase(p.name, K_PARTY, S_WEAK, pi, p.name);
      if (p.abbrev) b.phrase(p.abbrev, K_PARTY, S_WEAK, pi, p.abbrev);
      for (const a of p.aliases ?? NONE) b.phrase(aliasText(a), K_PARTY, S_WEAK, pi, aliasText(a));
      addAccounts(b, p.accounts, K_PARTY_ACCOUNT, pi, K_PARTY, S_WEAK);
    }
    for (const el of list.elections ?? NONE) {
      const info = electionInfo(el);
      if (!info) continue;
      const ei = elections.length;
      elections.push(info);
      for (const kw of el.keywords ?? NONE) {
        const tag = kw.trim().startsWith('#');
        b.phrase(kw, K_ROLE, R_CONTEXT_ELECTION, ei, kw, tag);
      }
      addTickets(b, el.tickets ?? NONE, ei, listNo, parties, tElection, tNumber, ticketText, tText);
    }
  }

  const tickets = { pool: ticketText.toString(), off: tText };
  return assemble(b, elections, tElection, tNumber, tickets, parties.names, parties.tickets);
}

let shared: Builder | null = null;

/**
 * The shared builder, started for `estimate` entries; a builder of its own for a compile that
 * starts while another is under way (none does today: compiling is synchronous).
 */
function builderFor(estimate: number): Builder {
  if (!shared || shared.busy) shared = new Builder();
  shared.start(estimate);
  return shared;
}

/** The warnable tickets of one election: their records, then their entries. */
function addTickets(
  b: Builder,
  tickets: readonly Ticket[],
  ei: number,
  listNo: number,
  parties: Parties,
  tElection: number[],
  tNumber: number[],
  ticketText: TextPool,
  tText: number[],
): void {
  for (let k = 0; k < tickets.length; k++) {
    const t = tickets[k]!;
    if (!warnable(t)) continue;
    const ti = tElection.length;
    tElection.push(ei);
    tNumber.push(typeof t.number === 'number' && t.number > 0 ? Math.floor(t.number) : 0);
    tText.push(ticketText.add(t.id), addLabel(ticketText, t));
    const pids = t.party_ids ?? NONE;
    for (let i = 0; i < pids.length; i++) parties.tickets[parties.index(listNo, pids[i]!)]?.push(ti);
    addTicket(b, t, ti);
  }
}

/**
 * The term pool, with each display term stored once per key: namesakes (one name in many races)
 * are many entries under one key, and their evidence then reads one place in the pool rather than
 * one per ticket. Only terms that entries still use are pooled.
 */
function sharedTerms(
  b: Builder,
  termIds: Int32Array,
  eHi: Uint32Array,
  eLo: Uint32Array,
  bucketStart: Int32Array,
): { termPool: string; eTermOff: Int32Array; eTermLen: Uint16Array } {
  const n = termIds.length;
  const { text, termOffs, termCount } = b;
  const termLens = new Int32Array(termCount);
  for (let id = 0; id < termCount; id++) termLens[id] = termOffs[id + 1]! - termOffs[id]!;
  for (let k = 0; k + 1 < bucketStart.length; k++) {
    const from = bucketStart[k]!;
    const to = bucketStart[k + 1]!;
    for (let x = from + 1; x < to; x++) {
      // the first earlier entry with this key: same display term → same id
      for (let y = from; y < x; y++) {
        if (eLo[y] !== eLo[x] || eHi[y] !== eHi[x]) continue;
        const a = termIds[y]!;
        const c = termIds[x]!;
        if (a !== c && termLens[a] === termLens[c] && text.same(termOffs[a]!, termOffs[c]!, termLens[a]!))
          termIds[x] = a;
        break;
      }
    }
  }
  // drop the terms no entry uses any more (duplicates, namesakes), moving each run of kept terms
  // down at once; the order stays the list's
  const off = new Int32Array(termCount).fill(-1);
  for (let e = 0; e < n; e++) off[termIds[e]!] = 0;
  let o = 0;
  for (let id = 0; id < termCount; ) {
    if (off[id] === -1) {
      id++;
      continue;
    }
    const from = termOffs[id]!;
    const shift = from - o;
    for (; id < termCount && off[id] !== -1; id++) off[id] = termOffs[id]! - shift;
    const len = termOffs[id]! - from;
    text.moveDown(o, from, len);
    o += len;
  }
  text.truncate(o);
  const eTermOff = new Int32Array(n);
  const eTermLen = new Uint16Array(n);
  for (let e = 0; e < n; e++) {
    const id = termIds[e]!;
    eTermOff[e] = off[id]!;
    eTermLen[e] = termLens[id]!;
  }
  return { termPool: text.toString(), eTermOff, eTermLen };
}

function assemble(
  b: Builder,
  elections: ElectionInfo[],
  tElection: number[],
  tNumber: number[],
  tickets: { pool: string; off: number[] },
  partyNames: string[],
  partyTicketLists: number[][],
): MatchIndex {
  const n = b.n;
  // counting sort of the entries by bucket (stable: equal keys keep their insertion order)
  const buckets = bucketCount(n);
  const bucketMask = buckets - 1;
  const bucketStart = new Int32Array(buckets + 1);
  const lo = b.lo;
  for (let e = 0; e < n; e++) bucketStart[(lo[e]! & bucketMask) + 1]!++;
  for (let k = 0; k < buckets; k++) bucketStart[k + 1]! += bucketStart[k]!;
  const fill = bucketStart.slice(0, buckets);
  const eHi = new Uint32Array(n);
  const eLo = new Uint32Array(n);
  const eTarget = new Int32Array(n);
  const eKind = new Uint8Array(n);
  const eStr = new Uint8Array(n);
  const termIds = new Int32Array(n);
  for (let e = 0; e < n; e++) {
    const to = fill[lo[e]! & bucketMask]!++;
    eHi[to] = b.hi[e]!;
    eLo[to] = lo[e]!;
    eTarget[to] = b.target[e]!;
    eKind[to] = b.kind[e]!;
    eStr[to] = b.str[e]!;
    termIds[to] = b.termId[e]!;
  }
  const { termPool, eTermOff, eTermLen } = sharedTerms(b, termIds, eHi, eLo, bucketStart);
  const filter = makeFilter(b.firsts, b.firstN);
  const multiFilter = makeFilter(b.multiFirsts, b.multiN);
  const pairFilter = makeFilter(b.pairKeys, b.pairN);
  const tc = tElection.length;
  const tInfo = new Int32Array(tc * T_STRIDE);
  for (let t = 0; t < tc; t++) {
    tInfo[t * T_STRIDE + T_ELECTION] = tElection[t]!;
    tInfo[t * T_STRIDE + T_NUMBER] = tNumber[t]!;
    tInfo[t * T_STRIDE + T_ID] = tickets.off[2 * t]!;
    tInfo[t * T_STRIDE + T_LABEL] = tickets.off[2 * t + 1]!;
  }
  const partyStart = new Int32Array(partyNames.length + 1);
  const flat: number[] = [];
  partyTicketLists.forEach((l, i) => {
    partyStart[i] = flat.length;
    for (const t of l) flat.push(t);
  });
  partyStart[partyNames.length] = flat.length;
  return {
    format: INDEX_FORMAT,
    v: INDEX_VERSION,
    elections,
    tInfo,
    ticketPool: tickets.pool,
    partyStart,
    partyTickets: Int32Array.from(flat),
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
    filter: filter.bits,
    filterMask: filter.mask,
    multiFilter: multiFilter.bits,
    multiMask: multiFilter.mask,
    pairFilter: pairFilter.bits,
    pairMask: pairFilter.mask,
    maxLen: b.maxLen,
    numbers: buildNumbers(elections, tInfo),
    words: vocabulary(),
  };
}

let words: Words | null = null;

/** The small vocabularies as MatchIndex.words (numbers.ts W_*): the same in every index. */
function vocabulary(): Words {
  if (words) return words;
  const m = new Map<number, number>();
  const t = new TokenBuf(8);
  const add = (w: string, bits: number) => {
    t.reset(false);
    tokenize(w, t);
    if (t.n !== 1) return;
    const k = tokenKey(t, 0);
    m.set(k, (m.get(k) ?? 0) | bits);
  };
  for (const w of FILLERS) add(w, W_FILLER);
  for (const w of NOMOR_FILLERS) add(w, W_NOMOR | W_FILLER);
  for (const w of QUANTITY_WORDS) add(w, W_QUANTITY);
  for (const w of NOT_BEFORE_PADDED) add(w, W_NOT_BEFORE);
  for (const w of PLACE_WORDS) add(w, W_PLACE);
  for (const [w, v] of Object.entries(NUMBER_WORDS)) add(w, v << W_VALUE);
  words = m;
  return m;
}

/** Fill (fraction of bits set) up to which a filter is folded smaller: about 1.5% false passes. */
const MAX_FILL = 0.125;

function popcount(a: Uint32Array): number {
  let c = 0;
  for (let i = 0; i < a.length; i++) {
    let x = a[i]! >>> 0;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    c += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return c;
}

/**
 * The filter of `count` keys: sized for 16 bits per key (the keys repeat, so it is usually
 * sparser than that), then shrunk by OR-ing its halves (a key's word is its hash's low bits, and
 * its bits inside the word do not depend on the size) for as long as the folded filter stays at
 * most MAX_FILL full; at least 2,048 words (8 KB). `mask` is the word mask.
 */
function makeFilter(keys: Int32Array, count: number): { bits: Uint32Array; mask: number } {
  let words = 2048;
  while (words < count / 2 && words < FILTER_WORDS) words *= 2;
  const f = new Uint32Array(words);
  const mask = words - 1;
  for (let i = 0; i < count; i++) addToFilter(f, mask, keys[i]!);
  let fill = popcount(f) / (words * 32);
  while (words > 2048 && 1 - (1 - fill) * (1 - fill) <= MAX_FILL) {
    const half = words >>> 1;
    for (let i = 0; i < half; i++) f[i]! |= f[i + half]!;
    words = half;
    fill = popcount(f.subarray(0, words)) / (words * 32);
  }
  return { bits: f.slice(0, words), mask: words - 1 };
}
