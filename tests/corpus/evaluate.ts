/**
 * Figures of a matcher over labelled posts: the false-positive rate on posts that must not warn
 * (namesakes, everyday posts) and the recall on campaign posts, counted only when the expected
 * ticket is the first match. Takes the decide function as an argument so that the bench can
 * measure another build of the matcher (an older release) with the same posts.
 */
import type { Decision, MatchInput } from '../../lib/match/types';

export interface LabelledPost {
  text: string;
  cat: string;
  /** the person's region (kecamatan or regency code) */
  region: string;
  /** the ticket that must come first; absent = must not warn */
  expect?: string;
}

export interface Figures {
  cat: string;
  posts: number;
  /** posts that warned (neutral) */
  warned: number;
  /** campaign posts whose expected ticket came first */
  first: number;
  /** campaign posts whose expected ticket was among the matches */
  found: number;
  /** matches per warned post */
  matchesPerPost: number;
  examples: string[];
}

export type DecideFn = (input: MatchInput) => Decision;

/**
 * Neutral posts are decided at every instant in `times` (a hit at any counts); campaign posts at
 * `timeOf(post)`.
 */
export function evaluate(
  decide: DecideFn,
  posts: LabelledPost[],
  times: number[],
  timeOf: (p: LabelledPost) => number,
): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const p of posts) {
    let f = out.get(p.cat);
    if (!f) {
      f = { cat: p.cat, posts: 0, warned: 0, first: 0, found: 0, matchesPerPost: 0, examples: [] };
      out.set(p.cat, f);
    }
    f.posts++;
    if (p.expect) {
      const m = decide({ site: 'facebook', text: p.text, region: p.region, now: timeOf(p) }).matches;
      if (m.length > 0) f.matchesPerPost += m.length;
      if (m[0]?.ticketId === p.expect) f.first++;
      else if (f.examples.length < 40)
        f.examples.push(
          `${p.text} → ${
            m
              .slice(0, 3)
              .map((x) => x.ticketId)
              .join(', ') || 'nothing'
          } (want ${p.expect})`,
        );
      if (m.some((x) => x.ticketId === p.expect)) f.found++;
    } else {
      let hit: string[] = [];
      for (const now of times) {
        const m = decide({ site: 'facebook', text: p.text, region: p.region, now }).matches;
        if (m.length > hit.length) hit = m.map((x) => `${x.ticketId} (${x.evidence.map((e) => e.term).join('; ')})`);
      }
      if (hit.length > 0) {
        f.warned++;
        f.matchesPerPost += hit.length;
        if (f.examples.length < 40) f.examples.push(`${p.text} → ${hit.slice(0, 3).join(', ')}`);
      }
    }
  }
  for (const f of out.values()) {
    const n = f.cat.startsWith('campaign') ? f.posts : f.warned;
    f.matchesPerPost = n > 0 ? f.matchesPerPost / n : 0;
  }
  return out;
}

/** One line per category: posts, FPR or recall (first / anywhere), matches per post. */
export function table(figs: Map<string, Figures>): string {
  const lines = ['category                 posts   FPR     recall(first)  recall(any)  matches/post'];
  for (const f of [...figs.values()].sort((a, b) => a.cat.localeCompare(b.cat))) {
    const campaign = f.cat.startsWith('campaign');
    lines.push(
      `${f.cat.padEnd(24)} ${String(f.posts).padStart(5)}   ${campaign ? '  -  ' : (f.warned / f.posts).toFixed(3)}   ${
        campaign ? (f.first / f.posts).toFixed(3) : '  -  '
      }          ${campaign ? (f.found / f.posts).toFixed(3) : '  -  '}        ${f.matchesPerPost.toFixed(1)}`,
    );
  }
  return lines.join('\n');
}
