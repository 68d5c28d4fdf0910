/**
 * Matcher figures on REAL 2024 candidate names, beside the generated ones of match.ts: when the
 * real-data folder beside the repository (or `$JN_REAL_DATA`) exists, lists are built in memory
 * (scripts/bench/real-names-data.ts) for a person in Kec. Mesuji (Kab. Mesuji, 181101) and one in
 * Kec. Sumur Bandung (Kota Bandung, 327319) — their own ballots, and the whole national list —
 * and measured on posts made at run time from templates around those real names (namesake
 * posts: birthday wishes, RT news, condolences, futsal results…; local campaign posts) and on
 * the hand-written everyday posts of tests/corpus/regional-posts.ts: false-positive rates,
 * recall with the right ticket first, matches per post; plus the national index's build time,
 * memory and decide p99. Nothing built here is written to disk. Prints "skipped" without data.
 *
 *   node --expose-gc --import tsx scripts/bench/real-names.ts
 *   MATCH_ROOT=/path/to/another/checkout … measures that checkout's matcher (same posts)
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CandidateList, Election, Person, Ticket } from '../../lib/list/types';
import type { MatchIndex } from '../../lib/match/structure';
import type { Decision, MatchInput } from '../../lib/match/types';
import { evaluate, type Figures, type LabelledPost, table } from '../../tests/corpus/evaluate';
import { AT as FIXTURE_AT, PERSON, REGIONAL_LIST } from '../../tests/corpus/regional-list';
import { EVERYDAY, REGIONAL_POSTS } from '../../tests/corpus/regional-posts';
import { AT, ballotsOf, dataDir, listOf, type RealData, readRealData } from './real-names-data';

export interface Matcher {
  compileIndex(lists: CandidateList[]): MatchIndex;
  decide(idx: MatchIndex, input: MatchInput): Decision;
  naturalName(printed: string): string;
}

/** The matcher and name tidier of the checkout at `root` (default: this one). */
export async function loadMatcher(
  root = process.env.MATCH_ROOT ?? resolve(import.meta.dirname, '../..'),
): Promise<Matcher> {
  const m = await import(pathToFileURL(join(root, 'lib/match/index.ts')).href);
  const t = await import(pathToFileURL(join(root, 'lib/list/titles.ts')).href);
  return { compileIndex: m.compileIndex, decide: m.decide, naturalName: t.naturalName };
}

/** Kec. Mesuji and Kec. Sumur Bandung, then a kecamatan in each of the other seed regions. */
export const PERSONS = [
  { key: 'mesuji', label: 'Kec. Mesuji (Kab. Mesuji)', kec: '181101' },
  { key: 'sumur-bandung', label: 'Kec. Sumur Bandung (Kota Bandung)', kec: '327319' },
  { key: 'curup', label: 'Kec. Curup (Kab. Rejang Lebong)', kec: '170209' },
  { key: 'manggar', label: 'Kec. Manggar (Kab. Belitung Timur)', kec: '190601' },
  { key: 'banyuasin-iii', label: 'Kec. Banyuasin III (Kab. Banyuasin)', kec: '160703' },
  { key: 'somba-opu', label: 'Kec. Somba Opu (Kab. Gowa)', kec: '730608' },
] as const;

const NAMESAKE_TEMPLATES = [
  'Selamat ulang tahun {hon} {name}, semoga panjang umur dan sehat selalu',
  '{Hon} {name} terpilih sebagai ketua RT 04 periode 2024-2027, selamat bertugas',
  'Innalillahi wa inna ilaihi rojiun, telah berpulang {hon} {name}, semoga husnul khotimah',
  'Hasil futsal antar RW: tim {name} menang 4-2, mantap',
  'Selamat menempuh hidup baru {name}, semoga sakinah mawaddah warahmah',
  'Alhamdulillah {name} lulus sidang skripsi hari ini, bangga sekali',
  'Rapat karang taruna malam ini di rumah {hon} {name}, mohon hadir',
  'Terima kasih {hon} {name} sudah menyumbang kursi untuk musala kami',
];

const OFFICE: Record<string, string> = {
  pileg_dpr: 'DPR RI',
  pileg_dprd_prov: 'DPRD Provinsi',
  pileg_dprd_kabkota: 'DPRD',
  pilgub: 'gubernur',
  pilbup: 'bupati',
  pilwalkot: 'wali kota',
  pilpres: 'presiden',
};

/** `Kabupaten Mesuji` → `Mesuji`; `Kota Bandung` stays. */
const place = (name: string): string => name.replace(/^Kabupaten\s+/i, '').replace(/^Provinsi\s+/i, '');

/**
 * Posts around the real names of a person's ballots, made at run time (never stored): up to
 * `max` namesake posts (every k-th candidate, templates in turn) and local campaign posts for
 * every paslon ticket and every k-th legislative ticket.
 */
export function realPosts(data: RealData, kec: string, own: Election[], max = 160): LabelledPost[] {
  const kab = kec.slice(0, 4);
  const prov = kec.slice(0, 2);
  const kabName = place(data.regionNames.get(kab) ?? kab);
  const provName = place(data.regionNames.get(prov) ?? prov);
  const kecName = data.regionNames.get(kec) ?? kec;
  const partyName = new Map(data.parties.map((p) => [p.id, p.abbrev ?? p.name]));
  const people: { p: Person; t: Ticket; el: Election }[] = [];
  for (const el of own) for (const t of el.tickets) for (const p of t.members) people.push({ p, t, el });
  const out: LabelledPost[] = [];
  // namesakes
  const step = Math.max(1, Math.floor(people.length / max));
  for (let i = 0, k = 0; i < people.length && k < max; i += step, k++) {
    const { p } = people[i]!;
    const g = data.gender.get(p.id);
    const hon = g === 'P' ? 'Bu' : 'Pak';
    const tpl = NAMESAKE_TEMPLATES[k % NAMESAKE_TEMPLATES.length]!;
    out.push({
      text: tpl.replace('{Hon}', hon).replace('{hon}', hon).replace('{name}', p.name),
      cat: 'namesake',
      region: kec,
    });
  }
  // campaign posts
  const legTickets = own.flatMap((el) => (el.type.startsWith('pileg') ? el.tickets.map((t) => ({ t, el })) : []));
  const legStep = Math.max(1, Math.floor(legTickets.length / 60));
  for (let i = 0, k = 0; i < legTickets.length; i += legStep, k++) {
    const { t, el } = legTickets[i]!;
    const name = t.members[0]!.name;
    const n = t.number ?? 0;
    if (el.type === 'pileg_dpd') {
      out.push({
        text: k % 2 ? `Coblos DPD nomor ${n} ${name}` : `Dukung ${name}, calon anggota DPD ${provName} nomor ${n}`,
        cat: 'campaign',
        region: kec,
        expect: t.id,
      });
      continue;
    }
    const party = partyName.get(t.party_ids?.[0] ?? '') ?? '';
    const office = OFFICE[el.type]!;
    const where = el.type === 'pileg_dprd_kabkota' ? kabName : provName;
    const dapil = el.region.name;
    const texts = [
      `Coblos ${party} nomor ${n} ${name} untuk ${office} ${where}!`,
      `Dukung ${name}, caleg ${party} ${office} dapil ${dapil}`,
      `${name} caleg ${party} nomor urut ${n}, mohon doa dan dukungannya`,
      `Coblos ${party} nomor ${n} untuk ${office} ${where}`,
      `Kampanye dialogis ${name} caleg ${party} di ${kecName}`,
    ];
    out.push({ text: texts[k % texts.length]!, cat: 'campaign', region: kec, expect: t.id });
  }
  for (const el of own) {
    if (el.type.startsWith('pileg')) continue;
    const office = OFFICE[el.type]!;
    const where = el.type === 'pilpres' ? 'Indonesia' : place(el.region.name);
    for (const t of el.tickets) {
      if (t.kind === 'empty_column' || !t.members.length) continue;
      const [a, b] = t.members;
      const n = t.number ?? 0;
      out.push(
        {
          text: `Coblos nomor ${n} ${a!.name} - ${b?.name ?? ''} untuk ${where}`,
          cat: 'campaign',
          region: kec,
          expect: t.id,
        },
        { text: `${a!.name} calon ${office} ${where} blusukan ke pasar`, cat: 'campaign', region: kec, expect: t.id },
        { text: `Kampanye akbar paslon ${n} ${a!.name} di lapangan`, cat: 'campaign', region: kec, expect: t.id },
      );
    }
  }
  for (const p of EVERYDAY) out.push({ text: p.text, cat: 'everyday', region: kec });
  return out;
}

const timeOf = (p: LabelledPost): number => (p.expect && /^pil(gub|bup|walkot)/.test(p.expect) ? AT.pilkada : AT.pileg);

export interface RealNamesResult {
  skipped?: string;
  lines: string[];
  figures: Record<string, number>;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * The hand-written regional corpus (tests/corpus/regional-posts.ts) on its invented list: runs
 * without the data folder, and with MATCH_ROOT gives an older matcher's figures on the same posts.
 */
export function corpusFigures(m: Matcher): { lines: string[]; figures: Record<string, number> } {
  const idx = m.compileIndex([REGIONAL_LIST]);
  const posts: LabelledPost[] = REGIONAL_POSTS.map((p) => ({
    text: p.text,
    cat: p.cat,
    region: PERSON[p.who],
    expect: p.expect,
  }));
  const at = (p: LabelledPost): number =>
    p.expect && /^pil(gub|bup|walkot)/.test(p.expect) ? FIXTURE_AT.pilkada : FIXTURE_AT.pileg;
  const figs = evaluate((input) => m.decide(idx, input), posts, [FIXTURE_AT.pileg, FIXTURE_AT.pilkada], at);
  const figures: Record<string, number> = {};
  record(figures, 'corpus', figs);
  return { lines: ['hand-written regional corpus (invented candidates, three regions):', table(figs)], figures };
}

export async function runRealNames(
  opts: { matcher?: Matcher; log?: (l: string) => void } = {},
): Promise<RealNamesResult> {
  const dir = dataDir(resolve(import.meta.dirname, '../..'));
  if (!dir)
    return { skipped: 'skipped: ../shared/data absent', lines: ['skipped: ../shared/data absent'], figures: {} };
  const m = opts.matcher ?? (await loadMatcher());
  const log = opts.log ?? (() => {});
  const lines: string[] = [];
  const figures: Record<string, number> = {};
  const t0 = performance.now();
  const data = readRealData(dir, m.naturalName);
  const tickets = data.elections.reduce((s, e) => s + e.tickets.length, 0);
  lines.push(
    `real data: ${data.elections.length} elections, ${tickets} ballot entries (read in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  log(lines.at(-1)!);

  // the national index: build time, memory
  const national = listOf(data, data.elections, 'national');
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const c0 = cpuMs();
  const w0 = performance.now();
  const natIdx = m.compileIndex([national]);
  const buildCpu = cpuMs() - c0;
  const buildWall = performance.now() - w0;
  const memMiB = indexBytes(natIdx) / 2 ** 20;
  figures.nationalBuildMs = buildCpu;
  figures.nationalMemMiB = memMiB;
  lines.push(
    `national index: build ${buildCpu.toFixed(0)} ms CPU (${buildWall.toFixed(0)} ms wall), memory ${memMiB.toFixed(1)} MiB (arrays, pools, number map), ${natIdx.eHi.length} entries`,
  );
  log(lines.at(-1)!);

  const allPosts: LabelledPost[] = [];
  for (const person of PERSONS) {
    const own = ballotsOf(data, person.kec);
    const ownTickets = own.reduce((s, e) => s + e.tickets.length, 0);
    const posts = realPosts(data, person.kec, own);
    allPosts.push(...posts);
    const idx = m.compileIndex([listOf(data, own, person.key)]);
    for (const [scope, index] of [
      ['own ballots', idx],
      ['national list', natIdx],
    ] as const) {
      const figs = evaluate((input) => m.decide(index, input), posts, [AT.pileg, AT.pilkada], timeOf);
      lines.push(
        '',
        `${person.label}, ${scope} (${scope === 'own ballots' ? `${own.length} elections, ${ownTickets} entries` : 'all'}):`,
        table(figs),
      );
      record(figures, `${person.key}/${scope}`, figs);
      const worst = [...figs.values()].flatMap((f) => f.examples.slice(0, 3).map((e) => `  ${f.cat}: ${e}`));
      if (worst.length) lines.push('examples:', ...worst);
      log(lines.slice(-8).join('\n'));
    }
  }

  // decide latency on the national index: every real post, and a 2,000-character one. The lists
  // (a quarter of a million objects) are released first: a content script holds only the index,
  // and their garbage collections would be counted as decisions
  data.elections.length = 0;
  national.elections = [];
  gc?.();
  const inputs: MatchInput[] = allPosts.map((p) => ({
    site: 'facebook',
    text: p.text,
    region: p.region,
    now: timeOf(p),
  }));
  let long = '';
  for (let i = 0; long.length < 1900; i++) long += `${EVERYDAY[i % EVERYDAY.length]!.text} `;
  inputs.push({
    site: 'facebook',
    text: `${long.slice(0, 1900)} ${allPosts.find((p) => p.expect)?.text ?? ''}`.slice(0, 2000),
    region: PERSONS[0].kec,
    now: AT.pileg,
  });
  for (let r = 0; r < 5; r++) for (const x of inputs) m.decide(natIdx, x);
  const lat: number[] = [];
  for (let r = 0; r < 20; r++) {
    for (const x of inputs) {
      const a = performance.now();
      m.decide(natIdx, x);
      lat.push(performance.now() - a);
    }
  }
  lat.sort((a, b) => a - b);
  const p50 = lat[Math.floor(lat.length * 0.5)]!;
  const p99 = lat[Math.floor(lat.length * 0.99)]!;
  figures.nationalDecideP50ms = p50;
  figures.nationalDecideP99ms = p99;
  lines.push(
    '',
    `national index, decide over ${inputs.length} real posts ×20: p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (target p99 ≤ 0.5)`,
  );
  return { lines, figures };
}

/**
 * What the index holds: its typed arrays, its strings (two bytes a character, the upper bound),
 * and the number map (about 40 bytes an entry, 8 a ticket in it).
 */
function indexBytes(idx: MatchIndex): number {
  let b = 0;
  for (const v of Object.values(idx)) {
    if (ArrayBuffer.isView(v)) b += v.byteLength;
    else if (typeof v === 'string') b += v.length * 2;
  }
  for (const l of idx.numbers.values()) b += 40 + 8 * l.length;
  for (const e of idx.elections) b += 200 + 2 * (e.id.length + e.name.length);
  return b;
}

function record(out: Record<string, number>, prefix: string, figs: Map<string, Figures>): void {
  for (const f of figs.values()) {
    if (f.cat.startsWith('campaign')) {
      out[`${prefix}/recallFirst`] = f.first / f.posts;
      out[`${prefix}/recallAny`] = f.found / f.posts;
      out[`${prefix}/matchesPerCampaignPost`] = f.matchesPerPost;
    } else out[`${prefix}/${f.cat}FPR`] = f.warned / f.posts;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runRealNames().then(
    async (r) => {
      console.log(corpusFigures(await loadMatcher()).lines.join('\n'));
      console.log(r.lines.join('\n'));
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
