/**
 * Small state the background publishes to storage.local for content scripts to read
 * synchronously at click time: false-positive marks and per-site pauses.
 */
import type { Platform } from '../list/types';
import type { ItemContext } from '../sites/types';
import { STORAGE_KEYS } from '../storage-keys';

export const DISMISSED_KEY = STORAGE_KEYS.dismissals;
export const PAUSES_KEY = STORAGE_KEYS.pauses;

export type Pauses = Partial<Record<Platform, number>>;

export function accountKey(a: { platform: string; handle?: string; id?: string; url?: string }): string {
  return `account:${a.platform}:${a.handle ?? a.id ?? a.url ?? ''}`.toLowerCase();
}

/** The keys under which an item can have been dismissed: its author, its page, its permalink. */
export function dismissalKeys(item: ItemContext, page?: ItemContext['author']): string[] {
  const keys: string[] = [];
  if (item.author) keys.push(accountKey(item.author));
  if (page) keys.push(accountKey(page));
  if (item.permalink) keys.push(`post:${item.permalink}`);
  return keys;
}

export function parseDismissed(raw: unknown): Set<string> {
  return new Set(Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : []);
}

export function parsePauses(raw: unknown): Pauses {
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'number')) as Pauses;
}
