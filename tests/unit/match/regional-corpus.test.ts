/**
 * The regional corpus (tests/corpus/regional-posts.ts) against the synthetic regional list: for a
 * person in each region, on their own region, namesake posts warn at most 2% of the time,
 * everyday posts at most 1%, and at least 90% of local campaign posts give the right ticket first.
 */
import { describe, expect, it } from 'vitest';
import { compileIndex, decide } from '../../../lib/match';
import { evaluate, type LabelledPost, table } from '../../corpus/evaluate';
import { AT, PERSON, REGIONAL_LIST } from '../../corpus/regional-list';
import { CAMPAIGN, REGIONAL_POSTS } from '../../corpus/regional-posts';

const idx = compileIndex([REGIONAL_LIST]);
const posts: LabelledPost[] = REGIONAL_POSTS.map((p) => ({
  text: p.text,
  cat: p.cat === 'campaign' ? 'campaign' : p.cat,
  region: PERSON[p.who],
  expect: p.expect,
}));
const timeOf = (p: LabelledPost): number => (p.expect && /^pil(gub|bup|walkot)/.test(p.expect) ? AT.pilkada : AT.pileg);

describe('regional corpus (namesakes, everyday posts, local campaigns)', () => {
  it('has namesake, everyday and campaign posts for each of the three regions', () => {
    for (const who of Object.keys(PERSON)) {
      for (const cat of ['namesake', 'everyday', 'campaign'])
        expect(REGIONAL_POSTS.filter((p) => p.who === who && p.cat === cat).length).toBeGreaterThanOrEqual(30);
    }
    // every expected ticket exists in the list
    const ids = new Set(REGIONAL_LIST.elections.flatMap((e) => e.tickets.map((t) => t.id)));
    for (const p of CAMPAIGN) expect(ids.has(p.expect!), p.expect).toBe(true);
  });

  it('meets FPR ≤ 2% on namesakes, ≤ 1% on everyday posts, recall ≥ 90% with the right ticket first', () => {
    const figs = evaluate((input) => decide(idx, input), posts, [AT.pileg, AT.pilkada], timeOf);
    const out = [table(figs)];
    for (const f of figs.values()) if (f.examples.length) out.push('', `${f.cat}:`, ...f.examples.map((e) => `  ${e}`));
    console.log(out.join('\n'));
    const ns = figs.get('namesake')!;
    const ev = figs.get('everyday')!;
    const cp = figs.get('campaign')!;
    expect(ns.warned / ns.posts).toBeLessThanOrEqual(0.02);
    expect(ev.warned / ev.posts).toBeLessThanOrEqual(0.01);
    expect(cp.first / cp.posts).toBeGreaterThanOrEqual(0.9);
  });
});
