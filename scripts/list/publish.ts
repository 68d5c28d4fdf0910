/**
 * `npm run list -- publish --data DIR --out DIR --key FILE [--sequence N]`: KPU's exports → a signed
 * manifest (`LIST.json`, `LIST.json.sig`) and region shards, ready for any static host. Prints the
 * figures a publisher needs (documents, shards, sizes raw and gzipped, what one person downloads,
 * build time) and every row that could not be imported, with its reason.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Calendar, checkCalendar } from '../../lib/list/import/calendar';
import { buildNational, type NationalSources } from '../../lib/list/import/national';
import { formatSkipped } from '../../lib/list/import/report';
import { chooseShards, splitIntoShards } from '../../lib/list/shards';
import { MAX_SHARDS } from '../../lib/list/updater';
import { formatKey, verifyDetached } from '../../lib/list/signature';
import { parsePrivateKeyFile, renderSignature, signBytes } from '../../lib/list/sign-node';
import { countList } from '../../lib/list/stats';
import type { CandidateManifest, ShardRef } from '../../lib/list/types';
import { formatError, validateList, validateManifest } from '../../lib/list/validate';

export interface PublishIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

export class UsageError extends Error {}

/** Which file of a data folder feeds which importer: the first file whose path matches. */
const FILES: { key: keyof NationalSources; flag: string; pattern: RegExp; what: string }[] = [
  {
    key: 'wilayah',
    flag: 'wilayah',
    pattern: /kemendagri[^/]*\.csv(\.gz)?$|(^|\/)wilayah[^/]*l1-l3[^/]*\.csv$/i,
    what: 'Kemendagri region codes',
  },
  {
    key: 'parties',
    flag: 'parties',
    pattern: /(^|\/)(parpol|partai)[^/]*\.json$/i,
    what: 'parties with ballot numbers',
  },
  { key: 'pkwkp', flag: 'pkwkp', pattern: /pkwkp[^/]*\.json$/i, what: 'Sirekap governor paslon' },
  { key: 'pkwkk', flag: 'pkwkk', pattern: /pkwkk[^/]*\.json$/i, what: 'Sirekap regent/mayor paslon' },
  {
    key: 'kpuRegionNames',
    flag: 'kpu-region-names',
    pattern: /sirekap_wilayah[^/]*\.json$/i,
    what: "KPU's kab/kota names",
  },
  { key: 'pilpres', flag: 'pilpres', pattern: /pilpres[^/]*\.csv$/i, what: 'presidential tickets' },
  { key: 'dct', flag: 'dct', pattern: /(^|\/)dct[^/]*\.csv(\.gz)?$/i, what: 'DCT (legislative candidates)' },
  { key: 'dapil', flag: 'dapil', pattern: /dapil_wilayah[^/]*\.csv(\.gz)?$/i, what: 'dapil → wilayah' },
];

function listFiles(dir: string, depth = 3): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory() && depth > 0) out.push(...listFiles(p, depth - 1));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

const readText = (path: string): string => {
  const buf = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
};

const mib = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 2 : 1)} MiB`;
const kib = (n: number) => (n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : mib(n));
const thousands = (n: number) => n.toLocaleString('en');

export interface Download {
  region: string;
  raw: number;
  gzip: number;
  shards: number;
}

export interface PublishFigures {
  /** `dapil`: every dapil its own shard; `kab`: DPRD kab/kota dapils inside their kab/kota shard */
  layout: 'dapil' | 'kab';
  documents: number;
  shards: number;
  rawBytes: number;
  gzipBytes: number;
  manifestBytes: number;
  /** what one person downloads (manifest included), set to a kecamatan (or a kab/kota without Kemendagri codes) */
  typical?: Download;
  largest?: Download;
  /** the same for a person set to a kabupaten/kota */
  typicalKabKota?: Download;
  largestKabKota?: Download;
  buildMs: number;
  skipped: number;
  counts: ReturnType<typeof buildNational>['counts'];
}

export async function publish(
  args: string[],
  io: PublishIo,
  repoRoot: string,
): Promise<{ code: number; figures?: PublishFigures }> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      key: { type: 'string' },
      sequence: { type: 'string', default: '1' },
      'list-id': { type: 'string', default: 'id.jaga-netral/nasional' },
      publisher: { type: 'string', default: 'Jaga Netral' },
      'issued-at': { type: 'string' },
      expires: { type: 'string' },
      region: { type: 'string' },
      layout: { type: 'string', default: 'auto' },
      calendars: { type: 'string' },
      quiet: { type: 'boolean' },
      force: { type: 'boolean' },
      ...Object.fromEntries(FILES.map((f) => [f.flag, { type: 'string' as const }])),
    },
  });
  const t0 = performance.now();
  const fileFlag = (flag: string) =>
    (values as Record<string, string | boolean | undefined>)[flag] as string | undefined;
  const at = (p: string) => resolve(io.cwd, p);
  if (!values.out || !values.key || (!values.data && !FILES.some((f) => fileFlag(f.flag))))
    throw new UsageError('publish needs --data DIR (or per-file flags), --out DIR and --key FILE');
  const sequence = Number(values.sequence);
  if (!Number.isInteger(sequence) || sequence < 1) throw new UsageError('--sequence must be a whole number ≥ 1');
  if (values.region !== undefined && !/^\d{2}(\d{2}(\d{2})?)?(,\d{2}(\d{2}(\d{2})?)?)*$/.test(values.region))
    throw new UsageError(
      '--region is a Kemendagri code: 2 (province), 4 (kabupaten/kota) or 6 digits (kecamatan); several: comma-separated',
    );
  const wantedRegions = values.region?.split(',') ?? [];
  const outDir = at(values.out);
  if (!values.force && (outDir === repoRoot || outDir.startsWith(`${repoRoot}${sep}`)))
    throw new UsageError(
      `refusing to write a generated list into the project's repository (${outDir}): publish to a folder of its own, or --force`,
    );
  if (!['auto', 'dapil', 'kab'].includes(values.layout!))
    throw new UsageError(
      '--layout is "dapil" (every dapil its own shard), "kab" (DPRD kab/kota dapils inside their kab/kota shard) or "auto" (dapil, unless that makes more shards than the extension accepts)',
    );
  const key = parsePrivateKeyFile(readFileSync(at(values.key), 'utf8'));
  // 1. the files
  const found = values.data ? listFiles(at(values.data)) : [];
  const sources: NationalSources = {};
  for (const f of FILES) {
    const flag = fileFlag(f.flag);
    const path = flag ? at(flag) : found.find((p) => f.pattern.test(relative(at(values.data!), p).replace(/\\/g, '/')));
    if (!path) {
      io.err(`  (no ${f.what} file${values.data ? ` under ${values.data}` : ''}: --${f.flag} FILE)`);
      continue;
    }
    if (!existsSync(path)) throw new UsageError(`no such file: ${path}`);
    sources[f.key] = readText(path);
    if (!values.quiet) io.err(`  ${f.what.padEnd(30)} ${relative(io.cwd, path) || path}`);
  }
  // 2. calendars
  const calDir = values.calendars ? at(values.calendars) : join(repoRoot, 'lib', 'list', 'calendars');
  const calendars: Calendar[] = [];
  for (const name of readdirSync(calDir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const cal = JSON.parse(readFileSync(join(calDir, name), 'utf8')) as unknown;
    const problems = checkCalendar(cal);
    if (problems.length) throw new UsageError(`calendar ${name}: ${problems.join('; ')}`);
    calendars.push(cal as Calendar);
  }
  // 3. import
  const now = new Date();
  const issuedAt = values['issued-at'] ?? now.toISOString().replace(/\.\d+Z$/, 'Z');
  const build = buildNational(sources, {
    listId: values['list-id']!,
    publisher: values.publisher!,
    sequence,
    issuedAt,
    expiresAt: values.expires ?? new Date(Date.parse(issuedAt) + 365 * 86_400_000).toISOString().slice(0, 10),
    calendars,
    region: values.region,
  });
  if (!build.list.elections.length) {
    io.err('publish: nothing to publish (no election could be imported)');
    for (const s of build.report.skipped) io.err(`  ${formatSkipped(s)}`);
    return { code: 1 };
  }
  // 4. shards: written, hashed, validated one by one (as a client will)
  const dir = outDir;
  mkdirSync(dir, { recursive: true });
  const refs: ShardRef[] = [];
  let raw = 0;
  let gz = 0;
  const gzBySize = new Map<string, number>();
  // layout "kab": DPRD kab/kota dapils stay in their kab/kota's shard (fewer shards, coarser choice);
  // "auto": every dapil its own shard unless that is more than the extension's updater accepts
  const kabLayout = new Map([...build.areas].filter(([id]) => !id.startsWith('pileg-dprd-kabkota-')));
  let specs = splitIntoShards(build.list, values.layout === 'kab' ? kabLayout : build.areas);
  let layout: 'dapil' | 'kab' = values.layout === 'kab' ? 'kab' : 'dapil';
  if (values.layout === 'auto' && specs.length > MAX_SHARDS) {
    specs = splitIntoShards(build.list, kabLayout);
    layout = 'kab';
  }
  for (const s of specs) {
    const body = Buffer.from(JSON.stringify(s.list));
    const v = validateList(body);
    if (!v.ok) {
      io.err(`publish: shard ${s.path} would be refused: ${v.errors.slice(0, 5).map(formatError).join('; ')}`);
      return { code: 1 };
    }
    mkdirSync(dirname(join(dir, s.path)), { recursive: true });
    writeFileSync(join(dir, s.path), body);
    const ref: ShardRef = {
      path: s.path,
      scope: s.scope,
      sha256: createHash('sha256').update(body).digest('hex'),
      bytes: body.byteLength,
    };
    if (s.areas) ref.areas = s.areas;
    refs.push(ref);
    const z = gzipSync(body).byteLength;
    gzBySize.set(s.path, z);
    raw += body.byteLength;
    gz += z;
  }
  const { elections: _e, parties: _p, keywords: _k, format: _f, ...head } = build.list;
  const manifest: CandidateManifest = {
    ...head,
    format: 'jaga-netral/candidate-manifest',
    format_version: 1,
    shards: refs,
  };
  const mb = Buffer.from(`${JSON.stringify(manifest)}\n`);
  const mv = validateManifest(mb);
  if (!mv.ok) {
    io.err(`publish: the manifest would be refused: ${mv.errors.slice(0, 5).map(formatError).join('; ')}`);
    return { code: 1 };
  }
  writeFileSync(join(dir, 'LIST.json'), mb);
  const sig = signBytes(mb, key);
  writeFileSync(join(dir, 'LIST.json.sig'), renderSignature(sig));
  const check = await verifyDetached(mb, Buffer.from(renderSignature(sig)), [
    { key_id: key.key_id, public_key: key.public_key },
  ]);
  if (!check.ok) {
    io.err(`publish: the signature does not verify: ${check.reason}`);
    return { code: 1 };
  }
  const manifestGz = gzipSync(mb).byteLength;
  // 5. what one person downloads: the manifest and the shards their region takes
  const wil = sources.wilayah ? readRegionCodes(sources.wilayah) : [];
  const downloads = (codes: Iterable<string>) => {
    const per: Download[] = [];
    for (const region of codes) {
      if (wantedRegions.length && !wantedRegions.some((w) => region.startsWith(w) || w.startsWith(region))) continue;
      const chosen = chooseShards(manifest, { region });
      per.push({
        region,
        raw: mb.byteLength + chosen.reduce((n, r) => n + (r.bytes ?? 0), 0),
        gzip: manifestGz + chosen.reduce((n, r) => n + (gzBySize.get(r.path) ?? 0), 0),
        shards: chosen.length,
      });
    }
    per.sort((a, b) => a.raw - b.raw);
    return { n: per.length, typical: per[Math.floor(per.length / 2)], largest: per.at(-1) };
  };
  // a person set to a kecamatan, and one set to a kab/kota (the finest the settings took before)
  const byKecamatan = downloads(wil.filter((c) => c.length === 6));
  const kabkota = wil.filter((c) => c.length === 4);
  const byKabKota = downloads(
    kabkota.length ? kabkota : new Set(refs.filter((r) => r.scope.length === 4).map((r) => r.scope)),
  );
  const buildMs = performance.now() - t0;
  // 6. figures
  const c = countList(build.list);
  const k = build.counts;
  io.out(`published "${build.list.list_id}" sequence ${sequence} → ${dir}/LIST.json (signed with "${key.key_id}")`);
  io.out(`  public key line: ${formatKey({ key_id: key.key_id, public_key: key.public_key })}`);
  io.out(
    `  documents  ${thousands(refs.length + 1)} (LIST.json + ${thousands(refs.length)} shards: ${refs.filter((r) => r.scope === '00').length} national, ${refs.filter((r) => r.scope.length === 2 && r.scope !== '00' && !r.areas).length} provinsi, ${refs.filter((r) => r.scope.length === 4 && !r.areas).length} kab/kota, ${refs.filter((r) => r.path.includes('/dpr-')).length} DPR dapil, ${refs.filter((r) => r.path.includes('/dprd-prov-')).length} DPRD provinsi dapil, ${refs.filter((r) => r.path.includes('/dprd-') && !r.path.includes('/dprd-prov-')).length} DPRD kab/kota dapil)`,
  );
  io.out(
    `  elections  ${thousands(c.elections)}, tickets ${thousands(c.tickets)}, people ${thousands(c.people)}, parties ${build.list.parties?.length ?? 0}`,
  );
  io.out(
    `  imported   Pilkada: ${k.pilkadaRegions} regions, ${thousands(k.pilkadaEntries)} entries (${k.kolomKosong} kolom kosong); caleg and DPD: ${thousands(k.caleg)} in ${thousands(k.dapils)} dapils and ${k.dpdProvinces} DPD provinces`,
  );
  io.out(
    `  by type    ${Object.entries(k.byType)
      .map(([t, n]) => `${t} ${thousands(n)}`)
      .join(', ')}`,
  );
  io.out(
    `  size       shards ${mib(raw)} raw, ${mib(gz)} gzipped; LIST.json ${kib(mb.byteLength)} raw, ${kib(manifestGz)} gzipped`,
  );
  for (const [what, d] of [
    ['kecamatan', byKecamatan],
    ['kab/kota', byKabKota],
  ] as const) {
    if (!d.typical || !d.largest) continue;
    io.out(
      `  a person   set to a ${what}: typical ${kib(d.typical.raw)} raw / ${kib(d.typical.gzip)} gzipped in ${d.typical.shards} shards + LIST.json (median of ${thousands(d.n)}, e.g. ${d.typical.region}); largest ${kib(d.largest.raw)} / ${kib(d.largest.gzip)} in ${d.largest.shards} shards (${d.largest.region})`,
    );
  }
  io.out(
    `  layout     ${layout === 'dapil' ? 'every dapil its own shard' : 'DPRD kab/kota dapils inside their kab/kota shard (DPR and DPRD provinsi dapils their own)'}${values.layout === 'auto' && layout === 'kab' ? ` (auto: every dapil its own shard would make more than ${thousands(MAX_SHARDS)} shards, the most the extension accepts)` : ''}`,
  );
  const directory = manifest.regions ?? [];
  if (directory.length)
    io.out(
      `  regions    ${thousands(directory.length)} names in LIST.json for the region picker (${['provinsi', 'kab/kota', 'kecamatan'].map((w, i) => `${thousands(directory.filter((r) => r.code.length === 2 * (i + 1)).length)} ${w}`).join(', ')})`,
    );
  io.out(`  build      ${(buildMs / 1000).toFixed(1)} s`);
  if (refs.length > MAX_SHARDS)
    io.out(
      `  WARNING    ${thousands(refs.length)} shards: this extension's updater accepts at most ${thousands(MAX_SHARDS)} (MAX_SHARDS in lib/list/updater.ts) and refuses this manifest; publish with --layout kab (DPRD kab/kota dapils inside their kab/kota shard), or --region`,
    );
  const skipped = build.report.skipped;
  io.out(`  not imported: ${skipped.length} row${skipped.length === 1 ? '' : 's'}`);
  for (const s of skipped) io.out(`    ${formatSkipped(s)}`);
  if (build.report.notes.length) {
    io.out('  notes:');
    for (const n of build.report.notes.slice(0, 40)) io.out(`    ${n}`);
    if (build.report.notes.length > 40) io.out(`    … and ${build.report.notes.length - 40} more notes`);
  }
  return {
    code: 0,
    figures: {
      layout,
      documents: refs.length + 1,
      shards: refs.length,
      rawBytes: raw,
      gzipBytes: gz,
      manifestBytes: mb.byteLength,
      typical: byKecamatan.typical ?? byKabKota.typical,
      largest: byKecamatan.largest ?? byKabKota.largest,
      typicalKabKota: byKabKota.typical,
      largestKabKota: byKabKota.largest,
      buildMs,
      skipped: skipped.length,
      counts: k,
    },
  };
}

/** The region codes of a Kemendagri CSV (kode_tanpa_titik or kode without dots), for download figures. */
function readRegionCodes(csv: string): string[] {
  const lines = csv.split(/\r?\n/);
  const head = (lines[0] ?? '').toLowerCase().split(',');
  const i = head.indexOf('kode_tanpa_titik') >= 0 ? head.indexOf('kode_tanpa_titik') : head.indexOf('kode');
  if (i < 0) return [];
  return lines
    .slice(1)
    .map((l) => (l.split(',')[i] ?? '').replace(/\./g, '').trim())
    .filter((c) => /^\d+$/.test(c));
}
