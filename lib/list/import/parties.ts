/**
 * Parties with their ballot numbers, as KPU's party list gives them: a JSON array of
 * `{nomor_urut, id, nama}` (`id` is KPU's own party id, which the DCT rows repeat). Party ids in the
 * list are the short slugs the bundled list and campaigns use (`pkb`, `gerindra`, `pdip`); parties
 * this table does not know get a slug of their name.
 */
import type { Party } from '../types';
import type { ImportReport } from './report';

/** Known parties of the 2024 general election, by their name without "Partai" in lower case. */
const KNOWN: Record<string, { id: string; name: string; abbrev?: string }> = {
  'kebangkitan bangsa': { id: 'pkb', name: 'Partai Kebangkitan Bangsa', abbrev: 'PKB' },
  'gerakan indonesia raya': { id: 'gerindra', name: 'Partai Gerakan Indonesia Raya', abbrev: 'Gerindra' },
  'demokrasi indonesia perjuangan': { id: 'pdip', name: 'Partai Demokrasi Indonesia Perjuangan', abbrev: 'PDI-P' },
  golkar: { id: 'golkar', name: 'Partai Golongan Karya', abbrev: 'Golkar' },
  'golongan karya': { id: 'golkar', name: 'Partai Golongan Karya', abbrev: 'Golkar' },
  nasdem: { id: 'nasdem', name: 'Partai NasDem', abbrev: 'NasDem' },
  buruh: { id: 'buruh', name: 'Partai Buruh' },
  'gelombang rakyat indonesia': { id: 'gelora', name: 'Partai Gelombang Rakyat Indonesia', abbrev: 'Gelora' },
  'keadilan sejahtera': { id: 'pks', name: 'Partai Keadilan Sejahtera', abbrev: 'PKS' },
  'kebangkitan nusantara': { id: 'pkn', name: 'Partai Kebangkitan Nusantara', abbrev: 'PKN' },
  'hati nurani rakyat': { id: 'hanura', name: 'Partai Hati Nurani Rakyat', abbrev: 'Hanura' },
  'garda republik indonesia': { id: 'garuda', name: 'Partai Garda Republik Indonesia', abbrev: 'Garuda' },
  'amanat nasional': { id: 'pan', name: 'Partai Amanat Nasional', abbrev: 'PAN' },
  'bulan bintang': { id: 'pbb', name: 'Partai Bulan Bintang', abbrev: 'PBB' },
  demokrat: { id: 'demokrat', name: 'Partai Demokrat' },
  'solidaritas indonesia': { id: 'psi', name: 'Partai Solidaritas Indonesia', abbrev: 'PSI' },
  perindo: { id: 'perindo', name: 'Partai Persatuan Indonesia', abbrev: 'Perindo' },
  'persatuan indonesia': { id: 'perindo', name: 'Partai Persatuan Indonesia', abbrev: 'Perindo' },
  'persatuan pembangunan': { id: 'ppp', name: 'Partai Persatuan Pembangunan', abbrev: 'PPP' },
  ummat: { id: 'ummat', name: 'Partai Ummat' },
  'nanggroe aceh': { id: 'pna', name: 'Partai Nanggroe Aceh', abbrev: 'PNA' },
  "generasi atjeh beusaboh tha'at dan taqwa": {
    id: 'gabthat',
    name: "Partai Generasi Atjeh Beusaboh Tha'at dan Taqwa",
    abbrev: 'Gabthat',
  },
  'darul aceh': { id: 'pda', name: 'Partai Darul Aceh', abbrev: 'PDA' },
  aceh: { id: 'partai-aceh', name: 'Partai Aceh', abbrev: 'PA' },
  'adil sejahtera aceh': { id: 'pas-aceh', name: 'Partai Adil Sejahtera Aceh', abbrev: 'PAS Aceh' },
  'sira (soliditas independen rakyat aceh)': {
    id: 'sira',
    name: 'Partai SIRA (Soliditas Independen Rakyat Aceh)',
    abbrev: 'SIRA',
  },
};

const key = (name: string) =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(/^partai\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** The list's party for a KPU party name (known table first, else a slug of the name). */
export function partyFor(name: string, number?: number): Party {
  const known = KNOWN[key(name)];
  const p: Party = known
    ? { id: known.id, name: known.name, ...(known.abbrev ? { abbrev: known.abbrev } : {}) }
    : { id: slug(key(name)) || 'partai', name: name.trim() };
  if (number !== undefined) p.number = number;
  return {
    id: p.id,
    ...(p.number !== undefined ? { number: p.number } : {}),
    name: p.name,
    ...(p.abbrev ? { abbrev: p.abbrev } : {}),
  };
}

export interface PartyTable {
  parties: Party[];
  /** by KPU party id and by ballot number */
  byKpuId: Map<string, Party>;
  byNumber: Map<number, Party>;
}

export function importParties(json: unknown, report: ImportReport, source = 'parpol'): PartyTable {
  const table: PartyTable = { parties: [], byKpuId: new Map(), byNumber: new Map() };
  if (!Array.isArray(json)) {
    report.skip(source, '(file)', 'expected a JSON array of {nomor_urut, id, nama}');
    return table;
  }
  json.forEach((row: unknown, i) => {
    const r = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
    const number = Number(r.nomor_urut);
    const name = typeof r.nama === 'string' ? r.nama.trim() : '';
    const where = `entry ${i}`;
    const party = name ? partyFor(name, number) : undefined;
    const problem = !party
      ? 'no "nama"'
      : !Number.isInteger(number) || number < 1
        ? 'no whole "nomor_urut"'
        : table.byNumber.has(number)
          ? `ballot number ${number} is already ${table.byNumber.get(number)!.name}`
          : table.parties.some((p) => p.id === party.id)
            ? `party id "${party.id}" is already used`
            : undefined;
    if (problem || !party) {
      report.skip(source, where, problem ?? 'no "nama"', name || JSON.stringify(row));
      return;
    }
    table.parties.push(party);
    table.byNumber.set(number, party);
    if (r.id !== undefined && r.id !== null) table.byKpuId.set(String(r.id), party);
  });
  return table;
}
