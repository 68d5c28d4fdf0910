/**
 * What every site's content script runs: load settings and the match index, attach the guard
 * only while the user has opted in and the site is enabled, and detach at once when consent is
 * withdrawn. Content scripts never open Dexie or any page-origin storage; they send messages.
 */
import browser from 'webextension-polyfill';
import { decide, loadIndex, type MatchIndex } from '../match';
import { send } from '../messages';
import { loadSettings, onSettingsChanged, type Settings } from '../settings/settings';
import type { SiteModule } from '../sites/types';
import { hideBanner, showBanner } from './banner-host';
import { isInsideHost, showDialog } from './dialog-host';
import { createGuard } from './guard';
import { INDEX_KEY, isStoredIndex, type StoredIndex } from './index-store';
import { onUrlChange } from './navigation';

export async function runSiteGuard(
  ctx: { signal: AbortSignal },
  site: SiteModule,
  win: Window = window,
): Promise<void> {
  let settings: Settings = await loadSettings();
  let index: MatchIndex | null = null;
  let meta: StoredIndex | null = null;

  function setIndex(raw: unknown): void {
    if (!isStoredIndex(raw)) {
      index = null;
      meta = null;
      return;
    }
    try {
      index = loadIndex(raw.data);
      meta = raw;
    } catch {
      // A broken index means "not recognised": actions pass, the page is never broken.
      index = null;
      meta = null;
    }
  }
  setIndex((await browser.storage.local.get(INDEX_KEY))[INDEX_KEY]);

  const guard = createGuard({
    site,
    win,
    isOwnUi: isInsideHost,
    evaluate(hit) {
      if (!index) return null;
      return decide(index, {
        site: site.rules.site,
        author: hit.item.author,
        page: hit.page,
        text: hit.item.text,
        altText: hit.item.altText,
        linkTitles: hit.item.linkTitles,
        region: settings.region || undefined,
        now: Date.now(),
      });
    },
    async warn({ hit, decision, phase }) {
      const choice = await showDialog(win.document, {
        lang: settings.lang,
        kind: hit.kind,
        aboutPage: hit.item.scope === 'page',
        matches: decision.matches,
        role: settings.role,
        demo: meta?.demo ?? false,
      });
      const top = decision.matches[0];
      send('log:decision', {
        site: site.rules.site,
        action: hit.kind,
        decision: choice === 'proceed' ? 'proceeded' : 'cancelled',
        tickets: decision.matches.map((m) => m.ticketId),
        ticketLabels: decision.matches.map((m) => m.label),
        electionIds: [...new Set(decision.matches.map((m) => m.electionId))],
        strength: top?.strength ?? 'low',
        stage: top?.stage ?? 'calon',
        evidence: decision.matches.flatMap((m) => m.evidence).slice(0, 12),
        url: settings.storeLinks ? (hit.item.permalink ?? win.location.href) : undefined,
        phase,
      }).catch(() => {
        // The log is best effort from here; the user's choice already took effect.
      });
      return choice;
    },
  });

  /** The banner on pages that belong to a listed account: only account matches, never text. */
  function refreshBanner(): void {
    const doc = win.document;
    const page = active && index ? site.pageAccount(win.location.href, doc) : null;
    const matches =
      page && index
        ? decide(index, {
            site: site.rules.site,
            page,
            now: Date.now(),
            region: settings.region || undefined,
          }).matches.filter((m) => m.strength === 'account')
        : [];
    if (matches.length > 0) showBanner(doc, settings.lang, matches);
    else hideBanner(doc);
  }

  let active: AbortController | null = null;
  function apply(): void {
    const on = settings.consent && settings.sites[site.rules.site] !== false;
    if (on && !active) {
      active = new AbortController();
      const signal = AbortSignal.any([ctx.signal, active.signal]);
      guard.attach(signal);
      onUrlChange(win, refreshBanner, signal);
    } else if (!on && active) {
      active.abort();
      active = null;
    }
    refreshBanner();
  }
  apply();

  const stopSettings = onSettingsChanged((s) => {
    settings = s;
    apply();
  });
  // The banner needs <html>; at document_start it exists, but wait for the parser to be safe.
  if (win.document.readyState === 'loading')
    win.document.addEventListener('DOMContentLoaded', refreshBanner, { once: true });
  const onStorage = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && INDEX_KEY in changes) {
      setIndex(changes[INDEX_KEY]?.newValue);
      refreshBanner();
    }
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.signal.addEventListener('abort', () => {
    stopSettings();
    browser.storage.onChanged.removeListener(onStorage);
  });
}
