/**
 * Matcher entry point. PROVISIONAL minimal implementation for the walking skeleton (issue 3):
 * accounts and multi-word names only. The full token-index matcher (issue 5) replaces the body
 * of this module behind the same four functions.
 */
import type { CandidateList } from '../list/types';
import type { Decision, MatchInput, TicketMatch } from './types';

export type { AccountRef, Decision, Evidence, MatchInput, TicketMatch } from './types';

interface Entry {
  ticketId: string;
  electionId: string;
  electionName: string;
  label: string;
  number?: number;
  from: number;
  until: number;
  determinedAt?: number;
  names: string[];
  accounts: string[];
}

export interface MatchIndex {
  v: 0;
  entries: Entry[];
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase();
const day = (s: string, end = false) => Date.parse(s.length === 10 ? `${s}T${end ? '23:59:59' : '00:00:00'}+07:00` : s);

export function compileIndex(lists: CandidateList[]): MatchIndex {
  const entries: Entry[] = [];
  for (const list of lists) {
    for (const el of list.elections) {
      for (const t of el.tickets) {
        if (t.warn === false || (t.status && t.status !== 'active')) continue;
        const names = t.members.map((m) => norm(m.name)).filter((n) => n.includes(' '));
        const accounts = [...(t.accounts ?? []), ...t.members.flatMap((m) => m.accounts ?? [])]
          .filter((a) => a.handle)
          .map((a) => `${a.platform}:${norm(a.handle ?? '')}`);
        entries.push({
          ticketId: t.id,
          electionId: el.id,
          electionName: el.name,
          label: `${t.label ?? t.number ?? ''} ${t.members.map((m) => m.name).join(' – ')}`.trim(),
          number: t.number,
          from: day(el.window.from),
          until: day(el.window.until, true),
          determinedAt: el.window.determined_at ? day(el.window.determined_at) : undefined,
          names,
          accounts,
        });
      }
    }
  }
  return { v: 0, entries };
}

export const serializeIndex = (idx: MatchIndex): unknown => idx;
export const loadIndex = (data: unknown): MatchIndex => data as MatchIndex;

export function decide(idx: MatchIndex, input: MatchInput): Decision {
  const text = norm([input.text ?? '', ...(input.altText ?? []), ...(input.linkTitles ?? [])].join('\n'));
  const author = input.author?.handle ? `${input.author.platform}:${norm(input.author.handle)}` : '';
  const matches: TicketMatch[] = [];
  for (const e of idx.entries) {
    if (input.now < e.from || input.now > e.until) continue;
    const stage = e.determinedAt !== undefined && input.now < e.determinedAt ? 'bakal_calon' : 'calon';
    if (author && e.accounts.includes(author)) {
      matches.push({ ...pick(e), strength: 'account', stage, evidence: [{ kind: 'account', term: author, source: 'author' }] });
      continue;
    }
    const name = e.names.find((n) => text.includes(n));
    if (name) matches.push({ ...pick(e), strength: 'strong', stage, evidence: [{ kind: 'name', term: name, source: 'text' }] });
  }
  return { matches };
}

const pick = (e: Entry) => ({
  ticketId: e.ticketId,
  electionId: e.electionId,
  electionName: e.electionName,
  label: e.label,
  number: e.number,
});
