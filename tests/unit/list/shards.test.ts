import { describe, expect, it } from 'vitest';
import {
  chooseShards,
  mergeShards,
  resolveShardUrl,
  scopeOfElection,
  scopesForRegion,
  sha256Hex,
  splitIntoShards,
} from '../../../lib/list/shards';
import { formatKey } from '../../../lib/list/signature';
import { generateSigningKey, renderSignature, signBytes } from '../../../lib/list/sign-node';
import type { CandidateList, CandidateManifest, Election, ElectionType, RegionLevel } from '../../../lib/list/types';
import { createUpdater } from '../../../lib/list/updater';
import { validateList } from '../../../lib/list/validate';
import { minimalList } from './fixtures';
import { serve, useHttpsServer } from './helpers/https-server';
import { MemoryStore } from './helpers/memory-store';

function election(id: string, type: ElectionType, code: string, level: RegionLevel): Election {
  const pair = !type.startsWith('pileg');
  return {
    id,
    type,
    name: id,
    region: { code, name: code, level },
    voting_date: '2024-11-27',
    window: { from: '2024-08-27', until: '2024-12-31' },
    tickets: [
      {
        id: `${id}/1`,
        number: 1,
        party_ids: ['gerindra'],
        members: pair
          ? [
              { id: `${id}-a`, role: 'cagub', name: 'Satu Dua' },
              { id: `${id}-b`, role: 'cawagub', name: 'Tiga Empat' },
            ]
          : [{ id: `${id}-c`, role: 'caleg', name: 'Lima Enam' }],
      },
    ],
  };
}

const national = minimalList({
  list_id: 'test/national',
  sequence: 7,
  elections: [
    election('pilpres-2024', 'pilpres', '00', 'nasional'),
    election('pilgub-2024-32', 'pilgub', '32', 'provinsi'),
    election('pilgub-2024-31', 'pilgub', '31', 'provinsi'),
    election('pilwalkot-2024-3273', 'pilwalkot', '3273', 'kota'),
    election('pilbup-2024-3201', 'pilbup', '3201', 'kabupaten'),
    election('pileg-dpr-2024-3201', 'pileg_dpr', '3201', 'dapil'),
    election('pileg-dprd-prov-2024-320001', 'pileg_dprd_prov', '320001', 'dapil'),
    election('pileg-dprd-kabkota-2024-327301', 'pileg_dprd_kabkota', '327301', 'dapil'),
    election('pileg-dpd-2024-32', 'pileg_dpd', '32', 'provinsi'),
  ],
});

describe('scopes', () => {
  it('puts each election in the national, province or regency/city shard', () => {
    expect(Object.fromEntries(national.elections.map((e) => [e.id, scopeOfElection(e)]))).toEqual({
      'pilpres-2024': '00',
      'pilgub-2024-32': '32',
      'pilgub-2024-31': '31',
      'pilwalkot-2024-3273': '3273',
      'pilbup-2024-3201': '3201',
      // a DPR dapil code looks like a regency code but is a district of the province
      'pileg-dpr-2024-3201': '32',
      'pileg-dprd-prov-2024-320001': '32',
      'pileg-dprd-kabkota-2024-327301': '3273',
      'pileg-dpd-2024-32': '32',
    });
  });

  it('takes national, the province and the regency/city of the user, or all', () => {
    expect(scopesForRegion('3273')).toEqual(['00', '32', '3273']);
    expect(scopesForRegion('32')).toEqual(['00', '32']);
    expect(scopesForRegion('')).toEqual(['00']);
    expect(scopesForRegion('32.73')).toEqual(['00']);
    const m = {
      shards: ['00', '31', '32', '3201', '3273'].map((scope) => ({
        scope,
        path: `${scope}.json`,
        sha256: '0'.repeat(64),
      })),
    } as CandidateManifest;
    expect(chooseShards(m, { region: '3273' }).map((s) => s.scope)).toEqual(['00', '32', '3273']);
    expect(chooseShards(m, { region: '', all: true })).toHaveLength(5);
  });
});

describe('resolveShardUrl', () => {
  const base = 'https://lists.example.id/pemilu/LIST.json';
  it('resolves relative paths against the manifest', () => {
    expect(resolveShardUrl(base, 'prov/32.json')).toEqual({
      ok: true,
      url: 'https://lists.example.id/pemilu/prov/32.json',
    });
    expect(resolveShardUrl(base, '../other/x.json')).toEqual({
      ok: true,
      url: 'https://lists.example.id/other/x.json',
    });
  });
  it('refuses paths that leave the origin or HTTPS', () => {
    for (const p of ['https://evil.example/x.json', '//evil.example/x.json', 'https://lists.example.id:8443/x.json']) {
      const r = resolveShardUrl(base, p);
      expect(r.ok ? '' : r.reason).toMatch(
        /leaves the manifest's origin https:\/\/lists\.example\.id; shards must be on the same host/,
      );
    }
    const r = resolveShardUrl(base, 'http://lists.example.id/x.json');
    expect(r.ok ? '' : r.reason).toMatch(/not served over HTTPS/);
    const j = resolveShardUrl(base, 'javascript:alert(1)');
    expect(j.ok).toBe(false);
  });
});

describe('split and merge', () => {
  it('splits a list into valid shards and merges them back', () => {
    const shards = splitIntoShards(national);
    expect(shards.map((s) => s.path)).toEqual([
      'national.json',
      'prov/31.json',
      'prov/32.json',
      'kab/3201.json',
      'kab/3273.json',
    ]);
    for (const s of shards) expect(validateList(s.list).ok, s.path).toBe(true);
    expect(shards[0]!.list.keywords).toEqual(national.keywords);
    const m = { ...national, format: 'jaga-netral/candidate-manifest', shards: [] } as unknown as CandidateManifest;
    const merged = mergeShards(
      m,
      shards.map((s) => s.list),
    );
    expect(merged.ok).toBe(true);
    if (merged.ok)
      expect(merged.list.elections.map((e) => e.id).sort()).toEqual(national.elections.map((e) => e.id).sort());
  });

  it('catches a ticket id duplicated across shards', () => {
    const [a, b] = splitIntoShards(national);
    const dup: CandidateList = {
      ...b!.list,
      elections: [{ ...b!.list.elections[0]!, id: 'other', tickets: a!.list.elections[0]!.tickets }],
    };
    const m = { ...national, format: 'jaga-netral/candidate-manifest', shards: [] } as unknown as CandidateManifest;
    const r = mergeShards(m, [a!.list, dup]);
    expect(r.ok ? '' : r.errors[0]!.message).toMatch(
      /"pilpres-2024\/1" is already used by elections\[0\]\.tickets\[0\]/,
    );
  });
});

describe('updater with a manifest and shards (local HTTPS)', () => {
  const srv = useHttpsServer();
  const key = generateSigningKey('pemilu');

  async function host(list: CandidateList, tamper?: (path: string, body: Uint8Array) => Uint8Array) {
    const shards = splitIntoShards(list);
    const refs = [];
    for (const s of shards) {
      const body = new TextEncoder().encode(JSON.stringify(s.list));
      refs.push({ path: s.path, scope: s.scope, sha256: await sha256Hex(body), bytes: body.byteLength });
      srv.routes.set(`/pemilu/${s.path}`, serve(tamper ? tamper(s.path, body) : body));
    }
    const manifest: CandidateManifest = {
      format: 'jaga-netral/candidate-manifest',
      format_version: 1,
      list_id: list.list_id,
      sequence: list.sequence,
      issued_at: list.issued_at,
      expires_at: list.expires_at,
      publisher: list.publisher,
      shards: refs,
    };
    const mb = new TextEncoder().encode(JSON.stringify(manifest));
    srv.routes.set('/pemilu/LIST.json', serve(mb, { etag: `"m${list.sequence}"` }));
    srv.routes.set('/pemilu/LIST.json.sig', serve(renderSignature(signBytes(mb, key.privateFile))));
  }

  function make(region: string) {
    const source = { url: `${srv.origin}/pemilu/LIST.json`, keys: formatKey(key.publicKey), region };
    const updater = createUpdater({
      fetch: srv.fetch,
      store: new MemoryStore(),
      now: () => Date.parse('2024-10-01T00:00:00Z'),
      random: () => 0.5,
      loadBundled: async () => minimalList({ list_id: 'bundled' }),
      getSource: () => source,
    });
    return { updater, source };
  }

  it('fetches only the national, province and regency/city shards of the user', async () => {
    await host(national);
    const { updater } = make('3273');
    const s = await updater.updateNow();
    expect(s).toMatchObject({ state: 'ok', listId: 'test/national', sequence: 7, signed: true });
    expect(srv.log.map((l) => l.path)).toEqual([
      '/pemilu/LIST.json',
      '/pemilu/LIST.json.sig',
      '/pemilu/national.json',
      '/pemilu/prov/32.json',
      '/pemilu/kab/3273.json',
    ]);
    const ids = (await updater.getActiveList()).list.elections.map((e) => e.id);
    expect(ids).toContain('pilwalkot-2024-3273');
    expect(ids).not.toContain('pilgub-2024-31');
    expect(ids).not.toContain('pilbup-2024-3201');
  });

  it('a changed region fetches what it needs, even with the same manifest', async () => {
    await host(national);
    const { updater, source } = make('3273');
    await updater.updateNow();
    source.region = '31';
    srv.log.length = 0;
    const s = await updater.updateNow();
    expect(s).toMatchObject({ state: 'ok', sequence: 7 });
    expect(srv.log.map((l) => l.path)).toEqual([
      '/pemilu/LIST.json',
      '/pemilu/LIST.json.sig',
      '/pemilu/national.json',
      '/pemilu/prov/31.json',
    ]);
    expect(srv.log[0]!.ifNoneMatch).toBeUndefined();
    const ids = (await updater.getActiveList()).list.elections.map((e) => e.id);
    expect(ids).toContain('pilgub-2024-31');
    expect(ids).not.toContain('pilwalkot-2024-3273');
    // and with the region unchanged, the manifest's ETag answers 304
    srv.log.length = 0;
    expect((await updater.updateNow()).state).toBe('ok');
    expect(srv.log).toEqual([{ path: '/pemilu/LIST.json', ifNoneMatch: '"m7"', ifModifiedSince: undefined }]);
  });

  it('refuses a shard whose bytes do not match the manifest hash', async () => {
    await host(national, (path, body) => (path === 'prov/32.json' ? body.map((b) => (b === 0x31 ? 0x32 : b)) : body));
    const { updater } = make('32');
    const s = await updater.updateNow();
    expect(s).toMatchObject({ state: 'error', source: 'bundled' });
    expect(s.error).toBe('shard prov/32.json does not match its SHA-256 in the manifest');
  });

  it('refuses a shard of another release', async () => {
    const shards = splitIntoShards(national);
    await host(national);
    // re-host one shard claiming another sequence, with a manifest hash that matches it
    const odd = new TextEncoder().encode(JSON.stringify({ ...shards[2]!.list, sequence: 6 }));
    srv.routes.set('/pemilu/prov/32.json', serve(odd));
    const m = JSON.parse(await (await srv.fetch(`${srv.origin}/pemilu/LIST.json`)).text()) as CandidateManifest;
    const ref = m.shards.find((s) => s.path === 'prov/32.json')!;
    ref.sha256 = await sha256Hex(odd);
    ref.bytes = odd.byteLength;
    const mb = new TextEncoder().encode(JSON.stringify(m));
    srv.routes.set('/pemilu/LIST.json', serve(mb));
    srv.routes.set('/pemilu/LIST.json.sig', serve(renderSignature(signBytes(mb, key.privateFile))));
    const s = await make('32').updater.updateNow();
    expect(s.error).toBe('shard prov/32.json has sequence 6; the manifest has 7');
  });
});
