/**
 * The tokenizer's fast paths must give exactly the tokens of its general path: the scan-side
 * plain-word path (with lazily computed second hashes) and the compile-side tokenizeSimple()
 * with its glued hashes. Each is compared with the general path on random strings built from
 * the characters where the paths differ (case changes, digits, runs of equal letters, prefixes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ensure,
  F_HANDLE,
  F_HASHTAG,
  F_LAZY,
  glued,
  TokenBuf,
  tokenize,
  tokenizeSimple,
} from '../../../lib/match/tokens';

interface Tok {
  h1: number;
  h2: number;
  c1: number;
  c2: number;
  start: number;
  end: number;
  lane: number;
  flags: number;
  num: number;
  /** hashtag/handle body kept for the substring search: chars and their source offsets */
  tag: string;
}

function read(t: TokenBuf): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < t.n; i++) {
    ensure(t, i);
    out.push({
      h1: t.h1[i]!,
      h2: t.h2[i]!,
      c1: t.c1[i]!,
      c2: t.c2[i]!,
      start: t.start[i]!,
      end: t.end[i]!,
      lane: t.lane[i]!,
      flags: t.flags[i]! & ~F_LAZY,
      num: t.num[i]!,
      tag: tagBody(t, i),
    });
  }
  return out;
}

/** the body of a hashtag/handle token (other tokens have none: their tag fields are not written) */
function tagBody(t: TokenBuf, i: number): string {
  const at = t.tagAt[i]!;
  if (!(t.flags[i]! & (F_HASHTAG | F_HANDLE)) || at < 0) return '';
  const out: string[] = [];
  for (let k = at; k < at + t.tagLen[i]!; k++) out.push(`${t.tagChars[k]}:${t.tagOffs[k]}-${t.tagEnds[k]}`);
  return out.join(' ');
}

/** The general path: normalise()'s mode (texts wanted) never takes a fast path. */
function general(s: string, lane0Only: boolean): Tok[] {
  const t = new TokenBuf(8);
  t.lane0Only = lane0Only;
  t.reset(true);
  tokenize(s, t);
  return read(t);
}

const pieces = fc.constantFrom(
  'a',
  'b',
  'A',
  'B',
  'aa',
  'aaa',
  'AAa',
  'o',
  'O',
  '0',
  '1',
  '2',
  '00',
  ' ',
  '  ',
  '#',
  '@',
  '_',
  '.',
  "'",
  'é',
  '😀',
  'budi',
  'Santoso',
  'kk',
);
const text = fc.array(pieces, { maxLength: 14 }).map((a) => a.join(''));

describe('tokenizer fast paths', () => {
  it('scan mode (lazy plain words) gives the general tokens', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = new TokenBuf(8);
        t.lazy = true;
        t.reset(false);
        tokenize(s, t);
        expect(read(t)).toEqual(general(s, false));
      }),
      { numRuns: 3000 },
    );
  });

  it('the eager plain-word path gives the general tokens', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = new TokenBuf(8);
        t.reset(false);
        tokenize(s, t);
        expect(read(t)).toEqual(general(s, false));
      }),
      { numRuns: 3000 },
    );
  });

  it('tokenizeSimple gives the lane-0 tokens, and the glued hashes of the words written together', () => {
    let simple = 0;
    fc.assert(
      fc.property(text, (s) => {
        const t = new TokenBuf(8);
        t.lane0Only = true;
        t.reset(false);
        if (!tokenizeSimple(s, t)) {
          expect(t.n).toBe(0);
          return;
        }
        simple++;
        const toks = read(t);
        expect(toks).toEqual(general(s, true));
        const words = toks.filter((x) => x.lane === 0);
        if (words.length >= 2 && words.every((w) => !(w.flags & 24))) {
          const joined = words.map((w) => s.slice(w.start, w.end)).join('');
          const g = general(joined, true);
          expect(g.length).toBe(1);
          expect([glued.h1, glued.h2, glued.c1, glued.c2, glued.len]).toEqual([
            g[0]!.h1,
            g[0]!.h2,
            g[0]!.c1,
            g[0]!.c2,
            joined.length,
          ]);
        } else expect(glued.len).toBe(0);
      }),
      { numRuns: 3000 },
    );
    // the generator must reach the fast path often enough for the comparison to mean something
    expect(simple).toBeGreaterThan(300);
  });

  it('tokenizeSimple refuses what it does not handle', () => {
    const t = new TokenBuf(8);
    t.lane0Only = true;
    for (const s of ['Ma’ruf', 'budi_santoso', 'a.b', '##x', '# x', 'x#y', 'é', 'a\tb', 'Anies-Muhaimin']) {
      t.reset(false);
      expect(tokenizeSimple(s, t)).toBe(false);
    }
    t.reset(false);
    expect(tokenizeSimple('#BudiSantoso2024 @budi', t)).toBe(true);
    expect(t.n).toBe(2);
  });
});
