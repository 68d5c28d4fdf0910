/**
 * The list entry a report is about, read from a list: the ticket's id, number, label and status,
 * its people's names exactly as listed, the election and its region. Only list data: nothing about
 * the person reporting or where they saw the warning.
 */
import type { CandidateList, Publisher } from '../list/types';

export interface DisputeEntry {
  ticketId: string;
  number?: number;
  label?: string;
  status?: string;
  /** each member's `name` as listed (and `official_name` when the list gives one), with the role */
  names: { name: string; officialName?: string; role: string }[];
  election: { id: string; name: string };
  region: { code: string; name: string };
}

/** The list side of a report: which release, and who published it. */
export interface DisputeList {
  id: string;
  sequence: number;
  publisher: Publisher;
}

/** `dispute:entry`'s answer: the active list, and the entry in it (null when it is not there). */
export interface DisputeLookup {
  list: DisputeList;
  entry: DisputeEntry | null;
}

/** The ticket `ticketId` of `list`, or null. Ticket ids are unique in a list (docs/list-format.md). */
export function findEntry(list: CandidateList, ticketId: string): DisputeEntry | null {
  for (const e of list.elections) {
    const t = e.tickets.find((x) => x.id === ticketId);
    if (!t) continue;
    const entry: DisputeEntry = {
      ticketId: t.id,
      names: t.members.map((m) => ({
        name: m.name,
        ...(m.official_name && m.official_name !== m.name ? { officialName: m.official_name } : {}),
        role: m.role,
      })),
      election: { id: e.id, name: e.name },
      region: { code: e.region.code, name: e.region.name },
    };
    if (t.number !== undefined) entry.number = t.number;
    if (t.label) entry.label = t.label;
    if (t.status) entry.status = t.status;
    return entry;
  }
  return null;
}

export function lookup(list: CandidateList, ticketId: string): DisputeLookup {
  const { name, url, contact } = list.publisher;
  return {
    list: {
      id: list.list_id,
      sequence: list.sequence,
      publisher: { name, ...(url ? { url } : {}), ...(contact ? { contact } : {}) },
    },
    entry: findEntry(list, ticketId),
  };
}
