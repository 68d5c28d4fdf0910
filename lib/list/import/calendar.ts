/**
 * Election calendars: one small hand-written JSON file per election in lib/list/calendars/, each
 * date with a note saying where it comes from. The list's election window follows from them:
 * `from` the first day of registration (before the determination people are *bakal calon*),
 * `determined_at` KPU's determination, `until` the last day of the disputes.
 */
import { parseDate } from '../dates';
import type { ElectionType, ElectionWindow } from '../types';

interface Span {
  from: string;
  until: string;
  source: string;
}
interface Day {
  date: string;
  source: string;
}

export interface Calendar {
  id: string;
  name: string;
  types: ElectionType[];
  year: number;
  phases: { registration: Span; determination: Day; campaign: Span; voting: Day; disputes: Span };
}

/** Check a calendar's shape and dates; returns the problems (none = usable). */
export function checkCalendar(v: unknown): string[] {
  const c = v as Partial<Calendar> | null;
  if (!c || typeof c !== 'object') return ['a calendar is a JSON object'];
  const errors: string[] = [];
  if (typeof c.id !== 'string' || !c.id) errors.push('no "id"');
  if (!Array.isArray(c.types) || !c.types.length) errors.push('no "types"');
  if (!Number.isInteger(c.year)) errors.push('no whole "year"');
  const p = c.phases;
  if (!p || typeof p !== 'object') return [...errors, 'no "phases"'];
  const day = (what: string, d: unknown) => {
    if (typeof d !== 'string' || !parseDate(d)) errors.push(`${what}: ${JSON.stringify(d)} is not a date`);
  };
  for (const k of ['registration', 'campaign', 'disputes'] as const) {
    const s = p[k];
    if (!s) {
      errors.push(`no phases.${k}`);
      continue;
    }
    day(`phases.${k}.from`, s.from);
    day(`phases.${k}.until`, s.until);
    if (!s.source) errors.push(`phases.${k} has no "source"`);
  }
  for (const k of ['determination', 'voting'] as const) {
    const s = p[k];
    if (!s) {
      errors.push(`no phases.${k}`);
      continue;
    }
    day(`phases.${k}.date`, s.date);
    if (!s.source) errors.push(`phases.${k} has no "source"`);
  }
  if (!errors.length && p.registration!.from > p.disputes!.until)
    errors.push('registration starts after the disputes end');
  return errors;
}

export const windowOf = (c: Calendar): ElectionWindow => ({
  from: c.phases.registration.from,
  until: c.phases.disputes.until,
  determined_at: c.phases.determination.date,
});

export class Calendars {
  private readonly byType = new Map<ElectionType, Calendar>();
  constructor(calendars: readonly Calendar[]) {
    for (const c of calendars) for (const t of c.types) this.byType.set(t, c);
  }
  get(type: ElectionType): Calendar | undefined {
    return this.byType.get(type);
  }
}
