/** Counts shown on the options page and by `npm run list -- stats`. */
import type { CandidateList } from './types';

export interface ListCounts {
  elections: number;
  tickets: number;
  /** distinct person ids (a person standing in two elections counts once) */
  people: number;
  /** accounts of parties, tickets and people */
  accounts: number;
}

export function countList(list: CandidateList): ListCounts {
  let tickets = 0;
  let accounts = 0;
  const people = new Set<string>();
  for (const p of list.parties ?? []) accounts += p.accounts?.length ?? 0;
  for (const e of list.elections) {
    tickets += e.tickets.length;
    for (const t of e.tickets) {
      accounts += t.accounts?.length ?? 0;
      for (const m of t.members) {
        people.add(m.id);
        accounts += m.accounts?.length ?? 0;
      }
    }
  }
  return { elections: list.elections.length, tickets, people: people.size, accounts };
}

export interface ListStats extends ListCounts {
  parties: number;
  aliases: number;
  hashtags: number;
  byType: Record<string, number>;
  byRegion: Record<string, number>;
}

/** Fuller figures for the CLI. */
export function listStats(list: CandidateList): ListStats {
  const base = countList(list);
  let aliases = 0;
  let hashtags = 0;
  const byType: Record<string, number> = Object.create(null);
  const byRegion: Record<string, number> = Object.create(null);
  for (const p of list.parties ?? []) aliases += p.aliases?.length ?? 0;
  for (const e of list.elections) {
    byType[e.type] = (byType[e.type] ?? 0) + e.tickets.length;
    const region = e.region.code || '00';
    byRegion[region] = (byRegion[region] ?? 0) + e.tickets.length;
    for (const t of e.tickets) {
      aliases += (t.aliases?.length ?? 0) + (t.slogans?.length ?? 0);
      hashtags += t.hashtags?.length ?? 0;
      for (const m of t.members) aliases += m.aliases?.length ?? 0;
    }
  }
  return { ...base, parties: list.parties?.length ?? 0, aliases, hashtags, byType, byRegion };
}
