/**
 * KPU's dapil → wilayah mapping: which kabupaten/kota (DPR, DPRD provinsi), kecamatan (DPRD
 * provinsi in split cities, DPRD kabupaten/kota) or desa (split kecamatan) make up each dapil.
 * CSV `jenis_dapil,kode_dapil,nama_dapil,kode_wilayah,tingkatan_wilayah,nama,is_pecah`. A row with
 * `is_pecah` true names a split area (`KOTA MEDAN A`) whose parts follow as their own rows; it is
 * replaced by those parts. The result: election id → the Kemendagri codes the dapil covers.
 */
import { parseCsv } from '../csv';
import { legislativeElectionId } from './dct';
import type { ImportReport } from './report';

export interface DapilAreas {
  /** election id (`pileg-dprd-kabkota-2024-181101`) → region codes it covers, sorted */
  areas: Map<string, string[]>;
  rows: number;
}

export function importDapilWilayah(
  text: string,
  year: number,
  report: ImportReport,
  source = 'dapil_wilayah',
): DapilAreas {
  const t = parseCsv(text);
  const h = t.header.map((x) => x.toLowerCase().trim());
  const c = {
    jenis: h.indexOf('jenis_dapil'),
    code: h.indexOf('kode_dapil'),
    area: h.indexOf('kode_wilayah'),
    split: h.indexOf('is_pecah'),
  };
  const out: DapilAreas = { areas: new Map(), rows: 0 };
  if (c.jenis < 0 || c.code < 0 || c.area < 0) {
    report.skip(source, 'header', `needs jenis_dapil, kode_dapil, kode_wilayah; found ${t.header.join(', ')}`);
    return out;
  }
  const split = new Map<string, { area: string; line: number }[]>();
  for (const { line, cells } of t.rows) {
    const get = (i: number) => (i < 0 ? '' : (cells[i] ?? '').trim());
    const where = `line ${line}`;
    const eid = legislativeElectionId(get(c.jenis), get(c.code), year);
    if (!eid) {
      report.skip(
        source,
        where,
        `jenis_dapil "${get(c.jenis)}" is not DPR RI, DPRD PROVINSI or DPRD KABUPATEN/KOTA`,
        cells.join(','),
      );
      continue;
    }
    const area = get(c.area).replace(/\./g, '');
    if (!/^\d{4}(\d{2}(\d{4})?)?$/.test(area)) {
      report.skip(
        source,
        where,
        `kode_wilayah "${area}" is not a kabupaten/kota, kecamatan or desa code`,
        cells.join(','),
      );
      continue;
    }
    out.rows++;
    if (/^true$/i.test(get(c.split))) {
      const s = split.get(eid);
      if (s) s.push({ area, line });
      else split.set(eid, [{ area, line }]);
      continue;
    }
    const list = out.areas.get(eid);
    if (list) list.push(area);
    else out.areas.set(eid, [area]);
  }
  // a split area stands for its parts; kept only when no part of it is listed
  for (const [eid, parts] of split) {
    const list = out.areas.get(eid) ?? [];
    for (const { area } of parts) if (!list.some((a) => a.startsWith(area))) list.push(area);
    out.areas.set(eid, list);
  }
  for (const list of out.areas.values()) list.sort();
  return out;
}
