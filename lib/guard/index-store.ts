/**
 * The compiled match index travels from the background to content scripts through
 * storage.local: content scripts read it at start without waking the service worker, and see
 * a new one through storage.onChanged the moment the background swaps it in.
 */
import { STORAGE_KEYS } from '../storage-keys';

export const INDEX_KEY = STORAGE_KEYS.matchIndex;

export interface StoredIndex {
  /** serializeIndex() output */
  data: unknown;
  listId: string;
  sequence: number;
  demo: boolean;
  builtAt: number;
}

export function isStoredIndex(v: unknown): v is StoredIndex {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s.listId === 'string' && typeof s.sequence === 'number' && 'data' in s;
}
