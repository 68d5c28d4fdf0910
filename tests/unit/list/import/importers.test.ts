import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Calendar, Calendars, checkCalendar, windowOf } from '../../../../lib/list/import/calendar';
import { importDapilWilayah } from '../../../../lib/list/import/dapil-wilayah';
import { importDct } from '../../../../lib/list/import/dct';
import { importParties } from '../../../../lib/list/import/parties';
import { importPilpres } from '../../../../lib/list/import/pilpres';
import { ImportReport } from '../../../../lib/list/import/report';
import { importSirekapPaslon } from '../../../../lib/list/import/sirekap-paslon';
import { importWilayah } from '../../../../lib/list/import/wilayah';
import { DAPIL_CSV, DCT_CSV, PARPOL_JSON, PILPRES_CSV, PKWKK_JSON, PKWKP_JSON, WILAYAH_CSV } from './samples';

const CAL_DIR = join(__dirname, '../../../../lib/list/calendars');
const CALENDARS: Calendar[] = readdirSync(CAL_DIR)
  .filter((n) => n.endsWith('.json'))
  .map((n) => JSON.parse(readFileSync(join(CAL_DIR, n), 'utf8')) as Calendar);
const calendars = new Calendars(CALENDARS);

describe('calendars (lib/list/calendars/*.json)', () => {
  it('every committed calendar is complete, dated and sourced, and covers every election type once', () => {
    for (const c of CALENDARS) expect(checkCalendar(c), c.id).toEqual([]);
    const types = CALENDARS.flatMap((c) => c.types).sort();
    expect(types).toEqual(
      [
        'pileg_dpd',
        'pileg_dpr',
        'pileg_dprd_kabkota',
        'pileg_dprd_prov',
        'pilbup',
        'pilgub',
        'pilpres',
        'pilwalkot',
      ].sort(),
    );
  });
  it('the window runs from registration to the end of the disputes, determined at KPU’s determination', () => {
    const pilkada = calendars.get('pilbup')!;
    expect(windowOf(pilkada)).toEqual({ from: '2024-08-27', until: '2025-02-24', determined_at: '2024-09-22' });
    expect(pilkada.phases.voting.date).toBe('2024-11-27');
  });
  it('names what is wrong with a bad calendar', () => {
    const bad = structuredClone(CALENDARS[0]!) as unknown as { phases: Record<string, Record<string, string>> };
    bad.phases.voting!.date = '2024-02-30';
    delete bad.phases.campaign!.source;
    expect(checkCalendar(bad)).toEqual([
      'phases.campaign has no "source"',
      'phases.voting.date: "2024-02-30" is not a date',
    ]);
  });
});

describe('importWilayah', () => {
  it('reads provinces, kabupaten, kota (by the 71+ rule) and kecamatan; reports bad rows, notes villages', () => {
    const r = new ImportReport();
    const w = importWilayah(WILAYAH_CSV, r);
    expect(w.get('18')).toEqual({ code: '18', name: 'Lampung', level: 'provinsi' });
    expect(w.get('1811')?.level).toBe('kabupaten');
    expect(w.get('1871')?.level).toBe('kota');
    expect(w.get('181101')?.level).toBe('kecamatan');
    expect(w.has('1811032001')).toBe(false);
    expect(r.skipped).toEqual([
      expect.objectContaining({ source: 'wilayah', where: 'line 11', reason: expect.stringContaining('"1x"') }),
    ]);
    expect(r.notes).toEqual(['wilayah: 1 village rows (10-digit codes) are not used']);
  });
});

describe('importParties', () => {
  it('maps KPU party names to the short ids and keeps ballot numbers; a repeated number is reported', () => {
    const r = new ImportReport();
    const t = importParties(JSON.parse(PARPOL_JSON), r);
    expect(t.parties).toEqual([
      { id: 'pkb', number: 1, name: 'Partai Kebangkitan Bangsa', abbrev: 'PKB' },
      { id: 'golkar', number: 4, name: 'Partai Golongan Karya', abbrev: 'Golkar' },
      { id: 'contoh-baru', number: 25, name: 'Partai Contoh Baru' },
    ]);
    expect(t.byKpuId.get('9')?.id).toBe('golkar');
    expect(r.skipped).toEqual([
      expect.objectContaining({ where: 'entry 3', reason: 'ballot number 4 is already Partai Golongan Karya' }),
    ]);
  });
});

describe('importSirekapPaslon', () => {
  const wilayah = importWilayah(WILAYAH_CSV, new ImportReport());
  it('governors: pairs with roles, natural names, printed names, nicknames and the calendar window', () => {
    const r = new ImportReport();
    const [e, ...rest] = importSirekapPaslon(JSON.parse(PKWKP_JSON), { wilayah, calendars, source: 'pkwkp' }, r);
    expect(rest).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(e).toMatchObject({
      id: 'pilgub-2024-18',
      type: 'pilgub',
      name: 'Pemilihan Gubernur dan Wakil Gubernur Lampung 2024',
      region: { code: '18', name: 'Lampung', level: 'provinsi' },
      voting_date: '2024-11-27',
      window: { from: '2024-08-27', until: '2025-02-24', determined_at: '2024-09-22' },
    });
    const t2 = e!.tickets[1]!;
    expect(t2).toMatchObject({ id: 'pilgub-2024-18/2', number: 2, label: '02' });
    expect(t2.members).toEqual([
      { id: 'ruslan-efendi-18', role: 'cagub', name: 'Ruslan Efendi', official_name: 'Hi. RUSLAN EFENDI, S.E.' },
      {
        id: 'ratna-sari-18',
        role: 'cawagub',
        name: 'Ratna Sari',
        official_name: 'NY. RATNA SARI (BUNDA RATNA)',
        aliases: [{ text: 'Bunda Ratna', strength: 'medium' }],
      },
    ]);
  });

  it('regents and mayors by the kota rule, kolom kosong as empty_column, every bad entry reported', () => {
    const r = new ImportReport();
    const es = importSirekapPaslon(JSON.parse(PKWKK_JSON), { wilayah, calendars, source: 'pkwkk' }, r);
    expect(es.map((e) => [e.id, e.type, e.region.level, e.tickets.length])).toEqual([
      ['pilbup-2024-1811', 'pilbup', 'kabupaten', 2],
      ['pilwalkot-2024-1871', 'pilwalkot', 'kota', 2],
    ]);
    expect(es[0]!.name).toBe('Pemilihan Bupati dan Wakil Bupati Mesuji 2024');
    expect(es[0]!.tickets[1]!.members.map((m) => [m.role, m.name, m.aliases])).toEqual([
      ['cabup', 'Mahmud', [{ text: 'Gus Mahmud', strength: 'medium' }]],
      ['cawabup', 'Wayan Sudarsa', undefined],
    ]);
    expect(es[1]!.tickets[1]).toEqual({
      id: 'pilwalkot-2024-1871/kolom-kosong',
      number: 2,
      label: '02',
      kind: 'empty_column',
      warn: false,
      members: [],
    });
    expect(r.skipped.map((s) => [s.where, s.reason])).toEqual([
      ['region 1811 entry 2000103', 'expected "CALON - WAKIL" (two names joined by " - ")'],
      ['region 1811 entry 2000104', 'nomor_urut "tiga" is not a whole number ≥ 1'],
      ['region 1899', 'the region code is not in the Kemendagri list (nor in KPU region names)'],
    ]);
  });
});

describe('importPilpres', () => {
  it('reads the presidential tickets with their own calendar', () => {
    const r = new ImportReport();
    const [e] = importPilpres(PILPRES_CSV, calendars, r);
    expect(e).toMatchObject({
      id: 'pilpres-2024',
      voting_date: '2024-02-14',
      region: { code: '00', level: 'nasional' },
    });
    expect(e!.window).toEqual({ from: '2023-10-19', until: '2024-04-22', determined_at: '2023-11-13' });
    expect(e!.tickets[0]!.members.map((m) => m.name)).toEqual(['Ahmad Contoh', 'A. Budi Sampel']);
    expect(r.skipped).toEqual([]);
  });
});

describe('importDct', () => {
  const wilayah = importWilayah(WILAYAH_CSV, new ImportReport());
  const parties = importParties(JSON.parse(PARPOL_JSON), new ImportReport());
  const run = () => {
    const r = new ImportReport();
    const res = importDct(
      DCT_CSV,
      { calendars, wilayah, partiesByKpuId: parties.byKpuId, partiesByNumber: parties.byNumber, source: 'dct' },
      r,
    );
    return { r, res };
  };

  it('one election per dapil and type, one ticket per candidate keyed by party and number', () => {
    const { res } = run();
    expect(res.candidates).toBe(10);
    expect(res.elections.map((e) => [e.id, e.type, e.region.level, e.tickets.length])).toEqual([
      ['pileg-dpr-2024-1802', 'pileg_dpr', 'dapil', 3],
      ['pileg-dpd-2024-18', 'pileg_dpd', 'provinsi', 2],
      ['pileg-dprd-prov-2024-180006', 'pileg_dprd_prov', 'dapil', 1],
      ['pileg-dprd-kabkota-2024-181101', 'pileg_dprd_kabkota', 'dapil', 2],
      ['pileg-dprd-kabkota-2024-181102', 'pileg_dprd_kabkota', 'dapil', 1],
      ['pileg-dprd-kabkota-2024-187101', 'pileg_dprd_kabkota', 'dapil', 1],
    ]);
    const dpr = res.elections[0]!;
    expect(dpr.name).toBe('Pemilihan Anggota DPR 2024 Dapil Lampung II');
    expect(dpr.region.name).toBe('Lampung II');
    expect(dpr.window).toEqual({ from: '2023-05-01', until: '2024-06-10', determined_at: '2023-11-03' });
    expect(dpr.tickets[2]).toEqual({
      id: 'pileg-dpr-2024-1802/golkar/1',
      number: 1,
      label: '1',
      party_ids: ['golkar'],
      members: [
        {
          id: 'hendra-wijaya-1802-4-1',
          role: 'caleg',
          name: 'Hendra Wijaya',
          official_name: 'Kombes. Pol. (Purn.) Dr. HENDRA WIJAYA (BANG HENDRA), M.Si.',
          aliases: [{ text: 'Bang Hendra', strength: 'medium' }],
        },
      ],
    });
    const dpd = res.elections[1]!;
    expect(dpd.region).toEqual({ code: '18', name: 'Lampung', level: 'provinsi' });
    expect(dpd.tickets[0]).toMatchObject({
      id: 'pileg-dpd-2024-18/1',
      members: [{ role: 'calon_dpd', name: 'Zulfikar' }],
    });
    expect(dpd.tickets[0]!.party_ids).toBeUndefined();
    expect(res.parties.map((p) => p.id)).toEqual(['pkb', 'golkar']);
  });

  it('reports every row it cannot import, with the line and the reason', () => {
    const { r } = run();
    expect(r.skipped.map((s) => [s.where, s.reason])).toEqual([
      ['line 10', 'ballot number 3 of Partai Kebangkitan Bangsa is already taken in this dapil'],
      ['line 13', 'jenis "DPRD KECAMATAN" is not DPR RI, DPD, DPRD PROVINSI or DPRD KABUPATEN/KOTA'],
      ['line 14', 'kode_dapil "18021" does not have the length of a DPR dapil code'],
      ['line 15', 'nomor_urut "x" is not a whole number ≥ 1'],
      ['line 16', 'no name'],
      ['line 17', 'no party (partai_id_kpu, partai_nomor_urut or partai) for a DPR/DPRD candidate'],
    ]);
    expect(r.skipped[0]!.text).toContain('SUPRAPTO KEMBAR');
    expect(r.notes).toEqual([expect.stringContaining('1 party lists have gaps in their ballot numbers')]);
  });
});

describe('importDapilWilayah', () => {
  it('maps each dapil to its areas; a split kecamatan stands for its desa; bad rows reported', () => {
    const r = new ImportReport();
    const d = importDapilWilayah(DAPIL_CSV, 2024, r);
    expect(Object.fromEntries(d.areas)).toEqual({
      'pileg-dpr-2024-1802': ['1811'],
      'pileg-dpr-2024-1801': ['1871'],
      'pileg-dprd-prov-2024-180006': ['1811'],
      'pileg-dprd-prov-2024-180001': ['1871'],
      'pileg-dprd-kabkota-2024-181101': ['181101', '1811032001'],
      'pileg-dprd-kabkota-2024-181102': ['181102', '1811032002'],
      'pileg-dprd-kabkota-2024-187101': ['187101'],
    });
    expect(r.skipped.map((s) => [s.where, s.reason])).toEqual([
      ['line 13', 'jenis_dapil "DPRD KECAMATAN" is not DPR RI, DPRD PROVINSI or DPRD KABUPATEN/KOTA'],
      ['line 14', 'kode_wilayah "18-11" is not a kabupaten/kota, kecamatan or desa code'],
    ]);
  });
});
