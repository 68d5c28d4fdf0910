/**
 * Two optional fields of format v1 (docs/list-format.md §2.3, §2.8): a dapil's `region.areas` and
 * the region directory `regions` (list document and manifest), from validation through the shard
 * split and merge to the names the region picker offers. Older documents without them stay valid.
 */
import { describe, expect, it } from 'vitest';
import { mergeShards, splitIntoShards } from '../../../lib/list/shards';
import type { CandidateList, CandidateManifest, Election } from '../../../lib/list/types';
import { formatError, MAX_REGION_NAMES, validateList, validateManifest } from '../../../lib/list/validate';
import { namedRegionsOf } from '../../../lib/settings/regions';
import { minimalList } from './fixtures';

const DIRECTORY = [
  { code: '18', name: 'Lampung' },
  { code: '1811', name: 'Kabupaten Mesuji' },
  { code: '181101', name: 'Mesuji' },
  { code: '181102', name: 'Mesuji Timur' },
  { code: '1871', name: 'Kota Bandar Lampung' },
];

function dprdDapil(code: string, areas?: string[]): Election {
  return {
    id: `pileg-dprd-kabkota-2024-${code}`,
    type: 'pileg_dprd_kabkota',
    name: `DPRD Mesuji ${code}`,
    region: { code, name: `Mesuji ${code}`, level: 'dapil', ...(areas ? { areas } : {}) },
    voting_date: '2024-02-14',
    window: { from: '2023-11-28', until: '2024-02-10' },
    tickets: [
      {
        id: `dprd-${code}/1`,
        number: 1,
        party_ids: ['gerindra'],
        members: [{ id: `c${code}`, role: 'caleg', name: 'Caleg Uji' }],
      },
    ],
  };
}

const errors = (r: { ok: boolean; errors?: { path: string; message: string }[] }) =>
  r.ok ? [] : (r.errors ?? []).map(formatError);

describe('validation', () => {
  it('accepts a list and a manifest with a region directory and dapil areas, and one without (older lists)', () => {
    const list = minimalList({ regions: DIRECTORY });
    list.elections.push(dprdDapil('181101', ['181101', '181102']));
    const r = validateList(JSON.stringify(list));
    expect(errors(r)).toEqual([]);
    expect(r.ok && r.list.regions).toEqual(DIRECTORY);
    expect(r.ok && r.list.elections[1]!.region.areas).toEqual(['181101', '181102']);
    expect(validateList(JSON.stringify(minimalList())).ok).toBe(true);
    const manifest: CandidateManifest = {
      format: 'jaga-netral/candidate-manifest',
      format_version: 1,
      list_id: 'x/y',
      sequence: 1,
      issued_at: '2024-01-01',
      expires_at: '2025-01-01',
      publisher: { name: 'p' },
      shards: [{ path: 'national.json', scope: '00', sha256: 'a'.repeat(64) }],
      regions: DIRECTORY,
    };
    const m = validateManifest(JSON.stringify(manifest));
    expect(errors(m)).toEqual([]);
    expect(m.ok && m.manifest.regions).toEqual(DIRECTORY);
  });

  it('refuses malformed codes, empty names, a code named twice and an oversized directory, with the place', () => {
    const bad = minimalList({
      regions: [
        { code: '18.11', name: 'Kabupaten Mesuji' },
        { code: '18110', name: 'x' },
        { code: '1811012001', name: 'a desa' },
        { code: '1811', name: '' },
        { code: '18', name: 'Lampung' },
        { code: '18', name: 'Lampung lagi' },
      ],
    });
    bad.elections.push(dprdDapil('181101', ['1811a']));
    const got = errors(validateList(JSON.stringify(bad)));
    expect(got.some((e) => e.startsWith('regions[0].code'))).toBe(true);
    expect(got.some((e) => e.startsWith('regions[1].code'))).toBe(true);
    expect(got.some((e) => e.startsWith('regions[2].code'))).toBe(true);
    expect(got.some((e) => e.startsWith('regions[3].name'))).toBe(true);
    expect(got.some((e) => e.startsWith('elections[1].region.areas[0]'))).toBe(true);
    // the structural errors stop the semantic pass; a clean document with a repeated code:
    const twice = minimalList({ regions: [DIRECTORY[0]!, { code: '18', name: 'Lampung lagi' }] });
    expect(errors(validateList(JSON.stringify(twice)))).toEqual([
      'regions[1].code: "18" is already named by regions[0]',
    ]);
    const many = minimalList({
      regions: Array.from({ length: MAX_REGION_NAMES + 1 }, (_, i) => ({
        code: `${String(11 + (i % 80)).padStart(2, '0')}${String(Math.floor(i / 80) % 100).padStart(2, '0')}${String(Math.floor(i / 8000)).padStart(2, '0')}`,
        name: 'x',
      })),
    });
    expect(errors(validateList(JSON.stringify(many))).some((e) => e.startsWith('regions: 20,001 region names'))).toBe(
      true,
    );
  });
});

describe('shards', () => {
  it('gives a dapil with areas its own shard, leaves the directory to the manifest, and the merge carries it', () => {
    const list = minimalList({ regions: DIRECTORY });
    list.elections.push(dprdDapil('181101', ['181101']), dprdDapil('181102', ['181102']));
    const specs = splitIntoShards(list);
    expect(specs.map((s) => [s.path, s.areas])).toEqual([
      ['national.json', undefined],
      ['prov/32.json', undefined],
      ['kab/1811/dprd-181101.json', ['181101']],
      ['kab/1811/dprd-181102.json', ['181102']],
    ]);
    for (const s of specs) expect(s.list.regions).toBeUndefined();
    const manifest = {
      format: 'jaga-netral/candidate-manifest',
      format_version: 1,
      list_id: list.list_id,
      sequence: list.sequence,
      issued_at: list.issued_at,
      expires_at: list.expires_at,
      publisher: list.publisher,
      shards: [],
      regions: DIRECTORY,
    } satisfies CandidateManifest;
    const merged = mergeShards(
      manifest,
      specs.map((s) => s.list),
    );
    expect(merged.ok && merged.list.regions).toEqual(DIRECTORY);
    // the dapil's areas stay on its election
    expect(merged.ok && merged.list.elections.find((e) => e.id.endsWith('181102'))?.region.areas).toEqual(['181102']);
    // a manifest without a directory: the shards' own, united
    const { regions: _r, ...bare } = manifest;
    const withOwn: CandidateList[] = [
      { ...specs[0]!.list, regions: [DIRECTORY[0]!] },
      { ...specs[2]!.list, regions: [DIRECTORY[0]!, DIRECTORY[2]!] },
    ];
    const m2 = mergeShards(bare, withOwn);
    expect(m2.ok && m2.list.regions).toEqual([DIRECTORY[0], DIRECTORY[2]]);
    // none anywhere (older lists): no directory
    const m3 = mergeShards(bare, [specs[0]!.list]);
    expect(m3.ok && 'regions' in m3.list).toBe(false);
  });
});

describe('names for the region picker', () => {
  it('offers the directory’s provinces, kabupaten/kota and kecamatan by name, then the elections’ regions', () => {
    const named = namedRegionsOf(
      [
        { region: { code: '1811', name: 'Kab. Mesuji (KPU)', level: 'kabupaten' } },
        { region: { code: '1702', name: 'Kabupaten Rejang Lebong', level: 'kabupaten' } },
        { region: { code: '1801', name: 'Lampung I', level: 'dapil' } },
      ],
      DIRECTORY,
    );
    expect(named).toEqual([
      { code: '1702', name: 'Kabupaten Rejang Lebong', level: 'kabupaten' },
      { code: '18', name: 'Lampung', level: 'provinsi' },
      { code: '1811', name: 'Kabupaten Mesuji', level: 'kabupaten' },
      { code: '181101', name: 'Mesuji', level: 'kecamatan' },
      { code: '181102', name: 'Mesuji Timur', level: 'kecamatan' },
      { code: '1871', name: 'Kota Bandar Lampung', level: 'kota' },
    ]);
    // without a directory, as before
    expect(namedRegionsOf([{ region: { code: '1811', name: 'Kabupaten Mesuji', level: 'kabupaten' } }])).toEqual([
      { code: '1811', name: 'Kabupaten Mesuji', level: 'kabupaten' },
    ]);
  });
});
