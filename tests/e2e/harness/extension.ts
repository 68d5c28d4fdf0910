/**
 * Person-like helpers over the built extension: opt in through the options page, wait until the
 * match index reached content scripts, read the history page. They go through the stable names of
 * shared/spec/test-contract.md, exactly as an agency's own suite would.
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
  await page.click('button[name="save"]');
  await page.locator('#form-status').filter({ hasText: /\S/ }).waitFor();
  await page.close();
  if (opts.demo !== undefined) await waitForIndex(b, opts.demo);
}

export const optIn = (b: ExtensionBrowser, opts: OptInOptions = {}) => setOptions(b, { ...opts, consent: true });

/**
 * Wait until the background has published a match index built for this demo setting: resolves on
 * the storage change itself (or at once if it is already there). The ceiling is generous and only
 * turns a hang into a readable failure that says what was stored instead.
 */
export async function waitForIndex(b: ExtensionBrowser, demo: boolean, ceilingMs = 45_000): Promise<void> {
  // A string, not a function: a transpiler's helpers (e.g. tsx's __name) do not exist in the worker.
  const outcome = await b.worker.evaluate(`new Promise((resolve) => {
    const want = ${JSON.stringify(demo)};
    const good = (v) => v !== undefined && v !== null && v.demo === want;
    const finish = (what) => {
      clearTimeout(timer);
      chrome.storage.onChanged.removeListener(onChanged);
      resolve(what);
    };
    const onChanged = (changes, area) => {
      if (area === 'local' && changes.matchIndex && good(changes.matchIndex.newValue)) finish('ok');
    };
    const timer = setTimeout(async () => {
      const got = await chrome.storage.local.get(null);
      const idx = got.matchIndex;
      finish('stored index: ' + (idx ? 'demo=' + idx.demo + ' list=' + idx.listId + '#' + idx.sequence : 'none') +
        '; settings: ' + JSON.stringify(got.settings) + '; stored keys: ' + Object.keys(got).join(' '));
    }, ${ceilingMs});
    chrome.storage.onChanged.addListener(onChanged);
    chrome.storage.local.get('matchIndex').then((r) => { if (good(r.matchIndex)) finish('ok'); });
  })`);
  if (outcome !== 'ok') throw new Error(`match index (demo=${demo}) not published within ${ceilingMs} ms; ${outcome}`);
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

/** The warning dialog inside <jaga-netral-dialog>'s open shadow root (Playwright pierces it). */
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

/** Tick the acknowledgement and press Proceed, as a person would. */
export async function proceed(page: Page): Promise<void> {
  const d = dialog(page);
  await d.locator('[data-choice="acknowledge"]').check();
  await d.locator('[data-choice="proceed"]').click();
  await d.waitFor({ state: 'detached' });
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
 */
export async function injectIndex(b: ExtensionBrowser, list: CandidateList): Promise<void> {
  const stored = {
    data: serializeIndex(compileIndex([list])),
    listId: list.list_id,
    sequence: list.sequence,
    demo: false,
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

/** The guard decides synchronously inside the click: a dialog would already be in the DOM. */
export async function expectNoDialog(page: Page): Promise<void> {
  expect(await page.locator('jaga-netral-dialog').count()).toBe(0);
}
