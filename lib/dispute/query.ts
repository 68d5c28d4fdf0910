/**
 * The report page's address: `/report.html?ticket=…&list=…&seq=…&from=warning|history`. It names
 * one list entry and where the person came from, nothing else; the page reads the entry itself from
 * the active list (lib/dispute/entry.ts). Pure functions, shared by the background and the page.
 */

export const REPORT_PAGE = '/report.html';

export type DisputeFrom = 'warning' | 'history';

/** Which list entry a report is about (`dispute:open` in lib/messages.ts carries the same). */
export interface ReportQuery {
  ticketId: string;
  from: DisputeFrom;
  /** the list the entry was matched in (a history row keeps it); left out: the list in use now */
  listId?: string;
  listSequence?: number;
}

/** Longest ticket or list id carried; list ids and ticket ids are short slugs in practice. */
export const MAX_ID_LENGTH = 200;

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
const isSequence = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

/** The request checked field by field (it may come from a content script); null when unusable. */
export function checkReportQuery(raw: unknown): ReportQuery | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isId(r.ticketId) || (r.from !== 'warning' && r.from !== 'history')) return null;
  const q: ReportQuery = { ticketId: r.ticketId, from: r.from };
  if (r.listId !== undefined) {
    if (!isId(r.listId)) return null;
    q.listId = r.listId;
  }
  if (r.listSequence !== undefined) {
    if (!isSequence(r.listSequence)) return null;
    q.listSequence = r.listSequence;
  }
  return q;
}

/** `ticket=…&list=…&seq=…&from=…` (URL-encoded), without the leading `?`. */
export function reportSearch(q: ReportQuery): string {
  const p = new URLSearchParams({ ticket: q.ticketId });
  if (q.listId !== undefined) p.set('list', q.listId);
  if (q.listSequence !== undefined) p.set('seq', String(q.listSequence));
  p.set('from', q.from);
  return p.toString();
}

/** The page's side: the query read back from `location.search`; null when it names no entry. */
export function parseReportSearch(search: string): ReportQuery | null {
  const p = new URLSearchParams(search);
  const seq = p.get('seq');
  return checkReportQuery({
    ticketId: p.get('ticket') ?? undefined,
    from: p.get('from') ?? undefined,
    listId: p.get('list') ?? undefined,
    listSequence: seq !== null && /^[0-9]{1,15}$/.test(seq) ? Number(seq) : seq === null ? undefined : Number.NaN,
  });
}
