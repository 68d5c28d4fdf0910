/**
 * String-level normalisation, for list terms at compile time, tests and tools. It is the same
 * tokenizer the matcher runs on posts (tokens.ts), so a list term and a post are always folded
 * identically: NFKC-equivalent folding, case folding, diacritics, fancy Unicode letters,
 * homoglyphs, zero-width/bidi removal, apostrophes dropped inside words, dashes and punctuation
 * as separators, elongated letters collapsed.
 */
import { TokenBuf, tokenize } from './tokens';

const scratch = new TokenBuf(64);

/** The running-text tokens of `s` (hashtags keep their `#`, handles their `@`). */
export function normaliseTokens(s: string): string[] {
  scratch.reset(true);
  tokenize(s, scratch);
  const out: string[] = [];
  const texts = scratch.texts ?? [];
  for (let i = 0; i < scratch.n; i++) if (scratch.lane[i] === 0) out.push(texts[i] ?? '');
  return out;
}

/** All tokens of `s` by lane: lane 0 first, then the parts of hashtags, handles and compounds. */
export function normaliseLanes(s: string): string[][] {
  scratch.reset(true);
  tokenize(s, scratch);
  const lanes = new Map<number, string[]>();
  const texts = scratch.texts ?? [];
  for (let i = 0; i < scratch.n; i++) {
    const lane = scratch.lane[i] ?? 0;
    let l = lanes.get(lane);
    if (!l) {
      l = [];
      lanes.set(lane, l);
    }
    l.push(texts[i] ?? '');
  }
  return [...lanes.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}

/** Normalised text: the running-text tokens joined by single spaces. Idempotent. */
export function normalise(s: string): string {
  return normaliseTokens(s).join(' ');
}
