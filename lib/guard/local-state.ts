/**
 * Small state the background publishes to storage.local for content scripts to read
 * synchronously at click time: false-positive marks and per-site pauses.
 */
import type { Platform } from '../list/types';
import { linkBy, type SiteLinks } from '../log/links';
import type { ItemContext } from '../sites/types';
import { DISMISSED_KEY, PAUSES_KEY } from '../storage-keys';

export { DISMISSED_KEY, PAUSES_KEY };

export type Pauses = Partial<Record<Platform, number>>;

export function accountKey(a: { platform: string; handle?: string; id?: string; url?: string }): string {
  return `account:${a.platform}:${a.handle ?? a.id ?? a.url ?? ''}`.toLowerCase();
}

/**
 * The key of a dismissed post: its permalink as the history stores links (same site, no query
 * string, no fragment: lib/log/links.ts), or null when the page's link is no permalink of the site.
 * Both the dismissal and the lookup go through here, so they always agree. `links` are the site's
 * own link rules (lib/log/links.ts): a content script carries no other site's.
 */
export function postKey(links: SiteLinks, permalink: string | undefined): string | null {
  const link = permalink ? linkBy(links, permalink) : undefined;
  return link ? `post:${link}` : null;
}

/** The keys under which an item can have been dismissed: its author, its page, its permalink. */
export function dismissalKeys(links: SiteLinks, item: ItemContext, page?: ItemContext['author']): string[] {
  return [item.author && accountKey(item.author), page && accountKey(page), postKey(links, item.permalink)].filter(
    (k): k is string => !!k,
  );
}

export function parseDismissed(raw: unknown): Set<string> {
  return new Set(Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : []);
}

export function parsePauses(raw: unknown): Pauses {
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'number')) as Pauses;
}
