/**
 * Optional real-data tier: the matcher on the real 2024 candidate names (the real-data folder
 * beside the repository, or $JN_REAL_DATA), for a person in Kec. Mesuji (Kab. Mesuji) and one in Kec. Sumur Bandung (Kota
 * Bandung). Lists are built in memory by the bench's small reader (scripts/bench/real-names-data.ts)
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
      const c = figs.get('campaign')!;
      // the right ticket is among the matches; it is not always first: the index cannot tell the
      // DPR/DPRD districts of one province apart for a party's bare number (see docs/matching.md)
      expect(c.found / c.posts).toBeGreaterThanOrEqual(0.9);
    });
  }
});
