/**
 * The decision policy: which evidence makes a ticket campaign content, and how strongly. Pure
 * functions of what the scan found (decide.ts collects it: hits, context terms, number calls,
 * parties, accounts); no index, no text, no state. docs/matching.md §4 states the same rules in
 * prose and tests/unit/match/policy.test.ts as a table.
 *
 * Strength codes are the index's (structure.ts): S_WEAK 1, S_MEDIUM 2, S_STRONG 3.
 */
import type { MatchStrength } from './types';

const WEAK = 1;
const MEDIUM = 2;
const STRONG = 3;
/** structure.ts S_JOINED: a name's words written together (`prabowogibran`) */
const JOINED = 0x10;

/** What the text says about elections, from its context terms and number calls. */
export interface TextContext {
  /** campaign terms of every race (pemilu, kampanye, coblos…) */
  general: boolean;
  /** paslon-race terms (pilkada, paslon, cabup…) */
  paslon: boolean;
  /** legislative terms (caleg, dapil, DPRD…) */
  legislative: boolean;
  /** an executive office named (bupati, gubernur, presiden) */
  office: boolean;
  /** private life (a birthday, a condolence, RT news, a futsal score) */
  private: boolean;
  /** any election context, soft terms included, or a number call that counts */
  any: boolean;
}

/** One name, alias, hashtag, slogan or handle found for a ticket. */
export interface PolicyItem {
  /** the list's person name (a `name` entry), as opposed to curated aliases, tags, slogans, handles */
  name: boolean;
  /** strength code after hitStrength() */
  str: number;
}

/** Everything the scan found for one ticket. */
export interface TicketEvidence {
  /** a pileg race (DPR, DPD, DPRD) rather than a paslon race */
  legislative: boolean;
  /** the race is on the user's ballots (or the user's region is unknown) */
  onBallot: boolean;
  /** the author or page is one of the ticket's accounts */
  account: boolean;
  /** its ballot number is called (in scope) */
  numberCalled: boolean;
  /** its party is named */
  partyNamed: boolean;
  /** its ballot number is called beside its party's name */
  partyCall: boolean;
  items: readonly PolicyItem[];
}

export interface Verdict {
  /** null: not campaign content for this ticket */
  strength: MatchStrength | null;
  /** per item: does it count (weak items never count on their own) */
  ok: boolean[];
  /** a name or medium alias counted only through the text's context: show the context term */
  byContext: boolean;
  /** weak items count (beside a stronger hit or a number call): show them */
  countWeak: boolean;
  /** an account, or a name/alias/tag/slogan/handle that counts */
  named: boolean;
}

/**
 * A hit's strength: a handle mention is strong; a name's words written together keep their
 * strength inside a hashtag, handle or compound word, and are at most medium in running text.
 */
export function hitStrength(stored: number, mention: boolean, inTag: boolean): number {
  if (mention) return STRONG;
  if (stored & JOINED) return inTag ? stored & 3 : Math.min(stored & 3, MEDIUM);
  return stored;
}

/** A number call counts when it is certain ("coblos no 2") or the text has election context. */
export const callCounts = (certain: boolean, electionContext: boolean): boolean => certain || electionContext;

/**
 * The verdict for one ticket. `second(i)` says whether another term of the same ticket occurs
 * outside every occurrence of item i's term ("another name of the same ticket"); it is asked only
 * when the answer matters (it is the one costly question).
 */
export function judge(t: TicketEvidence, c: TextContext, second: (i: number) => boolean): Verdict {
  // campaign context for this race: a campaign term of every race or of its kind, its party
  // named, or its ballot number called
  const campaignTerm = c.general || (t.legislative ? c.legislative : c.paslon);
  const campaign = campaignTerm || t.partyNamed || t.numberCalled;
  let strong = 0;
  let weak = 0;
  let qualified = 0;
  let byContext = false;
  const ok: boolean[] = new Array(t.items.length).fill(false);
  for (let i = 0; i < t.items.length; i++) {
    const m = t.items[i]!;
    if (m.str === WEAK) {
      weak++;
      continue;
    }
    let good: boolean;
    if (m.name) {
      // a person's name as the list prints it. Legislative candidates (hundreds per ballot,
      // ordinary names) need campaign context and must be on the user's ballots; a paslon's
      // full name is campaign content unless the post is about private life with no campaign
      // context; a one-word name needs campaign context or the ticket's other name, on the
      // user's ballots
      const other = second(i) && !c.private;
      if (t.legislative) {
        good = t.onBallot && (m.str === STRONG ? campaign : c.legislative || t.partyNamed || t.numberCalled);
      } else if (m.str === STRONG) {
        good = campaign || c.office || other || !c.private;
      } else {
        good = t.onBallot && (campaign || other);
      }
      if (good && !t.numberCalled && !t.partyNamed && !other) byContext = true;
    } else {
      // curated aliases, hashtags, slogans, handles: as the list grades them; a medium one
      // qualifies with context or a number, or beside another name of the same ticket
      good = m.str === STRONG || c.any || t.numberCalled || (second(i) && !c.private);
      if (good && m.str === MEDIUM && !t.numberCalled && c.any) byContext = true;
    }
    ok[i] = good;
    if (!good) continue;
    if (m.str === STRONG) strong++;
    else qualified++;
  }
  const named = t.account || strong > 0 || qualified > 0;
  const countWeak = (named || t.numberCalled) && weak > 0;
  let strength: MatchStrength | null;
  if (t.account) strength = 'account';
  else if (strong > 0) strength = 'strong';
  else if (qualified > 0 || countWeak || t.partyCall) strength = 'medium';
  else if (t.numberCalled) strength = 'low';
  else strength = null;
  return { strength, ok, byContext, countWeak, named };
}
