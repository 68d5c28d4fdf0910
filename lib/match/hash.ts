/**
 * Token and phrase hashing.
 *
 * Every token gets two independent 32-bit hashes (FNV-1a and a Murmur-style mix). A phrase key
 * combines the token hashes of its words into a 53-bit number that fits a JS double exactly, so
 * the index never has to keep or compare strings: with ~300 k keys the chance that any lookup
 * collides is about 3·10⁻¹¹.
 */

export const H1_SEED = 0x811c9dc5 | 0;
export const H2_SEED = 0x9747b28c | 0;

// The per-character steps are also written inline in tokens.ts (hot loop); keep them identical.
export const step1 = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
export const step2 = (h: number, c: number): number => Math.imul((h + c) | 0, 0x5bd1e995);

/** Final avalanche so that the low bits (used by the bit filter) depend on every character. */
export const fin = (h: number): number => {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
};

export const P1_SEED = 0x2545f491 | 0;
export const P2_SEED = 0x68e31da4 | 0;

/** Add one token to a running phrase hash pair (cheap; the key functions below avalanche). */
export const phraseStep1 = (p: number, h: number): number => (Math.imul(p ^ h, 0x27d4eb2d) + 0x165667b1) | 0;
export const phraseStep2 = (p: number, h: number): number => Math.imul(p + h, 0x9e3779b1) ^ 0x7f4a7c15;

/** high 21 bits of a phrase key */
export const keyHi = (p1: number): number => fin(p1) >>> 11;
/** low 32 bits of a phrase key */
export const keyLo = (p2: number): number => fin(p2) >>> 0;

/** 53-bit key from the two running phrase hashes. */
export const phraseKey = (p1: number, p2: number): number => keyHi(p1) * 4294967296 + keyLo(p2);

/** Hash of a token pair, for the filter that guards phrases of two words or more. */
export const pairHash = (a: number, b: number): number => fin(a + Math.imul(b, 0x9e3779b1));

/** Hash an arbitrary string (code units) into a key; used for account keys, never for text. */
export function stringKey(s: string): number {
  let a = H1_SEED;
  let b = H2_SEED;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = step1(a, c);
    b = step2(b, c);
  }
  return phraseKey(phraseStep1(P1_SEED, fin(a)), phraseStep2(P2_SEED, fin(b)));
}
