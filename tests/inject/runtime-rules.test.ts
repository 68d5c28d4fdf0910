/**
 * The content script's runtime (lib/guard/runtime.ts) with its site's code only: the rules arrive as
 * data the background publishes (lib/site-rules/publish.ts → storage `siteRules.inEffect.x`). Driven
 * on the X fixtures with a fake extension storage seeded the way the background seeds it (settings,
 * the published index, the published rules in effect), a fake window and a scripted dialog. Covers
 * the synchronous attach before any read, "no rules yet: nothing recognised, quietly", the built-in
 * rules, an open page following a signed update and its withdrawal without a reload, and junk in
 * storage leaving the rules in hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { publishIndex } from '../../lib/background/index-builder';
import { storageStore } from '../../lib/background/storage-store';
import { runSiteGuard } from '../../lib/guard/runtime';
import { X_LINKS } from '../../lib/log/links';
import type { GuardUi } from '../../lib/guard/ui';
import { parseSettings, SETTINGS_KEY } from '../../lib/settings/settings';
import { BUILTIN_RULES } from '../../lib/site-rules/builtin';
import { rulesInEffectKey } from '../../lib/site-rules/in-effect';
import { createRulesPublisher } from '../../lib/site-rules/publish';
import { STORAGE_KEYS } from '../../lib/site-rules/updater';
import type { SiteRules } from '../../lib/sites/types';
import { xCode, xRules } from '../../lib/sites/x';
import { makeTestList } from '../e2e/harness/test-list';
import { fixturePage } from './fixture-page';

/** p2 names Prabowo Subianto and #PrabowoGibran2024: ticket 2 of the test list */
const LIKE_P2 = 'article[data-post="p2"] [data-testid="like"]';
const REPLY_P2_CHANGED = '[data-testid="postCell"][data-post="p2"] [data-testid="reply"]';

/** X's rules as a maintainer fixes them for home-changed.html: a post is also a `postCell`. */
const xFixed: SiteRules = {
  ...xRules,
  version: xRules.version + 1,
  containers: xRules.containers.map((c, i) =>
    i === 0 ? { ...c, selectors: ['[data-testid="postCell"]', ...c.selectors] } : c,
  ),
};

/** What the updater stores when it accepts a signed document (lib/site-rules/updater.ts). */
const accepted = (sites: SiteRules[]) => ({
  doc: {
    format: 'jaga-netral-site-rules',
    format_version: 1,
    stream_id: 'test.site-rules',
    sequence: 4,
    issued_at: '2026-12-02T00:00:00Z',
    sites,
  },
  feed: 'feed',
  url: 'https://lists.example.test/site-rules.json',
  keyId: 'k',
  sha256: '0'.repeat(64),
  acceptedAt: 1,
});

/** The background's start: the person opted in, the index and the rules in effect published. */
async function seedLikeTheBackground({ rules = true } = {}): Promise<() => Promise<boolean>> {
  const settings = parseSettings({ consent: true });
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
  await publishIndex(makeTestList(Date.now()), settings);
  const publish = createRulesPublisher(storageStore, BUILTIN_RULES);
  if (rules) await publish();
  return publish;
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

/** An X tab: the runtime started on a fixture page, as the content script starts it. */
function openTab(file: string, url: string) {
  const { document, win, listeners } = fixturePage(`x/${file}`, url, {
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
  });
  const asked: unknown[] = [];
  const ui = {
    async showDialog(_doc: Document, req: unknown) {
      asked.push(req);
      return 'cancel';
    },
    showBanner() {},
    hideBanner() {},
  } as unknown as GuardUi;
  const ctl = new AbortController();
  const started = runSiteGuard(ctl, 'x', xCode, ui, X_LINKS, win);
  /** a person's whole click gesture; whether the site's own click handler ran */
  const click = (selector: string): boolean => {
    const target = document.querySelector(selector);
    if (!target) throw new Error(`fixture has no ${selector}`);
    let held = false;
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
      const e = {
        type,
        target,
        isTrusted: true,
        defaultPrevented: false,
        preventDefault() {
          e.defaultPrevented = true;
        },
        stopImmediatePropagation() {
          if (type === 'click') held = true;
        },
      };
      listeners.get(type)?.(e as unknown as Event);
    }
    return !held;
  };
  return { listeners, asked, started, click, close: () => ctl.abort() };
}

describe('the content runtime takes its site’s rules from the published rules in effect', () => {
  const tabs: { close(): void }[] = [];
  const open = (file: string, url: string) => {
    const t = openTab(file, url);
    tabs.push(t);
    return t;
  };
  beforeEach(() => {
    fakeBrowser.reset();
    // the background's answers to what the runtime sends (log, recent counts, page notice)
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: unknown) =>
      (msg as { type?: string }).type === 'log:recent' ? { today: 0, week: 0 } : { ok: true }) as never);
  });
  afterEach(async () => {
    for (const t of tabs.splice(0)) t.close();
    await settle();
    vi.restoreAllMocks();
  });

  it('the capture listener is attached before the first read; a click before the rules arrive passes', async () => {
    await seedLikeTheBackground();
    const tab = open('home.html', 'https://x.com/home');
    // synchronously, at document_start: nothing has been read yet
    expect([...tab.listeners.keys()]).toContain('click');
    expect(tab.click(LIKE_P2)).toBe(true);
    await tab.started;
    expect(tab.click(LIKE_P2)).toBe(false);
    await settle();
    expect(tab.asked).toHaveLength(1);
  });

  it('nothing published yet: the page is not recognised, quietly, until the background publishes', async () => {
    const publish = await seedLikeTheBackground({ rules: false });
    const tab = open('home.html', 'https://x.com/home');
    await tab.started;
    expect(tab.click(LIKE_P2)).toBe(true);
    await settle();
    expect(tab.asked).toHaveLength(0);
    expect(await publish()).toBe(true);
    expect(tab.click(LIKE_P2)).toBe(false);
  });

  it('an open page follows a signed update and its withdrawal without a reload', async () => {
    const publish = await seedLikeTheBackground();
    const tab = open('home-changed.html', 'https://x.com/home-changed');
    await tab.started;
    // the built-in rules do not know X's changed markup
    expect(tab.click(REPLY_P2_CHANGED)).toBe(true);
    // the updater accepts a signed document; the background publishes what follows from it
    await fakeBrowser.storage.local.set({ [STORAGE_KEYS.active]: accepted([xFixed]) });
    expect(await publish()).toBe(true);
    expect(tab.click(REPLY_P2_CHANGED)).toBe(false);
    await settle();
    expect(tab.asked).toHaveLength(1);
    // a changed feed drops the document: the built-in rules again, in the same tab
    await fakeBrowser.storage.local.remove(STORAGE_KEYS.active);
    expect(await publish()).toBe(true);
    expect(tab.click(REPLY_P2_CHANGED)).toBe(true);
  });

  it('an update not newer than the built-in rules, or junk in storage, leaves the rules in hand', async () => {
    const publish = await seedLikeTheBackground();
    const tab = open('home.html', 'https://x.com/home');
    await tab.started;
    await fakeBrowser.storage.local.set({ [STORAGE_KEYS.active]: accepted([{ ...xFixed, version: 1 }]) });
    expect(await publish()).toBe(false);
    for (const junk of [
      'x',
      { rules: { ...xRules, site: 'youtube' } },
      { rules: { ...xRules, actions: 'all' } },
      { rules: { ...xRules, containers: [{ selectors: 'article' }] } },
    ]) {
      await fakeBrowser.storage.local.set({ [rulesInEffectKey('x')]: junk });
      expect(tab.click(LIKE_P2), JSON.stringify(junk).slice(0, 80)).toBe(false);
    }
    await settle();
    expect(tab.asked).toHaveLength(4);
  });
});
