/**
 * Person-like helpers over the built extension: opt in through the options page, wait until the
 * match index reached content scripts, read the history page. They go through the stable names of
 * docs/automation.md, exactly as an agency's own suite would.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CandidateList } from '../../../lib/list/types';
import { compileIndex, serializeIndex } from '../../../lib/match';
import type { ExtensionBrowser } from './browser';

export interface OptInOptions {
  demo?: boolean;
  role?: 'pns' | 'pppk' | 'non_asn';
  region?: string;
  lang?: 'id' | 'en';
  consent?: boolean;
  /** the automation switch: open shadow roots so a suite can read the dialog (optIn turns it on) */
  automation?: boolean;
  /** the in-page candidate notice (off by default) */
  pageBanner?: boolean;
}

/** Fill the options form the way a person would and save it. */
export async function setOptions(b: ExtensionBrowser, opts: OptInOptions): Promise<void> {
  const page = await b.context.newPage();
  await page.goto(b.extUrl('/options.html'));
  await page.locator('button[name="save"]').waitFor();
  await page.locator('input[name="consent"]').setChecked(opts.consent ?? true);
  if (opts.demo !== undefined) await page.locator('input[name="demo"]').setChecked(opts.demo);
  if (opts.role) await page.selectOption('select[name="role"]', opts.role);
  if (opts.region !== undefined) await page.fill('input[name="region"]', opts.region);
  if (opts.lang) await page.selectOption('select[name="lang"]', opts.lang);
  if (opts.automation !== undefined) await page.locator('input[name="automation"]').setChecked(opts.automation);
  if (opts.pageBanner !== undefined) await page.locator('input[name="page_banner"]').setChecked(opts.pageBanner);
  await page.click('button[name="save"]');
  await page.locator('#form-status').filter({ hasText: /\S/ }).waitFor();
  await page.close();
  if (opts.demo !== undefined || opts.region !== undefined) await waitForIndex(b, opts.demo);
}

/** Opt in; with the automation switch on unless told otherwise, so the suite can read the dialog. */
export const optIn = (b: ExtensionBrowser, opts: OptInOptions = {}) =>
  setOptions(b, { automation: true, ...opts, consent: true });

/**
 * Wait until the background has published a match index built for the stored settings: this demo
 * setting (the stored one when not given) and, when the person set a home region, that region.
 * Resolves on the storage change itself (or at once if it is already there). A region change makes
 * the background check the list first and publish after, so without the region test a suite could
 * go on with the previous index, and a later write of the background's would replace what the suite
 * put there (injectIndex). The ceiling is generous and only turns a hang into a readable failure
 * that says what was stored instead.
 */
export async function waitForIndex(b: ExtensionBrowser, demo?: boolean, ceilingMs = 45_000): Promise<void> {
  // A string, not a function: a transpiler's helpers (e.g. tsx's __name) do not exist in the worker.
  const outcome = await b.worker.evaluate(`new Promise((resolve) => {
    const given = ${JSON.stringify(demo ?? null)};
    const good = async (v) => {
      if (v === undefined || v === null) return false;
      const s = (await chrome.storage.local.get('settings')).settings || {};
      const want = given === null ? s.demo === true : given;
      return v.demo === want && (!s.region || v.region === s.region);
    };
    let done = false;
    const finish = (what) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      chrome.storage.onChanged.removeListener(onChanged);
      resolve(what);
    };
    const check = async () => {
      if (await good((await chrome.storage.local.get('matchIndex')).matchIndex)) finish('ok');
    };
    // on a new index and on a settings change (the stored index may already be the one wanted)
    const onChanged = (changes, area) => {
      if (area === 'local' && (changes.matchIndex || changes.settings)) void check();
    };
    const timer = setTimeout(async () => {
      const got = await chrome.storage.local.get(null);
      const idx = got.matchIndex;
      finish('stored index: ' + (idx ? 'demo=' + idx.demo + ' region=' + idx.region + ' list=' + idx.listId + '#' + idx.sequence : 'none') +
        '; settings: ' + JSON.stringify(got.settings) + '; stored keys: ' + Object.keys(got).join(' '));
    }, ${ceilingMs});
    chrome.storage.onChanged.addListener(onChanged);
    void check();
  })`);
  if (outcome !== 'ok') {
    throw new Error(`match index (demo=${demo ?? 'as stored'}) not published within ${ceilingMs} ms; ${outcome}`);
  }
}

/**
 * Wait until the background holds active the list `want` names (its id, or its sequence): resolves
 * on the storage change itself. The ceiling only turns a hang into a failure that says what the
 * background did instead (its check history and schedule).
 */
export async function waitForActiveList(
  b: ExtensionBrowser,
  want: { listId?: string; sequence?: number },
  ceilingMs = 60_000,
): Promise<void> {
  const outcome = await b.worker.evaluate(`new Promise((resolve) => {
    const want = ${JSON.stringify(want)};
    const good = (p) => Boolean(p) && (want.listId === undefined || p.listId === want.listId) &&
      (want.sequence === undefined || p.sequence === want.sequence);
    let done = false;
    const finish = (what) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      chrome.storage.onChanged.removeListener(onChanged);
      resolve(what);
    };
    const onChanged = (changes, area) => {
      if (area === 'local' && changes['list.pointer'] && good(changes['list.pointer'].newValue)) finish('ok');
    };
    const timer = setTimeout(async () => {
      const got = await chrome.storage.local.get(['list.pointer', 'list.history', 'list.meta', 'settings']);
      const p = got['list.pointer'];
      finish('active: ' + (p ? p.listId + '#' + p.sequence : 'the bundled list') + '; checks: ' +
        JSON.stringify(got['list.history'] || []).slice(0, 800) + '; schedule: ' + JSON.stringify(got['list.meta'] || null));
    }, ${ceilingMs});
    chrome.storage.onChanged.addListener(onChanged);
    chrome.storage.local.get('list.pointer').then((r) => { if (good(r['list.pointer'])) finish('ok'); });
  })`);
  if (outcome !== 'ok') throw new Error(`list ${JSON.stringify(want)} not active within ${ceilingMs} ms; ${outcome}`);
}

export interface HistoryRow {
  site: string;
  action: string;
  decision: string;
  tickets: string[];
}

export async function readHistory(b: ExtensionBrowser): Promise<HistoryRow[]> {
  const page = await b.context.newPage();
  await page.goto(b.extUrl('/history.html'));
  await page.locator('main').waitFor();
  await page.waitForFunction(() => document.querySelector('table, p.muted + .toolbar + .card p, .card p'));
  const rows = await page.$$eval('[data-log-row]', (els) =>
    els.map((el) => {
      const d = (el as HTMLElement).dataset;
      return {
        site: d.site ?? '',
        action: d.actionKind ?? '',
        decision: d.decision ?? '',
        tickets: (d.tickets ?? '').split(' '),
      };
    }),
  );
  await page.close();
  return rows;
}

/** The page-side action counters of a fixture (window.__counts, main world). */
export function counts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(window as unknown as { __counts: Record<string, number> }).__counts }));
}

/** The warning dialog inside <jaga-netral-dialog>'s shadow root (open under automation; Playwright pierces it). */
export const dialog = (page: Page) =>
  page.locator('jaga-netral-dialog [role="alertdialog"], jaga-netral-dialog [role="dialog"]');

export async function openFixture(b: ExtensionBrowser, url: string): Promise<Page> {
  const page = await b.context.newPage();
  // Fail in seconds, not Playwright's 30 s default: a held action that never shows a dialog is a failure.
  page.setDefaultTimeout(8_000);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
  return page;
}

/**
 * Tick the acknowledgement and press Proceed, as a person would. Nothing reaches the site yet: the
 * dialog asks the person to repeat the action (`again`), which then passes once as their own input.
 * For a comment-start warning there is nothing to repeat: leave `again` out.
 */
export async function proceed(page: Page, again?: () => Promise<unknown>): Promise<void> {
  const d = dialog(page);
  if (again) expect(await d.locator('[data-again]').count()).toBe(1);
  await d.locator('[data-choice="acknowledge"]').check();
  await d.locator('[data-choice="proceed"]').click();
  await d.waitFor({ state: 'detached' });
  if (again) await again();
}

/**
 * Proceed + the person's repeated action, and prove the site's own handler ran exactly once: not on
 * Proceed (nothing is replayed), once on the repeat, and a third action is held again.
 */
export async function proceedOnce(page: Page, key: string, again: () => Promise<unknown>): Promise<void> {
  const before = (await counts(page))[key] ?? 0;
  await proceed(page);
  expect((await counts(page))[key] ?? 0, `${key} after Proceed alone`).toBe(before);
  // What the page's own listeners receive from now on: every activation must be the person's (trusted).
  await page.evaluate(() => {
    const w = window as unknown as { __seen: boolean[] };
    w.__seen = [];
    for (const type of ['click', 'dblclick', 'keydown'])
      document.addEventListener(type, (e) => w.__seen.push(e.isTrusted), { capture: true });
  });
  await again();
  expect((await counts(page))[key] ?? 0, `${key} after the repeat`).toBe(before + 1);
  const seen = await page.evaluate(() => (window as unknown as { __seen: boolean[] }).__seen);
  expect(seen.length, 'the page saw the repeated action').toBeGreaterThan(0);
  // The first event to reach the page is the person's own (a page may then make its own, e.g. a
  // role=button div clicked from its Enter handler).
  expect(seen[0], 'the page first saw the person’s own event (isTrusted)').toBe(true);
  onceLog.push({ site: new URL(page.url()).hostname, key });
}

/** Every "handler ran exactly once" proof of this run, for the report. */
export const onceLog: Array<{ site: string; key: string }> = [];

/** The candidate-page notice of the tab showing `page`: toolbar badge text and the popup's tickets. */
export async function pageNotice(
  b: ExtensionBrowser,
  page: Page,
  settleMs = 5000,
): Promise<{ badge: string; tickets: string[] }> {
  // The extension has no `tabs` permission (no URLs): find the page's tab as the active one.
  await page.bringToFront();
  let tabId = -1;
  let badge = '';
  const deadline = Date.now() + settleMs;
  // The content script reports after the page loaded: wait for the badge to settle.
  while (Date.now() < deadline) {
    [tabId, badge] = (await b.worker.evaluate(
      `chrome.tabs.query({ active: true }).then(async ([tab]) =>
        tab ? [tab.id, await chrome.action.getBadgeText({ tabId: tab.id })] : [-1, ''])`,
    )) as [number, string];
    if (badge) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const popup = await b.context.newPage();
  await popup.goto(b.extUrl(`/popup.html?tab=${tabId}`));
  await popup.locator('[data-consent]').waitFor();
  const el = popup.locator('[data-page-notice]');
  if (badge) await el.waitFor();
  const tickets = (await el.count()) ? ((await el.getAttribute('data-tickets')) ?? '').split(' ') : [];
  await popup.close();
  return { badge, tickets };
}

export async function cancel(page: Page): Promise<void> {
  const d = dialog(page);
  await d.locator('[data-choice="cancel"]').click();
  await d.waitFor({ state: 'detached' });
}

/** Screenshots go to tests/.artifacts/ (git-ignored) for people to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`../../.artifacts/${name}.png`, import.meta.url).pathname });
}

/**
 * Put a compiled index of `list` in the extension's storage, as the background would after
 * accepting it. Compiles with the real lib/match in Node; content scripts pick it up through
 * storage.onChanged. Call it AFTER optIn: a later settings change makes the background rebuild
 * its own index. (The list pipeline itself — fetch, verify, swap — has its own e2e tests.)
 *
 * The stored index carries the identity (list id, sequence, region in effect) of the list the
 * background holds active, so the background takes it as already published: its own list check,
 * which can still be running after opt-in on a slow machine, would otherwise replace it with the
 * active list's index mid-test (seen on a loaded machine: every later tap of a file passed).
 */
export async function injectIndex(b: ExtensionBrowser, list: CandidateList): Promise<void> {
  const active = (await b.worker.evaluate(`(async () => {
    const got = await chrome.storage.local.get(['list.pointer', 'matchIndex', 'settings']);
    const published = got.matchIndex;
    const region = typeof published?.region === 'string' ? published.region : (got.settings?.region ?? '');
    const p = got['list.pointer'];
    if (p && p.listId) return { listId: p.listId, sequence: p.sequence, region };
    const bundled = await (await fetch(chrome.runtime.getURL('/lists/bundled.json'))).json();
    return { listId: bundled.list_id, sequence: bundled.sequence, region };
  })()`)) as { listId: string; sequence: number; region: string };
  const stored = {
    data: serializeIndex(compileIndex([list])),
    listId: active.listId,
    sequence: active.sequence,
    demo: false,
    // the region in effect, as the background stamps it: an index without it is one the background
    // rebuilds at its next check (entrypoints/background.ts, refreshIndexNow), dropping this one
    region: active.region,
    builtAt: Date.now(),
  };
  await b.worker.evaluate(`chrome.storage.local.set({ matchIndex: ${JSON.stringify(stored)} })`);
}

/** Click, expect the dialog for `kind` naming `ticket`, and check the page's `key` counter did not move. */
export async function expectHeld(
  page: Page,
  selector: string,
  kind: string,
  ticket: string,
  key: string,
): Promise<void> {
  await page.click(selector);
  const d = dialog(page);
  await d.waitFor();
  expect(await d.getAttribute('data-action-kind')).toBe(kind);
  expect((await d.getAttribute('data-tickets'))?.split(' ')).toContain(ticket);
  expect((await counts(page))[key]).toBeUndefined();
}

/**
 * Click until the warning dialog shows: for an update (list, site rules) the tab takes in the
 * background, so the first clicks may still pass. Waits on the dialog, up to a generous ceiling.
 */
export async function clickUntilDialog(page: Page, selector: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.click(selector);
        return page.locator('jaga-netral-dialog').count();
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBeGreaterThan(0);
}

/**
 * The open dialog gives Cancel, the safe choice, the focus at its first frame (not inside the click:
 * components/WarningDialogHost.ts), so a suite that reads or moves the focus waits for that first.
 */
export async function expectCancelFocused(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            document.querySelector('jaga-netral-dialog')?.shadowRoot?.activeElement?.getAttribute('data-choice') ?? '',
        ),
      { timeout: 5_000 },
    )
    .toBe('cancel');
}

/** The guard decides synchronously inside the click: a dialog would already be in the DOM. */
export async function expectNoDialog(page: Page): Promise<void> {
  expect(await page.locator('jaga-netral-dialog').count()).toBe(0);
}

/**
 * Evaluate in the page's main world WITHOUT a user gesture, as a page's own script runs. Playwright's
 * `page.evaluate` marks its calls as user gestures (CDP `userGesture: true`), which would give the
 * page a transient user activation the person never made; probes must not have one.
 */
export async function quietEval<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const r = (await cdp.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
      userGesture: false,
    })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  } finally {
    await cdp.detach();
  }
}

/** Open a fixture without touching it through Playwright's gesture-marked evaluate (see quietEval). */
export async function openQuietly(b: ExtensionBrowser, url: string): Promise<Page> {
  const page = await b.context.newPage();
  page.setDefaultTimeout(8_000);
  await page.goto(url);
  const deadline = Date.now() + 8000;
  while (!(await quietEval<boolean>(page, 'window.__ready === true'))) {
    if (Date.now() > deadline) throw new Error(`${url}: fixture not ready`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return page;
}
