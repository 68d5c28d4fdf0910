/**
 * The national build: every importer's output in one list document, plus the areas each dapil
 * covers (for region shards). Pure: the CLI (`publish`) reads the files and passes their text.
 * Optionally limited to one region (a BKPSDM publishing its own kabupaten): the elections a person
 * living there votes in.
 */
import type { CandidateList, Election, Party, RegionName } from '../types';
import { type Calendar, Calendars } from './calendar';
import { type DapilAreas, importDapilWilayah } from './dapil-wilayah';
import { importDct } from './dct';
import { importParties } from './parties';
import { importPilpres } from './pilpres';
import { ImportReport } from './report';
import { importSirekapPaslon } from './sirekap-paslon';
import { importWilayah, type Wilayah } from './wilayah';
import { type ListHeader, newList } from '../new-list';

export interface NationalSources {
  /** Kemendagri region codes (CSV) */
  wilayah?: string;
  /** KPU party list (JSON text) */
  parties?: string;
  /** Sirekap governors' and regents/mayors' paslon (JSON text) */
  pkwkp?: string;
  pkwkk?: string;
  /** KPU's own kab/kota names (JSON text {code: name}) */
  kpuRegionNames?: string;
  /** presidential tickets (CSV) */
  pilpres?: string;
  /** DCT (CSV) */
  dct?: string;
  /** dapil → wilayah (CSV) */
  dapil?: string;
}

export interface NationalOptions extends ListHeader {
  calendars: readonly Calendar[];
  /** keep only what a person in this region (2, 4 or 6 digits) votes in; several: comma-separated */
  region?: string;
}

export interface NationalBuild {
  list: CandidateList;
  /** election id → region codes a dapil covers */
  areas: Map<string, string[]>;
  report: ImportReport;
  counts: {
    pilkadaRegions: number;
    pilkadaEntries: number;
    kolomKosong: number;
    caleg: number;
    byType: Record<string, number>;
    /** DPR and DPRD dapils */
    dapils: number;
    /** provinces with DPD candidates */
    dpdProvinces: number;
  };
}

function parseJson(text: string, source: string, report: ImportReport): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    report.skip(source, '(file)', `not JSON: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** Does an election concern a person living in `region`? (areas: the dapil's region codes) */
export function electionCovers(e: Election, areas: readonly string[] | undefined, region: string): boolean {
  const code = e.region.code;
  if (e.type === 'pilpres' || e.region.level === 'nasional' || code === '' || code === '00') return true;
  const overlaps = (a: string) => a.startsWith(region) || region.startsWith(a);
  if (areas?.length) return areas.some(overlaps);
  if (e.type === 'pileg_dprd_kabkota') return overlaps(code.slice(0, 4));
  if (e.region.level === 'dapil') return overlaps(code.slice(0, 2));
  return overlaps(code);
}

/**
 * A region the dapil mapping does not know (a kecamatan or kabupaten/kota formed after the dapils
 * were drawn) still gets its ballots: it is added to every dapil of its kabupaten/kota (DPRD
 * kab/kota) or province (DPR, DPRD provinsi). A person there gets a few dapils too many rather than
 * none; the publisher is told which.
 */
function widenAreas(
  areas: Map<string, string[]>,
  mapped: ReadonlyMap<string, readonly string[]>,
  elections: readonly Election[],
  wilayah: ReadonlyMap<string, Wilayah>,
  report: ImportReport,
): void {
  const PREFIX: Partial<Record<Election['type'], string>> = {
    pileg_dprd_kabkota: 'pileg-dprd-kabkota-',
    pileg_dpr: 'pileg-dpr-',
    pileg_dprd_prov: 'pileg-dprd-prov-',
  };
  const groups: [Election['type'], 'kecamatan' | 'kabkota', number][] = [
    ['pileg_dprd_kabkota', 'kecamatan', 4],
    ['pileg_dpr', 'kabkota', 2],
    ['pileg_dprd_prov', 'kabkota', 2],
  ];
  for (const [type, level, parentLength] of groups) {
    const ids = elections.filter((e) => e.type === type && areas.has(e.id)).map((e) => e.id);
    const length = level === 'kecamatan' ? 6 : 4;
    // covered by any mapped dapil of this kind, with candidates or not
    const covered = new Set(
      [...mapped].filter(([id]) => id.startsWith(PREFIX[type]!)).flatMap(([, a]) => a.map((x) => x.slice(0, length))),
    );
    const added: string[] = [];
    const none: string[] = [];
    for (const w of wilayah.values()) {
      const isLevel = level === 'kecamatan' ? w.level === 'kecamatan' : w.level === 'kabupaten' || w.level === 'kota';
      if (!isLevel || covered.has(w.code)) continue;
      const parent = w.code.slice(0, parentLength);
      const targets = ids.filter((id) => areas.get(id)!.some((a) => a.startsWith(parent)));
      if (!targets.length) {
        none.push(w.code);
        continue;
      }
      for (const id of targets) areas.get(id)!.push(w.code);
      added.push(w.code);
    }
    const what = type === 'pileg_dprd_kabkota' ? 'DPRD kabupaten/kota' : type === 'pileg_dpr' ? 'DPR' : 'DPRD provinsi';
    if (added.length)
      report.note(
        `${added.length} ${level === 'kecamatan' ? 'kecamatan' : 'kabupaten/kota'} not in the dapil mapping were added to every ${what} dapil of their ${level === 'kecamatan' ? 'kabupaten/kota' : 'province'}: ${added.join(', ')}`,
      );
    if (none.length)
      report.note(
        `${none.length} ${level === 'kecamatan' ? 'kecamatan' : 'kabupaten/kota'} have no ${what} dapil at all${type === 'pileg_dprd_kabkota' ? ' (Jakarta has no DPRD kabupaten/kota)' : ''}: ${none.slice(0, 60).join(', ')}${none.length > 60 ? ', …' : ''}`,
      );
  }
  for (const list of areas.values()) list.sort();
}

/**
 * The region directory a list carries for the region picker: every province, kabupaten/kota and
 * kecamatan of the Kemendagri file with its name (limited to `region` — one code or several,
 * comma-separated — its parents and what lies within it, for a regional list).
 */
export function regionDirectory(wilayah: ReadonlyMap<string, Wilayah>, region?: string): RegionName[] {
  const wanted = region ? region.split(',').map((r) => r.trim()) : [];
  const out: RegionName[] = [];
  for (const w of wilayah.values()) {
    if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(w.code) || !w.name.trim()) continue;
    if (wanted.length && !wanted.some((r) => w.code.startsWith(r) || r.startsWith(w.code))) continue;
    out.push({ code: w.code, name: w.name.trim() });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

export function buildNational(src: NationalSources, opts: NationalOptions): NationalBuild {
  const report = new ImportReport();
  const calendars = new Calendars(opts.calendars);
  const year = opts.calendars.find((c) => c.types.includes('pileg_dpr'))?.year ?? 2024;
  const wilayah: Map<string, Wilayah> = src.wilayah ? importWilayah(src.wilayah, report) : new Map();
  if (!src.wilayah) report.note('no Kemendagri region file: region names come from KPU where it gives them');
  const partyTable = src.parties ? importParties(parseJson(src.parties, 'parpol', report), report) : undefined;
  const kpuNames = src.kpuRegionNames
    ? (parseJson(src.kpuRegionNames, 'kpu_region_names', report) as Record<string, string> | undefined)
    : undefined;
  const elections: Election[] = [];
  if (src.pilpres) elections.push(...importPilpres(src.pilpres, calendars, report));
  for (const [source, text] of [
    ['pkwkp', src.pkwkp],
    ['pkwkk', src.pkwkk],
  ] as const) {
    if (!text) continue;
    const json = parseJson(text, source, report);
    if (json !== undefined)
      elections.push(...importSirekapPaslon(json, { wilayah, calendars, kpuNames, source }, report));
  }
  const pilkada = elections.filter((e) => e.type === 'pilgub' || e.type === 'pilbup' || e.type === 'pilwalkot');
  let parties: Party[] = partyTable?.parties ?? [];
  let caleg = 0;
  if (src.dct) {
    const dct = importDct(
      src.dct,
      {
        calendars,
        wilayah,
        partiesByKpuId: partyTable?.byKpuId,
        partiesByNumber: partyTable?.byNumber,
        source: 'dct',
      },
      report,
    );
    elections.push(...dct.elections);
    caleg = dct.candidates;
    for (const p of dct.parties) if (!parties.some((q) => q.id === p.id)) parties = [...parties, p];
  }
  const dapil: DapilAreas = src.dapil ? importDapilWilayah(src.dapil, year, report) : { areas: new Map(), rows: 0 };
  const areas = new Map<string, string[]>();
  for (const e of elections) {
    const a = dapil.areas.get(e.id);
    if (a) areas.set(e.id, a);
    else if (e.region.level === 'dapil' && src.dapil)
      report.note(
        `${e.id}: the dapil → wilayah file does not map this dapil; its shard goes to everyone in ${e.type === 'pileg_dprd_kabkota' ? 'the kabupaten/kota' : 'the province'}`,
      );
  }
  for (const id of dapil.areas.keys())
    if (!elections.some((e) => e.id === id)) report.note(`dapil_wilayah: ${id} has no candidates in the DCT`);
  if (src.dapil && wilayah.size) widenAreas(areas, dapil.areas, elections, wilayah, report);
  // every dapil says which regions it covers: the extension scopes its candidates by them
  for (const e of elections) {
    const a = areas.get(e.id);
    if (a?.length && e.region.level === 'dapil') e.region.areas = a;
  }
  let kept = elections;
  const wanted = opts.region ? opts.region.split(',').map((r) => r.trim()) : [];
  if (wanted.length) kept = elections.filter((e) => wanted.some((r) => electionCovers(e, areas.get(e.id), r)));
  const used = new Set(kept.flatMap((e) => e.tickets.flatMap((t) => t.party_ids ?? [])));
  const list = newList(opts, opts.region ? parties.filter((p) => used.has(p.id)) : parties, kept);
  const regions = regionDirectory(wilayah, opts.region);
  if (regions.length) list.regions = regions;
  const byType: Record<string, number> = {};
  for (const e of kept) byType[e.type] = (byType[e.type] ?? 0) + e.tickets.length;
  return {
    list,
    areas,
    report,
    counts: {
      pilkadaRegions: pilkada.length,
      pilkadaEntries: pilkada.reduce((n, e) => n + e.tickets.length, 0),
      kolomKosong: pilkada.reduce((n, e) => n + e.tickets.filter((t) => t.kind === 'empty_column').length, 0),
      caleg,
      byType,
      dapils: elections.filter((e) => e.region.level === 'dapil').length,
      dpdProvinces: elections.filter((e) => e.type === 'pileg_dpd').length,
    },
  };
}
