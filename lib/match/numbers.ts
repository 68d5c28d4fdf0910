/**
 * Ballot-number calls: "coblos no 2", "paslon 02", "pilih nomor urut 3", "nomer dua", "coblos
 * 2️⃣", "Pak 02". A call is found after a call term (the roles R_* in keywords.ts) by looking ahead over at
 * most four filler words to a number (digits, a number word in Indonesian or a regional language,
 * a keycap). Quantities ("2 periode", "satu putaran", "menang 2-1", "02 Desember") are not calls.
 *
 * Numbers only mean something inside one election, so resolving them to tickets (decide.ts) is
 * limited to the user's own region and national elections.
 */
import { R_CALL_HONORIFIC, R_CALL_NOMOR, R_CALL_PILIH, R_CALL_STRONG } from './keywords';
import { ensure, F_KEYCAP, F_NUMERIC, F_PADDED, type TokenBuf as Toks } from './tokens';

/** Largest ballot number we read (Pilkada races have at most a handful of pairs). */
export const MAX_BALLOT = 30;
const LOOKAHEAD = 4;

/**
 * The small vocabularies (keywords.ts: fillers, quantities, number words, place words…) travel in
 * the index as one map, token key → flags | value << W_VALUE: compile.ts builds it, so that the
 * content script carries no word table. Words are one token each.
 */
export type Words = ReadonlyMap<number, number>;
export const W_FILLER = 1;
/** a filler that marks a ballot number (no, nomor, urut…) */
export const W_NOMOR = 2;
export const W_QUANTITY = 4;
export const W_NOT_BEFORE = 8;
/** a place named after a person follows (`Jl.`, `Masjid`): decide.ts */
export const W_PLACE = 16;
/** a number word's value (1–8) sits above the flags */
export const W_VALUE = 8;

/** 30-bit key of a token for the small vocabularies: a small integer, so Map lookups never box. */
export const tokenKey = (t: Toks, i: number): number => {
  ensure(t, i);
  return (t.h1[i]! ^ Math.imul(t.h2[i]!, 31)) & 0x3fffffff;
};

const flagsOf = (w: Words, t: Toks, i: number): number => w.get(tokenKey(t, i)) ?? 0;

const WORD = 0x100;

/** Ballot value of token i (digits 1–30, or a number word | WORD), or 0. No allocation. */
function valueAt(w: Words, t: Toks, i: number): number {
  const f = t.flags[i]!;
  if (f & F_NUMERIC) {
    const v = t.num[i]!;
    // at most two digits: `2024` is a year, `002` is not how campaigns write numbers
    return v >= 1 && v <= MAX_BALLOT && t.end[i]! - t.start[i]! <= 3 ? v : 0;
  }
  const v = (w.get(tokenKey(t, i)) ?? 0) >>> W_VALUE;
  return v === 0 ? 0 : v | WORD;
}

/**
 * Two numbers written as one figure: nothing or one non-space character between them (`2-1`,
 * `02/12`, `2.5`). Numbers apart by whitespace are separate, however much of it (the property
 * test varies whitespace and expects the same result).
 */
function joinedNumbers(t: Toks, a: number, b: number): boolean {
  const gap = t.start[b]! - t.end[a]!;
  if (gap === 0) return true;
  if (gap !== 1) return false;
  const c = t.src.charCodeAt(t.end[a]!);
  return !(c <= 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f);
}

/** True when the token after i makes the number a quantity or part of a longer number. */
function isQuantity(w: Words, t: Toks, i: number): boolean {
  const j = i + 1;
  if (j >= t.n) return false;
  if (t.lane[j] !== t.lane[i] && t.lane[j] !== 0) return false;
  if (t.flags[j]! & F_NUMERIC) {
    // "menang 2-1", "02/12", "2.5"; but not the next number after a space or line break
    return joinedNumbers(t, i, j);
  }
  return (flagsOf(w, t, j) & W_QUANTITY) !== 0;
}

export interface NumberCall {
  value: number;
  /** a call on its own; otherwise only in a text with election context */
  certain: boolean;
  start: number;
  end: number;
  /** token index of the number (to avoid reading it twice) */
  tok: number;
}

/** Read the number a call term at tokens [.., j] calls, if any. */
export function readCall(w: Words, t: Toks, j: number, role: number, callStart: number): NumberCall | null {
  const lane = t.lane[j];
  let sawNomor = false;
  let fillers = 0;
  for (let k = j + 1; k < t.n && fillers <= LOOKAHEAD; k++) {
    if (t.lane[k] !== lane) return null;
    const x = valueAt(w, t, k);
    const v = x & 0xff;
    const word = (x & WORD) !== 0;
    if (v > 0) {
      if (isQuantity(w, t, k)) return null;
      const f = t.flags[k]!;
      const padded = (f & F_PADDED) !== 0;
      const keycap = (f & F_KEYCAP) !== 0;
      let certain: boolean;
      switch (role) {
        case R_CALL_STRONG:
          certain = true;
          break;
        case R_CALL_PILIH:
          // "pilih nomor 2" is also how quizzes talk; only `02`/`2️⃣` make it a ballot number alone
          certain = padded || keycap;
          break;
        case R_CALL_HONORIFIC:
          if (!padded && !keycap) return null;
          certain = true;
          break;
        default:
          certain = false;
      }
      // a bare number word after a verb ("pilih satu", "dukung dua-duanya") is weaker than digits
      if (word && !sawNomor && role !== R_CALL_NOMOR) certain = false;
      return { value: v, certain, start: callStart, end: t.end[k]!, tok: k };
    }
    const fl = flagsOf(w, t, k);
    if (!(fl & W_FILLER)) return null;
    if (fl & W_NOMOR) sawNomor = true;
    fillers++;
  }
  return null;
}

/** A zero-padded `02` or keycap `2️⃣` standing alone; a call only with election context. */
export function readBareNumber(w: Words, t: Toks, i: number): NumberCall | null {
  const f = t.flags[i]!;
  if (!(f & F_NUMERIC)) return null;
  const padded = (f & F_PADDED) !== 0 && t.end[i]! - t.start[i]! === 2;
  const keycap = (f & F_KEYCAP) !== 0;
  if (!padded && !keycap) return null;
  const v = t.num[i]!;
  if (v < 1 || v > MAX_BALLOT) return null;
  if (isQuantity(w, t, i)) return null;
  const p = i - 1;
  if (p >= 0 && t.lane[p] === t.lane[i]) {
    if (t.flags[p]! & F_NUMERIC && joinedNumbers(t, p, i)) return null; // 01/02/2024, 10.02
    if (flagsOf(w, t, p) & W_NOT_BEFORE) return null; // jam 02, tanggal 02
  }
  return { value: v, certain: false, start: t.start[i]!, end: t.end[i]!, tok: i };
}
