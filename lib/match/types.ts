/**
 * The matcher's public contract. lib/match is pure: no DOM, no extension API. It runs the same in
 * Node (tests, benchmark, CLI) and in a content script.
 */
import type { ElectionType, Platform } from '../list/types';

/** An account as a site adapter reads it from the page (from link hrefs, never visible text). */
export interface AccountRef {
  platform: Platform;
  /** lower-case handle without `@` */
  handle?: string;
  /** stable platform id where the page exposes it (Facebook numeric id, YouTube UC… id) */
  id?: string;
  /** canonical URL (groups, channels, WhatsApp JIDs) */
  url?: string;
}

export interface MatchInput {
  site: Platform;
  /** author of the post or comment acted on */
  author?: AccountRef;
  /** owner of the page/profile/group/channel the user is on */
  page?: AccountRef;
  text?: string;
  altText?: string[];
  linkTitles?: string[];
  /** the user's home region code (province `32` or regency/city `3273`); scopes number calls */
  region?: string;
  /** epoch milliseconds; injected so nothing depends on the calendar */
  now: number;
}

/**
 * `context` is the campaign term (caleg, coblos, pilkada, dapil…) that made a name campaign content
 * when nothing else about the ticket (its number, its party, its other name) did.
 */
export type EvidenceKind = 'account' | 'name' | 'alias' | 'hashtag' | 'slogan' | 'number' | 'party' | 'context';
export type EvidenceSource = 'author' | 'page' | 'text' | 'alt' | 'link';

export interface Evidence {
  kind: EvidenceKind;
  /** what in the list matched (the alias, the handle, `nomor urut 2` …) */
  term: string;
  /** the strength the list gave it, for names/aliases */
  strength?: 'strong' | 'medium' | 'weak';
  source: EvidenceSource;
  /** character offsets in the source string, when the hit came from text */
  start?: number;
  end?: number;
}

/** `account` > `strong` > `medium` > `low` (number-only "election content"). */
export type MatchStrength = 'account' | 'strong' | 'medium' | 'low';

/** `bakal_calon` before the election's determined_at (ethics rule), `calon` after (discipline rule). */
export type Stage = 'bakal_calon' | 'calon';

export interface TicketMatch {
  ticketId: string;
  electionId: string;
  electionName: string;
  /** display label, e.g. `02 Prabowo Subianto – Gibran Rakabuming Raka` */
  label: string;
  number?: number;
  /** the race's type: the warning's rule text differs for legislative candidates */
  electionType?: ElectionType;
  strength: MatchStrength;
  stage: Stage;
  evidence: Evidence[];
}

export interface Decision {
  /** tickets to warn about, strongest first; empty = let the action pass */
  matches: TicketMatch[];
}
