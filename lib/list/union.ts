/**
 * The union of the lists of several sources (docs/list-format.md §8.3), and the conflicts between
 * them. Pure: used by the updater (lib/list/updater.ts, `createSources`) and by tests.
 *
 * A ticket is known by its `id` across sources. Its **facts** are the names of its members, its
 * ballot number, its election and that election's region. For every ticket id found in more than
 * one source:
 *
 * - the same facts: one ticket. The first source's copy is kept and takes the aliases, accounts,
 *   hashtags and slogans the later copies add (a regional list may know a local campaign account);
 *   the later copies are left out, so a match is never reported twice;
 * - different facts: a **conflict**. It is never resolved silently: both copies stay in the union
 *   exactly as their sources publish them (so a post naming either version still warns), and the
 *   conflict is listed on the options page with what each source says, until a publisher corrects
 *   its list.
 */
import type { Account, Alias, CandidateList, Election, Ticket } from './types';

/** One list in the union: the position of its source (1 = first) and the list in force there. */
export interface SourcedList {
  source: number;
  list: CandidateList;
}

/** What a source says about a ticket: the facts compared. */
export interface TicketFacts {
  source: number;
  listId: string;
  electionId: string;
  region: string;
  number?: number;
  /** member names as published */
  names: string[];
  label?: string;
}

export type ConflictField = 'names' | 'number' | 'election' | 'region';

export interface ListConflict {
  ticketId: string;
  /** the facts fields that differ between the first copy and this one */
  fields: ConflictField[];
  /** what the first source holding the ticket says */
  first: TicketFacts;
  /** what a later source says */
  other: TicketFacts;
}

export interface ListUnion {
  /** the lists the matcher compiles, in source order (identical later copies of a ticket removed) */
  lists: CandidateList[];
  /** every conflict, in source order, at most {@link MAX_CONFLICTS} */
  conflicts: ListConflict[];
  /** how many conflicts there are in all (conflicts may be cut at {@link MAX_CONFLICTS}) */
  conflictCount: number;
}

/** More than this is listed as a count only: two lists that disagree on everything are one problem. */
export const MAX_CONFLICTS = 200;

const normName = (s: string) =>
  // NFKC only where it can change something: most names are plain ASCII
  (/^[\x20-\x7e]*$/.test(s) ? s : s.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();

function factsOf(source: number, list: CandidateList, el: Election, t: Ticket): TicketFacts {
  const f: TicketFacts = {
    source,
    listId: list.list_id,
    electionId: el.id,
    region: el.region?.code ?? '',
    names: t.members.map((m) => m.name),
  };
  if (t.number !== undefined) f.number = t.number;
  if (t.label !== undefined) f.label = t.label;
  return f;
}

/** The names compared: normalised, in any order. */
const namesKey = (f: TicketFacts) => f.names.map(normName).sort().join('\n');

function differences(a: TicketFacts, aNames: string, b: TicketFacts, bNames: string): ConflictField[] {
  const out: ConflictField[] = [];
  if (aNames !== bNames) out.push('names');
  if (a.number !== b.number) out.push('number');
  if (a.electionId !== b.electionId) out.push('election');
  if ((a.region || '00') !== (b.region || '00')) out.push('region');
  return out;
}

const keyOf = (v: unknown) => JSON.stringify(v);

/** `into` plus the items of `more` it does not hold yet (compared as JSON). */
function addNew<T extends Alias | Account | string>(into: T[] | undefined, more: T[] | undefined): T[] | undefined {
  if (!more?.length) return into;
  const have = new Set((into ?? []).map(keyOf));
  const add = more.filter((x) => !have.has(keyOf(x)));
  return add.length ? [...(into ?? []), ...add] : into;
}

/** The first copy of a ticket with what a later copy of the same facts adds (`t` itself when nothing). */
function fold(t: Ticket, later: Ticket): Ticket {
  const adds =
    later.aliases?.length ||
    later.accounts?.length ||
    later.hashtags?.length ||
    later.slogans?.length ||
    later.members.some((m) => m.aliases?.length || m.accounts?.length);
  if (!adds) return t;
  let changed = false;
  const members = t.members.map((m) => {
    if (!later.members.length) return m;
    const name = normName(m.name);
    const twin = later.members.find((o) => normName(o.name) === name);
    if (!twin) return m;
    const aliases = addNew(m.aliases, twin.aliases);
    const accounts = addNew(m.accounts, twin.accounts);
    if (aliases === m.aliases && accounts === m.accounts) return m;
    changed = true;
    return { ...m, aliases, accounts };
  });
  const out: Ticket = { ...t, members };
  const aliases = addNew(t.aliases, later.aliases);
  if (aliases) out.aliases = aliases;
  const accounts = addNew(t.accounts, later.accounts);
  if (accounts) out.accounts = accounts;
  const hashtags = addNew(t.hashtags, later.hashtags);
  if (hashtags) out.hashtags = hashtags;
  const slogans = addNew(t.slogans, later.slogans);
  if (slogans) out.slogans = slogans;
  changed ||= aliases !== t.aliases || accounts !== t.accounts || hashtags !== t.hashtags || slogans !== t.slogans;
  return changed ? out : t;
}

/**
 * The union of `entries` (in source order). Lists are not modified; a list with nothing to fold
 * or leave out is passed on as the same object.
 */
export function unionLists(entries: readonly SourcedList[]): ListUnion {
  const conflicts: ListConflict[] = [];
  let conflictCount = 0;
  if (entries.length <= 1) return { lists: entries.map((e) => e.list), conflicts, conflictCount };
  // ticket id → where its first copy is (which entry, election and ticket index) and its facts
  const first = new Map<string, { entry: number; el: number; t: number; facts: TicketFacts; names: string }>();
  // the edits of each entry's list: replaced tickets (folded), and tickets left out
  const replaced = entries.map(() => new Map<string, Ticket>());
  const dropped = entries.map(() => new Set<string>());
  entries.forEach((e, entry) => {
    const { list } = e;
    list.elections.forEach((el, ei) => {
      el.tickets.forEach((t, ti) => {
        const facts = factsOf(e.source, list, el, t);
        const names = namesKey(facts);
        const f = first.get(t.id);
        if (!f) {
          first.set(t.id, { entry, el: ei, t: ti, facts, names });
          return;
        }
        if (f.entry === entry) return; // a list's own duplicate ids are the validator's business
        const fields = differences(f.facts, f.names, facts, names);
        if (fields.length) {
          conflictCount++;
          if (conflicts.length < MAX_CONFLICTS)
            conflicts.push({ ticketId: t.id, fields, first: f.facts, other: facts });
          return; // both copies stay
        }
        const base = replaced[f.entry]!.get(`${f.el}/${f.t}`) ?? entries[f.entry]!.list.elections[f.el]!.tickets[f.t]!;
        const folded = fold(base, t);
        if (folded !== base) replaced[f.entry]!.set(`${f.el}/${f.t}`, folded);
        dropped[entry]!.add(`${ei}/${ti}`);
      });
    });
  });
  const lists = entries.map((e, entry) => {
    const rep = replaced[entry]!;
    const drop = dropped[entry]!;
    if (!rep.size && !drop.size) return e.list;
    return {
      ...e.list,
      // an election whose every ticket is already in an earlier source is left out with them
      elections: e.list.elections.flatMap((el, ei) => {
        const tickets = el.tickets.flatMap((t, ti) => {
          const k = `${ei}/${ti}`;
          if (drop.has(k)) return [];
          return [rep.get(k) ?? t];
        });
        return tickets.length || !el.tickets.length ? [{ ...el, tickets }] : [];
      }),
    };
  });
  return { lists, conflicts, conflictCount };
}
