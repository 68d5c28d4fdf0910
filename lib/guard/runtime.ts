/**
 * What every site's content script runs: load settings and the match index, attach the guard
 * only while the user has opted in, the site is enabled and not paused, and detach at once when
 * any of that changes. Content scripts never open Dexie or any page-origin storage; they read
 * storage.local and send messages.
 */
import browser from 'webextension-polyfill';
import type { LogEntryInput } from '../log/types';
import { decide, loadIndex, type MatchIndex } from '../match';
import type { Decision } from '../match/types';
import { send } from '../messages';
import { loadSettings, onSettingsChanged, type Settings } from '../settings/settings';
import type { ActionHit, SiteModule } from '../sites/types';
import { hideBanner, showBanner } from './banner-host';
import { startDiagnostics } from './diagnostics';
import { isInsideHost, showDialog } from './dialog-host';
import { type Choice, createGuard } from './guard';
import { INDEX_KEY, isStoredIndex, type StoredIndex } from './index-store';
import {
  accountKey,
  DISMISSED_KEY,
  dismissalKeys,
  PAUSES_KEY,
  type Pauses,
  parseDismissed,
  parsePauses,
} from './local-state';
import { onUrlChange } from './navigation';

/** Send the log entry; retry while the service worker restarts (MV3 stops idle workers). */
async function sendLog(entry: LogEntryInput): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      await send('log:decision', entry);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
    }
  }
}

/** What a "not campaign content" mark remembers: the matched account if an account matched, else the post. */
function dismissalFor(hit: ActionHit, decision: Decision): { key: string; label: string } | null {
  const account = decision.matches.flatMap((m) => m.evidence).find((e) => e.kind === 'account');
  const who = account?.source === 'page' ? hit.page : hit.item.author;
  if (account && who) return { key: accountKey(who), label: `@${who.handle ?? who.id ?? who.url}` };
  if (hit.item.permalink) return { key: `post:${hit.item.permalink}`, label: hit.item.permalink };
  return null;
}

export async function runSiteGuard(
  ctx: { signal: AbortSignal },
  site: SiteModule,
  win: Window = window,
): Promise<void> {
  const stored = await browser.storage.local.get([INDEX_KEY, DISMISSED_KEY, PAUSES_KEY]);
  let settings: Settings = await loadSettings();
  let index: MatchIndex | null = null;
  let meta: StoredIndex | null = null;
  let dismissed = parseDismissed(stored[DISMISSED_KEY]);
  let pauses: Pauses = parsePauses(stored[PAUSES_KEY]);

  function setIndex(raw: unknown): void {
    index = null;
    meta = null;
    if (!isStoredIndex(raw)) return;
    try {
      index = loadIndex(raw.data);
      meta = raw;
    } catch {
      // A broken index means "not recognised": actions pass, the page is never broken.
    }
  }
  setIndex(stored[INDEX_KEY]);

  const guard = createGuard({
    site,
    win,
    isOwnUi: isInsideHost,
    evaluate(hit) {
      if (!index) return null;
      if (dismissalKeys(hit.item, hit.page).some((k) => dismissed.has(k))) return null;
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
      const recent = send('log:recent', null).then((r) => r.week + 1);
      const choice: Choice = await showDialog(
        win.document,
        {
          lang: settings.lang,
          kind: hit.kind,
          aboutPage: hit.item.scope === 'page',
          matches: decision.matches,
          role: settings.role,
          demo: meta?.demo ?? false,
        },
        recent,
      );
      const top = decision.matches[0];
      void sendLog({
        site: site.rules.site,
        action: hit.kind,
        decision: choice === 'cancel' ? 'cancelled' : 'proceeded',
        tickets: decision.matches.map((m) => m.ticketId),
        ticketLabels: decision.matches.map((m) => m.label),
        electionIds: [...new Set(decision.matches.map((m) => m.electionId))],
        strength: top?.strength ?? 'low',
        stage: top?.stage ?? 'calon',
        evidence: decision.matches.flatMap((m) => m.evidence).slice(0, 12),
        url: settings.storeLinks ? (hit.item.permalink ?? win.location.href) : undefined,
        phase,
        notCampaign: choice === 'not_campaign' || undefined,
      });
      if (choice === 'not_campaign') {
        const d = dismissalFor(hit, decision);
        if (d) {
          dismissed.add(d.key); // effective at once on this page; the background publishes it to others
          void send('fp:mark', { site: site.rules.site, ...d, tickets: decision.matches.map((m) => m.ticketId) }).catch(
            () => undefined,
          );
        }
      }
      return choice;
    },
  });

  /** The banner on pages that belong to a listed account: only account matches, never text. */
  function refreshBanner(): void {
    const doc = win.document;
    const page = active && index ? site.pageAccount(win.location.href, doc) : null;
    const matches =
      page && index && !dismissed.has(accountKey(page))
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
  let resume: number | undefined;
  function apply(): void {
    const pausedUntil = pauses[site.rules.site] ?? 0;
    const on = settings.consent && settings.sites[site.rules.site] !== false && pausedUntil <= Date.now();
    if (on && !active) {
      active = new AbortController();
      const signal = AbortSignal.any([ctx.signal, active.signal]);
      guard.attach(signal);
      onUrlChange(win, refreshBanner, signal);
      startDiagnostics(site.rules.site, signal);
    } else if (!on && active) {
      active.abort();
      active = null;
    }
    win.clearTimeout(resume);
    if (pausedUntil > Date.now()) resume = win.setTimeout(apply, pausedUntil - Date.now() + 50);
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
    if (area !== 'local') return;
    if (INDEX_KEY in changes) setIndex(changes[INDEX_KEY]?.newValue);
    if (DISMISSED_KEY in changes) dismissed = parseDismissed(changes[DISMISSED_KEY]?.newValue);
    if (PAUSES_KEY in changes) pauses = parsePauses(changes[PAUSES_KEY]?.newValue);
    if (INDEX_KEY in changes || DISMISSED_KEY in changes || PAUSES_KEY in changes) apply();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.signal.addEventListener('abort', () => {
    stopSettings();
    browser.storage.onChanged.removeListener(onStorage);
    win.clearTimeout(resume);
  });
}
