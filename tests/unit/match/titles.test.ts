import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseTokens } from '../../../lib/match/normalise';
import { asciiWords, nameVariants, stripTitles } from '../../../lib/match/titles';

describe('stripTitles', () => {
  it.each([
    ['H. DEDI MULYADI, S.H., M.M.', 'dedi mulyadi'],
    ['H. GANJAR PRANOWO, S.H., M.I.P.', 'ganjar pranowo'],
    ['Prof. Dr. H. M. MAHFUD MD', 'm mahfud md'],
    ['Dr. (H.C.) H. A. MUHAIMIN ISKANDAR', 'a muhaimin iskandar'],
    ['Dra. Ir. Hj. ENI SUMARNI, M.Kes.', 'eni sumarni'],
    ['Dr. Drs. SONNY HERSONA GW, M.M', 'sonny hersona gw'],
    ['dr. Budi Santoso, Sp.OG', 'budi santoso'],
    ['K.H. Ma’ruf Amin', 'maruf amin'],
    ['Jenderal TNI (Purn.) Andika Perkasa', 'andika perkasa'],
    ['Ir. PRAMONO ANUNG WIBOWO, M.M.', 'pramono anung wibowo'],
    ['ANDI SUDIRMAN SULAIMAN, S.T.', 'andi sudirman sulaiman'],
    ['Budi Hartono S.E. M.Si', 'budi hartono'],
    ['Mahfud MD', 'mahfud md'],
  ])('%s → %s', (raw, want) => {
    expect(stripTitles(raw).join(' ')).toBe(want);
  });
});

describe('nameVariants', () => {
  const v = (name: string, official?: string) => nameVariants(name, official).map((t) => t.join(' '));

  it('drops and spells out initials', () => {
    const m = v('Abdul Muhaimin Iskandar', 'Dr. (H.C.) H. A. MUHAIMIN ISKANDAR');
    expect(m).toContain('abdul muhaimin iskandar');
    expect(m).toContain('muhaimin iskandar');
    expect(v('M. Fadhil Rahmi')).toEqual(expect.arrayContaining(['muhammad fadhil rahmi', 'fadhil rahmi']));
  });

  it('keeps MD in Mahfud MD', () => {
    expect(v('Mahfud MD', 'Prof. Dr. H. M. MAHFUD MD')).toEqual(
      expect.arrayContaining(['mahfud md', 'muhammad mahfud md']),
    );
  });

  it('drops Balinese I/Ni + birth order only down to two words, never to the birth-order name', () => {
    const k = v('I Wayan Koster');
    expect(k).toContain('i wayan koster');
    expect(k).toContain('wayan koster');
    expect(k).not.toContain('wayan');
    expect(k).not.toContain('koster');
  });

  it('offers a variant without Andi for three-word names', () => {
    expect(v('Andi Sudirman Sulaiman')).toContain('sudirman sulaiman');
    expect(v('Andi Arief')).toEqual(['andi arief']);
  });

  it('keeps a one-word name', () => {
    expect(v('Suswono')).toEqual(['suswono']);
  });
});

describe('asciiWords (the fast path of nameVariants)', () => {
  // letters in both cases, runs of them, spaces, and what must send a name to the tokenizer
  const pieces = fc.constantFrom(
    'a',
    'A',
    'aa',
    'AAA',
    'b',
    'Muhammad',
    'Wayan',
    ' ',
    '  ',
    '.',
    'é',
    '1',
    '-',
    "'",
    '\u200b',
    'Ｍ',
  );
  const names = fc.array(pieces, { maxLength: 10 }).map((a) => a.join(''));

  it('gives what the tokenizer gives whenever it gives anything', () => {
    fc.assert(
      fc.property(names, (s) => {
        const fast = asciiWords(s);
        if (fast !== null) expect(fast).toEqual(normaliseTokens(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes plain names and leaves the rest to the tokenizer', () => {
    expect(asciiWords('Muhammad Budi Santoso')).toEqual(['muhammad', 'budi', 'santoso']);
    expect(asciiWords('I Wayan Koster')).toEqual(['i', 'wayan', 'koster']);
    for (const s of ['Muhammmad Budi', 'Budi  Santoso', ' Budi', 'Budi ', 'M. Budi', 'Budi2', 'José', ''])
      expect(asciiWords(s)).toBeNull();
  });
});
