/**
 * The seed regions in real Chromium over HTTPS, on KPU's real 2024 exports (optional real-data
 * tier; says plainly when the data folder is absent). The publish pipeline
 * (`npm run list -- publish`, scripts/list/publish.ts) builds a signed manifest and its shards for
 * the five seed regions into a temporary folder with a temporary key; the e2e fixture server
 * serves them under a real-looking list host (https://lists.jaganetral.id/, mapped to the local
 * server with a throw-away certificate Chromium is told to accept); the BUILT extension is
 * subscribed with the publisher's subscription code. Then, for a kecamatan in each of Mesuji,
 * Rejang Lebong, Belitung Timur, Banyuasin and Gowa, a person picks their region by NAME
 * (province → kabupaten → kecamatan, names from the manifest's region directory), and:
 *  - the list the extension activated holds exactly their seven ballots (Pilpres, Pilgub,
 *    Pilbup/Pilwalkot, DPR, DPD, DPRD provinsi, DPRD kabupaten/kota dapil), compared with what the
 *    raw files say, read here without the importers;
 *  - a post calling for their own Pilbup/Pilwalkot paslon warns before a like, naming that ticket;
 *  - a post supporting a caleg of their own DPRD kabupaten/kota dapil warns, naming that caleg;
 *  - the same post for a caleg of another dapil of the same kabupaten does not warn (the like
 *    reaches the site);
 *  - "Coblos <party> nomor <n> untuk DPRD <kabupaten>" warns for that party's no. n on their own
 *    DPRD ballot.
 * KPU's 2024 windows have passed: the test publishes with the committed calendars moved around
 * today (same years and ids, a drill), as a publisher would for a rehearsal. Nothing generated is
 * written inside the repository.
 *
 *   npx wxt build && flock /tmp/jn-e2e.lock npx vitest run -c vitest.real-data.config.ts tests/real-data/seed-regions.e2e.test.ts
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/list/csv';
import { formatKey } from '../../lib/list/signature';
import { generateSigningKey } from '../../lib/list/sign-node';
import { formatSubscription } from '../../lib/list/subscription';
import type { CandidateList } from '../../lib/list/types';
import { publish } from '../../scripts/list/publish';
import { CHROME_BUILD, type ExtensionBrowser, launchWithExtension } from '../e2e/harness/browser';
import { cancel, dialog, openFixture, optIn } from '../e2e/harness/extension';
import { type FixtureServer, startFixtureServer } from '../e2e/harness/server';

const REPO = resolve(__dirname, '../..');
const DATA = process.env.JN_REAL_DATA ?? resolve(REPO, '../shared/data');
const present = existsSync(join(DATA, 'pileg2024')) && existsSync(join(DATA, 'pilkada2024'));
const built = existsSync(join(CHROME_BUILD, 'manifest.json'));
if (!present) console.log('skipped: ../shared/data absent');
else if (!built) console.log('skipped: no built extension (.output/chrome-mv3): run `npx wxt build` first');

const HOST = 'lists.jaganetral.id';
const BASE = '/pemilu-2024/';
const LIST_URL = `https://${HOST}${BASE}LIST.json`;
const LIST_ID = 'id.jaga-netral/uji-wilayah';
const SEEDS = ['1811', '1702', '1906', '1607', '7306'];

let tmp: string;
let site: string;
let server: FixtureServer;
let b: ExtensionBrowser;
let options: Page;
const raw = {
  dct: [] as { jenis: string; dapil: string; party: string; no: string }[],
  dapil: [] as { jenis: string; dapil: string; area: string; split: boolean }[],
  paslon: [] as { region: string; no: string; kk: boolean }[],
  names: new Map<string, string>(),
};

/** The committed calendars with every phase moved around today (registration 40 days ago … disputes in 90). */
function drillCalendars(dir: string): void {
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const src = join(REPO, 'lib/list/calendars');
  for (const name of readdirSync(src).filter((n) => n.endsWith('.json'))) {
    const c = JSON.parse(readFileSync(join(src, name), 'utf8'));
    const why = 'moved around the day of the test run (a drill)';
    c.phases = {
      registration: { from: day(-40), until: day(-35), source: why },
      determination: { date: day(-30), source: why },
      campaign: { from: day(-25), until: day(20), source: why },
      voting: { date: day(25), source: why },
      disputes: { from: day(30), until: day(90), source: why },
    };
    writeFileSync(join(dir, name), JSON.stringify(c));
  }
}

/** What a person in kecamatan `kec` must get, from the raw files alone: election id → sorted ballot keys. */
function expected(kec: string): Map<string, string[]> {
  const kab = kec.slice(0, 4);
  const prov = kec.slice(0, 2);
  const want = new Map<string, string[]>();
  const ballots = (jenis: string, dapil: string) =>
    raw.dct
      .filter((r) => r.jenis === jenis && r.dapil === dapil)
      .map((r) => (r.party ? `${r.party}/${r.no}` : r.no))
      .sort();
  const pilkada = (code: string) =>
    raw.paslon
      .filter((p) => p.region === code)
      .map((p) => p.no)
      .sort();
  want.set('pilpres-2024', ['1', '2', '3']);
  want.set(`pilgub-2024-${prov}`, pilkada(prov));
  want.set(`${Number(kab.slice(2)) >= 71 ? 'pilwalkot' : 'pilbup'}-2024-${kab}`, pilkada(kab));
  want.set(`pileg-dpd-2024-${prov}`, ballots('DPD', prov));
  const dapils = (jenis: string, match: (area: string) => boolean) => [
    ...new Set(raw.dapil.filter((d) => d.jenis === jenis && !d.split && match(d.area)).map((d) => d.dapil)),
  ];
  for (const d of dapils('DPR RI', (a) => a === kab || a.startsWith(kab)))
    want.set(`pileg-dpr-2024-${d}`, ballots('DPR RI', d));
  for (const d of dapils('DPRD PROVINSI', (a) => a === kab || a.startsWith(kab)))
    want.set(`pileg-dprd-prov-2024-${d}`, ballots('DPRD PROVINSI', d));
  for (const d of dapils('DPRD KABUPATEN/KOTA', (a) => a.startsWith(kec)))
    want.set(`pileg-dprd-kabkota-2024-${d}`, ballots('DPRD KABUPATEN/KOTA', d));
  return want;
}

const ballotKeys = (list: CandidateList): Map<string, string[]> =>
  new Map(
    list.elections.map((e) => [
      e.id,
      e.tickets
        .map((t) => {
          const party = list.parties?.find((p) => p.id === t.party_ids?.[0]);
          return party?.number !== undefined ? `${party.number}/${t.number}` : String(t.number);
        })
        .sort(),
    ]),
  );

/** The list the extension holds active (read from its storage, as the background stored it). */
const activeList = async (): Promise<CandidateList | undefined> =>
  (await b.worker.evaluate(
    `chrome.storage.local.get("list.pointer").then(async (r) => {
      const p = r["list.pointer"];
      if (!p) return undefined;
      return (await chrome.storage.local.get(p.dataKey))[p.dataKey];
    })`,
  )) as CandidateList | undefined;

/** A shard of the published folder (for the names of candidates the person must NOT get). */
const shard = (path: string): CandidateList => JSON.parse(readFileSync(join(site, path), 'utf8'));

/** An x.com timeline with the given posts (the fixture site's script counts each real action). */
function servePosts(path: string, posts: string[]): void {
  const head = readFileSync(join(REPO, 'tests/fixtures/x/home.html'), 'utf8').split('<div id="react-root">')[0]!;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const articles = posts
    .map(
      (
        text,
        i,
      ) => `<div data-testid="cellInnerDiv"><article data-testid="tweet" role="article" tabindex="0" data-post="p${i + 1}">
        <div data-testid="User-Name"><a href="/warga${i}" role="link"><span>Warga ${i}</span></a>
          <a href="/warga${i}" role="link" tabindex="-1"><span>@warga${i}</span></a>
          <a href="/warga${i}/status/18${i}000" role="link"><time datetime="2024-10-10T08:00:00.000Z">10 Okt</time></a></div>
        <div data-testid="tweetText" lang="id"><span>${esc(text)}</span></div>
        <div role="group" aria-label="actions">
          <button data-testid="like" aria-label="0 Likes. Like"><svg viewBox="0 0 24 24" aria-hidden="true"></svg><span data-count="like">0</span></button>
        </div></article></div>`,
    )
    .join('\n');
  const html = `${head}<div id="react-root"><main role="main"><h1>Home</h1><section aria-label="Timeline">${articles}</section></main></div>
    <div id="layers"></div><script src="/app.js"></script></body></html>`;
  server.route('x.com', path, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
}

describe.skipIf(!present || !built)('the seed regions in real Chromium, from the published national pipeline', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'jn-seeds-'));
    site = join(tmp, 'site');
    const cal = join(tmp, 'calendars');
    mkdirSync(cal);
    drillCalendars(cal);
    const k = generateSigningKey('uji-wilayah');
    writeFileSync(join(tmp, 'k.key'), JSON.stringify(k.privateFile));
    const printed: string[] = [];
    const r = await publish(
      [
        ...['--data', DATA, '--out', site, '--key', join(tmp, 'k.key'), '--sequence', '7'],
        ...['--list-id', LIST_ID, '--publisher', 'Uji wilayah', '--region', SEEDS.join(','), '--layout', 'dapil'],
        ...['--calendars', cal, '--quiet'],
      ],
      { out: (l) => printed.push(l), err: () => {}, cwd: REPO },
      REPO,
    );
    console.log(printed.filter((l) => !l.startsWith('    ')).join('\n'));
    expect(r.code).toBe(0);
    // raw facts, read without the importers
    raw.dct = parseCsv(gunzipSync(readFileSync(join(DATA, 'pileg2024/dct_2024.csv.gz'))).toString('utf8')).rows.map(
      ({ cells: c }) => ({ jenis: c[0]!, dapil: c[1]!, party: c[3]!, no: c[6]! }),
    );
    raw.dapil = parseCsv(readFileSync(join(DATA, 'pileg2024/dapil_wilayah.csv'), 'utf8')).rows.map(({ cells: c }) => ({
      jenis: c[0]!,
      dapil: c[1]!,
      area: c[3]!,
      split: c[6] === 'True',
    }));
    raw.paslon = parseCsv(readFileSync(join(DATA, 'pilkada2024/paslon_pilkada2024.csv'), 'utf8')).rows.map(
      ({ cells: c }) => ({ region: c[2]!, no: c[7]!, kk: c[10] === '1' }),
    );
    for (const { cells: c } of parseCsv(readFileSync(join(DATA, 'wilayah/kemendagri_2025_l1-l3.csv'), 'utf8')).rows)
      raw.names.set(c[1]!, c[3]!);

    // the published folder, as a static host serves it (CORS for an extension without host permission)
    server = await startFixtureServer();
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    for (const file of files(site)) {
      const body = readFileSync(file);
      server.route(HOST, `${BASE}${relative(site, file).replace(/\\/g, '/')}`, (_req, res) => {
        res
          .writeHead(200, {
            'content-type': 'application/json',
            'access-control-allow-origin': '*',
            'cache-control': 'no-store',
          })
          .end(body);
      });
    }
    b = await launchWithExtension({ port: server.port });
    await optIn(b, { region: '' });
    options = await b.context.newPage();
    options.setDefaultTimeout(20_000);
    await options.goto(b.extUrl('/options.html'));
    await options.locator('button[name="save"]').waitFor();
    await options.fill('input[name="list_subscription"]', formatSubscription(LIST_URL, formatKey(k.publicKey))!);
    await options.click('button[name="save"]');
    await options
      .locator(`[data-list-status="ok"][data-list-id="${LIST_ID}"][data-list-sequence="7"]`)
      .waitFor({ timeout: 60_000 });
  }, 240_000);

  afterAll(async () => {
    await b?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  for (const kab of SEEDS) {
    it(`a person in a kecamatan of ${kab}, picked by name, gets exactly their ballots and is warned about their own candidates`, async () => {
      // the kecamatan: the first of the kabupaten that a DPRD kabupaten/kota dapil names
      const kec = [...raw.names.keys()].find(
        (c) => c.length === 6 && c.startsWith(kab) && raw.dapil.some((d) => d.area.startsWith(c)),
      )!;
      expect(kec).toBeDefined();
      // 1. the picker offers province → kabupaten → kecamatan by name (from the manifest's directory)
      await options.reload();
      await options.locator('button[name="save"]').waitFor();
      await options.selectOption('#region_province', { label: raw.names.get(kab.slice(0, 2))! });
      await options.locator('#region_regency').waitFor();
      await options.selectOption('#region_regency', { label: raw.names.get(kab)! });
      await options.locator('#region_district').waitFor();
      const kecamatanNames = await options.locator('#region_district option').allTextContents();
      expect(kecamatanNames.length).toBeGreaterThan(5); // "whole kabupaten" and the kecamatan, by name
      expect(kecamatanNames.every((n) => !/^\d+$/.test(n))).toBe(true);
      await options.selectOption('#region_district', { label: raw.names.get(kec)! });
      await expect.poll(() => options.inputValue('input[name="region"]')).toBe(kec);
      await options.click('button[name="save"]');
      // 2. the extension fetched this kecamatan's shards and published an index for its region
      await expect
        .poll(
          () =>
            b.worker.evaluate(
              `chrome.storage.local.get(["list.pointer", "matchIndex"]).then((r) => (r["list.pointer"] || {}).choice + " " + (r.matchIndex || {}).region + " " + (r.matchIndex || {}).listId)`,
            ),
          { timeout: 60_000, interval: 250 },
        )
        .toBe(`00,${kab.slice(0, 2)},${kab}:${kec} ${kec} ${LIST_ID}`);
      const list = (await activeList())!;
      const want = expected(kec);
      expect(ballotKeys(list)).toEqual(want);
      const types = list.elections.map((e) => e.type).sort();
      expect(types).toEqual(
        [
          'pilpres',
          'pilgub',
          Number(kab.slice(2)) >= 71 ? 'pilwalkot' : 'pilbup',
          'pileg_dpr',
          'pileg_dpd',
          'pileg_dprd_prov',
          'pileg_dprd_kabkota',
        ].sort(),
      );

      // 3. posts: their paslon; a caleg of their own DPRD dapil; a caleg of another dapil of the kabupaten
      const kabName = raw.names.get(kab)!.replace(/^Kabupaten\s+/, '');
      const paslonRace = list.elections.find((e) => e.type === 'pilbup' || e.type === 'pilwalkot')!;
      const paslon = paslonRace.tickets.find((t) => t.kind !== 'empty_column' && t.members.length === 2)!;
      const own = list.elections.find((e) => e.type === 'pileg_dprd_kabkota')!;
      const pick = (l: CandidateList['elections'][number]) =>
        l.tickets.find((t) => t.members[0]!.name.split(/\s+/).length >= 2 && (t.number ?? 0) >= 1)!;
      const caleg = pick(own);
      const partyOf = (t: typeof caleg, l: CandidateList) => l.parties?.find((p) => p.id === t.party_ids?.[0]);
      const otherPath = readdirSync(join(site, 'kab', kab))
        .map((n) => `kab/${kab}/${n}`)
        .find((p) => !p.endsWith(`-${own.region.code}.json`))!;
      const otherList = shard(otherPath);
      const other = pick(otherList.elections[0]!);
      const support = (t: typeof caleg) => `Dukung ${t.members[0]!.name}, caleg DPRD ${kabName}, mohon doa restunya`;
      const posts = [
        `Kampanye akbar paslon ${paslon.number} ${paslon.members[0]!.name} - ${paslon.members[1]!.name} di lapangan ${kabName}, ayo coblos!`,
        support(caleg),
        support(other),
        // a party's ballot number: that party's candidate on the person's own DPRD ballot
        `Coblos ${partyOf(caleg, list)?.abbrev ?? partyOf(caleg, list)?.name} nomor ${caleg.number} untuk DPRD ${kabName}!`,
      ];
      servePosts(`/seed-${kab}`, posts);
      const page = await openFixture(b, `https://x.com/seed-${kab}`);
      try {
        await page.click('article[data-post="p1"] [data-testid="like"]');
        await dialog(page).waitFor();
        expect((await dialog(page).getAttribute('data-tickets'))?.split(' ')[0]).toBe(paslon.id);
        await cancel(page);
        await page.click('article[data-post="p2"] [data-testid="like"]');
        await dialog(page).waitFor();
        expect((await dialog(page).getAttribute('data-tickets'))?.split(' ')[0]).toBe(caleg.id);
        await cancel(page);
        await page.click('article[data-post="p3"] [data-testid="like"]');
        // the guard decides inside the click: a dialog would already be open; the like went through
        expect(await dialog(page).count()).toBe(0);
        await expect
          .poll(() =>
            page.evaluate(() => (window as unknown as { __counts: Record<string, number> }).__counts['p3:like']),
          )
          .toBe(1);
        await page.click('article[data-post="p4"] [data-testid="like"]');
        await dialog(page).waitFor();
        expect((await dialog(page).getAttribute('data-tickets'))?.split(' ')[0]).toBe(caleg.id);
        await cancel(page);
        console.log(
          `  ${kab} kecamatan ${kec} (${raw.names.get(kec)}): ${list.elections.length} elections, ${list.elections.reduce((n, e) => n + e.tickets.length, 0)} entries; warned: ${paslon.id}, ${caleg.id}; not warned: ${other.id} (another dapil)`,
        );
      } finally {
        await page.close();
      }
    }, 150_000);
  }
});
