/**
 * KPU's Daftar Calon Tetap (DCT), one row per candidate, grouped by dapil as KPU publishes it:
 * `jenis,kode_dapil,nama_dapil,partai_nomor_urut,partai_id_kpu,partai,nomor_urut,nama,jenis_kelamin,…`
 * with `jenis` one of `DPR RI`, `DPD`, `DPRD PROVINSI`, `DPRD KABUPATEN/KOTA`. `kode_dapil` is KPU's
 * dapil code (4 digits for DPR, 6 for DPRD; the province code for DPD). Legislative ballot numbers
 * repeat in every party, so a ticket is keyed by election, party and number.
 */
import { parseCsv } from '../csv';
import { slug } from '../from-kpu';
import type { Election, ElectionType, Party, Ticket } from '../types';
import type { Calendars } from './calendar';
import { windowOf } from './calendar';
import { cleanName } from './names';
import { partyFor } from './parties';
import type { ImportReport } from './report';
import type { Wilayah } from './wilayah';

const JENIS: Record<string, { type: ElectionType; prefix: string; code: RegExp; title: string }> = {
  'dpr ri': { type: 'pileg_dpr', prefix: 'pileg-dpr', code: /^\d{4}$/, title: 'Pemilihan Anggota DPR' },
  dpr: { type: 'pileg_dpr', prefix: 'pileg-dpr', code: /^\d{4}$/, title: 'Pemilihan Anggota DPR' },
  dpd: { type: 'pileg_dpd', prefix: 'pileg-dpd', code: /^\d{2}$/, title: 'Pemilihan Anggota DPD' },
  'dpd ri': { type: 'pileg_dpd', prefix: 'pileg-dpd', code: /^\d{2}$/, title: 'Pemilihan Anggota DPD' },
  'dprd provinsi': {
    type: 'pileg_dprd_prov',
    prefix: 'pileg-dprd-prov',
    code: /^\d{6}$/,
    title: 'Pemilihan Anggota DPRD Provinsi',
  },
  'dprd kabupaten/kota': {
    type: 'pileg_dprd_kabkota',
    prefix: 'pileg-dprd-kabkota',
    code: /^\d{6}$/,
    title: 'Pemilihan Anggota DPRD Kabupaten/Kota',
  },
};

/** `pileg-dpr-2024-1602` for a DCT `jenis` and dapil code (the id the dapil → wilayah mapping uses too). */
export function legislativeElectionId(jenis: string, code: string, year: number): string | undefined {
  const j = JENIS[jenis.trim().toLowerCase()];
  return j ? `${j.prefix}-${year}-${code}` : undefined;
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
/** `LAMPUNG II` → `Lampung II`, `KOTA MAKASSAR 1` → `Kota Makassar 1` (KPU writes dapil names in capitals). */
export const dapilName = (s: string): string =>
  s === s.toUpperCase()
    ? s
        .split(/\s+/)
        .map((w) => (ROMAN.test(w) || /\d/.test(w) ? w : w.charAt(0) + w.slice(1).toLowerCase()))
        .join(' ')
    : s;

export interface DctOptions {
  calendars: Calendars;
  wilayah: ReadonlyMap<string, Wilayah>;
  /** parties by KPU party id and by ballot number (from the party list); else built from the rows */
  partiesByKpuId?: ReadonlyMap<string, Party>;
  partiesByNumber?: ReadonlyMap<number, Party>;
  source: string;
}

export interface DctResult {
  elections: Election[];
  /** every party the tickets name */
  parties: Party[];
  candidates: number;
}

export function importDct(text: string, opts: DctOptions, report: ImportReport): DctResult {
  const { source } = opts;
  const t = parseCsv(text);
  const h = t.header.map((x) => x.toLowerCase().trim());
  const col = (...names: string[]) => h.findIndex((x) => names.includes(x));
  const c = {
    jenis: col('jenis', 'jenis_pemilihan'),
    code: col('kode_dapil'),
    dapil: col('nama_dapil', 'dapil'),
    partyNo: col('partai_nomor_urut', 'nomor_urut_partai'),
    partyId: col('partai_id_kpu', 'id_partai'),
    party: col('partai', 'nama_partai'),
    no: col('nomor_urut', 'no_urut'),
    name: col('nama', 'nama_calon'),
  };
  const missing = (['jenis', 'code', 'no', 'name'] as const).filter((k) => c[k] < 0);
  const out: DctResult = { elections: [], parties: [], candidates: 0 };
  if (missing.length) {
    report.skip(source, 'header', `needs columns ${missing.join(', ')}; found ${t.header.join(', ')}`);
    return out;
  }
  const elections = new Map<string, Election>();
  const parties = new Map<string, Party>();
  const tickets = new Set<string>();
  const numbers = new Map<string, number[]>(); // election/party → ballot numbers, for gaps
  for (const { line, cells } of t.rows) {
    const get = (i: number) => (i < 0 ? '' : (cells[i] ?? '').trim());
    const where = `line ${line}`;
    const row = () => cells.join(',');
    const jenis = JENIS[get(c.jenis).toLowerCase()];
    if (!jenis) {
      report.skip(
        source,
        where,
        `jenis "${get(c.jenis)}" is not DPR RI, DPD, DPRD PROVINSI or DPRD KABUPATEN/KOTA`,
        row(),
      );
      continue;
    }
    const code = get(c.code).replace(/\./g, '');
    if (!jenis.code.test(code)) {
      report.skip(
        source,
        where,
        `kode_dapil "${code}" does not have the length of a ${jenis.title.slice(18)} dapil code`,
        row(),
      );
      continue;
    }
    const calendar = opts.calendars.get(jenis.type);
    if (!calendar) {
      report.skip(source, where, `no calendar covers ${jenis.type}`, row());
      continue;
    }
    const number = Number(get(c.no));
    if (!Number.isInteger(number) || number < 1) {
      report.skip(source, where, `nomor_urut "${get(c.no)}" is not a whole number ≥ 1`, row());
      continue;
    }
    const printed = get(c.name);
    const clean = cleanName(printed);
    if (!clean.name) {
      report.skip(source, where, 'no name', row());
      continue;
    }
    let party: Party | undefined;
    if (jenis.type !== 'pileg_dpd') {
      const kpuId = get(c.partyId);
      const partyNo = Number(get(c.partyNo));
      party =
        (kpuId ? opts.partiesByKpuId?.get(kpuId) : undefined) ??
        (Number.isInteger(partyNo) ? opts.partiesByNumber?.get(partyNo) : undefined);
      if (!party && get(c.party))
        party = partyFor(get(c.party), Number.isInteger(partyNo) && partyNo > 0 ? partyNo : undefined);
      if (!party) {
        report.skip(
          source,
          where,
          'no party (partai_id_kpu, partai_nomor_urut or partai) for a DPR/DPRD candidate',
          row(),
        );
        continue;
      }
      if (!parties.has(party.id)) parties.set(party.id, party);
    }
    const eid = `${jenis.prefix}-${calendar.year}-${code}`;
    const tid = party ? `${eid}/${party.id}/${number}` : `${eid}/${number}`;
    if (tickets.has(tid)) {
      report.skip(
        source,
        where,
        `ballot number ${number}${party ? ` of ${party.name}` : ''} is already taken in this dapil`,
        row(),
      );
      continue;
    }
    let election = elections.get(eid);
    if (!election) {
      const province = opts.wilayah.get(code.slice(0, 2));
      const dapil = dapilName(get(c.dapil));
      const regionName = jenis.type === 'pileg_dpd' ? (province?.name ?? dapil ?? code) : dapil || `Dapil ${code}`;
      election = {
        id: eid,
        type: jenis.type,
        name: `${jenis.title} ${calendar.year} ${jenis.type === 'pileg_dpd' ? regionName : `Dapil ${regionName}`}`,
        region: { code, name: regionName, level: jenis.type === 'pileg_dpd' ? 'provinsi' : 'dapil' },
        voting_date: calendar.phases.voting.date,
        window: windowOf(calendar),
        tickets: [],
      };
      elections.set(eid, election);
    }
    tickets.add(tid);
    const role = jenis.type === 'pileg_dpd' ? 'calon_dpd' : 'caleg';
    const pid = `${slug(clean.name) || 'calon'}-${code}-${party ? `${party.number ?? party.id}-` : ''}${number}`;
    const member = { id: pid, role, name: clean.name } as Election['tickets'][number]['members'][number];
    if (clean.official_name) member.official_name = clean.official_name;
    if (clean.aliases.length) member.aliases = clean.aliases;
    const ticket: Ticket = { id: tid, number, label: String(number), members: [member] };
    if (party) ticket.party_ids = [party.id];
    election.tickets.push(ticket);
    out.candidates++;
    const k = `${eid}/${party?.id ?? ''}`;
    const ns = numbers.get(k);
    if (ns) ns.push(number);
    else numbers.set(k, [number]);
  }
  let gaps = 0;
  for (const ns of numbers.values()) if (Math.max(...ns) !== ns.length) gaps++;
  if (gaps)
    report.note(
      `${source}: ${gaps} party lists have gaps in their ballot numbers (candidates withdrawn after the DCT, or missing from the export); the numbers are kept as printed`,
    );
  out.elections = [...elections.values()];
  out.parties = [...parties.values()];
  return out;
}
