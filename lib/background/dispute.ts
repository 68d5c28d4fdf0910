/**
 * "Report a list error": the background's part. The warning dialog (inside a social site's page) and
 * the history page ask for the report page; it opens in a new tab of the extension's own origin, with
 * the entry's identity in its address. The social page sees nothing but its tab losing focus.
 * Nothing here sends anything anywhere: the page only prepares a message for the person.
 */
import type { Protocol } from '../messages';
import { checkReportQuery, REPORT_PAGE, reportSearch } from '../dispute/query';

export interface DisputeDeps {
  /** the active list's id and sequence (never the demo copy's id): the list a warning came from */
  activeList(): Promise<{ list_id: string; sequence: number }>;
  /** the extension page's full URL for a path, e.g. browser.runtime.getURL */
  pageUrl(path: string): string;
  openTab(url: string): Promise<unknown>;
}

export function createDisputeOpener(deps: DisputeDeps) {
  return async (raw: Protocol['dispute:open']['req']): Promise<Protocol['dispute:open']['res']> => {
    const q = checkReportQuery(raw);
    if (!q) throw new Error('dispute:open: bad request');
    if (q.listId === undefined) {
      // A warning names tickets only: the list is the one in use now.
      const list = await deps.activeList();
      q.listId = list.list_id;
      q.listSequence = list.sequence;
    }
    await deps.openTab(`${deps.pageUrl(REPORT_PAGE)}?${reportSearch(q)}`);
    return { ok: true };
  };
}
