/**
 * A small, self-contained reader of the real 2024 candidate data laid out as the real-data folder
 * beside the repository holds it
 * (Sirekap Pilkada paslon CSV, Pilpres CSV, KPU DCT CSV.gz, parties JSON, dapil → wilayah CSV):
 * only the fields the matcher figures need (names, ballot numbers, parties, regions, dapil). It
 * builds candidate lists IN MEMORY for the bench and the optional real-data tests; nothing it
 * builds is written anywhere. The maintainer CLI's importers are the real pipeline; this is not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CandidateList, Election, ElectionType, Party, Person, Ticket } from '../../lib/list/types';

/** The real-data folder: `$JN_REAL_DATA`, or `shared/data` beside the repository root. */
export function dataDir(root = process.cwd()): string | null {
  const dir = process.env.JN_REAL_DATA ?? join(root, '..', 'shared', 'data');
  return existsSync(join(dir, 'pileg2024', 'dct_2024.csv.gz')) ? dir : null;
}

/** RFC 4180 rows (quoted fields, doubled quotes). */
function csv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else q = false;
      } else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  const header = rows.shift() ?? [];
  return rows
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
}

/**
 * Abbreviations people write for the 2024 parties, by KPU ballot number (public facts; KPU's
 * party file has full names only).
 */
const ABBREV: Record<number, string[]> = {
  1: ['PKB'],
  2: ['Gerindra'],
  3: ['PDI-P', 'PDIP', 'PDI Perjuangan'],
  4: ['Golkar'],
  5: ['NasDem'],
  6: ['Partai Buruh'],
  7: ['Gelora'],
  8: ['PKS'],
  9: ['PKN'],
  10: ['Hanura'],
  11: ['Garuda'],
  12: ['PAN'],
  13: ['PBB'],
  14: ['Demokrat'],
  15: ['PSI'],
  16: ['Perindo'],
  17: ['PPP'],
  24: ['Ummat'],
};

const JENIS: Record<string, ElectionType> = {
  'DPR RI': 'pileg_dpr',
  DPD: 'pileg_dpd',
  'DPRD PROVINSI': 'pileg_dprd_prov',
  'DPRD KABUPATEN/KOTA': 'pileg_dprd_kabkota',
};
const OFFICE: Record<string, string> = {
  pileg_dpr: 'DPR RI',
  pileg_dpd: 'DPD RI',
  pileg_dprd_prov: 'DPRD Provinsi',
  pileg_dprd_kabkota: 'DPRD Kabupaten/Kota',
};

export const WINDOWS = {
  pileg: { from: '2023-11-28', until: '2024-02-10', determined_at: '2023-11-03' },
  pilkada: { from: '2024-09-25', until: '2024-11-23', determined_at: '2024-09-22' },
};
export const AT = {
  pileg: Date.parse('2024-01-20T10:00:00+07:00'),
  pilkada: Date.parse('2024-10-15T10:00:00+07:00'),
};

export interface RealData {
  elections: Election[];
  parties: Party[];
  /** dapil code → the kab/kota, kecamatan or desa codes it covers */
  dapilAreas: Map<string, string[]>;
  /** region code → Kemendagri name (provinces, kab/kota, kecamatan) */
  regionNames: Map<string, string>;
  /** person id → gender L/P (legislative candidates) */
  gender: Map<string, string>;
}

/**
 * Read everything. `naturalName` turns a printed name into the list's `name` (the bench passes
 * the one of the release it measures, as that release's `from-kpu` would).
 */
export function readRealData(dir: string, naturalName: (printed: string) => string): RealData {
  const gender = new Map<string, string>();
  let pid = 0;
  const person = (printed: string, role: Person['role'], g?: string): Person => {
    const name = naturalName(printed.trim()) || printed.trim();
    const p: Person = { id: `r${++pid}`, role, name };
    if (name !== printed) p.official_name = printed;
    if (g) gender.set(p.id, g);
    return p;
  };
  const regionNames = new Map<string, string>();
  for (const r of csv(readFileSync(join(dir, 'wilayah', 'kemendagri_2025_l1-l3.csv'), 'utf8')))
    regionNames.set(r.kode_tanpa_titik!, r.nama!);

  const parpol = JSON.parse(readFileSync(join(dir, 'pileg2024', 'parpol.json'), 'utf8')) as {
    id: number;
    nomor_urut: number;
    nama: string;
  }[];
  const parties: Party[] = parpol.map((p) => {
    const [abbrev, ...aliases] = ABBREV[p.nomor_urut] ?? [];
    const party: Party = { id: String(p.id), number: p.nomor_urut, name: p.nama };
    if (abbrev) party.abbrev = abbrev;
    if (aliases.length) party.aliases = aliases;
    return party;
  });

  const elections: Election[] = [];
  // Pilpres
  const pilpres = csv(readFileSync(join(dir, 'pilpres2024', 'paslon_pilpres2024.csv'), 'utf8'));
  elections.push({
    id: 'pilpres-2024',
    type: 'pilpres',
    name: 'Pemilihan Presiden dan Wakil Presiden 2024',
    region: { code: '00', name: 'Indonesia', level: 'nasional' },
    voting_date: '2024-02-14',
    window: WINDOWS.pileg,
    tickets: pilpres.map((r) => ({
      id: `pilpres-2024/${r.nomor_urut}`,
      number: Number(r.nomor_urut),
      label: `0${r.nomor_urut}`,
      kind: 'pair',
      members: [person(r.capres!, 'capres'), person(r.cawapres!, 'cawapres')],
    })),
  });
  // Pilkada
  const byRegion = new Map<string, Record<string, string>[]>();
  for (const r of csv(readFileSync(join(dir, 'pilkada2024', 'paslon_pilkada2024.csv'), 'utf8'))) {
    const l = byRegion.get(r.election_id!) ?? [];
    l.push(r);
    byRegion.set(r.election_id!, l);
  }
  for (const [id, rows] of byRegion) {
    const r0 = rows[0]!;
    const type = r0.type as ElectionType;
    const roles = {
      pilgub: ['cagub', 'cawagub'],
      pilbup: ['cabup', 'cawabup'],
      pilwalkot: ['cawalkot', 'cawawalkot'],
    }[type as 'pilgub'] as [Person['role'], Person['role']];
    const title = { pilgub: 'Gubernur', pilbup: 'Bupati', pilwalkot: 'Wali Kota' }[type as 'pilgub'];
    const regionName = r0.region_name_kemendagri || r0.region_name_kpu || r0.region_code!;
    elections.push({
      id,
      type,
      name: `Pemilihan ${title} ${regionName} 2024`,
      region: {
        code: r0.region_code!,
        name: regionName,
        level: type === 'pilgub' ? 'provinsi' : type === 'pilbup' ? 'kabupaten' : 'kota',
      },
      voting_date: '2024-11-27',
      window: WINDOWS.pilkada,
      tickets: rows.map(
        (r): Ticket =>
          r.kolom_kosong === '1'
            ? { id: `${id}/kk`, kind: 'empty_column', members: [] }
            : {
                id: `${id}/${r.nomor_urut}`,
                number: Number(r.nomor_urut),
                label: r.nomor_urut,
                kind: 'pair',
                members: [person(r.calon!, roles[0]), ...(r.wakil ? [person(r.wakil, roles[1])] : [])],
              },
      ),
    });
  }
  // DCT 2024: one election per dapil
  const dct = csv(gunzipSync(readFileSync(join(dir, 'pileg2024', 'dct_2024.csv.gz'))).toString('utf8'));
  const partyByKpu = new Map(parpol.map((p) => [String(p.id), String(p.id)]));
  const dapils = new Map<string, Election>();
  for (const r of dct) {
    const type = JENIS[r.jenis!];
    if (!type) continue;
    const code = r.kode_dapil!;
    const key = `${type}-${code}`;
    let el = dapils.get(key);
    if (!el) {
      el = {
        id: `${type}-2024-${code}`,
        type,
        name: `Pemilu ${OFFICE[type]} 2024 – Dapil ${titleCase(r.nama_dapil!)}`,
        region: { code, name: r.nama_dapil!, level: type === 'pileg_dpd' ? 'provinsi' : 'dapil' },
        voting_date: '2024-02-14',
        window: WINDOWS.pileg,
        tickets: [],
      };
      dapils.set(key, el);
    }
    const party = type === 'pileg_dpd' ? undefined : partyByKpu.get(r.partai_id_kpu!);
    const number = Number(r.nomor_urut);
    const t: Ticket = {
      id: `${key}/${party ?? 'dpd'}/${number}/${el.tickets.length}`,
      number,
      kind: 'individual',
      members: [person(r.nama!, type === 'pileg_dpd' ? 'calon_dpd' : 'caleg', r.jenis_kelamin)],
    };
    if (party) t.party_ids = [party];
    el.tickets.push(t);
  }
  elections.push(...dapils.values());

  const dapilAreas = new Map<string, string[]>();
  for (const r of csv(readFileSync(join(dir, 'pileg2024', 'dapil_wilayah.csv'), 'utf8'))) {
    const k = `${JENIS[r.jenis_dapil!] ?? r.jenis_dapil}-${r.kode_dapil}`;
    const l = dapilAreas.get(k) ?? [];
    l.push(r.kode_wilayah!);
    dapilAreas.set(k, l);
  }
  // as `publish` does: every mapped dapil lists the regions it covers (region.areas), so that the
  // matcher scopes its candidates to the people living there, not to the whole province
  for (const el of elections) {
    const areas = el.region.level === 'dapil' ? dapilAreas.get(`${el.type}-${el.region.code}`) : undefined;
    if (areas?.length) el.region.areas = [...new Set(areas)].sort();
  }
  return { elections, parties, dapilAreas, regionNames, gender };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** A list of the given elections, as a publisher would ship it. */
export function listOf(data: RealData, elections: Election[], id: string): CandidateList {
  return {
    format: 'jaga-netral/candidate-list',
    format_version: 1,
    list_id: `bench/${id}`,
    sequence: 1,
    issued_at: '2023-10-01T00:00:00Z',
    expires_at: '2025-03-31T00:00:00Z',
    publisher: { name: 'in-memory bench list (not published)' },
    parties: data.parties,
    elections,
  };
}

/**
 * The elections on the ballots of a person living in kecamatan `kec`: Pilpres, their Pilgub and
 * Pilbup/Pilwalkot, the DPR and DPRD provinsi districts their regency (or kecamatan) is in, DPD of
 * their province, and the DPRD kabupaten/kota district of their kecamatan.
 */
export function ballotsOf(data: RealData, kec: string): Election[] {
  const kab = kec.slice(0, 4);
  const prov = kec.slice(0, 2);
  const covers = (el: Election): boolean => {
    const areas = data.dapilAreas.get(`${el.type}-${el.region.code}`) ?? [];
    return areas.some((a) => a === kab || a === kec || a.startsWith(kec) || (a.length === 6 && a === kec));
  };
  return data.elections.filter((el) => {
    switch (el.type) {
      case 'pilpres':
        return true;
      case 'pilgub':
        return el.region.code === prov;
      case 'pilbup':
      case 'pilwalkot':
        return el.region.code === kab;
      case 'pileg_dpd':
        return el.region.code === prov;
      case 'pileg_dpr':
      case 'pileg_dprd_prov':
        return el.region.code.startsWith(prov) && covers(el);
      case 'pileg_dprd_kabkota':
        return el.region.code.startsWith(kab) && covers(el);
      default:
        return false;
    }
  });
}
