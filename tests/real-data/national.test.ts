/**
 * The national list built from KPU's real 2024 exports, end to end: import → publish (signed
 * manifest + shards in a temp folder) → the updater, for a person in each seed region. Expected
 * values are read from the raw files independently of the importers (plain CSV/JSON reading), so a
 * wrong importer cannot agree with itself. Without the data folder the tier says so and passes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/list/csv';
import { formatKey } from '../../lib/list/signature';
import { generateSigningKey } from '../../lib/list/sign-node';
import type { CandidateList } from '../../lib/list/types';
import { createUpdater, MAX_SHARDS } from '../../lib/list/updater';
import { type PublishFigures, publish } from '../../scripts/list/publish';
import { MemoryStore } from '../unit/list/helpers/memory-store';

const REPO = resolve(__dirname, '../..');
const DATA = process.env.JN_REAL_DATA ?? resolve(REPO, '../shared/data');
const present = existsSync(join(DATA, 'pileg2024')) && existsSync(join(DATA, 'pilkada2024'));

if (!present) console.log('skipped: ../shared/data absent');

/** Seed regions: the four named kabupaten and one Sulawesi Selatan regency (Gowa). */
const SEEDS: [string, string][] = [
  ['1811', 'Mesuji'],
  ['1702', 'Rejang Lebong'],
  ['1906', 'Belitung Timur'],
  ['1607', 'Banyuasin'],
  ['7306', 'Gowa'],
];

describe.skipIf(!present)('national list from KPU’s 2024 exports', () => {
  let tmp: string;
  let keyLine: string;
  /** `dapil`: every dapil its own shard (--layout dapil); `auto`: the default, within the updater's shard cap */
  const sites = { dapil: '', auto: '' };
  const figures = {} as Record<keyof typeof sites, PublishFigures>;
  const printed: string[] = [];
  // raw facts, read without the importers
  const raw = {
    dct: [] as { jenis: string; dapil: string; party: string; no: string }[],
    dapil: [] as { jenis: string; dapil: string; area: string; split: boolean }[],
    paslon: [] as { region: string; no: string; kk: boolean }[],
    kecamatan: [] as string[],
  };

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jn-real-'));
    const k = generateSigningKey('real-data-test');
    writeFileSync(join(tmp, 'k.key'), JSON.stringify(k.privateFile));
    keyLine = formatKey(k.publicKey);
    for (const layout of ['dapil', 'auto'] as const) {
      sites[layout] = join(tmp, layout);
      const r = await publish(
        ['--data', DATA, '--out', sites[layout], '--key', join(tmp, 'k.key'), '--sequence', '2', '--quiet'].concat([
          '--layout',
          layout,
        ]),
        { out: (l) => printed.push(l), err: () => {}, cwd: REPO },
        REPO,
      );
      expect(r.code).toBe(0);
      figures[layout] = r.figures!;
    }
    const dct = parseCsv(gunzipSync(readFileSync(join(DATA, 'pileg2024/dct_2024.csv.gz'))).toString('utf8'));
    raw.dct = dct.rows.map(({ cells: c }) => ({ jenis: c[0]!, dapil: c[1]!, party: c[3]!, no: c[6]! }));
    raw.dapil = parseCsv(readFileSync(join(DATA, 'pileg2024/dapil_wilayah.csv'), 'utf8')).rows.map(({ cells: c }) => ({
      jenis: c[0]!,
      dapil: c[1]!,
      area: c[3]!,
      split: c[6] === 'True',
    }));
    const pk = parseCsv(readFileSync(join(DATA, 'pilkada2024/paslon_pilkada2024.csv'), 'utf8'));
    raw.paslon = pk.rows.map(({ cells: c }) => ({ region: c[2]!, no: c[7]!, kk: c[10] === '1' }));
    raw.kecamatan = parseCsv(readFileSync(join(DATA, 'wilayah/kemendagri_2025_l1-l3.csv'), 'utf8'))
      .rows.map(({ cells: c }) => c[1]!)
      .filter((c) => c.length === 6);
  });
  afterAll(() => {
    console.log(printed.join('\n'));
    rmSync(tmp, { recursive: true, force: true });
  });

  it('imports every region, ballot entry and candidate, and drops no row', () => {
    expect(figures.auto.counts).toEqual(figures.dapil.counts);
    const c = figures.dapil.counts;
    expect(c.pilkadaRegions).toBe(545); // 37 provinces + 415 kabupaten + 93 kota
    expect(c.pilkadaEntries).toBe(1594); // 1,557 tickets + 37 kolom kosong
    expect(c.kolomKosong).toBe(37);
    expect(c.caleg).toBe(258_229);
    expect(c.byType).toMatchObject({
      pilpres: 3,
      pilgub: 104,
      pileg_dpr: 9917,
      pileg_dpd: 668,
      pileg_dprd_prov: 32_861,
      pileg_dprd_kabkota: 214_783,
    });
    expect(c.byType.pilbup! + c.byType.pilwalkot!).toBe(1594 - 104);
    expect(c.dapils).toBe(2710); // 84 DPR + 301 DPRD provinsi + 2,325 DPRD kab/kota
    expect(figures.dapil.skipped).toBe(0);
    // shards: national, 38 provinces, a kab/kota shard per Pilkada regency/city, one per dapil
    expect(figures.dapil).toMatchObject({ layout: 'dapil', shards: 1 + 38 + 508 + 84 + 301 + 2325 });
    // the default stays within the updater's cap: DPRD kab/kota dapils inside their kab/kota shard
    expect(figures.auto).toMatchObject({ layout: 'kab', shards: 1 + 38 + 508 + 84 + 301 });
    expect(figures.auto.shards).toBeLessThanOrEqual(MAX_SHARDS);
  });

  const fetchFrom = (origin: string, out: string) => async (url: string) => {
    const path = url.slice(origin.length);
    const file = join(out, path);
    if (!existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(readFileSync(file), { status: 200, headers: { 'content-type': 'application/json' } });
  };

  async function listFor(site: keyof typeof sites, region: string): Promise<CandidateList> {
    const origin = 'https://lists.example.go.id/';
    const updater = createUpdater({
      fetch: fetchFrom(origin, sites[site]),
      // the dapil layout names 3,257 shards: above the shipped cap (MAX_SHARDS), raised here
      ...(site === 'dapil' ? { limits: { maxShards: 4096 } } : {}),
      store: new MemoryStore(),
      now: () => Date.parse('2024-10-01T00:00:00Z'),
      random: () => 0.5,
      loadBundled: async () => JSON.parse(readFileSync(join(REPO, 'public/lists/bundled.json'), 'utf8')),
      getSource: () => ({ url: `${origin}LIST.json`, keys: keyLine, region }),
    });
    const s = await updater.updateNow();
    expect(s.error, region).toBeUndefined();
    expect(s).toMatchObject({ source: 'remote', signed: true, sequence: 2 });
    return (await updater.getActiveList()).list;
  }

  /** What a person in `kab` (and in `kec`, when given) should get, from the raw files alone. */
  function expected(kab: string, kec?: string): Map<string, string[]> {
    const prov = kab.slice(0, 2);
    const want = new Map<string, string[]>();
    const ballots = (jenis: string, dapil: string) =>
      raw.dct
        .filter((r) => r.jenis === jenis && r.dapil === dapil)
        .map((r) => (r.party ? `${r.party}/${r.no}` : r.no))
        .sort();
    const pilkada = (code: string) =>
      raw.paslon
        .filter((p) => p.region === code)
        .map((p) => p.no)
        .sort();
    want.set('pilpres-2024', ['1', '2', '3']);
    want.set(`pilgub-2024-${prov}`, pilkada(prov));
    want.set(`${Number(kab.slice(2)) >= 71 ? 'pilwalkot' : 'pilbup'}-2024-${kab}`, pilkada(kab));
    want.set(`pileg-dpd-2024-${prov}`, ballots('DPD', prov));
    const dapils = (jenis: string, match: (area: string) => boolean) => [
      ...new Set(raw.dapil.filter((d) => d.jenis === jenis && !d.split && match(d.area)).map((d) => d.dapil)),
    ];
    for (const d of dapils('DPR RI', (a) => a === kab || a.startsWith(kab)))
      want.set(`pileg-dpr-2024-${d}`, ballots('DPR RI', d));
    for (const d of dapils('DPRD PROVINSI', (a) => a === kab || a.startsWith(kab)))
      want.set(`pileg-dprd-prov-2024-${d}`, ballots('DPRD PROVINSI', d));
    for (const d of dapils('DPRD KABUPATEN/KOTA', (a) => a.startsWith(kec ?? kab)))
      want.set(`pileg-dprd-kabkota-2024-${d}`, ballots('DPRD KABUPATEN/KOTA', d));
    return want;
  }

  const got = (list: CandidateList): Map<string, string[]> =>
    new Map(
      list.elections.map((e) => [
        e.id,
        e.tickets
          .map((t) => {
            const party = list.parties?.find((p) => p.id === t.party_ids?.[0]);
            return party?.number !== undefined ? `${party.number}/${t.number}` : String(t.number);
          })
          .sort(),
      ]),
    );

  for (const [kab, name] of SEEDS) {
    it(`a person in ${name} (${kab}), and in one of its kecamatan, gets exactly their seven ballots`, async () => {
      const kec = raw.kecamatan.find((k) => k.startsWith(kab) && raw.dapil.some((d) => d.area.startsWith(k)))!;
      expect(kec).toBeDefined();
      // the default layout: a kecamatan gets every DPRD dapil of its kab/kota
      for (const region of [kab, kec]) expect(got(await listFor('auto', region))).toEqual(expected(kab));
      for (const region of [kab, kec]) {
        const list = await listFor('dapil', region);
        const want = expected(kab, region === kec ? kec : undefined);
        expect(got(list)).toEqual(want);
        const types = new Set(list.elections.map((e) => e.type));
        expect([...types].sort()).toEqual(
          [
            'pilpres',
            'pilgub',
            Number(kab.slice(2)) >= 71 ? 'pilwalkot' : 'pilbup',
            'pileg_dpr',
            'pileg_dpd',
            'pileg_dprd_prov',
            'pileg_dprd_kabkota',
          ].sort(),
        );
        // every dapil says which regions it covers; the merged list names the regions for the picker
        for (const e of list.elections.filter((x) => x.region.level === 'dapil'))
          expect(
            e.region.areas?.some((a) => a.startsWith(kab) || kab.startsWith(a)),
            e.id,
          ).toBe(true);
        expect(list.regions?.filter((r) => r.code.length === 6 && r.code.startsWith(kab)).length).toBe(
          raw.kecamatan.filter((k) => k.startsWith(kab)).length,
        );
        expect(list.regions).toHaveLength(38 + 514 + raw.kecamatan.length);
        if (region === kec) {
          expect(list.elections.filter((e) => e.type === 'pileg_dprd_kabkota')).toHaveLength(1);
          printed.push(
            `  ${name} ${kab}, kecamatan ${kec}: ${list.elections.map((e) => `${e.id} (${e.tickets.length})`).join(', ')}`,
          );
          for (const e of list.elections.filter((x) => x.type !== 'pileg_dprd_kabkota' && x.tickets.length <= 4))
            printed.push(
              `    ${e.id}: ${e.tickets.map((t) => `${t.label} ${t.kind === 'empty_column' ? 'kolom kosong' : t.members.map((m) => m.name).join(' – ')}`).join(' · ')}`,
            );
        }
      }
    });
  }
});
