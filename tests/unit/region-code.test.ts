/**
 * The home region down to the kecamatan: the code as people and policies write it, how settings and
 * policy keep it, which shards and which ballots it scopes to, and the names the picker offers.
 */
import { describe, expect, it } from 'vitest';
import { chooseShards, choiceKey, scopesForRegion } from '../../lib/list/shards';
import type { CandidateManifest, ShardRef } from '../../lib/list/types';
import { inScope } from '../../lib/match/decide';
import type { ElectionInfo } from '../../lib/match/structure';
import { compileIndex, decide } from '../../lib/match';
import { effectiveSource, parseManaged } from '../../lib/settings/managed';
import { namedRegionsOf, normaliseRegionCode, regionParts } from '../../lib/settings/regions';
import { DEFAULT_SETTINGS, parseSettings } from '../../lib/settings/settings';
import { NOW, TEST_LIST } from '../corpus/list';

describe('normaliseRegionCode', () => {
  it('takes province, kabupaten/kota, kecamatan and desa codes, plain or dotted', () => {
    expect(normaliseRegionCode('')).toBe('');
    expect(normaliseRegionCode('  ')).toBe('');
    expect(normaliseRegionCode('18')).toBe('18');
    expect(normaliseRegionCode('1811')).toBe('1811');
    expect(normaliseRegionCode('181101')).toBe('181101');
    expect(normaliseRegionCode(' 18.11.01 ')).toBe('181101');
    expect(normaliseRegionCode('18.11')).toBe('1811');
    expect(normaliseRegionCode('1811012001')).toBe('1811012001');
    expect(normaliseRegionCode('18.11.01.2001')).toBe('1811012001');
  });
  it('refuses anything else', () => {
    for (const bad of [
      '1',
      '181',
      '18110',
      '1811011',
      '18.1101',
      '18-11-01',
      '18.11.',
      'Mesuji',
      '18.11.01.20',
      'x181101',
    ])
      expect(normaliseRegionCode(bad), bad).toBeUndefined();
  });
  it('splits a code into its levels', () => {
    expect(regionParts('181101')).toEqual({ province: '18', regency: '1811', district: '181101' });
    expect(regionParts('1811')).toEqual({ province: '18', regency: '1811', district: '' });
    expect(regionParts('')).toEqual({ province: '', regency: '', district: '' });
  });
});

describe('the region setting and policy', () => {
  it('settings keep a kecamatan code and read the dotted form without dots', () => {
    expect(parseSettings({ region: '181101' }).region).toBe('181101');
    expect(parseSettings({ region: '18.11.01' }).region).toBe('181101');
    expect(parseSettings({ region: '18110' }).region).toBe('');
    expect(parseSettings({ region: 181101 }).region).toBe('');
  });
  it('a policy region may be a kecamatan; a malformed one is reported, not taken', () => {
    expect(parseManaged({ region: '18.11.01' })).toEqual({ region: '181101' });
    expect(parseManaged({ region: '1811' })).toEqual({ region: '1811' });
    const bad = parseManaged({ region: 'Mesuji' });
    expect(bad.region).toBeUndefined();
    expect(bad.problems?.[0]).toMatch(/^region: /);
    expect(effectiveSource(DEFAULT_SETTINGS, parseManaged({ region: '181101' })).region).toBe('181101');
  });
});

describe('a kecamatan code scopes like its kabupaten/kota and province', () => {
  const ref = (path: string, scope: string, areas?: string[]): ShardRef => ({
    path,
    scope,
    sha256: '0'.repeat(64),
    ...(areas ? { areas } : {}),
  });
  const manifest: CandidateManifest = {
    format: 'jaga-netral/candidate-manifest',
    format_version: 1,
    list_id: 'test',
    sequence: 1,
    issued_at: '2024-01-01T00:00:00Z',
    expires_at: '2025-01-01T00:00:00Z',
    publisher: { name: 'test' },
    shards: [
      ref('national.json', '00'),
      ref('prov/18.json', '18'),
      ref('prov/17.json', '17'),
      ref('kab/1811.json', '1811'),
      ref('kab/1810.json', '1810'),
      ref('kab/1811/dprd-181101.json', '1811', ['181101', '181102']),
      ref('kab/1811/dprd-181102.json', '1811', ['181103', '181104']),
    ],
  };
  it('takes national, province, kabupaten/kota and only the dapil the kecamatan lies in', () => {
    expect(scopesForRegion('181101')).toEqual(['00', '18', '1811']);
    expect(chooseShards(manifest, { region: normaliseRegionCode('18.11.01')! }).map((s) => s.path)).toEqual([
      'national.json',
      'prov/18.json',
      'kab/1811.json',
      'kab/1811/dprd-181101.json',
    ]);
    // set to the kabupaten only, every dapil of it
    expect(chooseShards(manifest, { region: '1811' }).map((s) => s.path)).toHaveLength(5);
    expect(choiceKey({ region: '181101' })).not.toBe(choiceKey({ region: '181103' }));
  });

  const info = (region: string, type: string): ElectionInfo => ({
    id: `${type}-${region}`,
    name: type,
    type,
    region,
    from: 0,
    until: 1,
    determinedAt: null,
    numbered: !type.startsWith('pileg'),
  });
  it('puts the ballots of its province and kabupaten/kota in scope, and no neighbour’s', () => {
    const home = '181101';
    expect(inScope(info('', 'pilpres'), home)).toBe(true);
    expect(inScope(info('18', 'pilgub'), home)).toBe(true);
    expect(inScope(info('1811', 'pilbup'), home)).toBe(true);
    expect(inScope(info('1810', 'pilbup'), home)).toBe(false);
    expect(inScope(info('17', 'pilgub'), home)).toBe(false);
    expect(inScope(info('1801', 'pileg_dpr'), home)).toBe(true);
    expect(inScope(info('18', 'pileg_dpd'), home)).toBe(true);
    expect(inScope(info('181102', 'pileg_dprd_kabkota'), home)).toBe(true);
    expect(inScope(info('181001', 'pileg_dprd_kabkota'), home)).toBe(false);
  });
  it('resolves a ballot-number call in its province’s race, as the kabupaten/kota code does', () => {
    const idx = compileIndex([TEST_LIST]);
    const ids = (region: string) =>
      decide(idx, { site: 'x', text: 'coblos nomor 4!', now: NOW.pilkadaCampaign, region }).matches.map(
        (m) => m.ticketId,
      );
    expect(ids('327301')).toEqual(['pilgub-2024-32/4']);
    expect(ids(parseSettings({ region: '32.73.01' }).region)).toEqual(['pilgub-2024-32/4']);
    expect(ids('317301')).toEqual([]);
  });
});

describe('namedRegionsOf (the picker’s names from the active list)', () => {
  const e = (code: string, name: string, level: string) => ({ region: { code, name, level } });
  it('keeps provinces, kabupaten/kota and kecamatan by name; leaves out national and dapil codes', () => {
    expect(
      namedRegionsOf([
        e('00', 'Indonesia', 'nasional'),
        e('18', 'Lampung', 'provinsi'),
        e('1811', 'Kabupaten Mesuji', 'kabupaten'),
        e('1811', 'MESUJI (again)', 'kabupaten'),
        e('1871', 'Kota Bandar Lampung', 'kota'),
        e('181101', 'Mesuji 1', 'dapil'),
        e('1801', 'Lampung I', 'dapil'),
        e('181101', 'Mesuji', 'kecamatan'),
        e('18.11.02', 'Mesuji Timur', 'kecamatan'),
        e('181', 'broken', 'kabupaten'),
        e('1811', 'wrong level', 'provinsi'),
        e('1812', '', 'kabupaten'),
      ]),
    ).toEqual([
      { code: '18', name: 'Lampung', level: 'provinsi' },
      { code: '1811', name: 'Kabupaten Mesuji', level: 'kabupaten' },
      { code: '181101', name: 'Mesuji', level: 'kecamatan' },
      { code: '181102', name: 'Mesuji Timur', level: 'kecamatan' },
      { code: '1871', name: 'Kota Bandar Lampung', level: 'kota' },
    ]);
  });
});
