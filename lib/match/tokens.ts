/**
 * The tokenizer: one hand-written pass over the UTF-16 code units that folds, splits and hashes
 * at the same time: normalising in separate passes before the scan could not reach the 60 MB/s
 * target (docs/matching.md §5). No regular expression ever runs on user text, so the time is
 * linear in the input whatever it contains (lone surrogates, 1 MB of emoji, control characters).
 *
 * Output goes into reusable typed arrays (`TokenBuf`) rather than objects: a 2,000-character post
 * yields ~300 tokens and must cost microseconds.
 *
 * Lanes. Every word is a token of lane 0 (the running text). A hashtag, a handle, or a word with
 * inner case or digit boundaries (`#R1DOSolusiJakarta`, `@ridwan_kamil`, `PrabowoGibran2024`,
 * `coblos02`) is one lane-0 token (the whole tag, for hashtag matching) plus its parts in
 * separate lanes: a coarse lane split at case changes and underscores (`r1do solusi jakarta`) and,
 * when different, a fine lane that also splits letters from digits (`r 1 do solusi jakarta`).
 * Phrases are matched within one lane, so parts of a tag never join the words around it.
 */
import {
  APOS,
  ASTRAL,
  ASTRAL_HIGH,
  AT,
  CLASS,
  DIGIT,
  FOLD,
  HASH,
  IGNORE,
  isAstralIgnorable,
  KEYCAP,
  LOWER,
  MULTI,
  MULTI_FOLD,
  SEP,
  UNDERSCORE,
  UPPER,
} from './chars';
import { fin, H1_SEED, H2_SEED, step1, step2 } from './hash';

/** token flags */
export const F_NUMERIC = 1; // all digits
export const F_PADDED = 2; // numeric with a leading zero: `02`
export const F_KEYCAP = 4; // digit written as a keycap emoji: `2️⃣`
export const F_HASHTAG = 8; // lane-0 token of a `#tag`
export const F_HANDLE = 16; // lane-0 token of an `@handle`
export const F_PART = 32; // a part of a compound (lane > 0)
/** a plain ASCII word whose second hashes (h2, c2) are not computed yet: see ensure() */
export const F_LAZY = 64;

/** Characters of one post beyond this are not scanned (no real post is this long; bounds time). */
export const MAX_SCAN = 262_144;
/** Tokens longer than this are kept whole but not split or substring-searched. */
const MAX_COMPOUND = 64;

export class TokenBuf {
  n = 0;
  cap = 0;
  // the per-token arrays: cap long, made by grow() in the constructor
  start!: Int32Array;
  end!: Int32Array;
  h1!: Int32Array;
  h2!: Int32Array;
  /** hashes with every run of a repeated letter collapsed (`muzakkir` → `muzakir`); equal to h1/h2 when nothing collapsed */
  c1!: Int32Array;
  c2!: Int32Array;
  lane!: Int32Array;
  flags!: Uint8Array;
  /** numeric value for short all-digit tokens, else -1 */
  num!: Int16Array;
  /**
   * for hashtag/handle tokens (F_HASHTAG, F_HANDLE) only: where their folded body sits in
   * `tagChars` (length 0 in compile mode); not written for other tokens
   */
  tagAt!: Int32Array;
  tagLen!: Int32Array;
  /** folded bodies of hashtags and handles, with the source offsets of each char */
  tagChars = new Uint16Array(256);
  tagOffs = new Int32Array(256);
  tagEnds = new Int32Array(256);
  tagN = 0;
  /** lane ids handed out so far (lane 0 is the running text) */
  lanes = 0;
  /** compile mode: only running-text tokens (no parts lanes, no hashtag bodies) */
  lane0Only = false;
  /**
   * scan mode: plain words get only their first hashes (h1, c1) while reading; the second ones
   * are computed by ensure() for the few tokens the bit filter lets through. Readers of h2/c2 must
   * call ensure() first.
   */
  lazy = false;
  /** the string last tokenized (ensure() re-reads lazy words from it) */
  src = '';
  /** token texts, only when requested (normalise(), compile) */
  texts: string[] | null = null;

  constructor(cap = 256) {
    this.grow(cap);
  }

  grow(cap: number): void {
    const copy = <T extends Int32Array | Uint8Array | Int16Array>(a: T | undefined, make: (n: number) => T): T => {
      const b = make(cap);
      if (a) b.set(a.subarray(0, Math.min(a.length, cap)));
      return b;
    };
    const i32 = (n: number) => new Int32Array(n);
    this.start = copy(this.start, i32);
    this.end = copy(this.end, i32);
    this.h1 = copy(this.h1, i32);
    this.h2 = copy(this.h2, i32);
    this.c1 = copy(this.c1, i32);
    this.c2 = copy(this.c2, i32);
    this.lane = copy(this.lane, i32);
    this.tagAt = copy(this.tagAt, i32);
    this.tagLen = copy(this.tagLen, i32);
    this.flags = copy(this.flags, (n) => new Uint8Array(n));
    this.num = copy(this.num, (n) => new Int16Array(n));
    this.cap = cap;
  }

  reset(wantText: boolean): void {
    this.n = 0;
    this.tagN = 0;
    this.lanes = 0;
    this.texts = wantText ? [] : null;
  }
}

// Scratch for the token being read: folded char, its class, its source offsets.
let bChar = new Uint16Array(128);
let bCls = new Uint8Array(128);
let bFrom = new Int32Array(128);
let bTo = new Int32Array(128);
let bLen = 0;
// Scratch for a collapsed copy of a range of the buffer, with the buffer range of each char.
let cChar = new Uint16Array(128);
let cFrom = new Int32Array(128);
let cTo = new Int32Array(128);

function growScratch(): void {
  const n = bChar.length * 2;
  const c = new Uint16Array(n);
  c.set(bChar);
  bChar = c;
  const k = new Uint8Array(n);
  k.set(bCls);
  bCls = k;
  const f = new Int32Array(n);
  f.set(bFrom);
  bFrom = f;
  const t = new Int32Array(n);
  t.set(bTo);
  bTo = t;
  cChar = new Uint16Array(n);
  cFrom = new Int32Array(n);
  cTo = new Int32Array(n);
}

function push(ch: number, cls: number, from: number, to: number): void {
  if (bLen === bChar.length) growScratch();
  bChar[bLen] = ch;
  bCls[bLen] = cls;
  bFrom[bLen] = from;
  bTo[bLen] = to;
  bLen++;
}

const isLetterCode = (c: number) => c >= 0x61 && c <= 0x7a;

/**
 * Copy bChar[a..b) into cChar collapsing letter runs: runs of three or more identical letters
 * always become one (`coblooos` → `coblos`), and with `all` also runs of two (`muzakkir` →
 * `muzakir`, `aamiin` → `amin`) for the second, collapsed lookup. Digits are never collapsed.
 * Returns the collapsed length.
 */
function collapse(a: number, b: number, all: boolean): number {
  let n = 0;
  let i = a;
  while (i < b) {
    const c = bChar[i]!;
    let j = i + 1;
    if (isLetterCode(c)) while (j < b && bChar[j] === c) j++;
    if (j - i === 2 && !all) {
      cChar[n] = c;
      cFrom[n] = i;
      cTo[n++] = i + 1;
      cChar[n] = c;
      cFrom[n] = i + 1;
      cTo[n++] = j;
    } else {
      cChar[n] = c;
      cFrom[n] = i;
      cTo[n++] = j;
    }
    i = j;
  }
  return n;
}

/** Hash cChar[0..n) with an optional prefix char ('#', '@'). */
function hashC(n: number, prefix: number, out: Int32Array, out2: Int32Array, at: number): void {
  let a = H1_SEED;
  let b = H2_SEED;
  if (prefix) {
    a = step1(a, prefix);
    b = step2(b, prefix);
  }
  for (let i = 0; i < n; i++) {
    const c = cChar[i]!;
    a = step1(a, c);
    b = step2(b, c);
  }
  out[at] = fin(a);
  out2[at] = fin(b);
}

function emit(t: TokenBuf, a: number, b: number, lane: number, prefix: number, flags: number, tokFrom: number): void {
  // no two equal letters side by side (most tags, handles and parts): nothing to collapse
  let same = false;
  for (let i = a + 1; i < b; i++) {
    if (bChar[i] === bChar[i - 1] && isLetterCode(bChar[i]!)) {
      same = true;
      break;
    }
  }
  if (!same && t.texts === null) {
    emitPlain(t, a, b, lane, prefix, flags, tokFrom);
    return;
  }
  const k = slot(t);
  const n = collapse(a, b, false);
  hashC(n, prefix, t.h1, t.h2, k);
  let fl = flags;
  let num = -1;
  if (n > 0 && cChar[0]! >= 0x30 && cChar[0]! <= 0x39) {
    let all = true;
    for (let i = 0; i < n; i++) {
      const c = cChar[i]!;
      if (c < 0x30 || c > 0x39) {
        all = false;
        break;
      }
    }
    if (all) {
      fl |= F_NUMERIC;
      if (n >= 2 && cChar[0] === 0x30) fl |= F_PADDED;
      if (n <= 3) {
        num = 0;
        for (let i = 0; i < n; i++) num = num * 10 + (cChar[i]! - 0x30);
      }
    }
  }
  if (t.texts) {
    let s = prefix ? String.fromCharCode(prefix) : '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(cChar[i]!);
    t.texts.push(s);
  }
  if (prefix) {
    // keep the collapsed body for the substring search over hashtags and handles
    const at = tagRoom(t, k, n);
    for (let i = 0; i < t.tagLen[k]!; i++) {
      t.tagChars[at + i] = cChar[i]!;
      t.tagOffs[at + i] = bFrom[cFrom[i]!]!;
      t.tagEnds[at + i] = bTo[cTo[i]! - 1]!;
    }
  }
  const n2 = collapse(a, b, true);
  if (n2 !== n) {
    hashC(n2, prefix, t.c1, t.c2, k);
  } else {
    t.c1[k] = t.h1[k]!;
    t.c2[k] = t.h2[k]!;
  }
  t.start[k] = tokFrom;
  t.end[k] = bTo[b - 1]!;
  t.lane[k] = lane;
  t.flags[k] = fl;
  t.num[k] = num;
}

/**
 * Token k's hashes from the running (unfinished) h1/h2 of a text with nothing to collapse (so the
 * collapsed pair is the same), and its flags with the numeric ones for an all-digit text of n
 * digits (`zeroFirst`: it starts with 0). The caller writes the positions, lane and tag fields.
 */
function setToken(
  t: TokenBuf,
  k: number,
  h1: number,
  h2: number,
  flags: number,
  digits: boolean,
  n: number,
  value: number,
  zeroFirst: boolean,
): void {
  const x = fin(h1);
  const y = fin(h2);
  t.h1[k] = x;
  t.h2[k] = y;
  t.c1[k] = x;
  t.c2[k] = y;
  let fl = flags;
  let num = -1;
  if (digits) {
    fl |= F_NUMERIC;
    if (n >= 2 && zeroFirst) fl |= F_PADDED;
    if (n <= 3) num = value;
  }
  t.flags[k] = fl;
  t.num[k] = num;
}

/** emit() for a range with no run of equal letters: one pass, the collapsed hashes are the same. */
function emitPlain(
  t: TokenBuf,
  a: number,
  b: number,
  lane: number,
  prefix: number,
  flags: number,
  tokFrom: number,
): void {
  const k = slot(t);
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  if (prefix) {
    h1 = Math.imul(h1 ^ prefix, 0x01000193);
    h2 = Math.imul((h2 + prefix) | 0, 0x5bd1e995);
  }
  let digits = b > a;
  let value = 0;
  for (let i = a; i < b; i++) {
    const c = bChar[i]!;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul((h2 + c) | 0, 0x5bd1e995);
    if (c >= 0x30 && c <= 0x39) value = value * 10 + c - 0x30;
    else digits = false;
  }
  setToken(t, k, h1, h2, flags, digits, b - a, value, bChar[a] === 0x30);
  if (prefix) {
    // keep the body for the substring search over hashtags and handles
    const at = tagRoom(t, k, b - a);
    for (let i = 0; i < t.tagLen[k]!; i++) {
      t.tagChars[at + i] = bChar[a + i]!;
      t.tagOffs[at + i] = bFrom[a + i]!;
      t.tagEnds[at + i] = bTo[a + i]!;
    }
  }
  t.start[k] = tokFrom;
  t.end[k] = bTo[b - 1]!;
  t.lane[k] = lane;
}

/** A new token k (the buffer grows as needed). */
function slot(t: TokenBuf): number {
  if (t.n === t.cap) t.grow(t.cap * 2);
  return t.n++;
}

/**
 * Room for the n-char body of hashtag/handle token k (lane 0) in tagChars; returns where it
 * starts. Compile mode keeps no bodies: tagLen[k] is then 0.
 */
function tagRoom(t: TokenBuf, k: number, n: number): number {
  const at = t.tagN;
  const m = t.lane0Only ? 0 : n;
  if (at + m > t.tagChars.length) growTags(t, m);
  t.tagAt[k] = at;
  t.tagLen[k] = m;
  t.tagN = at + m;
  return at;
}

function growTags(t: TokenBuf, n: number): void {
  const size = Math.max(t.tagChars.length * 2, t.tagN + n);
  const c = new Uint16Array(size);
  c.set(t.tagChars.subarray(0, t.tagN));
  t.tagChars = c;
  const o = new Int32Array(size);
  o.set(t.tagOffs.subarray(0, t.tagN));
  t.tagOffs = o;
  const e = new Int32Array(size);
  e.set(t.tagEnds.subarray(0, t.tagN));
  t.tagEnds = e;
}

/** Emit the parts of bChar[0..bLen) into new lanes (coarse: case + underscore; fine: + digits). */
function emitParts(t: TokenBuf, always: boolean): void {
  let coarse = 0;
  let fineDiffers = false;
  let inPart = false;
  for (let i = 0; i < bLen; i++) {
    if (bCls[i] === UNDERSCORE) {
      inPart = false;
      continue;
    }
    if (!inPart || coarseBoundary(i)) coarse++;
    else if (digitBoundary(i)) fineDiffers = true;
    inPart = true;
  }
  if (coarse >= 2 || always) emitLane(t, false);
  if (fineDiffers) emitLane(t, true);
}

function emitLane(t: TokenBuf, fine: boolean): void {
  const lane = ++t.lanes;
  let a = -1;
  for (let i = 0; i <= bLen; i++) {
    const c = i < bLen ? bCls[i]! : UNDERSCORE;
    if (a >= 0 && (c === UNDERSCORE || coarseBoundary(i) || (fine && digitBoundary(i)))) {
      emit(t, a, i, lane, 0, F_PART, bFrom[a]!);
      a = -1;
    }
    if (c !== UNDERSCORE && a < 0) a = i;
  }
}

function coarseBoundary(i: number): boolean {
  if (i === 0) return false;
  const p = bCls[i - 1]!;
  const c = bCls[i]!;
  if (c === UPPER && p === LOWER) return true;
  if (c === UPPER && (p === UPPER || p === DIGIT) && i + 1 < bLen && bCls[i + 1] === LOWER) return true;
  return false;
}

function digitBoundary(i: number): boolean {
  if (i === 0) return false;
  const p = bCls[i - 1]!;
  const c = bCls[i]!;
  if (p === UNDERSCORE || c === UNDERSCORE) return false;
  return (p === DIGIT) !== (c === DIGIT);
}

/** Class of the code point at j (for look-ahead), without consuming it. */
function classAt(s: string, j: number, len: number): number {
  if (j >= len) return SEP;
  const c = s.charCodeAt(j);
  if (c >= 0xd800 && c <= 0xdbff && j + 1 < len) {
    const d = s.charCodeAt(j + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const v = ASTRAL.get(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
      return v === undefined ? SEP : v >>> 16;
    }
  }
  return CLASS[c]!;
}

const isWordClass = (c: number) => c === LOWER || c === UPPER || c === DIGIT || c === MULTI;

/** Emit the token in the scratch buffer (bChar[0..bLen)); the fast path uses the running hashes. */
function endToken(
  t: TokenBuf,
  extraFlags: number,
  prefix: number,
  hasInner: boolean,
  doubled: boolean,
  h1: number,
  h2: number,
  digits: boolean,
  value: number,
  tokFrom: number,
): void {
  if (prefix === 0 && !hasInner && !doubled && t.texts === null) {
    const k = slot(t);
    setToken(t, k, h1, h2, extraFlags, digits, bLen, value, bChar[0] === 0x30);
    t.start[k] = tokFrom;
    t.end[k] = bTo[bLen - 1]!;
    t.lane[k] = 0;
    return;
  }
  // drop trailing underscores (`budi_` → `budi`)
  while (bLen > 0 && bCls[bLen - 1] === UNDERSCORE) bLen--;
  if (bLen === 0) return;
  const fl = extraFlags | (prefix === 0x23 ? F_HASHTAG : prefix === 0x40 ? F_HANDLE : 0);
  emit(t, 0, bLen, 0, prefix, fl, tokFrom);
  if (bLen <= MAX_COMPOUND && (prefix !== 0 || hasInner) && !t.lane0Only) emitParts(t, prefix !== 0);
}

// ASCII word characters for plainRun() and asciiCompound(): folded char | kind << 8 (1 lower, 2 upper, 4 digit), 0 for
// anything else. Derived from CLASS/FOLD so that both paths fold alike.
const K_LOWER = 1;
const K_UPPER = 2;
const K_DIGIT = 4;
const ASCII_WORD = new Int32Array(128);
for (let c = 0; c < 128; c++) {
  const k = CLASS[c] === LOWER ? K_LOWER : CLASS[c] === UPPER ? K_UPPER : CLASS[c] === DIGIT ? K_DIGIT : 0;
  ASCII_WORD[c] = k === 0 ? 0 : FOLD[c]! | (k << 8);
}

/**
 * The common case, read without the scratch buffer: plain ASCII words (letters and digits, no
 * case or digit boundary inside, no run of three equal letters) and the ASCII separators between
 * them. Most of a post is such a run; this loop hashes its words straight from the char codes and
 * writes their tokens, with no per-character buffer writes and no per-character branches beyond
 * the loop's own: a word's checks are accumulated and tested once at its end. Returns where the
 * general path must continue: at a word that is not plain (it reads it again, so both paths give
 * identical tokens by construction), at any other character, or at the end.
 * (Reading a TextEncoder.encodeInto copy instead of charCodeAt was measured: slower for posts of a
 * few hundred characters, the call costs more than the cheaper reads save.)
 */
function plainRun(s: string, i: number, len: number, t: TokenBuf): number {
  const W = ASCII_WORD;
  const CLS = CLASS;
  const lazy = t.lazy;
  // (the second hashes are computed after the word, or lazily: the loop does one multiply a char)
  while (i < len) {
    const c0 = s.charCodeAt(i);
    if (c0 >= 0x80) return i;
    if (W[c0] === 0) {
      if (CLS[c0] !== SEP) return i;
      i++;
      continue;
    }
    let h1 = H1_SEED;
    let kinds = 0; // every kind seen (ASCII_WORD value bits 8–10)
    let camel = 0; // lower followed by upper (or upper by digit: also not plain)
    let prevV = 0;
    let pairs = 0; // adjacent equal chars
    let triple = false;
    let j = i;
    let c = 0;
    for (; j < len; j++) {
      c = s.charCodeAt(j);
      if (c >= 0x80) return i;
      const v = W[c]!;
      if (v === 0) break;
      kinds |= v;
      camel |= (prevV >>> 8) & (v >>> 9);
      h1 = Math.imul(h1 ^ (v & 0xff), 0x01000193);
      if (((v ^ prevV) & 0xff) === 0) {
        if (j >= i + 2 && ((W[s.charCodeAt(j - 2)]! ^ v) & 0xff) === 0) triple = true;
        pairs++;
      }
      prevV = v;
    }
    const digits = kinds >>> 8 === K_DIGIT;
    // letters and digits mixed, camel case, or a letter run of three: the general path splits or collapses
    if (camel !== 0 || (!digits && (kinds & (K_DIGIT << 8)) !== 0) || (triple && !digits)) return i;
    // only a plain separator may end it (not an apostrophe, `_`, `#`, `@`, or anything non-ASCII)
    if (j < len && CLS[c] !== SEP) return i;
    const doubled = pairs > 0 && !digits;
    const k = slot(t);
    const a = fin(h1);
    t.h1[k] = a;
    t.start[k] = i;
    t.end[k] = j;
    t.lane[k] = 0;
    let fl = 0;
    let num = -1;
    if (digits) {
      fl = F_NUMERIC;
      if (j - i >= 2 && s.charCodeAt(i) === 0x30) fl |= F_PADDED;
      if (j - i <= 3) {
        num = 0;
        for (let d = i; d < j; d++) num = num * 10 + s.charCodeAt(d) - 0x30;
      }
    }
    if (lazy) {
      fl |= F_LAZY;
      // doubled letters are rare: the collapsed first hash is read again only for them
      t.c1[k] = doubled ? fin(collapsedHash1(s, i, j)) : a;
    } else {
      let h2 = H2_SEED;
      for (let d = i; d < j; d++) h2 = Math.imul((h2 + FOLD[s.charCodeAt(d)]!) | 0, 0x5bd1e995);
      const b = fin(h2);
      t.h2[k] = b;
      if (doubled) {
        t.c1[k] = fin(collapsedHash1(s, i, j));
        t.c2[k] = fin(collapsedHash2(s, i, j));
      } else {
        t.c1[k] = a;
        t.c2[k] = b;
      }
    }
    t.flags[k] = fl;
    t.num[k] = num;
    // the separator after the word only ends it (nothing pending): skip it
    i = j < len ? j + 1 : j;
  }
  return i;
}

/**
 * Hashtags, handles and mixed words in ASCII (`#lokerjakarta`, `@kayak28`, `#R1DOSolusiJakarta`,
 * `nutupu391`), read without the scratch buffer: the running-text token and its parts lanes as
 * emit() and emitParts() would write them. `prefix` is '#' or '@' (the body starts at i, the
 * token at i - 1) or 0. Only bodies of ASCII letters and digits with no two equal letters side
 * by side (nothing to collapse), at most MAX_COMPOUND long and ended by an ASCII separator or the
 * end; returns -1 for anything else (the general path reads it again, so the tokens are the same
 * either way: a property test compares the two).
 */
function asciiCompound(s: string, i: number, len: number, t: TokenBuf, prefix: number): number {
  const W = ASCII_WORD;
  let j = i;
  let prevV = 0;
  let kinds = 0;
  let camel = 0;
  for (; j < len; j++) {
    const c = s.charCodeAt(j);
    if (c >= 0x80) return -1;
    const v = W[c]!;
    if (v === 0) {
      if (CLASS[c] !== SEP) return -1;
      break;
    }
    // two equal letters side by side: the general path collapses them
    if (((v ^ prevV) & 0xff) === 0 && v >>> 8 !== K_DIGIT) return -1;
    kinds |= v;
    camel |= (prevV >>> 8) & (v >>> 9);
    prevV = v;
  }
  const n = j - i;
  if (n === 0 || n > MAX_COMPOUND) return -1;
  const mixed = camel !== 0 || (kinds >>> 8 !== K_DIGIT && (kinds & (K_DIGIT << 8)) !== 0);
  // a plain word without a prefix is plainRun's
  if (prefix === 0 && !mixed) return -1;
  // the running-text token
  const k = slot(t);
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  if (prefix) {
    h1 = Math.imul(h1 ^ prefix, 0x01000193);
    h2 = Math.imul((h2 + prefix) | 0, 0x5bd1e995);
  }
  let value = 0;
  for (let d = i; d < j; d++) {
    const f = W[s.charCodeAt(d)]! & 0xff;
    h1 = Math.imul(h1 ^ f, 0x01000193);
    h2 = Math.imul((h2 + f) | 0, 0x5bd1e995);
    value = value * 10 + f - 0x30;
  }
  const fl = prefix === 0x23 ? F_HASHTAG : prefix === 0x40 ? F_HANDLE : 0;
  setToken(t, k, h1, h2, fl, kinds >>> 8 === K_DIGIT, n, value, s.charCodeAt(i) === 0x30);
  t.start[k] = prefix ? i - 1 : i;
  t.end[k] = j;
  t.lane[k] = 0;
  if (prefix) {
    // the body, for the substring search over hashtags and handles
    const at = tagRoom(t, k, n);
    for (let d = 0; d < t.tagLen[k]!; d++) {
      t.tagChars[at + d] = W[s.charCodeAt(i + d)]! & 0xff;
      t.tagOffs[at + d] = i + d;
      t.tagEnds[at + d] = i + d + 1;
    }
  }
  if (!t.lane0Only) {
    // parts: a coarse lane split at case changes (always for a prefixed token), and a fine lane
    // that also splits letters from digits when that makes a difference (see emitParts)
    let coarse = 0;
    let fineDiffers = false;
    for (let d = i; d < j; d++) {
      if (d === i || asciiCoarse(s, d, i, j)) coarse++;
      else if (asciiDigitEdge(s, d)) fineDiffers = true;
    }
    if (coarse >= 2 || prefix !== 0) asciiLane(s, i, j, t, false);
    if (fineDiffers) asciiLane(s, i, j, t, true);
  }
  return j < len ? j + 1 : j;
}

const kindAt = (s: string, d: number): number => ASCII_WORD[s.charCodeAt(d)]! >>> 8;

/** coarseBoundary() for the ASCII body s[i, j) at d > i */
function asciiCoarse(s: string, d: number, i: number, j: number): boolean {
  const c = kindAt(s, d);
  if (c !== K_UPPER) return false;
  const p = kindAt(s, d - 1);
  if (p === K_LOWER) return true;
  return d + 1 < j && kindAt(s, d + 1) === K_LOWER && d > i;
}

/** digitBoundary() at d > i */
const asciiDigitEdge = (s: string, d: number): boolean => (kindAt(s, d - 1) === K_DIGIT) !== (kindAt(s, d) === K_DIGIT);

/** emitLane() for the ASCII body s[i, j) */
function asciiLane(s: string, i: number, j: number, t: TokenBuf, fine: boolean): void {
  const lane = ++t.lanes;
  let a = i;
  for (let d = i + 1; d <= j; d++) {
    if (d < j && !asciiCoarse(s, d, i, j) && !(fine && asciiDigitEdge(s, d))) continue;
    // the part s[a, d)
    const k = slot(t);
    let h1 = H1_SEED;
    let h2 = H2_SEED;
    let value = 0;
    let digits = true;
    for (let x = a; x < d; x++) {
      const v = ASCII_WORD[s.charCodeAt(x)]!;
      const f = v & 0xff;
      h1 = Math.imul(h1 ^ f, 0x01000193);
      h2 = Math.imul((h2 + f) | 0, 0x5bd1e995);
      if (v >>> 8 === K_DIGIT) value = value * 10 + f - 0x30;
      else digits = false;
    }
    setToken(t, k, h1, h2, F_PART, digits, d - a, value, s.charCodeAt(a) === 0x30);
    t.start[k] = a;
    t.end[k] = d;
    t.lane[k] = lane;
    a = d;
  }
}

/** First hash of the plain word s[i, j) with doubled letters collapsed (digits never collapse). */
function collapsedHash1(s: string, i: number, j: number): number {
  let h = H1_SEED;
  let prev = -1;
  for (let d = i; d < j; d++) {
    const f = FOLD[s.charCodeAt(d)]!;
    if (f !== prev || f <= 0x39) h = Math.imul(h ^ f, 0x01000193);
    prev = f;
  }
  return h;
}

function collapsedHash2(s: string, i: number, j: number): number {
  let h = H2_SEED;
  let prev = -1;
  for (let d = i; d < j; d++) {
    const f = FOLD[s.charCodeAt(d)]!;
    if (f !== prev || f <= 0x39) h = Math.imul((h + f) | 0, 0x5bd1e995);
    prev = f;
  }
  return h;
}

/**
 * Complete token i of a scan-mode buffer: compute its second hashes (h2, and c2 for the
 * doubled-letter-collapsed form) from the source. A no-op for tokens that have them.
 */
export function ensure(t: TokenBuf, i: number): void {
  if (!(t.flags[i]! & F_LAZY)) return;
  const s = t.src;
  const a = t.start[i]!;
  const b = t.end[i]!;
  let h = H2_SEED;
  for (let d = a; d < b; d++) h = Math.imul((h + FOLD[s.charCodeAt(d)]!) | 0, 0x5bd1e995);
  const h2 = fin(h);
  t.h2[i] = h2;
  t.c2[i] = t.c1[i] === t.h1[i] ? h2 : fin(collapsedHash2(s, a, b));
  t.flags[i] = t.flags[i]! & ~F_LAZY;
}

/**
 * Tokenize `s` into `t` (appending; call t.reset first). Never throws for any string.
 *
 * The loop keeps all its state in locals (no closure), and tracks the token's hashes, digits and
 * doubled letters while reading, so that a plain word is emitted without a second pass over it.
 */
export function tokenize(s: string, t: TokenBuf): void {
  const len = Math.min(s.length, MAX_SCAN);
  t.src = s;
  const CLS = CLASS;
  const FLD = FOLD;
  let bc = bChar;
  let bk = bCls;
  let bf = bFrom;
  let bt = bTo;
  let n = 0; // chars in the scratch buffer
  let prefix = 0; // '#' or '@' while reading a hashtag/handle
  let tokFrom = 0;
  let hasInner = false; // case change, digit boundary or underscore inside: split into parts
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  let prevF = -1;
  let doubled = false;
  let digits = true;
  let value = 0;
  let i = 0;
  const fast = t.texts === null;
  while (i < len) {
    if (n === 0 && prefix === 0 && fast) {
      let j = plainRun(s, i, len, t);
      if (j === i && j < len) {
        // not a plain word: an ASCII hashtag, handle or mixed word may still avoid the scratch buffer
        const c0 = s.charCodeAt(i);
        if (c0 === 0x23 || c0 === 0x40) {
          const k = i + 1 < len ? asciiCompound(s, i + 1, len, t, c0) : -1;
          if (k >= 0) j = k;
        } else if (c0 < 0x80 && ASCII_WORD[c0] !== 0) {
          const k = asciiCompound(s, i, len, t, 0);
          if (k >= 0) j = k;
        }
      }
      if (j !== i) {
        i = j;
        continue;
      }
    }
    const c = s.charCodeAt(i);
    let step = 1;
    let cls: number;
    let f: number;
    let cp = c;
    if (c < 0x80) {
      cls = CLS[c]!;
      f = FLD[c]!;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      cp = ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000;
      step = 2;
      const v = ASTRAL_HIGH[c - 0xd800] === 0 ? undefined : ASTRAL.get(cp);
      if (v !== undefined) {
        cls = v >>> 16;
        f = v & 0xffff;
      } else {
        cls = isAstralIgnorable(cp) ? IGNORE : SEP;
        f = 0;
      }
    } else {
      cls = CLS[c]!;
      f = FLD[c]!;
    }
    if (cls === LOWER || cls === UPPER || cls === DIGIT) {
      if (n === 0) {
        if (prefix === 0) tokFrom = i;
      } else {
        const p = bk[n - 1]!;
        if (p === UNDERSCORE || (p === LOWER && cls === UPPER) || (p === DIGIT) !== (cls === DIGIT)) hasInner = true;
      }
      if (n === bc.length) {
        bLen = n;
        growScratch();
        bc = bChar;
        bk = bCls;
        bf = bFrom;
        bt = bTo;
      }
      bc[n] = f;
      bk[n] = cls;
      bf[n] = i;
      bt[n] = i + step;
      n++;
      // same steps as hash.step1/step2
      h1 = Math.imul(h1 ^ f, 0x01000193);
      h2 = Math.imul((h2 + f) | 0, 0x5bd1e995);
      if (f === prevF && cls !== DIGIT) doubled = true;
      prevF = f;
      if (cls === DIGIT) value = value * 10 + f - 0x30;
      else digits = false;
      i += step;
      continue;
    }
    let end = -1; // ≥ 0: end the current token with these extra flags
    let nextPrefix = 0;
    switch (cls) {
      case MULTI: {
        const m = MULTI_FOLD.get(cp) ?? '';
        if (n === 0 && prefix === 0) tokFrom = i;
        bLen = n;
        for (let k = 0; k < m.length; k++) {
          const mc = m.charCodeAt(k);
          push(mc, mc <= 0x39 ? DIGIT : LOWER, i, i + step);
          h1 = Math.imul(h1 ^ mc, 0x01000193);
          h2 = Math.imul((h2 + mc) | 0, 0x5bd1e995);
          if (mc === prevF && mc > 0x39) doubled = true;
          prevF = mc;
          if (mc <= 0x39) value = value * 10 + mc - 0x30;
          else digits = false;
        }
        n = bLen;
        bc = bChar;
        bk = bCls;
        bf = bFrom;
        bt = bTo;
        break;
      }
      case IGNORE:
        break;
      case APOS:
        if (n > 0) {
          // English possessive `Prabowo's` ends the word; an inner apostrophe is dropped (Mas'ud → masud)
          const n1 = i + 1 < len ? s.charCodeAt(i + 1) : 0;
          if ((n1 === 0x73 || n1 === 0x53) && !isWordClass(classAt(s, i + 2, len))) {
            end = 0;
            step = 2;
          }
        } else end = 0;
        break;
      case UNDERSCORE:
        if (n > 0) {
          bLen = n;
          push(0x5f, UNDERSCORE, i, i + 1);
          n = bLen;
          bc = bChar;
          bk = bCls;
          bf = bFrom;
          bt = bTo;
          h1 = Math.imul(h1 ^ 0x5f, 0x01000193);
          h2 = Math.imul((h2 + 0x5f) | 0, 0x5bd1e995);
          prevF = 0x5f;
          digits = false;
          hasInner = true;
        } else if (prefix === 0) end = 0;
        break;
      case KEYCAP:
        end = F_KEYCAP;
        break;
      case HASH:
      case AT:
        end = 0;
        if (isWordClass(classAt(s, i + step, len))) nextPrefix = cls === HASH ? 0x23 : 0x40;
        break;
      default:
        end = 0;
    }
    if (end >= 0) {
      if (n > 0) {
        bLen = n;
        endToken(t, end, prefix, hasInner, doubled, h1, h2, digits, value, tokFrom);
        n = 0;
        h1 = H1_SEED;
        h2 = H2_SEED;
        prevF = -1;
        doubled = false;
        digits = true;
        value = 0;
        hasInner = false;
      }
      prefix = nextPrefix;
      if (nextPrefix) tokFrom = i;
    }
    i += step;
  }
  if (n > 0) {
    bLen = n;
    endToken(t, 0, prefix, hasInner, doubled, h1, h2, digits, value, tokFrom);
  }
  bLen = 0;
}

// ---------------------------------------------------------------------------------------------
// Compile-side fast path. List phrases are mostly plain ASCII words ("Budi Santoso",
// "#BudiSantoso2024", "@budisantoso"); tokenizeSimple() reads those in one pass without the
// scratch buffer, and also hashes the words written together (`budisantoso`), which compile
// indexes for multi-word names. It must give exactly the tokens tokenize() gives in lane0Only
// mode (a property test compares them on random strings); anything else returns false.

/** hashes of the words of the last tokenizeSimple() phrase written together (see Glued) */
export interface Glued {
  h1: number;
  h2: number;
  c1: number;
  c2: number;
  /** source characters of the words (prefixes excluded) */
  len: number;
}
export const glued: Glued = { h1: 0, h2: 0, c1: 0, c2: 0, len: 0 };

// results of hashRanges()
let rH1 = 0;
let rH2 = 0;
let rC1 = 0;
let rC2 = 0;
const wStart = new Int32Array(64);
const wEnd = new Int32Array(64);
const wPrefix = new Int32Array(64);

/** Add a run of `count` equal folded chars `f` to the running hashes rH1..rC2 (not finalised). */
function flushRun(f: number, count: number): void {
  const letter = f > 0x39;
  const times = letter && count >= 3 ? 1 : count;
  for (let x = 0; x < times; x++) {
    rH1 = Math.imul(rH1 ^ f, 0x01000193);
    rH2 = Math.imul((rH2 + f) | 0, 0x5bd1e995);
  }
  const ctimes = letter ? 1 : count;
  for (let x = 0; x < ctimes; x++) {
    rC1 = Math.imul(rC1 ^ f, 0x01000193);
    rC2 = Math.imul((rC2 + f) | 0, 0x5bd1e995);
  }
}

/**
 * Hash the folded characters of the ranges [wStart[k], wEnd[k]) for k in [from, to), as one
 * string, with the tokenizer's collapsing: a run of three or more equal letters counts once in
 * h1/h2 (a run of two stays), every run of equal letters counts once in c1/c2; digits never
 * collapse. A run is added when it ends, so a run that spans two ranges is one run.
 */
function hashRanges(s: string, from: number, to: number, prefix: number): void {
  const FLD = FOLD;
  rH1 = H1_SEED;
  rH2 = H2_SEED;
  if (prefix) {
    rH1 = Math.imul(rH1 ^ prefix, 0x01000193);
    rH2 = Math.imul((rH2 + prefix) | 0, 0x5bd1e995);
  }
  rC1 = rH1;
  rC2 = rH2;
  let run = -1;
  let runLen = 0;
  for (let k = from; k < to; k++) {
    const b = wEnd[k]!;
    for (let d = wStart[k]!; d < b; d++) {
      const f = FLD[s.charCodeAt(d)]!;
      if (f === run && f > 0x39) {
        runLen++;
        continue;
      }
      if (runLen > 0) flushRun(run, runLen);
      run = f;
      runLen = 1;
    }
  }
  if (runLen > 0) flushRun(run, runLen);
  rH1 = fin(rH1);
  rH2 = fin(rH2);
  rC1 = fin(rC1);
  rC2 = fin(rC2);
}

/**
 * Tokenize a list phrase of plain ASCII words (letters, digits, single `#`/`@` prefixes, words
 * separated by spaces) into a lane0Only buffer, and hash its words written together into
 * `glued`. Returns false, leaving `t` empty, for anything else (the caller uses tokenize()).
 *
 * One pass hashes each word and, alongside, the running glued string. Words with a doubled
 * letter (rare in names) are hashed again by hashRanges(), which collapses runs exactly.
 */
export function tokenizeSimple(s: string, t: TokenBuf): boolean {
  const W = ASCII_WORD;
  const len = s.length;
  let words = 0;
  let i = 0;
  let gh1 = H1_SEED;
  let gh2 = H2_SEED;
  let gPrev = -1;
  let gPairs = false;
  let anyPrefix = false;
  let srcLen = 0;
  const n0 = t.n;
  while (i < len) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      i++;
      continue;
    }
    let prefix = 0;
    let a = i;
    let h1 = H1_SEED;
    let h2 = H2_SEED;
    if (c === 0x23 || c === 0x40) {
      prefix = c;
      a = i + 1;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul((h2 + c) | 0, 0x5bd1e995);
      anyPrefix = true;
    }
    let j = a;
    let prev = -1;
    let pairs = false;
    let digits = true;
    let value = 0;
    for (; j < len; j++) {
      const d = s.charCodeAt(j);
      if (d >= 0x80) break;
      const v = W[d]!;
      if (v === 0) break;
      const f = v & 0xff;
      h1 = Math.imul(h1 ^ f, 0x01000193);
      h2 = Math.imul((h2 + f) | 0, 0x5bd1e995);
      gh1 = Math.imul(gh1 ^ f, 0x01000193);
      gh2 = Math.imul((gh2 + f) | 0, 0x5bd1e995);
      if (f > 0x39) {
        digits = false;
        if (f === prev) pairs = true;
        if (f === gPrev) gPairs = true;
      } else value = value * 10 + f - 0x30;
      prev = f;
      gPrev = f;
    }
    // an empty word, a word ending in anything but a space, or too many words: general path
    if (j === a || (j < len && s.charCodeAt(j) !== 0x20) || words === 64) {
      t.n = n0;
      return false;
    }
    wStart[words] = a;
    wEnd[words] = j;
    wPrefix[words] = prefix;
    if (t.n === t.cap) t.grow(t.cap * 2);
    const k = t.n++;
    const fl = prefix === 0x23 ? F_HASHTAG : prefix === 0x40 ? F_HANDLE : 0;
    setToken(t, k, h1, h2, fl, digits, j - a, value, s.charCodeAt(a) === 0x30);
    if (pairs) {
      // a doubled letter: the exact collapsing hashes replace the plain ones
      hashRanges(s, words, words + 1, prefix);
      t.h1[k] = rH1;
      t.h2[k] = rH2;
      t.c1[k] = rC1;
      t.c2[k] = rC2;
    }
    t.start[k] = i;
    t.end[k] = j;
    t.lane[k] = 0;
    t.tagAt[k] = -1;
    t.tagLen[k] = 0;
    srcLen += j - a;
    words++;
    i = j;
  }
  t.src = s;
  glued.len = 0;
  if (words >= 2 && !anyPrefix) {
    if (gPairs) {
      hashRanges(s, 0, words, 0);
      glued.h1 = rH1;
      glued.h2 = rH2;
      glued.c1 = rC1;
      glued.c2 = rC2;
    } else {
      glued.h1 = fin(gh1);
      glued.h2 = fin(gh2);
      glued.c1 = glued.h1;
      glued.c2 = glued.h2;
    }
    glued.len = srcLen;
  }
  return true;
}
