/**
 * The compiled match index travels from the background to content scripts through
 * storage.local: content scripts read it at start without waking the service worker, and see
 * a new one through storage.onChanged the moment the background swaps it in.
 */
import { INDEX_KEY } from '../storage-keys';

export { INDEX_KEY };

export interface StoredIndex {
  /** serializeIndex() output */
  data: unknown;
  listId: string;
  sequence: number;
  demo: boolean;
  builtAt: number;
  /**
   * the home region in effect when it was built: the person's own, or else the managed policy's
   * (content scripts cannot read the policy; lib/settings/managed.ts)
   */
  region?: string;
}

/**
 * The home region that scopes tickets in a content script: the person's own setting, or else the
 * region in effect when the index was built (a managed policy's region). '' = unknown.
 */
export function scopeRegion(settings: { region: string } | null, index: StoredIndex | null): string {
  return settings?.region || (typeof index?.region === 'string' ? index.region : '');
}

export function isStoredIndex(v: unknown): v is StoredIndex {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s.listId === 'string' && typeof s.sequence === 'number' && 'data' in s;
}
