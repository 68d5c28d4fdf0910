/**
 * Pilkada ballot entries as KPU's Sirekap serves them (`pkwkp.json` for governors, `pkwkk.json` for
 * regents and mayors): `{region_code: {sirekap_id: {nama: "CALON - WAKIL", nomor_urut, warna, ts}}}`.
 * Names carry titles and degrees; kolom kosong is written `KOLOM KOSONG - `. Region codes are
 * Kemendagri codes (2 digits a province, 4 a kabupaten/kota; 3rd–4th digits ≥ 71 a kota).
 */
import type { Election, ElectionType, Role, Ticket } from '../types';
import type { Calendars } from './calendar';
import { windowOf } from './calendar';
import { distinctIds, person } from './people';
import type { ImportReport } from './report';
import { isKotaCode, shortRegionName, type Wilayah } from './wilayah';

const ROLES: Record<'pilgub' | 'pilbup' | 'pilwalkot', [Role, Role]> = {
  pilgub: ['cagub', 'cawagub'],
  pilbup: ['cabup', 'cawabup'],
  pilwalkot: ['cawalkot', 'cawawalkot'],
};
const TITLE: Record<'pilgub' | 'pilbup' | 'pilwalkot', string> = {
  pilgub: 'Pemilihan Gubernur dan Wakil Gubernur',
  pilbup: 'Pemilihan Bupati dan Wakil Bupati',
  pilwalkot: 'Pemilihan Wali Kota dan Wakil Wali Kota',
};

export interface SirekapOptions {
  wilayah: ReadonlyMap<string, Wilayah>;
  calendars: Calendars;
  /** KPU's own region names (`sirekap_wilayah_kabkota.json`), used when Kemendagri has none */
  kpuNames?: Readonly<Record<string, string>>;
  source: string;
}

const KOLOM_KOSONG = /^\s*kolom\s+kosong\b/i;

export function importSirekapPaslon(json: unknown, opts: SirekapOptions, report: ImportReport): Election[] {
  const { source } = opts;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    report.skip(source, '(file)', 'expected a JSON object {region_code: {sirekap_id: {nama, nomor_urut}}}');
    return [];
  }
  const elections: Election[] = [];
  for (const [rawCode, entries] of Object.entries(json as Record<string, unknown>)) {
    const code = rawCode.replace(/\./g, '');
    const at = (id?: string) => `region ${code}${id ? ` entry ${id}` : ''}`;
    if (!/^\d{2}(\d{2})?$/.test(code)) {
      report.skip(source, at(), 'the region code is neither a province (2 digits) nor a kabupaten/kota (4 digits)');
      continue;
    }
    if (typeof entries !== 'object' || entries === null) {
      report.skip(source, at(), 'the region holds no entries');
      continue;
    }
    const type: 'pilgub' | 'pilbup' | 'pilwalkot' =
      code.length === 2 ? 'pilgub' : isKotaCode(code) ? 'pilwalkot' : 'pilbup';
    const calendar = opts.calendars.get(type);
    if (!calendar) {
      report.skip(source, at(), `no calendar covers ${type}`);
      continue;
    }
    const region = opts.wilayah.get(code);
    const regionName = region?.name ?? opts.kpuNames?.[code];
    if (!regionName) {
      report.skip(source, at(), 'the region code is not in the Kemendagri list (nor in KPU region names)');
      continue;
    }
    if (!region)
      report.note(`${source}: region ${code} is not in the Kemendagri list; KPU's name "${regionName}" is used`);
    const id = `${type}-${calendar.year}-${code}`;
    const tickets: Ticket[] = [];
    const sorted = Object.entries(entries as Record<string, unknown>).sort(
      (a, b) =>
        Number((a[1] as { nomor_urut?: unknown })?.nomor_urut) - Number((b[1] as { nomor_urut?: unknown })?.nomor_urut),
    );
    for (const [sid, raw] of sorted) {
      const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      const nama = typeof e.nama === 'string' ? e.nama : '';
      const number = Number(e.nomor_urut);
      if (!Number.isInteger(number) || number < 1) {
        report.skip(source, at(sid), `nomor_urut ${JSON.stringify(e.nomor_urut)} is not a whole number ≥ 1`, nama);
        continue;
      }
      if (tickets.some((t) => t.number === number)) {
        report.skip(source, at(sid), `ballot number ${number} is already used in ${id}`, nama);
        continue;
      }
      const label = String(number).padStart(2, '0');
      if (KOLOM_KOSONG.test(nama)) {
        tickets.push({ id: `${id}/kolom-kosong`, number, label, kind: 'empty_column', warn: false, members: [] });
        continue;
      }
      const dash = nama.indexOf(' - ');
      if (dash < 0) {
        report.skip(source, at(sid), 'expected "CALON - WAKIL" (two names joined by " - ")', nama);
        continue;
      }
      const [r1, r2] = ROLES[type];
      // person ids carry the region: namesakes stand in different regions
      const a = person(nama.slice(0, dash), r1, code);
      const b = person(nama.slice(dash + 3), r2, code);
      if (!a || !b) {
        report.skip(source, at(sid), `the ${a ? 'running mate' : 'candidate'}'s name is empty`, nama);
        continue;
      }
      tickets.push({ id: `${id}/${number}`, number, label, members: distinctIds([a, b]) });
    }
    if (!tickets.length) {
      report.skip(source, at(), 'no usable ballot entry in this region');
      continue;
    }
    const level = type === 'pilgub' ? 'provinsi' : type === 'pilbup' ? 'kabupaten' : 'kota';
    elections.push({
      id,
      type: type as ElectionType,
      name: `${TITLE[type]} ${shortRegionName(regionName)} ${calendar.year}`,
      region: { code, name: regionName, level },
      voting_date: calendar.phases.voting.date,
      window: windowOf(calendar),
      tickets,
    });
  }
  return elections;
}
