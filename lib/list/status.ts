/** What the options page and popup show about the active candidate list. */
export type ListState = 'ok' | 'stale' | 'error' | 'updating';

export interface ListStatus {
  state: ListState;
  listId: string;
  sequence: number;
  publisher: string;
  /** bundled (inside the extension), remote (fetched from the configured URL), or demo */
  source: 'bundled' | 'remote' | 'demo';
  signed: boolean;
  /** the remote list's URL (absent for the bundled list) */
  url?: string;
  /** the key that verified the remote list, when signed */
  keyId?: string;
  counts: { elections: number; tickets: number; people: number; accounts: number };
  expiresAt?: string;
  lastCheck?: number;
  nextCheck?: number;
  /** human-readable reason when state is `error` */
  error?: string;
}
