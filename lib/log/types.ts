import type { Platform } from '../list/types';
import type { Evidence, MatchStrength, Stage } from '../match/types';
import type { ActionKind } from '../sites/types';

export type LogDecision = 'cancelled' | 'proceeded';

/** One warning and what the user decided, as the content script reports it. */
export interface LogEntryInput {
  site: Platform;
  action: ActionKind;
  decision: LogDecision;
  /** ticket ids from the candidate list */
  tickets: string[];
  /** human labels of those tickets at the time of the warning (the list may change later) */
  ticketLabels: string[];
  electionIds: string[];
  strength: MatchStrength;
  stage: Stage;
  evidence: Evidence[];
  /**
   * the post's permalink; omitted when the user switched off storing links. Stored only as a
   * permalink of `site` without query string or fragment (lib/log/links.ts, at write time).
   */
  url?: string;
  /** `comment-start`: warned when the user began typing a comment, before anything was sent */
  phase?: 'action' | 'comment-start';
  /** the user said "not campaign content": the action went through and this item is not warned on again */
  notCampaign?: boolean;
}

export interface LogEntry extends LogEntryInput {
  id?: number;
  /** epoch ms, set by the background when stored */
  at: number;
  listId?: string;
  listSequence?: number;
}

/** A false positive the user marked: this account or post is not warned on again. */
export interface Dismissal {
  id?: number;
  /** `account:<platform>:<handle or id>` or `post:<permalink>` */
  key: string;
  site: Platform;
  label: string;
  tickets: string[];
  at: number;
}

/** Things the user did to the extension itself, kept beside the warnings for a complete self-audit. */
export interface AuditEvent {
  id?: number;
  at: number;
  type: 'pause' | 'consent_on' | 'consent_off' | 'import' | 'delete_all' | 'retention';
  site?: Platform;
  detail?: string;
}
