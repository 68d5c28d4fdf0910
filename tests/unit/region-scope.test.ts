/**
 * The home region that scopes tickets: an electoral district that lists its areas
 * (`region.areas`) is on the ballots of the people living there only, not of its whole province;
 * and a region set only by the managed policy scopes the content script's decisions as a region
 * the person set would (the background puts the region in effect beside the index).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CandidateList, Election } from '../../lib/list/types';
import { compileIndex, decide, loadIndex, serializeIndex } from '../../lib/match';
import { scopeRegion, type StoredIndex } from '../../lib/guard/index-store';
import { effectiveSource, parseManaged } from '../../lib/settings/managed';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

const stored: Record<string, unknown> = {};
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        set: async (o: Record<string, unknown>) => void Object.assign(stored, o),
      },
    },
  },
}));

const NOW = Date.parse('2024-01-20T10:00:00+07:00');

/** Two DPR dapils of one province (Lampung, invented candidates), each with one caleg. */
function dapil(code: string, areas: string[] | undefined, name: string): Election {
  return {
    id: `pileg-dpr-2024-${code}`,
    type: 'pileg_dpr',
    name: `Pemilu DPR RI 2024 – Dapil Uji ${code}`,
    region: { code, name: `Lampung ${code}`, level: 'dapil', ...(areas ? { areas } : {}) },
    voting_date: '2024-02-14',
    window: { from: '2023-11-28', until: '2024-02-10' },
    tickets: [
      {
        id: `pileg-dpr-2024-${code}/uji/2`,
        number: 2,
        party_ids: ['uji'],
        members: [{ id: `c-${code}`, role: 'caleg', name }],
      },
    ],
  };
}

function list(withAreas: boolean): CandidateList {
  return {
    format: 'jaga-netral/candidate-list',
    format_version: 1,
    list_id: 'test/dapil',
    sequence: 1,
    issued_at: '2023-10-01T00:00:00Z',
    expires_at: '2024-12-31',
    publisher: { name: 'uji' },
    parties: [{ id: 'uji', number: 30, name: 'Partai Uji Coba', abbrev: 'PUC' }],
    elections: [
      dapil('1801', withAreas ? ['1811', '1812'] : undefined, 'Hendarto Wiranegara'),
      dapil('1802', withAreas ? ['1871', '1872'] : undefined, 'Sumarlinda Kusumawati'),
    ],
  };
}

const POST_A = 'Dukung Hendarto Wiranegara, caleg DPR RI nomor urut 2, coblos!';
const POST_B = 'Dukung Sumarlinda Kusumawati, caleg DPR RI nomor urut 2, coblos!';

const warns = (l: CandidateList, text: string, region: string): string[] =>
  decide(compileIndex([l]), { site: 'facebook', text, now: NOW, region: region || undefined }).matches.map(
    (m) => m.ticketId,
  );

describe('electoral districts scoped by their areas', () => {
  it('a person in Kab. Mesuji (or one of its kecamatan) is warned about their own dapil’s caleg only', () => {
    for (const region of ['1811', '181101']) {
      expect(warns(list(true), POST_A, region)).toEqual(['pileg-dpr-2024-1801/uji/2']);
      expect(warns(list(true), POST_B, region)).toEqual([]);
    }
    // set to the province, both dapils are theirs; no region: every dapil is
    for (const region of ['18', '']) {
      expect(warns(list(true), POST_B, region)).toEqual(['pileg-dpr-2024-1802/uji/2']);
    }
  });

  it('a list without areas (older publishers) keeps the province-wide scope', () => {
    expect(warns(list(false), POST_B, '181101')).toEqual(['pileg-dpr-2024-1802/uji/2']);
    expect(warns(list(false), POST_B, '3273')).toEqual([]);
  });

  it('the areas survive the index’s serialisation', () => {
    const idx = loadIndex(JSON.parse(JSON.stringify(serializeIndex(compileIndex([list(true)])))));
    expect(idx.elections.map((e) => e.areas)).toEqual([
      ['1811', '1812'],
      ['1871', '1872'],
    ]);
    expect(decide(idx, { site: 'facebook', text: POST_B, now: NOW, region: '181101' }).matches).toEqual([]);
  });
});

describe('a region set only by the managed policy', () => {
  beforeEach(() => {
    for (const k of Object.keys(stored)) delete stored[k];
  });

  it('scopes the content script’s decisions through the index the background publishes', async () => {
    const { publishIndex } = await import('../../lib/background/index-builder');
    const { INDEX_KEY } = await import('../../lib/guard/index-store');
    const settings = { ...DEFAULT_SETTINGS, region: '' };
    const policy = parseManaged({ region: '18.11.01' });
    const region = effectiveSource(settings, policy).region;
    expect(region).toBe('181101');
    await publishIndex(list(true), settings, NOW, region);
    const meta = stored[INDEX_KEY] as StoredIndex;
    expect(meta.region).toBe('181101');
    // what runtime.ts passes to decide: the person's region, else the one beside the index
    const scope = scopeRegion(settings, meta);
    expect(scope).toBe('181101');
    const idx = loadIndex(meta.data);
    const run = (text: string) =>
      decide(idx, { site: 'facebook', text, now: NOW, region: scope || undefined }).matches.map((m) => m.ticketId);
    expect(run(POST_A)).toEqual(['pileg-dpr-2024-1801/uji/2']);
    expect(run(POST_B)).toEqual([]);
  });

  it('the person’s own region wins over the policy’s; with neither, nothing is scoped', async () => {
    const { publishIndex } = await import('../../lib/background/index-builder');
    const { INDEX_KEY } = await import('../../lib/guard/index-store');
    const settings = { ...DEFAULT_SETTINGS, region: '1871' };
    const region = effectiveSource(settings, parseManaged({ region: '1811' })).region;
    expect(region).toBe('1871');
    await publishIndex(list(true), settings, NOW, region);
    expect(scopeRegion(settings, stored[INDEX_KEY] as StoredIndex)).toBe('1871');
    // an index published before the person cleared their region: the person's '' falls back to it
    expect(scopeRegion({ region: '' }, stored[INDEX_KEY] as StoredIndex)).toBe('1871');
    expect(scopeRegion({ region: '' }, null)).toBe('');
    await publishIndex(list(true), { ...DEFAULT_SETTINGS, region: '' }, NOW);
    expect(scopeRegion({ region: '' }, stored[INDEX_KEY] as StoredIndex)).toBe('');
  });
});
