import { describe, expect, it } from 'vitest';
import { areasCover, choiceKey, chooseShards, scopesForRegion, splitIntoShards } from '../../../../lib/list/shards';
import type { CandidateList, CandidateManifest, Election, ElectionType, RegionLevel } from '../../../../lib/list/types';

const el = (id: string, type: ElectionType, code: string, level: RegionLevel): Election => ({
  id,
  type,
  name: id,
  region: { code, name: code, level },
  voting_date: '2024-02-14',
  window: { from: '2023-05-01', until: '2024-06-10' },
  tickets: [],
});

const list: CandidateList = {
  format: 'jaga-netral/candidate-list',
  format_version: 1,
  list_id: 'uji/areas',
  sequence: 1,
  issued_at: '2024-01-01',
  expires_at: '2025-01-01',
  publisher: { name: 'Uji' },
  elections: [
    el('pilpres-2024', 'pilpres', '00', 'nasional'),
    el('pileg-dpr-2024-1602', 'pileg_dpr', '1602', 'dapil'),
    el('pileg-dpr-2024-1601', 'pileg_dpr', '1601', 'dapil'),
    el('pileg-dprd-prov-2024-160001', 'pileg_dprd_prov', '160001', 'dapil'),
    el('pileg-dprd-kabkota-2024-160701', 'pileg_dprd_kabkota', '160701', 'dapil'),
    el('pileg-dprd-kabkota-2024-160702', 'pileg_dprd_kabkota', '160702', 'dapil'),
  ],
};
const areas = new Map([
  ['pileg-dpr-2024-1602', ['1601', '1602']],
  ['pileg-dpr-2024-1601', ['1607', '1671']],
  ['pileg-dprd-prov-2024-160001', ['167101', '167102']],
  ['pileg-dprd-kabkota-2024-160701', ['160701', '160702']],
  ['pileg-dprd-kabkota-2024-160702', ['160703', '1607042001']],
]);

describe('region shards with areas', () => {
  const specs = splitIntoShards(list, areas);
  const manifest: CandidateManifest = {
    format: 'jaga-netral/candidate-manifest',
    format_version: 1,
    list_id: 'uji/areas',
    sequence: 1,
    issued_at: '2024-01-01',
    expires_at: '2025-01-01',
    publisher: { name: 'Uji' },
    shards: specs.map((s) => ({
      path: s.path,
      scope: s.scope,
      sha256: '0'.repeat(64),
      ...(s.areas ? { areas: s.areas } : {}),
    })),
  };
  const paths = (region: string) => chooseShards(manifest, { region }).map((s) => s.path);

  it('gives each mapped dapil its own shard in its province or regency scope', () => {
    expect(specs.map((s) => [s.path, s.scope])).toEqual([
      ['national.json', '00'],
      ['prov/16/dpr-1601.json', '16'],
      ['prov/16/dpr-1602.json', '16'],
      ['prov/16/dprd-prov-160001.json', '16'],
      ['kab/1607/dprd-160701.json', '1607'],
      ['kab/1607/dprd-160702.json', '1607'],
    ]);
    // without areas, the old layout: one shard per province and regency/city
    expect(splitIntoShards(list).map((s) => s.path)).toEqual(['national.json', 'prov/16.json', 'kab/1607.json']);
  });

  it('a kecamatan takes its own dapils only; a desa-split kecamatan the dapils holding its desa', () => {
    expect(paths('160701')).toEqual(['national.json', 'prov/16/dpr-1601.json', 'kab/1607/dprd-160701.json']);
    expect(paths('160704')).toEqual(['national.json', 'prov/16/dpr-1601.json', 'kab/1607/dprd-160702.json']);
    expect(paths('1607042001')).toEqual(paths('160704'));
    expect(paths('1607')).toEqual([
      'national.json',
      'prov/16/dpr-1601.json',
      'kab/1607/dprd-160701.json',
      'kab/1607/dprd-160702.json',
    ]);
    expect(paths('1671')).toEqual(['national.json', 'prov/16/dpr-1601.json', 'prov/16/dprd-prov-160001.json']);
    expect(paths('16')).toHaveLength(4);
    expect(paths('')).toEqual(['national.json']);
    expect(chooseShards(manifest, { region: '160701', all: true })).toHaveLength(6);
  });

  it('scopes and choice keys for finer regions', () => {
    expect(scopesForRegion('160701')).toEqual(['00', '16', '1607']);
    expect(scopesForRegion('1607012001')).toEqual(['00', '16', '1607']);
    expect(scopesForRegion('16070')).toEqual(['00']);
    expect(choiceKey({ region: '1607' })).toBe('00,16,1607');
    expect(choiceKey({ region: '160701' })).toBe('00,16,1607:160701');
    expect(areasCover(undefined, '160701')).toBe(true);
    expect(areasCover(['1671'], '160701')).toBe(false);
  });
});
