/**
 * The demo list: the bundled list with every election's window moved around `now` and every name
 * marked DEMO, so a newcomer can see a warning today although the real 2024 windows are closed.
 * It is clearly labelled everywhere it appears (dialog badge, options, popup) and only used when
 * the user switches demo mode on.
 */
import type { CandidateList } from './types';

const DAY = 86_400_000;
export const DEMO_LIST_ID = 'id.jaga-netral/demo';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function makeDemoList(list: CandidateList, now: number): CandidateList {
  return {
    ...list,
    list_id: DEMO_LIST_ID,
    publisher: { name: `DEMO — ${list.publisher.name}` },
    elections: list.elections.map((e) => ({
      ...e,
      name: `DEMO · ${e.name}`,
      window: { from: isoDay(now - 365 * DAY), until: isoDay(now + 365 * DAY), determined_at: isoDay(now - 30 * DAY) },
    })),
  };
}
