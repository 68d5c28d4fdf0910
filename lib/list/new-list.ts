/**
 * A list document from its parts: the header fields every importer fills the same way (the
 * format, its version, the stream id, sequence, dates and publisher), then parties and elections.
 */
import { type CandidateList, type Election, FORMAT_VERSION, LIST_FORMAT, type Party } from './types';

export interface ListHeader {
  listId: string;
  publisher: string;
  sequence: number;
  issuedAt: string;
  expiresAt: string;
}

export function newList(h: ListHeader, parties: Party[], elections: Election[]): CandidateList {
  return {
    format: LIST_FORMAT,
    format_version: FORMAT_VERSION,
    list_id: h.listId,
    sequence: h.sequence,
    issued_at: h.issuedAt,
    expires_at: h.expiresAt,
    publisher: { name: h.publisher },
    parties,
    elections,
  };
}
