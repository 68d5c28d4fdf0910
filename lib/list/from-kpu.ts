/**
 * `from-kpu`: KPU-style tabular data (one row per person: election, region code, ballot number, name
 * as printed with titles, role, party) → a list document. Pure: the CLI reads and writes the files.
 * The result is checked by the shared validator before it is written.
 */
import { type CsvTable, parseCsv } from './csv';
import { cleanName } from './import/names';
import type { CandidateList, Election, ElectionType, Party, Person, RegionLevel, Role, Ticket } from './types';
import { defaultKind } from './validate';
import { type ListHeader, newList } from './new-list';

export interface FromKpuOptions extends ListHeader {
  /** used when the CSV has no voting_date column */
  votingDate?: string;
  from: string;
  until: string;
  determinedAt?: string;
}

export type FromKpuResult = { ok: true; list: CandidateList; notes: string[] } | { ok: false; errors: string[] };

/** Accepted header names per column (lower case; Indonesian and English). */
const COLUMNS = {
  election: ['election', 'election_id', 'pemilihan', 'id_pemilihan'],
  type: ['type', 'election_type', 'jenis_pemilihan'],
  election_name: ['election_name', 'nama_pemilihan'],
  region_code: ['region_code', 'kode_wilayah', 'kode_dapil', 'region'],
  region_name: ['region_name', 'nama_wilayah', 'wilayah', 'nama_dapil', 'dapil'],
  ballot_number: ['ballot_number', 'nomor_urut', 'no_urut', 'number'],
  name: ['name', 'nama', 'nama_calon'],
  role: ['role', 'jabatan', 'peran'],
  party: ['party', 'partai', 'parties', 'partai_pengusung'],
  person_id: ['person_id', 'id_calon'],
  voting_date: ['voting_date', 'tanggal_pemungutan'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['election', 'region_code', 'ballot_number', 'name', 'role'];

const TYPE_BY_PREFIX: [string, ElectionType][] = [
  ['pileg-dprd-kabkota', 'pileg_dprd_kabkota'],
  ['pileg-dprd-prov', 'pileg_dprd_prov'],
  ['pileg-dpr-', 'pileg_dpr'],
  ['pileg-dpd-', 'pileg_dpd'],
  ['pilpres', 'pilpres'],
  ['pilgub', 'pilgub'],
  ['pilbup', 'pilbup'],
  ['pilwalkot', 'pilwalkot'],
];
const LEVEL: Record<ElectionType, RegionLevel> = {
  pilpres: 'nasional',
  pileg_dpr: 'dapil',
  pileg_dpd: 'provinsi',
  pileg_dprd_prov: 'dapil',
  pileg_dprd_kabkota: 'dapil',
  pilgub: 'provinsi',
  pilbup: 'kabupaten',
  pilwalkot: 'kota',
};
const TYPE_NAME: Record<ElectionType, string> = {
  pilpres: 'Pemilihan Presiden dan Wakil Presiden',
  pileg_dpr: 'Pemilihan Anggota DPR',
  pileg_dpd: 'Pemilihan Anggota DPD',
  pileg_dprd_prov: 'Pemilihan Anggota DPRD Provinsi',
  pileg_dprd_kabkota: 'Pemilihan Anggota DPRD Kabupaten/Kota',
  pilgub: 'Pemilihan Gubernur dan Wakil Gubernur',
  pilbup: 'Pemilihan Bupati dan Wakil Bupati',
  pilwalkot: 'Pemilihan Wali Kota dan Wakil Wali Kota',
};
const ROLE_WORDS: [RegExp, Role][] = [
  [/^(cawapres|(calon )?wakil presiden)$/, 'cawapres'],
  [/^(capres|(calon )?presiden)$/, 'capres'],
  [/^(cawagub|(calon )?wakil gubernur)$/, 'cawagub'],
  [/^(cagub|(calon )?gubernur)$/, 'cagub'],
  [/^(cawabup|(calon )?wakil bupati)$/, 'cawabup'],
  [/^(cabup|(calon )?bupati)$/, 'cabup'],
  [/^(cawawalkot|(calon )?wakil wali ?kota)$/, 'cawawalkot'],
  [/^(cawalkot|(calon )?wali ?kota)$/, 'cawalkot'],
  [/^(calon_dpd|(calon )?(anggota )?dpd)$/, 'calon_dpd'],
  [/^(caleg|(calon )?(anggota )?(legislatif|dpr|dprd( provinsi| kabupaten| kota| kabupaten\/kota)?))$/, 'caleg'],
];
/** Running mates come second on a ticket. */
const DEPUTY = new Set<Role>(['cawapres', 'cawagub', 'cawabup', 'cawawalkot']);
const PARTY_IDS: Record<string, string> = {
  'pdi-p': 'pdip',
  'pdi-perjuangan': 'pdip',
  'partai-demokrasi-indonesia-perjuangan': 'pdip',
};

export const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const partyId = (s: string) => {
  const id = slug(s.replace(/^partai\s+/i, ''));
  return PARTY_IDS[id] ?? id;
};

function columnIndex(table: CsvTable): { idx: Partial<Record<Column, number>>; errors: string[] } {
  const idx: Partial<Record<Column, number>> = {};
  const lower = table.header.map((h) => h.toLowerCase().replace(/\s+/g, '_'));
  for (const col of Object.keys(COLUMNS) as Column[]) {
    const i = lower.findIndex((h) => (COLUMNS[col] as readonly string[]).includes(h));
    if (i >= 0) idx[col] = i;
  }
  const errors = REQUIRED.filter((c) => idx[c] === undefined).map(
    (c) => `header: no "${c}" column (accepted names: ${COLUMNS[c].join(', ')}); found: ${table.header.join(', ')}`,
  );
  return { idx, errors };
}

export function fromKpuCsv(text: string, opts: FromKpuOptions): FromKpuResult {
  const table = parseCsv(text);
  const { idx, errors } = columnIndex(table);
  if (errors.length) return { ok: false, errors };
  const get = (cells: string[], c: Column) => (idx[c] === undefined ? '' : (cells[idx[c]!] ?? '').trim());
  const elections = new Map<string, Election>();
  const tickets = new Map<string, Ticket>();
  const parties = new Map<string, Party>();
  const notes: string[] = [];
  for (const { line, cells } of table.rows) {
    const at = `line ${line}`;
    const eid = get(cells, 'election');
    const typeText = get(cells, 'type');
    const type = (typeText || TYPE_BY_PREFIX.find(([p]) => eid.startsWith(p))?.[1]) as ElectionType | undefined;
    if (!type || !(type in LEVEL)) {
      errors.push(
        `${at}: cannot tell the election type of "${eid}"; add a "type" column or use an id such as pilgub-2024-32`,
      );
      continue;
    }
    const number = Number(get(cells, 'ballot_number'));
    if (!Number.isInteger(number) || number < 0) {
      errors.push(`${at}: ballot number "${get(cells, 'ballot_number')}" is not a whole number`);
      continue;
    }
    const roleText = get(cells, 'role').toLowerCase();
    const role = ROLE_WORDS.find(([re]) => re.test(roleText))?.[1];
    if (!role) {
      errors.push(
        `${at}: role "${get(cells, 'role')}" is not one of capres, cawapres, cagub, cawagub, cabup, cawabup, cawalkot, cawawalkot, caleg, calon_dpd (or their Indonesian names)`,
      );
      continue;
    }
    const printed = get(cells, 'name');
    // titles and degrees stripped, nicknames (`(SI DOEL)`, `ALIAS HENDI`) as medium aliases
    const clean = cleanName(printed);
    const name = clean.name;
    if (!name) {
      errors.push(`${at}: empty name`);
      continue;
    }
    const code = get(cells, 'region_code').replace(/\./g, '');
    let election = elections.get(eid);
    if (!election) {
      const regionName = get(cells, 'region_name') || code;
      election = {
        id: eid,
        type,
        name: get(cells, 'election_name') || `${TYPE_NAME[type]} ${regionName}`.trim(),
        region: { code, name: regionName, level: LEVEL[type] },
        voting_date: get(cells, 'voting_date') || opts.votingDate || '',
        window: {
          from: opts.from,
          until: opts.until,
          ...(opts.determinedAt ? { determined_at: opts.determinedAt } : {}),
        },
        tickets: [],
      };
      elections.set(eid, election);
    } else if (election.region.code !== code) {
      errors.push(`${at}: election "${eid}" has region code ${code} here but ${election.region.code} before`);
      continue;
    }
    const partyNames = get(cells, 'party')
      .split(/[;|/]/)
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of partyNames) if (!parties.has(partyId(p))) parties.set(partyId(p), { id: partyId(p), name: p });
    // Legislative ballot numbers repeat in every party: the party is part of the ticket's identity.
    const individual = defaultKind(type) === 'individual';
    const tid = individual && partyNames[0] ? `${eid}/${partyId(partyNames[0])}/${number}` : `${eid}/${number}`;
    let ticket = tickets.get(tid);
    if (!ticket) {
      ticket = { id: tid, number, label: individual ? String(number) : String(number).padStart(2, '0'), members: [] };
      tickets.set(tid, ticket);
      election.tickets.push(ticket);
    }
    const person: Person = { id: get(cells, 'person_id') || slug(name), role, name };
    if (clean.official_name) person.official_name = clean.official_name;
    if (clean.aliases.length) person.aliases = clean.aliases;
    ticket.members.push(person);
    ticket.members.sort((a, b) => Number(DEPUTY.has(a.role)) - Number(DEPUTY.has(b.role)));
    const ids = new Set([...(ticket.party_ids ?? []), ...partyNames.map(partyId)]);
    if (ids.size) ticket.party_ids = [...ids];
  }
  if (!table.rows.length) errors.push('the file has a header but no rows');
  if (errors.length) return { ok: false, errors };
  for (const e of elections.values())
    if (!e.voting_date)
      return {
        ok: false,
        errors: [`election "${e.id}" has no voting date: add --voting-date or a voting_date column`],
      };
  const list = newList(opts, [...parties.values()], [...elections.values()]);
  notes.push(`${elections.size} elections, ${tickets.size} tickets, ${parties.size} parties`);
  return { ok: true, list, notes };
}
