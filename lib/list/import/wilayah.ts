/**
 * Kemendagri region codes (Kepmendagri on kode dan data wilayah administrasi pemerintahan), as a
 * CSV with one row per province, kabupaten/kota and kecamatan:
 * `kode,kode_tanpa_titik,level,nama,kode_induk` (`11.01`, `1101`, `kabupaten/kota`, `Kabupaten Aceh
 * Selatan`, `11`). Codes are kept without dots: 2 digits a province, 4 a kabupaten/kota (the 3rd–4th
 * digits 71 and up are a kota), 6 a kecamatan.
 */
import { parseCsv } from '../csv';
import type { ImportReport } from './report';

export type WilayahLevel = 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan';

export interface Wilayah {
  code: string;
  name: string;
  level: WilayahLevel;
}

/** Kemendagri's rule: the second pair of digits of a kab/kota code is 71 or more for a kota. */
export const isKotaCode = (code: string): boolean => code.length === 4 && Number(code.slice(2, 4)) >= 71;

const LENGTH: Record<number, WilayahLevel | undefined> = { 2: 'provinsi', 4: 'kabupaten', 6: 'kecamatan' };

export function importWilayah(text: string, report: ImportReport, source = 'wilayah'): Map<string, Wilayah> {
  const t = parseCsv(text);
  const h = t.header.map((x) => x.toLowerCase());
  const iCode = h.indexOf('kode_tanpa_titik') >= 0 ? h.indexOf('kode_tanpa_titik') : h.indexOf('kode');
  const iName = h.indexOf('nama');
  const out = new Map<string, Wilayah>();
  if (iCode < 0 || iName < 0) {
    report.skip(
      source,
      'header',
      `needs columns "kode" (or "kode_tanpa_titik") and "nama"; found ${t.header.join(', ')}`,
    );
    return out;
  }
  let villages = 0;
  for (const { line, cells } of t.rows) {
    const code = (cells[iCode] ?? '').replace(/\./g, '').trim();
    const name = (cells[iName] ?? '').trim();
    if (code.length === 10) {
      villages++; // desa/kelurahan: not a level the list uses
      continue;
    }
    let level = LENGTH[code.length];
    if (!/^\d+$/.test(code) || !level) {
      report.skip(source, `line ${line}`, `"${code}" is not a 2-, 4- or 6-digit region code`, cells.join(','));
      continue;
    }
    if (!name) {
      report.skip(source, `line ${line}`, 'no name', cells.join(','));
      continue;
    }
    if (level === 'kabupaten' && (isKotaCode(code) || /^kota\s/i.test(name))) level = 'kota';
    if (out.has(code)) {
      report.skip(source, `line ${line}`, `code ${code} appears twice`, cells.join(','));
      continue;
    }
    out.set(code, { code, name, level });
  }
  if (villages) report.note(`${source}: ${villages} village rows (10-digit codes) are not used`);
  return out;
}

/** `Kabupaten Mesuji` → `Mesuji`, `Kota Palembang` → `Palembang` (for election names). */
export const shortRegionName = (name: string): string => name.replace(/^(kabupaten|kab\.|kota)\s+/i, '');
