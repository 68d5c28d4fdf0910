/**
 * What the history keeps and lets the person undo, in the built extension: post links are stored
 * only as same-site permalinks without query string or fragment; "not campaign" dismissals are
 * listed with a remove button, and removing one republishes the set content scripts read; the CSV
 * export cannot start a formula in a comma or a semicolon locale.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntryInput } from '../../lib/log/types';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import { type FixtureServer, startFixtureServer } from './harness/server';

let server: FixtureServer;
let b: ExtensionBrowser;
let history: Page;

/** Send a message to the background as an extension page does (lib/messages.ts). */
const send = (page: Page, type: string, payload: unknown) =>
  page.evaluate(
    ([t, p]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: t, payload: p }),
    [type, payload] as const,
  );
const dismissed = async () =>
  (await b.worker.evaluate('chrome.storage.local.get("dismissed").then((r) => r.dismissed ?? [])')) as string[];

const entry = (over: Partial<LogEntryInput>): LogEntryInput => ({
  site: 'x',
  action: 'like',
  decision: 'proceeded',
  tickets: ['pilpres-2024/2'],
  ticketLabels: ['02 Prabowo Subianto – Gibran Rakabuming Raka'],
  electionIds: ['pilpres-2024'],
  strength: 'account',
  stage: 'calon',
  evidence: [],
  ...over,
});

beforeAll(async () => {
  server = await startFixtureServer();
  b = await launchWithExtension({ port: server.port });
  history = await b.context.newPage();
  history.setDefaultTimeout(15_000);
  await history.goto(b.extUrl('/history.html'));
  await history.locator('main').waitFor();
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('history: stored links', () => {
  it('keeps only same-site permalinks, without query string or fragment', async () => {
    const given = [
      ['x', 'https://twitter.com/kandidat_dua_test/status/1777?s=20&t=Tr4ck3r#reply'],
      ['facebook', 'https://m.facebook.com/permalink.php?story_fbid=pfbid02abc&id=100000000000002&__cft__[0]=AZ'],
      ['instagram', 'https://www.instagram.com/reel/Cx1Yz/?igsh=MTc4bWx'],
      ['x', 'https://evil.example/phish?next=https://x.com/'],
      ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=TRACK&lc=Ugz'],
    ] as const;
    for (const [site, url] of given) await send(history, 'log:decision', entry({ site, url }));
    await history.reload();
    await history
      .locator('[data-log-row]')
      .nth(given.length - 1)
      .waitFor();
    const hrefs = await history.$$eval('[data-log-row] a[href]', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(
      [
        'https://x.com/kandidat_dua_test/status/1777',
        'https://www.facebook.com/100000000000002/posts/pfbid02abc',
        'https://www.instagram.com/reel/Cx1Yz/',
        'https://youtu.be/dQw4w9WgXcQ',
      ].sort(),
    );
    // the off-site link is not stored at all: its row shows no link
    expect(await history.locator('[data-log-row]').count()).toBe(given.length);
  });

  it('exports CSV that no spreadsheet turns into a formula, splitting on "," or ";"', async () => {
    await send(
      history,
      'log:decision',
      entry({ ticketLabels: ['Calon;=HYPERLINK("https://evil.example","klik")', 'a,+1', '@x'] }),
    );
    await history.reload();
    await history.locator('[data-log-row]').first().waitFor();
    const [csv] = await Promise.all([history.waitForEvent('download'), history.click('button[name="export_csv"]')]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain(`;'=HYPERLINK(`);
    for (const sep of [',', ';'])
      for (const line of text.split(/\r\n|\n|\r/))
        for (const cell of line.split(sep)) expect(cell.replace(/^[\s"]*/, '')).not.toMatch(/^[=+\-@]/);
  });
});

describe('history: "not campaign" dismissals can be removed', () => {
  const keys = ['account:x:kandidat_dua_test', 'post:https://x.com/kandidat_satu_test/status/42'];

  it('lists each dismissal with a remove button', async () => {
    await send(history, 'dismissal:add', {
      site: 'x',
      key: keys[0],
      label: '@kandidat_dua_test',
      tickets: ['pilpres-2024/2'],
    });
    await send(history, 'dismissal:add', {
      site: 'x',
      key: keys[1],
      label: 'x.com/…/status/42',
      tickets: ['pilpres-2024/1'],
    });
    expect((await dismissed()).sort()).toEqual([...keys].sort());
    await history.reload();
    for (const k of keys) await history.locator(`[data-dismissal="${k}"] button[name="remove_dismissal"]`).waitFor();
  });

  it('removing one (by keyboard) forgets it and republishes the set content scripts read', async () => {
    const button = history.locator(`[data-dismissal="${keys[0]}"] button[name="remove_dismissal"]`);
    expect(await button.getAttribute('aria-label')).toMatch(/Hapus tanda: @kandidat_dua_test/);
    await button.focus();
    await history.keyboard.press('Enter');
    await history.locator(`[data-dismissal="${keys[0]}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => history.locator('p[role="status"]').textContent()).toMatch(/dihapus/);
    await expect.poll(dismissed).toEqual([keys[1]]);
    await history.reload();
    await history.locator(`[data-dismissal="${keys[1]}"]`).waitFor();
    expect(await history.locator(`[data-dismissal="${keys[0]}"]`).count()).toBe(0);
  });
});
