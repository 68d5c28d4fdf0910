import { parseDate } from '../list/dates';
import type { CandidateList } from '../list/types';
import type { ElectionWindowInfo } from '../messages';

/** The popup's "which elections are in their warning window now" (bare days in WIB, `until` inclusive). */
export function electionWindows(list: CandidateList, now: number): ElectionWindowInfo[] {
  return list.elections.map((e) => {
    const from = parseDate(e.window.from)?.start ?? Number.POSITIVE_INFINITY;
    const until = parseDate(e.window.until)?.end ?? Number.NEGATIVE_INFINITY;
    return { id: e.id, name: e.name, from: e.window.from, until: e.window.until, open: now >= from && now < until };
  });
}
