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

/** Wait until the background has published a match index built for this demo setting. */
export async function waitForIndex(b: ExtensionBrowser, demo: boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const got = await b.worker.evaluate(
      'chrome.storage.local.get("matchIndex").then(r => r.matchIndex && r.matchIndex.demo)',
    );
    if (got === demo) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`match index (demo=${demo}) not published within ${timeoutMs} ms`);
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
