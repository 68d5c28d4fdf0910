/**
 * The candidate-page notice, where the page cannot see it: a badge on the toolbar icon of the tab
 * and, for the popup, the candidates it names. Content scripts report each tab's notice (or null);
 * the popup asks for its tab's. Kept in memory and mirrored to storage.session where the browser
 * has it (an MV3 service worker is stopped when idle; a stopped worker loses its memory).
 */
import type { PageNotice } from '../messages';
import { STORAGE_KEYS } from '../storage-keys';

/** The parts of `browser.action` (MV3) / `browser.browserAction` (Firefox MV2) the badge uses. */
export interface BadgeAction {
  setBadgeText(details: { text: string; tabId: number }): Promise<void> | void;
  setBadgeBackgroundColor?(details: { color: string; tabId: number }): Promise<void> | void;
  setTitle?(details: { title: string; tabId: number }): Promise<void> | void;
}

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const SESSION_KEY = STORAGE_KEYS.pageNotices;

function clean(n: unknown): PageNotice | null {
  if (typeof n !== 'object' || n === null) return null;
  const r = n as Record<string, unknown>;
  const strings = (v: unknown) =>
    Array.isArray(v)
      ? v
          .filter((s): s is string => typeof s === 'string')
          .map((s) => s.slice(0, 200))
          .slice(0, 10)
      : [];
  const tickets = strings(r.tickets);
  return tickets.length ? { tickets, labels: strings(r.labels) } : null;
}

export function createBadge(action: BadgeAction | undefined, session?: SessionArea, title = 'Jaga Netral') {
  const notices = new Map<number, PageNotice>();
  let restored: Promise<void> | null = null;
  const restore = () => {
    restored ??= (async () => {
      const all: Record<string, unknown> = (await session?.get(SESSION_KEY).catch(() => ({}))) ?? {};
      const got = all[SESSION_KEY];
      if (typeof got !== 'object' || got === null) return;
      for (const [k, v] of Object.entries(got)) {
        const n = clean(v);
        if (n && !notices.has(Number(k))) notices.set(Number(k), n);
      }
    })();
    return restored;
  };
  const persist = () => session?.set({ [SESSION_KEY]: Object.fromEntries(notices) }).catch(() => undefined);

  return {
    async set(tabId: number, raw: unknown): Promise<void> {
      await restore();
      const notice = clean(raw);
      if (notice) notices.set(tabId, notice);
      else notices.delete(tabId);
      await action?.setBadgeText({ tabId, text: notice ? '!' : '' });
      if (notice) await action?.setBadgeBackgroundColor?.({ tabId, color: '#b45309' });
      await action?.setTitle?.({ tabId, title: notice ? `${title}: ${notice.labels.join('; ')}` : title });
      await persist();
    },
    async get(tabId: number): Promise<PageNotice | null> {
      await restore();
      return notices.get(tabId) ?? null;
    },
    async forget(tabId: number): Promise<void> {
      await restore();
      if (notices.delete(tabId)) await persist();
    },
  };
}
