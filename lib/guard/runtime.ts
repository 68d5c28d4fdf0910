/**
 * What every site's content script runs. The capture listener is attached SYNCHRONOUSLY, at
 * document_start before the page's own scripts run, and passes everything until settings, the site's
 * rules (data the background publishes) and the match index are loaded; it acts only while the
 * person has opted in, the site is enabled and not
 * paused, and stops at once when any of that changes. Content scripts never open Dexie or any
 * page-origin storage; they read storage.local and send messages.
 *
 * Nothing is added to the page before the person acts: the candidate-page notice goes to the
 * toolbar badge and the popup (through the background); the in-page banner exists only with the
 * `pageBanner` opt-in, and a single-page navigation repaints it only while the person is acting
 * (a page calling history.pushState on its own paints nothing).
 */
import browser from 'webextension-polyfill';
import { setUiStrings, UI_STRINGS_KEY } from '../i18n/content';
import type { Platform } from '../list/types';
import type { SiteLinks } from '../log/links';
import type { LogEntryInput } from '../log/types';
import { decide } from '../match/decide';
import { loadIndex } from '../match/serialize';
import type { MatchIndex } from '../match/structure';
import type { Evidence, TicketMatch } from '../match/types';
import { send } from '../messages';
import { type GuardSettings, onGuardSettingsChanged, parseGuardSettings, SETTINGS_KEY } from '../settings/settings';
import { noRules, rulesInEffectKey, takeRules } from '../site-rules/in-effect';
import type { ActionHit, SiteCode, SiteModule } from '../sites/types';
import { startDiagnostics } from './diagnostics';
import { ALLOW_MS, type Choice, createGuard, defaultUserActive } from './guard';
import { INDEX_KEY, isStoredIndex, type StoredIndex, scopeRegion } from './index-store';
import {
  accountKey,
  DISMISSED_KEY,
  dismissalKeys,
  postKey,
  PAUSES_KEY,
  type Pauses,
  parseDismissed,
  parsePauses,
} from './local-state';
import { onUrlChange } from './navigation';
import { setUiStyles, UI_STYLES_KEY } from './ui-styles';
import { isOwnUi } from './own-ui';
import type { GuardUi } from './ui';

/** A message whose answer does not matter, and whose failure (no background) is not an error. */
const quietly = (p: Promise<unknown>): void => void p.catch(() => undefined);

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
function dismissalFor(links: SiteLinks, hit: ActionHit, evidence: Evidence[]): { key: string; label: string } | null {
  const account = evidence.find((e) => e.kind === 'account');
  const who = account?.source === 'page' ? hit.page : hit.item.author;
  if (account && who) return { key: accountKey(who), label: `@${who.handle ?? who.id ?? who.url}` };
  const post = postKey(links, hit.item.permalink);
  return post ? { key: post, label: post.slice('post:'.length) } : null;
}

export async function runSiteGuard(
  ctx: { signal: AbortSignal },
  platform: Platform,
  code: SiteCode,
  ui: GuardUi,
  /** the site's own link rules (lib/log/links.ts), for the keys of dismissed posts */
  links: SiteLinks,
  win: Window = window,
): Promise<void> {
  // The site's code is bundled; its rules are data the background publishes
  // (lib/site-rules/in-effect.ts). None until the start read (nothing is recognised, every action
  // passes), then swapped in place on every update, so an open tab follows without a reload.
  // `site.rules.site` is always `platform` (takeRules takes only this site's rules).
  const site: SiteModule = { ...code, rules: noRules(platform) };
  const doc = win.document;
  let settings: GuardSettings | null = null;
  let index: MatchIndex | null = null;
  let meta: StoredIndex | null = null;
  let dismissed = new Set<string>();
  let pauses: Pauses = {};
  /** the guard acts only while this is set (opted in, site enabled, not paused) */
  let active: AbortController | null = null;

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

  /** The index's decision with this site, the person's region and the time filled in. */
  const judge = (
    index: MatchIndex,
    settings: GuardSettings,
    input: Omit<Parameters<typeof decide>[1], 'site' | 'now'>,
  ) => decide(index, { site: platform, region: scopeRegion(settings, meta) || undefined, now: Date.now(), ...input });

  const guard = createGuard({
    site,
    win,
    isOwnUi,
    enabled: () => active !== null,
    evaluate(hit) {
      if (!index || !settings) return null;
      if (dismissalKeys(links, hit.item, hit.page).some((k) => dismissed.has(k))) return null;
      // the item's author, text, alt text and link titles (decide reads no other field of it)
      return judge(index, settings, { ...hit.item, page: hit.page });
    },
    async warn({ hit, decision, phase }) {
      const s = settings;
      if (!s) return 'cancel';
      const recent = send('log:recent', null).then((r) => r.week + 1);
      const choice: Choice = await ui.showDialog(
        doc,
        {
          lang: s.lang,
          kind: hit.kind,
          aboutPage: hit.item.scope === 'page',
          matches: decision.matches,
          role: s.role,
          demo: meta?.demo ?? false,
          phase,
          allowSeconds: ALLOW_MS / 1000, // a whole number of seconds
        },
        { open: s.automation, recent },
      );
      const top = decision.matches[0];
      const tickets = decision.matches.map((m) => m.ticketId);
      const evidence = decision.matches.flatMap((m) => m.evidence);
      void sendLog({
        site: platform,
        action: hit.kind,
        decision: choice === 'cancel' ? 'cancelled' : 'proceeded',
        tickets,
        ticketLabels: decision.matches.map((m) => m.label),
        electionIds: [...new Set(decision.matches.map((m) => m.electionId))],
        strength: top?.strength ?? 'low',
        stage: top?.stage ?? 'calon',
        evidence: evidence.slice(0, 12),
        // A new post has no permalink yet, and the composer's page is not the post: no link.
        url: s.storeLinks && hit.kind !== 'post' ? (hit.item.permalink ?? win.location.href) : undefined,
        phase,
        notCampaign: choice === 'not_campaign' || undefined,
      });
      if (choice === 'not_campaign') {
        const d = dismissalFor(links, hit, evidence);
        if (d) {
          dismissed.add(d.key); // effective at once on this page; the background publishes it to others
          quietly(send('dismissal:add', { site: platform, ...d, tickets }));
        }
      }
      return choice;
    },
  });

  /** Account matches of the page itself (a candidate's profile, page, group, channel): never text. */
  function pageMatches(): TicketMatch[] {
    if (!active || !index || !settings) return [];
    const page = site.pageAccount(win.location.href, doc);
    if (!page || dismissed.has(accountKey(page))) return [];
    return judge(index, settings, { page }).matches.filter((m) => m.strength === 'account');
  }

  let noticeSent = '';
  let bannerShown = false;
  /**
   * Tell the background (toolbar badge, popup) which candidate this tab shows; nothing in the page.
   * The opt-in in-page banner is repainted only on load and while the person is acting, so a page
   * that pushes a candidate's URL on its own learns nothing.
   */
  function refreshNotice(reason: 'load' | 'navigation' | 'settings'): void {
    const matches = pageMatches();
    const notice = matches.length
      ? { tickets: matches.map((m) => m.ticketId), labels: matches.map((m) => `${m.label} (${m.electionName})`) }
      : null;
    const sig = JSON.stringify(notice);
    if (sig !== noticeSent) {
      noticeSent = sig;
      quietly(send('page:notice', notice));
    }
    const s = settings;
    if (reason === 'navigation' && !defaultUserActive(win)) return;
    if (s?.pageBanner && matches.length > 0 && doc.documentElement) {
      ui.showBanner(doc, { lang: s.lang, matches }, { open: s.automation });
      bannerShown = true;
    } else if (bannerShown) {
      ui.hideBanner();
      bannerShown = false;
    }
  }

  let resume: number | undefined;
  function apply(): void {
    if (!settings) return;
    const pausedUntil = pauses[platform] ?? 0;
    const wait = pausedUntil - Date.now();
    const on = settings.consent && settings.sites[platform] !== false && wait <= 0;
    if (on && !active) {
      active = new AbortController();
      const signal = AbortSignal.any([ctx.signal, active.signal]);
      onUrlChange(win, () => refreshNotice('navigation'), signal);
      startDiagnostics(platform, signal);
    } else if (!on && active) {
      active.abort();
      active = null;
    }
    win.clearTimeout(resume);
    if (wait > 0) resume = win.setTimeout(apply, wait + 50);
  }

  // Synchronously, before the first await: the listener is in place before any page script runs.
  guard.attach(ctx.signal);

  /** What each stored key (besides the settings) sets, at the start read and on every change. */
  const takers: Record<string, (v: unknown) => void> = {
    [rulesInEffectKey(platform)]: (v) => {
      site.rules = takeRules(v, platform) ?? site.rules;
    },
    [UI_STRINGS_KEY]: setUiStrings,
    [UI_STYLES_KEY]: setUiStyles,
    [INDEX_KEY]: setIndex,
    [DISMISSED_KEY]: (v) => {
      dismissed = parseDismissed(v);
    },
    [PAUSES_KEY]: (v) => {
      pauses = parsePauses(v);
    },
  };

  // One read at start: the settings, the index, the small state the guard needs and the UI strings.
  const stored = await browser.storage.local.get([SETTINGS_KEY, ...Object.keys(takers)]);
  settings = parseGuardSettings(stored[SETTINGS_KEY]);
  for (const k in takers) takers[k]?.(stored[k]);
  apply();
  // The page's account is read from the DOM too: wait for the parser before the first look.
  if (doc.readyState === 'loading')
    doc.addEventListener('DOMContentLoaded', () => refreshNotice('load'), { once: true });
  else refreshNotice('load');

  const stopSettings = onGuardSettingsChanged((s) => {
    settings = s;
    apply();
    refreshNotice('settings');
  });
  const onStorage = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local') return;
    for (const k in takers) if (k in changes) takers[k]?.(changes[k]?.newValue);
    if (INDEX_KEY in changes || DISMISSED_KEY in changes || PAUSES_KEY in changes) {
      apply();
      refreshNotice('settings');
    }
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.signal.addEventListener('abort', () => {
    stopSettings();
    browser.storage.onChanged.removeListener(onStorage);
    win.clearTimeout(resume);
  });
}
