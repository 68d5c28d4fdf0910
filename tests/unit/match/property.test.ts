import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileIndex, decide } from '../../../lib/match';
import { normalise } from '../../../lib/match/normalise';
import { NOW, TEST_LIST } from '../../corpus/list';

const idx = compileIndex([TEST_LIST]);
const P = NOW.pilpresCampaign;

/** Characters that stress the tokenizer: surrogates, marks, zero-width, fancy letters, digits, keycaps. */
const nasty = fc.constantFrom(
  '\ud800',
  '\udfff',
  '\u0301',
  '\u200b',
  '\u202e',
  '\ufe0f',
  '\u20e3',
  '#',
  '@',
  '_',
  "'",
  '’',
  '-',
  '.',
  ' ',
  '\n',
  '𝐏',
  'ｒ',
  'ⓐ',
  'é',
  'ß',
  'İ',
  'ı',
  '0',
  '2',
  'A',
  'a',
  'o',
  'ᴀ',
  'Ν',
  '😀',
  '🇮',
  '\u0000',
);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(nasty, { maxLength: 60 }).map((a) => a.join('')),
  fc.array(fc.oneof(nasty, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 40 }).map((a) => a.join('')),
);

const NEUTRAL = [
  'hari',
  'ini',
  'cuaca',
  'cerah',
  'sekali',
  'makan',
  'siang',
  'di',
  'warung',
  'bersama',
  'teman',
  'kantor',
  'wkwk',
  'yg',
  'gak',
  'mantap',
  'jalan',
  'macet',
  'banget',
  'semoga',
  'sehat',
  'selalu',
  'keluarga',
  'libur',
  'panjang',
  '😀',
  '🙏',
  '#kuliner',
  '@temanku',
  'https://contoh.id/a',
  '2024',
  'besok',
  'pagi',
];
const neutralWords = fc.array(fc.constantFrom(...NEUTRAL), { minLength: 0, maxLength: 40 });
const STRONG: [string, string, number][] = [
  ['Prabowo Subianto', 'pilpres-2024/2', P],
  ['Anies Baswedan', 'pilpres-2024/1', P],
  ['Ganjar Pranowo', 'pilpres-2024/3', P],
  ['Mahfud MD', 'pilpres-2024/3', P],
  ['Cak Imin', 'pilpres-2024/1', P],
  ['Ridwan Kamil', 'pilgub-2024-31/1', NOW.pilkadaCampaign],
  ['Khofifah Indar Parawansa', 'pilgub-2024-35/2', NOW.pilkadaCampaign],
  ['Dedi Mulyadi', 'pilgub-2024-32/4', NOW.pilkadaCampaign],
  ['#R1DOSolusiJakarta', 'pilgub-2024-31/1', NOW.pilkadaCampaign],
  ['Taj Yasin', 'pilgub-2024-33/2', NOW.pilkadaCampaign],
];
const sep = fc.constantFrom(' ', '  ', '\n', ', ', ' - ', '! ', ' (', ') ', ' "', '" ');

describe('properties', () => {
  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(text, (s) => {
        const once = normalise(s);
        expect(normalise(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('decide never throws and returns sorted matches', () => {
    const rank = { account: 4, strong: 3, medium: 2, low: 1 };
    fc.assert(
      fc.property(
        text,
        fc.array(text, { maxLength: 3 }),
        fc.option(fc.string({ maxLength: 6 })),
        fc.integer(),
        (s, alts, region, now) => {
          const d = decide(idx, {
            site: 'x',
            text: s,
            altText: alts,
            linkTitles: alts,
            region: region ?? undefined,
            now: P + (now % 1e9),
          });
          for (let i = 1; i < d.matches.length; i++) {
            expect(rank[d.matches[i - 1]!.strength]).toBeGreaterThanOrEqual(rank[d.matches[i]!.strength]);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('finds a strong name inserted anywhere in neutral text', () => {
    fc.assert(
      fc.property(
        neutralWords,
        fc.nat(),
        fc.constantFrom(...STRONG),
        sep,
        sep,
        (words, at, [name, ticket, now], a, b) => {
          const i = words.length === 0 ? 0 : at % (words.length + 1);
          const s = `${words.slice(0, i).join(' ')}${a}${name}${b}${words.slice(i).join(' ')}`;
          const d = decide(idx, { site: 'x', text: s, now });
          expect(d.matches.map((m) => m.ticketId)).toContain(ticket);
          const ev = d.matches
            .find((m) => m.ticketId === ticket)!
            .evidence.find((e) => e.source === 'text' && e.start !== undefined);
          // offsets point into the original string
          expect(ev && s.slice(ev.start, ev.end).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('results are stable under whitespace, case and diacritic changes', () => {
    const vocab = [
      ...NEUTRAL,
      'Prabowo',
      'Gibran',
      'Kang Dedi',
      'kampanye',
      'coblos',
      'nomor',
      '2',
      'AMIN',
      'Risma',
      'pilkada',
      'Yasin',
      'Emil',
      'Dardak',
      'Khofifah',
    ];
    const marks = (w: string) => w.replace(/[aeiou]/g, (v) => `${v}\u0301`);
    const variant = fc.constantFrom<(w: string) => string>(
      (w) => w,
      (w) => w.toUpperCase(),
      (w) => w.toLowerCase(),
      (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(),
      marks,
      (w) => w.normalize('NFD'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...vocab), variant, fc.constantFrom(' ', '  ', '\t', '\n', ' \u200b')), {
          maxLength: 25,
        }),
        fc.constantFrom(P, NOW.pilkadaCampaign),
        (parts, now) => {
          const plain = parts.map(([w]) => w).join(' ');
          const changed = parts.map(([w, f, s]) => f(w) + s).join('');
          const summary = (s: string) =>
            decide(idx, { site: 'x', text: s, now, region: '32' })
              .matches.map((m) => `${m.ticketId}:${m.strength}`)
              .sort();
          expect(summary(changed)).toEqual(summary(plain));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
