/**
 * The tokenizer: one hand-written pass over the UTF-16 code units that folds, splits and hashes
 * at the same time (engineering.md B.5: normalisation must be fused into the scan to reach
 * 60+ MB/s). No regular expression ever runs on user text, so the time is linear in the input
 * whatever it contains (lone surrogates, 1 MB of emoji, control characters).
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
import * as chars from './chars';
import * as hash from './hash';

// Local copies of imported bindings: a bundler inlines them, but under tsx/CommonJS every imported
// name is a getter call, which in the per-character loop costs more than the work itself.
const {
  APOS,
  ASTRAL,
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
} = chars;
const { fin, H1_SEED, H2_SEED, step1, step2 } = hash;

/** token flags */
export const F_NUMERIC = 1; // all digits
export const F_PADDED = 2; // numeric with a leading zero: `02`
export const F_KEYCAP = 4; // digit written as a keycap emoji: `2️⃣`
export const F_HASHTAG = 8; // lane-0 token of a `#tag`
export const F_HANDLE = 16; // lane-0 token of an `@handle`
export const F_PART = 32; // a part of a compound (lane > 0)

/** Characters of one post beyond this are not scanned (no real post is this long; bounds time). */
export const MAX_SCAN = 262_144;
/** Tokens longer than this are kept whole but not split or substring-searched. */
const MAX_COMPOUND = 64;

export class TokenBuf {
  n = 0;
  cap = 0;
  start = new Int32Array(0);
  end = new Int32Array(0);
  h1 = new Int32Array(0);
  h2 = new Int32Array(0);
  /** hashes with every run of a repeated letter collapsed (`muzakkir` → `muzakir`); equal to h1/h2 when nothing collapsed */
  c1 = new Int32Array(0);
  c2 = new Int32Array(0);
  lane = new Int32Array(0);
  flags = new Uint8Array(0);
  /** numeric value for short all-digit tokens, else -1 */
  num = new Int16Array(0);
  /** for hashtag/handle tokens: where their folded body sits in `tagChars` */
  tagAt = new Int32Array(0);
  tagLen = new Int32Array(0);
  /** folded bodies of hashtags and handles, with the source offsets of each char */
  tagChars = new Uint16Array(256);
  tagOffs = new Int32Array(256);
  tagEnds = new Int32Array(256);
  tagN = 0;
  /** lane ids handed out so far (lane 0 is the running text) */
  lanes = 0;
  /** compile mode: only running-text tokens (no parts lanes, no hashtag bodies) */
  lane0Only = false;
  /** token texts, only when requested (normalise(), compile) */
  texts: string[] | null = null;

  constructor(cap = 256) {
    this.grow(cap);
  }

  grow(cap: number): void {
    const copy = <T extends Int32Array | Uint8Array | Int16Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a.subarray(0, Math.min(a.length, cap)));
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
  if (t.n === t.cap) t.grow(t.cap * 2);
  const k = t.n++;
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
  if (prefix && lane === 0 && !t.lane0Only) {
    // keep the collapsed body for the substring search over hashtags and handles
    if (t.tagN + n > t.tagChars.length) {
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
    t.tagAt[k] = t.tagN;
    t.tagLen[k] = n;
    for (let i = 0; i < n; i++) {
      t.tagChars[t.tagN + i] = cChar[i]!;
      t.tagOffs[t.tagN + i] = bFrom[cFrom[i]!]!;
      t.tagEnds[t.tagN + i] = bTo[cTo[i]! - 1]!;
    }
    t.tagN += n;
  } else {
    t.tagAt[k] = -1;
    t.tagLen[k] = 0;
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
    if (t.n === t.cap) t.grow(t.cap * 2);
    const k = t.n++;
    const a = fin(h1);
    const b = fin(h2);
    t.h1[k] = a;
    t.h2[k] = b;
    t.c1[k] = a;
    t.c2[k] = b;
    t.start[k] = tokFrom;
    t.end[k] = bTo[bLen - 1]!;
    t.lane[k] = 0;
    t.tagAt[k] = -1;
    t.tagLen[k] = 0;
    let fl = extraFlags;
    let num = -1;
    if (digits) {
      fl |= F_NUMERIC;
      if (bLen >= 2 && bChar[0] === 0x30) fl |= F_PADDED;
      if (bLen <= 3) num = value;
    }
    t.flags[k] = fl;
    t.num[k] = num;
    return;
  }
  // drop trailing underscores (`budi_` → `budi`)
  while (bLen > 0 && bCls[bLen - 1] === UNDERSCORE) bLen--;
  if (bLen === 0) return;
  const fl = extraFlags | (prefix === 0x23 ? F_HASHTAG : prefix === 0x40 ? F_HANDLE : 0);
  emit(t, 0, bLen, 0, prefix, fl, tokFrom);
  if (bLen <= MAX_COMPOUND && (prefix !== 0 || hasInner) && !t.lane0Only) emitParts(t, prefix !== 0);
}

/**
 * The common case, read without the scratch buffer: a plain ASCII word (letters and digits, no
 * case or digit boundary inside, no run of three equal letters) that starts a token and ends at an
 * ASCII separator or the end of the input. Most post tokens are such words; this path hashes them
 * straight from the char codes and writes the token, with no per-character buffer writes.
 * Returns the index to continue at, or -1 when the word needs the general path (which then reads
 * it from `i` again, so both paths give identical tokens by construction).
 */
function plainWord(s: string, i: number, len: number, t: TokenBuf): number {
  const CLS = CLASS;
  const FLD = FOLD;
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  // hashes with doubled letters collapsed (`muzakkir` → `muzakir`), see collapse()
  let c1 = H1_SEED;
  let c2 = H2_SEED;
  let doubled = false;
  let prevF = -1;
  let prevCls = -1;
  let run = 0;
  // a word is all digits or has none (a letter/digit boundary sends it to the general path)
  const digits = CLS[s.charCodeAt(i)] === DIGIT;
  let j = i;
  for (; j < len; j++) {
    const c = s.charCodeAt(j);
    if (c >= 0x80) return -1;
    const cls = CLS[c]!;
    if (cls !== LOWER && cls !== UPPER && cls !== DIGIT) break;
    if ((cls === DIGIT) !== digits || (prevCls === LOWER && cls === UPPER)) return -1;
    const f = FLD[c]!;
    h1 = Math.imul(h1 ^ f, 0x01000193);
    h2 = Math.imul((h2 + f) | 0, 0x5bd1e995);
    if (f === prevF && !digits) {
      // a run of three or more letters collapses in the main hash too: general path
      if (++run >= 3) return -1;
      doubled = true;
    } else {
      run = 1;
      c1 = Math.imul(c1 ^ f, 0x01000193);
      c2 = Math.imul((c2 + f) | 0, 0x5bd1e995);
    }
    prevF = f;
    prevCls = cls;
  }
  // only a plain separator may end it (not an apostrophe, `_`, `#`, `@`, or anything non-ASCII)
  if (j < len && CLS[s.charCodeAt(j)] !== SEP) return -1;
  if (t.n === t.cap) t.grow(t.cap * 2);
  const k = t.n++;
  const a = fin(h1);
  const b = fin(h2);
  t.h1[k] = a;
  t.h2[k] = b;
  if (doubled) {
    t.c1[k] = fin(c1);
    t.c2[k] = fin(c2);
  } else {
    t.c1[k] = a;
    t.c2[k] = b;
  }
  t.start[k] = i;
  t.end[k] = j;
  t.lane[k] = 0;
  t.tagAt[k] = -1;
  t.tagLen[k] = 0;
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
  t.flags[k] = fl;
  t.num[k] = num;
  // the separator after the word only ends it (nothing pending): skip it
  return j < len ? j + 1 : j;
}

/**
 * Tokenize `s` into `t` (appending; call t.reset first). Never throws for any string.
 *
 * The loop keeps all its state in locals (no closure), and tracks the token's hashes, digits and
 * doubled letters while reading, so that a plain word is emitted without a second pass over it.
 */
export function tokenize(s: string, t: TokenBuf): void {
  const len = Math.min(s.length, MAX_SCAN);
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
    const c = s.charCodeAt(i);
    if (n === 0 && prefix === 0 && fast && c < 0x80) {
      const k = CLS[c]!;
      if (k === LOWER || k === UPPER || k === DIGIT) {
        const j = plainWord(s, i, len, t);
        if (j >= 0) {
          i = j;
          continue;
        }
      }
    }
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
      const v = ASTRAL.get(cp);
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
