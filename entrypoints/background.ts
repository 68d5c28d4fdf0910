/**
 * Composition root: the message router, the log writer, the list updater and the list → index
 * pipeline, the retention job. Everything here is wiring; the logic lives in lib/.
 */
import browser from 'webextension-polyfill';
import { electionWindows } from '../lib/background/elections';
import { createBadge } from '../lib/background/badge';
import { createDisputeLookup, createDisputeOpener } from '../lib/background/dispute';
import { indexListId, publishIndex } from '../lib/background/index-builder';
import { storageStore } from '../lib/background/storage-store';
import { publishUiStrings } from '../lib/background/ui-strings';
import { publishUiStyles } from '../lib/background/ui-styles';
import { UI_STYLES } from '../components/ui-styles';
import { INDEX_KEY, isStoredIndex } from '../lib/guard/index-store';
import { INDEX_VERSION } from '../lib/match/structure';
import { DISMISSED_KEY, PAUSES_KEY, parsePauses } from '../lib/guard/local-state';
import { DEMO_LIST_ID, makeDemoList } from '../lib/list/demo';
import { createSources } from '../lib/list/updater';
import { getDb } from '../lib/log/db';
import {
  addDismissal,
  addEntry,
  applyRetention,
  dismissedKeys,
  logEvent,
  recentCounts,
  removeDismissal,
  STORAGE_FULL_KEY,
  StorageFullError,
} from '../lib/log/queries';
import { createRouter, type Handlers } from '../lib/messages';
import { effectiveSource, effectiveSources, loadManaged } from '../lib/settings/managed';
import { namedRegionsOf } from '../lib/settings/regions';
import { loadSettings, parseSettings, SETTINGS_KEY, type Settings } from '../lib/settings/settings';
import { BUILTIN_RULES } from '../lib/site-rules/builtin';
import { createRulesPublisher } from '../lib/site-rules/publish';
import { createSiteRulesUpdater, feedBesideList, STORAGE_KEYS as SITE_RULES_KEYS } from '../lib/site-rules/updater';

const UPDATE_ALARM = 'list-update';
const RETENTION_ALARM = 'retention';
const DAY = 86_400_000;

export default defineBackground(() => {
  // The managed policy, time-boxed (lib/settings/managed.ts): a policy the browser reads late runs
  // the list check again (`update` is hoisted; it is only called once the worker has started).
  const policy = () => loadManaged({ onLate: () => void update() });
  // every list source in force (the first one, then further ones: docs/list-format.md §8.3)
  const updater = createSources({
    fetch: (input, init) => fetch(input, init),
    store: storageStore,
    now: Date.now,
    random: Math.random,
    loadBundled: async () => (await fetch(browser.runtime.getURL('/lists/bundled.json'))).text(),
    getSources: async () => effectiveSources(await loadSettings(), await policy()),
  });
  // Site rules (docs/site-rules.md): site-rules.json beside the list, signed by the list's keys,
  // checked after every list check (same alarm, "update now" and source changes).
  const siteRules = createSiteRulesUpdater({
    fetch: (input, init) => fetch(input, init),
    store: storageStore,
    now: Date.now,
    getFeed: async () => feedBesideList(effectiveSource(await loadSettings(), await policy())),
  });

  /**
   * Publish the index for the active list unless content scripts already have exactly that one.
   * Runs one at a time, each reading the settings when it starts: two overlapping runs (the
   * install-time publish and the one a settings change asks for) could otherwise finish in the
   * wrong order, and the older settings' index would stay published.
   */
  let indexQueue: Promise<void> = Promise.resolve();
  function refreshIndex(force = false, withPolicy = true): Promise<void> {
    const run = indexQueue.then(() => refreshIndexNow(force, withPolicy));
    indexQueue = run.catch(() => undefined);
    return run;
  }

  async function refreshIndexNow(force: boolean, withPolicy: boolean): Promise<void> {
    const [settings, active] = await Promise.all([loadSettings(), updater.getActiveLists()]);
    // the region in effect (a policy's region when the person set none) scopes tickets in content
    // scripts; the policy is read only when it matters, and never waited on for long
    const managed = withPolicy && !settings.region ? await policy() : {};
    const region = effectiveSource(settings, managed).region;
    const current = (await browser.storage.local.get(INDEX_KEY))[INDEX_KEY];
    const fresh =
      isStoredIndex(current) &&
      // an index in an older format (stored by the previous release) is rebuilt, whatever its age
      (current.data as { v?: unknown } | null)?.v === INDEX_VERSION &&
      current.demo === settings.demo &&
      current.region === region &&
      current.sequence === active.lists[0]!.sequence &&
      current.listId ===
        indexListId(
          settings.demo ? [{ ...active.lists[0]!, list_id: DEMO_LIST_ID }, ...active.lists.slice(1)] : active.lists,
        ) &&
      Date.now() - current.builtAt < DAY;
    if (!force && fresh) return;
    await publishIndex(active.lists, settings, Date.now(), region);
  }

  async function scheduleUpdate(): Promise<void> {
    const delay = await updater.nextDelay();
    await browser.alarms.create(UPDATE_ALARM, { when: Date.now() + Math.max(delay, 60_000) });
  }

  // One update at a time; a request that arrives during a run (the user saved a new list URL while
  // the install-time check was still fetching) gets a fresh run afterwards, with the new source.
  let running: Promise<void> | null = null;
  let again = false;
  // `dueOnly` (the alarm): only the sources whose next check is due; any other request checks all.
  let dueOnly = true;
  function update(onlyDue = false): Promise<void> {
    if (!onlyDue) dueOnly = false;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const opts = { dueOnly };
          dueOnly = true;
          const { checked } = await updater.updateNow(opts);
          await refreshIndex();
          // beside source 1: checked with it (not when the alarm woke only for a further source)
          if (checked?.includes(1)) await siteRules.updateNow();
        } while (again);
        await scheduleUpdate();
      } finally {
        running = null;
      }
    })();
    return running;
  }

  async function publishDismissed(): Promise<void> {
    await browser.storage.local.set({ [DISMISSED_KEY]: await dismissedKeys(getDb()) });
  }

  /** The first list of the union (in source order) that holds this ticket; else the first source's. */
  async function listHolding(ticketId: unknown) {
    const { lists } = await updater.getActiveLists();
    return lists.find((l) => l.elections.some((e) => e.tickets.some((t) => t.id === ticketId))) ?? lists[0]!;
  }

  async function activeListForUi() {
    const [settings, active] = await Promise.all([loadSettings(), updater.getActiveLists()]);
    const first = settings.demo ? makeDemoList(active.lists[0]!, Date.now()) : active.lists[0]!;
    // the elections of every source, under the first list's head
    return { ...first, elections: [first, ...active.lists.slice(1)].flatMap((l) => l.elections) };
  }

  // Candidate-page notices: toolbar badge + popup, never inside the page.
  const badge = createBadge(
    (browser.action ?? browser.browserAction) as Parameters<typeof createBadge>[0],
    (browser.storage as { session?: Parameters<typeof createBadge>[1] }).session,
  );
  browser.tabs.onRemoved.addListener((tabId) => void badge.forget(tabId));

  const handlers: Handlers = {
    'page:notice': async (notice, sender) => {
      if (sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0) await badge.set(sender.tab.id, notice);
      return { ok: true };
    },
    'page:notice:get': ({ tabId }) => badge.get(tabId),
    'log:decision': async (payload) => {
      // the list the (first) ticket came from: with several sources, not always the first source's
      const list = await listHolding(payload?.tickets?.[0]);
      try {
        const id = await addEntry(getDb(), payload, {
          listId: list.list_id,
          listSequence: list.sequence,
        });
        await browser.storage.local.remove(STORAGE_FULL_KEY);
        return { id };
      } catch (e) {
        // The popup shows this until a write succeeds again (after the person deleted old history).
        if (e instanceof StorageFullError) await browser.storage.local.set({ [STORAGE_FULL_KEY]: Date.now() });
        throw e;
      }
    },
    'log:recent': () => recentCounts(getDb()),
    'dismissal:add': async (d) => {
      if (typeof d?.key !== 'string' || !/^(account|post):/.test(d.key)) throw new Error('dismissal:add: bad key');
      await addDismissal(getDb(), {
        key: d.key.slice(0, 2048),
        site: d.site,
        label: String(d.label).slice(0, 200),
        tickets: d.tickets.slice(0, 20),
        at: Date.now(),
      });
      await publishDismissed();
      return { ok: true };
    },
    'dismissal:remove': async (d) => {
      if (typeof d?.key !== 'string') throw new Error('dismissal:remove: bad key');
      const removed = await removeDismissal(getDb(), d.key);
      await publishDismissed();
      return { removed };
    },
    'site:pause': async ({ site, minutes }) => {
      const until = Date.now() + Math.min(Math.max(minutes, 1), 24 * 60) * 60_000;
      const pauses = parsePauses((await browser.storage.local.get(PAUSES_KEY))[PAUSES_KEY]);
      pauses[site] = until;
      await browser.storage.local.set({ [PAUSES_KEY]: pauses });
      await logEvent(getDb(), { at: Date.now(), type: 'pause', site, detail: `${minutes} min` });
      return { until };
    },
    'list:status': () => updater.status(),
    'list:update-now': async () => {
      await update();
      return updater.status();
    },
    'list:history': () => updater.history(),
    'list:elections': async () => electionWindows(await activeListForUi(), Date.now()),
    // the named provinces, kabupaten/kota (and kecamatan) of the active list, for the region picker
    'list:regions': async () => {
      // every source's elections and region directory
      const { lists } = await updater.getActiveLists();
      return namedRegionsOf(
        lists.flatMap((l) => l.elections),
        lists.flatMap((l) => l.regions ?? []),
      );
    },
    // "report a list error": opens the report page in a new tab (nothing is sent); with several
    // sources, the list (and so the publisher) is the first source's list that holds the ticket
    'dispute:open': (req) =>
      createDisputeOpener({
        activeList: () => listHolding((req as { ticketId?: unknown } | null)?.ticketId),
        pageUrl: (path) => browser.runtime.getURL(path),
        openTab: (url) => browser.tabs.create({ url }),
      })(req),
    'dispute:entry': (req) =>
      createDisputeLookup(() => listHolding((req as { ticketId?: unknown } | null)?.ticketId))(req),
  };
  browser.runtime.onMessage.addListener(createRouter(handlers, browser.runtime.id));
  // The dialog's and banner's strings, for content scripts (lib/i18n/content.ts).
  void publishUiStrings().catch(() => undefined);
  // … and their style sheets (lib/guard/ui-styles.ts).
  void publishUiStyles(UI_STYLES).catch(() => undefined);
  // The site rules in effect, for content scripts and the options page (lib/site-rules/publish.ts):
  // at every start (an extension update brings new built-in rules) and whenever the accepted
  // document changes (an update accepted, or dropped with a changed feed).
  const publishRules = createRulesPublisher(storageStore, BUILTIN_RULES);
  void publishRules().catch(() => undefined);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SITE_RULES_KEYS.active in changes) void publishRules().catch(() => undefined);
  });

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60 });
    await refreshIndex(true, false); // at once; update() below adds a policy's region
    await update();
  });
  browser.runtime.onStartup.addListener(() => void update());
  // A policy pushed or changed while the browser runs takes effect at once.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void update();
  });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === UPDATE_ALARM) await update(true);
    if (alarm.name === RETENTION_ALARM) {
      const removed = await applyRetention(getDb(), (await loadSettings()).retentionMonths);
      if (removed) await logEvent(getDb(), { at: Date.now(), type: 'retention', detail: `${removed} removed` });
    }
  });

  // Settings changes: consent is logged; demo mode and the list source/region change what is active.
  browser.storage.onChanged.addListener(async (changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const before: Settings = parseSettings(changes[SETTINGS_KEY]?.oldValue);
    const after: Settings = parseSettings(changes[SETTINGS_KEY]?.newValue);
    if (before.consent !== after.consent) {
      await logEvent(getDb(), { at: Date.now(), type: after.consent ? 'consent_on' : 'consent_off' });
    }
    // The index first (local work; a demo switch takes effect at once), then a list check, which
    // may wait on the network or on the managed policy.
    if (before.demo !== after.demo) await refreshIndex(true);
    if (
      before.listUrl !== after.listUrl ||
      before.listKeys !== after.listKeys ||
      JSON.stringify(before.listSources) !== JSON.stringify(after.listSources) ||
      before.listAllShards !== after.listAllShards ||
      before.region !== after.region
    ) {
      await update();
    }
  });
});
