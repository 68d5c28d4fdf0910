/**
 * The two checks of a stored index: the content script's loadIndex refuses, at load, a value that
 * is not a well-formed index of this version (format, version, types, base64, lengths that must
 * agree, bounds); the background's checkIndex also refuses every broken cross-reference before it
 * publishes. An index whose references are broken but whose shape is right (only the producer
 * could write one) still gives decide() nothing to loop on or throw on.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { checkIndex, compileIndex, decide, loadIndex, serializeIndex } from '../../../lib/match';
import { NOW, TEST_LIST } from '../../corpus/list';
import { REGIONAL_LIST } from '../../corpus/regional-list';

const stored: Record<string, unknown> = {};
vi.mock('webextension-polyfill', () => ({
  default: { storage: { local: { set: async (o: Record<string, unknown>) => void Object.assign(stored, o) } } },
}));

// biome-ignore lint/suspicious/noExplicitAny: stored values of every shape, corrupt on purpose
type Json = Record<string, any>;
const good = (): Json => JSON.parse(JSON.stringify(serializeIndex(compileIndex([TEST_LIST]))));
const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
const i32 = (s: string) => {
  const b = Buffer.from(s, 'base64');
  return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};
const TEXTS = [
  'Ayo dukung Prabowo Subianto! coblos 02 #PrabowoGibran2024',
  'Kang Dedi calon gubernur, coblos Golkar nomor 3 untuk DPRD',
  'Pilkada: Bu Khofifah nomor 2, @aniesbaswedan dan Ganjar',
];

describe('loadIndex (content script): refuses, at load, what is not an index', () => {
  const cases: [string, (g: Json) => unknown, RegExp][] = [
    ['a string', () => 'jaga-netral/match-index', /bad value$/],
    ['an array', () => [], /bad value$/],
    ['another format', (g) => ({ ...g, format: 'x' }), /bad format$/],
    ['an older version', (g) => ({ ...g, v: 5 }), /bad version 5 \(rebuild it\)$/],
    ['no vocabulary (version 5 had none)', (g) => ({ ...g, words: undefined }), /bad words$/],
    ['word keys without values', (g) => ({ ...g, words: { ...g.words, values: '' } }), /bad words \(lengths\)$/],
    ['elections not a list', (g) => ({ ...g, elections: {} }), /bad elections$/],
    ['an election without a type', (g) => ({ ...g, elections: [{ ...g.elections[0], type: 3 }] }), /elections/],
    ['a window that is not a number', (g) => ({ ...g, elections: [{ ...g.elections[0], from: '2024' }] }), /elections/],
    ['areas that are not strings', (g) => ({ ...g, elections: [{ ...g.elections[0], areas: [18] }] }), /elections/],
    [
      'name words that are not strings',
      (g) => ({ ...g, elections: [{ ...g.elections[0], nameWords: 'x' }] }),
      /elections/,
    ],
    ['tickets missing', (g) => ({ ...g, tickets: undefined }), /bad tickets$/],
    ['a pool that is not a string', (g) => ({ ...g, tickets: { ...g.tickets, pool: 7 } }), /bad tickets\.pool$/],
    ['an array not base64', (g) => ({ ...g, entries: { ...g.entries, hi: 'not base64!' } }), /bad entries\.hi$/],
    ['an array missing', (g) => ({ ...g, entries: { ...g.entries, kind: undefined } }), /bad entries\.kind$/],
    ['a length not a whole int', (g) => ({ ...g, tickets: { ...g.tickets, info: 'AAAA' } }), /bad tickets\.info$/],
    [
      'ticket records cut short',
      (g) => ({ ...g, tickets: { ...g.tickets, info: b64(new Int32Array(3)) } }),
      /bad tickets\.info$/,
    ],
    ['party names not strings', (g) => ({ ...g, parties: { ...g.parties, names: [1] } }), /bad parties\.names$/],
    [
      'one party name too many',
      (g) => ({ ...g, parties: { ...g.parties, names: [...g.parties.names, 'X'] } }),
      /bad parties\.start$/,
    ],
    [
      'entry arrays of two lengths',
      (g) => ({ ...g, entries: { ...g.entries, str: 'AA==' } }),
      /bad entries \(lengths\)$/,
    ],
    ['a filter not a power of two', (g) => ({ ...g, pairFilter: b64(new Uint32Array(3)) }), /bad pairFilter$/],
    ['an empty filter', (g) => ({ ...g, filter: '' }), /bad filter$/],
    ['a phrase length out of range', (g) => ({ ...g, maxLen: 1e9 }), /bad maxLen$/],
    ['no phrase length', (g) => ({ ...g, maxLen: undefined }), /bad maxLen$/],
  ];
  for (const [what, make, msg] of cases) {
    it(`refuses ${what}`, () => {
      expect(() => loadIndex(make(good()))).toThrow(msg);
    });
  }

  it('refuses entries out of bucket order', () => {
    const g = good();
    const lo = Buffer.from(g.entries.lo, 'base64');
    const reversed = new Uint32Array(lo.buffer.slice(lo.byteOffset, lo.byteOffset + lo.byteLength)).reverse();
    expect(() => loadIndex({ ...g, entries: { ...g.entries, lo: b64(reversed) } })).toThrow(
      /bad entries \(bucket order\)$/,
    );
  });

  it('loads what the background writes, and decides as the compiled index does', () => {
    for (const list of [TEST_LIST, REGIONAL_LIST]) {
      const idx = compileIndex([list]);
      const loaded = loadIndex(JSON.parse(JSON.stringify(serializeIndex(idx))));
      for (const k of ['tInfo', 'eHi', 'eLo', 'eTarget', 'eKind', 'eStr', 'eTermOff', 'eTermLen', 'filter'] as const)
        expect(loaded[k]).toEqual(idx[k]);
      for (const text of TEXTS)
        for (const now of Object.values(NOW))
          expect(decide(loaded, { site: 'x', text, now, region: '32' })).toEqual(
            decide(idx, { site: 'x', text, now, region: '32' }),
          );
    }
  });

  it('an index with broken references but the right shape gives decide() nothing to hang or throw on', () => {
    const g = good();
    const sizes = {
      info: i32(g.tickets.info).length,
      start: i32(g.parties.start).length,
      target: i32(g.entries.target).length,
      termOff: i32(g.entries.termOff).length,
    };
    const ints = (n: number) =>
      fc.array(fc.integer(), { minLength: n, maxLength: n }).map((a) => b64(Int32Array.from(a)));
    fc.assert(
      fc.property(
        ints(sizes.info),
        ints(sizes.start),
        ints(sizes.target),
        ints(sizes.termOff),
        fc.constantFrom(...TEXTS),
        (info, start, target, termOff, text) => {
          const idx = loadIndex({
            ...g,
            tickets: { ...g.tickets, info },
            parties: { ...g.parties, start },
            entries: { ...g.entries, target, termOff },
          });
          expect(() => checkIndex({ ...g, tickets: { ...g.tickets, info } })).toThrow(/match index/);
          for (const now of Object.values(NOW)) {
            const d = decide(idx, { site: 'x', text, now, region: '32', author: { platform: 'x', handle: 'prabowo' } });
            expect(Array.isArray(d.matches)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('checkIndex (background): refuses every broken reference before publishing', () => {
  const cases: [string, (g: Json) => unknown, RegExp][] = [
    ['what loadIndex refuses', (g) => ({ ...g, v: 4 }), /version 4/],
    [
      'a word of unknown flags',
      (g) => ({ ...g, words: { ...g.words, values: b64(new Uint16Array(i32(g.words.keys).length).fill(0x40)) } }),
      /unknown flags/,
    ],
    ['a ticket pool too short', (g) => ({ ...g, tickets: { ...g.tickets, pool: '' } }), /out of range/],
    [
      'a term pool too short',
      (g) => ({ ...g, entries: { ...g.entries, pool: 'x' } }),
      /entries.term\[\d+\] is out of range/,
    ],
    [
      'an election window that is not finite',
      (g) => ({ ...g, elections: [{ ...g.elections[0], until: Number.POSITIVE_INFINITY }, ...g.elections.slice(1)] }),
      /until is not a number/,
    ],
    [
      'numbered that is not a boolean',
      (g) => ({ ...g, elections: [{ ...g.elections[0], numbered: 1 }, ...g.elections.slice(1)] }),
      /numbered/,
    ],
  ];
  for (const [what, make, msg] of cases) {
    it(`refuses ${what}`, () => {
      expect(() => checkIndex(make(good()))).toThrow(msg);
    });
  }

  const poke = (field: 'info' | 'start' | 'tickets' | 'target', at: number, value: number, msg: RegExp) => {
    const g = good();
    const where = field === 'info' ? g.tickets : field === 'target' ? g.entries : g.parties;
    const a = i32(where[field]);
    a[at] = value;
    where[field] = b64(a);
    // the content script's loader lets it through (shape right); the producer's check does not
    expect(() => loadIndex(g)).not.toThrow();
    expect(() => checkIndex(g)).toThrow(msg);
  };
  it('refuses a ticket of no election', () => poke('info', 0, 99, /ticket 0 names no election/));
  it('refuses ticket strings out of order', () => poke('info', 2, 1_000_000, /tickets.info\[0\] is out of range/));
  it('refuses party ranges out of order', () => poke('start', 1, 1_000_000, /parties.start/));
  it('refuses a party of no ticket', () => poke('tickets', 0, -1, /party names no ticket|not sorted/));
  it('refuses an entry pointing nowhere', () => poke('target', 0, 1_000_000, /entry 0 points nowhere/));

  it('refuses an unknown entry kind and a bad key', () => {
    const g = good();
    const kind = Buffer.from(g.entries.kind, 'base64');
    kind[0] = 200;
    expect(() => checkIndex({ ...g, entries: { ...g.entries, kind: kind.toString('base64') } })).toThrow(
      /unknown kind/,
    );
    const hi = Buffer.from(g.entries.hi, 'base64');
    hi.writeUInt32LE(1 << 30, 0);
    expect(() => checkIndex({ ...g, entries: { ...g.entries, hi: hi.toString('base64') } })).toThrow(/bad key/);
  });

  it('accepts what compileIndex and serializeIndex write, for every corpus list', () => {
    for (const list of [TEST_LIST, REGIONAL_LIST])
      expect(() => checkIndex(serializeIndex(compileIndex([list])))).not.toThrow();
  });

  it('publishIndex publishes only what passes it', async () => {
    const { publishIndex } = await import('../../../lib/background/index-builder');
    const { INDEX_KEY } = await import('../../../lib/guard/index-store');
    const { DEFAULT_SETTINGS } = await import('../../../lib/settings/settings');
    const check = await import('../../../lib/match/check');
    const spy = vi.spyOn(check, 'checkIndex');
    await publishIndex(TEST_LIST, { ...DEFAULT_SETTINGS }, NOW.pilpresCampaign);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0]).toBe((stored[INDEX_KEY] as { data: unknown }).data);
  });
});
