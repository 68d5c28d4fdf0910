/**
 * Optional real-data tier: the matcher on the real 2024 candidate names (the real-data folder
 * beside the repository, or $JN_REAL_DATA), for a person in Kec. Mesuji (Kab. Mesuji), one in Kec. Sumur Bandung (Kota
 * Bandung) and one in a kecamatan of each other seed region (Rejang Lebong, Belitung Timur,
 * Banyuasin, Gowa). Lists are built in memory by the bench's small reader (scripts/bench/real-names-data.ts)
 * — their own ballots, and the national list — and decided on posts made at run time around those
 * names (namesake and local campaign posts, scripts/bench/real-names.ts) and on the hand-written
 * everyday posts. Nothing is written to disk. Without the data folder it says so and passes.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileIndex, decide } from '../../lib/match';
import { naturalName } from '../../lib/list/titles';
import type { MatchIndex } from '../../lib/match/structure';
import { evaluate, type Figures, type LabelledPost, table } from '../corpus/evaluate';
import { PERSONS, realPosts } from '../../scripts/bench/real-names';
import { AT, ballotsOf, dataDir, listOf, type RealData, readRealData } from '../../scripts/bench/real-names-data';

const DIR = dataDir(resolve(__dirname, '../..'));
if (!DIR) console.log('skipped: ../shared/data absent');

const timeOf = (p: LabelledPost): number => (p.expect && /^pil(gub|bup|walkot)/.test(p.expect) ? AT.pilkada : AT.pileg);
const rate = (f: Figures | undefined, campaign = false): number =>
  f ? (campaign ? f.first / f.posts : f.warned / f.posts) : Number.NaN;

describe.skipIf(!DIR)('matcher on real 2024 names', () => {
  let data: RealData;
  let national: MatchIndex;
  beforeAll(() => {
    data = readRealData(DIR!, naturalName);
    national = compileIndex([listOf(data, data.elections, 'national')]);
  });

  it('Kec. Mesuji: the measured failures of the earlier matcher no longer happen', () => {
    const kec = PERSONS[0].kec;
    const own = compileIndex([listOf(data, ballotsOf(data, kec), 'mesuji')]);
    const run = (idx: MatchIndex, text: string, now = AT.pileg) =>
      decide(idx, { site: 'facebook', text, region: kec, now }).matches.map((m) => m.ticketId);
    for (const idx of [own, national]) {
      // a one-word name with a generic context word, for the Pilbup candidate H. SUPRAPTO
      expect(run(idx, 'Bapak Suprapto terpilih sebagai ketua RT periode 2024-2027', AT.pilkada)).toEqual([]);
      expect(run(idx, 'Pak Suprapto menang lomba, terpilih lagi periode kedua', AT.pilkada)).toEqual([]);
      // joined forms and initials, everyday words, streets
      expect(run(idx, 'Alhamdulillah anak kami lulus SMA')).toEqual([]);
      expect(run(idx, 'Warga masih menunggu, selamat hari juara, terima kasih atas kasih sayangnya')).toEqual([]);
      expect(run(idx, 'Macet panjang di Jl. Ahmad Yani sore ini')).toEqual([]);
      expect(run(idx, 'Silaturahmi keluarga besar, sebagai muslim kita wajib rukun')).toEqual([]);
    }
    // a party's ballot number is its candidate in the DPRD kabupaten race, not Pilpres 03 or Pilbup 03
    const got = run(own, 'Coblos Golkar nomor 3 untuk DPRD Mesuji');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^pileg_dprd_kabkota-1811\d\d\/\d+\/3\//);
    const nat = run(national, 'Coblos Golkar nomor 3 untuk DPRD Mesuji');
    expect(nat.length).toBeGreaterThan(0);
    for (const id of nat) expect(id).toMatch(/^pileg_dprd_kabkota-1811/);
    expect(nat).toContain(got[0]);
  });

  for (const person of PERSONS) {
    it(`${person.label}: own ballots meet FPR ≤ 2% (namesakes), ≤ 1% (everyday), recall ≥ 90% right ticket first`, () => {
      const own = ballotsOf(data, person.kec);
      // Pilpres, Pilgub, Pilbup/Pilwalkot, DPR, DPD, DPRD provinsi, DPRD kabupaten/kota
      expect(new Set(own.map((e) => e.type)).size).toBe(7);
      const posts = realPosts(data, person.kec, own);
      const idx = compileIndex([listOf(data, own, person.key)]);
      const figs = evaluate((input) => decide(idx, input), posts, [AT.pileg, AT.pilkada], timeOf);
      console.log(`${person.label}, own ballots\n${table(figs)}`);
      expect(rate(figs.get('namesake'))).toBeLessThanOrEqual(0.02);
      expect(rate(figs.get('everyday'))).toBeLessThanOrEqual(0.01);
      expect(rate(figs.get('campaign'), true)).toBeGreaterThanOrEqual(0.9);
    });

    it(`${person.label}: the national list, scoped by region, keeps the FPR targets and finds every ticket`, () => {
      const posts = realPosts(data, person.kec, ballotsOf(data, person.kec));
      const figs = evaluate((input) => decide(national, input), posts, [AT.pileg, AT.pilkada], timeOf);
      console.log(`${person.label}, national list\n${table(figs)}`);
      expect(rate(figs.get('namesake'))).toBeLessThanOrEqual(0.02);
      expect(rate(figs.get('everyday'))).toBeLessThanOrEqual(0.01);
      // the dapils list their areas (region.areas): a party's number for "DPR RI Lampung" resolves
      // in the person's own district, not in every district of the province
      expect(rate(figs.get('campaign'), true)).toBeGreaterThanOrEqual(0.9);
    });
  }
});
