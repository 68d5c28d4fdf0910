/**
 * Diagnostics a person can use, end to end in real Chromium with the built extension: on an X page
 * whose markup "changed" (tests/fixtures/x/home-changed.html: no <article>, a renamed author block),
 * Likes pass unrecognised; the misses reach extension storage, the options page shows them per site
 * and cause (with the day last seen), and the copied diagnostic report holds only the extension
 * version, the browser family and the rule keys with their counts — no page text, path or handle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import { counts, openFixture, optIn } from './harness/extension';
import { type FixtureServer, startFixtureServer } from './harness/server';

const CHANGED = 'https://x.com/home-changed';
const likeOf = (post: string) => `[data-testid="postCell"][data-post="${post}"] [data-testid="like"]`;

let server: FixtureServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  b = await launchWithExtension({ port: server.port });
  await optIn(b, { demo: true, role: 'pns', region: '33' });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

/** The stored diagnostics, read by the extension itself. */
const stored = () =>
  b.worker.evaluate(async () => {
    const c = (
      globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
    ).chrome;
    return ((await c.storage.local.get('diagnostics')).diagnostics ?? {}) as Record<
      string,
      Record<string, { n: number }>
    >;
  });

describe('diagnostics', () => {
  it('counts unrecognised actions on changed markup, shows them per cause and copies a report of rule keys only', async () => {
    const page = await openFixture(b, CHANGED);
    await page.click(likeOf('p1'));
    await page.click(likeOf('p2'));
    // The likes passed: recognition failed, the page was never blocked.
    expect(await counts(page)).toMatchObject({ 'p1:like': 1, 'p2:like': 1 });
    expect(await page.locator('jaga-netral-dialog').count()).toBe(0);
    // The content script flushes its counts every few seconds: wait on the stored value, not a clock.
    const deadline = Date.now() + 30_000;
    while (((await stored()).x?.['x:container:like']?.n ?? 0) < 2 && Date.now() < deadline) {
      await page.waitForTimeout(250);
    }
    expect((await stored()).x?.['x:container:like']?.n).toBeGreaterThanOrEqual(2);
    const pageText = (await page.locator('body').textContent()) ?? '';
    await page.close();

    const options = await b.context.newPage();
    await options.goto(b.extUrl('/options.html'));
    const row = options.locator('table[data-diagnostic-causes] tr[data-diagnostic-site="x"]');
    await row.waitFor();
    const item = row.locator('td[data-cause="item"]');
    expect(Number(await item.getAttribute('data-count'))).toBeGreaterThanOrEqual(2);
    expect(await item.getAttribute('data-last-seen')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await row.locator('td[data-cause="control"]').getAttribute('data-count')).toBe('0');
    expect(await row.locator('td[data-cause="author"]').getAttribute('data-count')).toBe('0');
    // The rule keys behind the counts stay readable for whoever wants them.
    await options.locator('table[data-diagnostics]').waitFor();
    expect(await options.locator('table[data-diagnostics]').textContent()).toContain('x:container:like');

    await options.click('button[name="copy_diagnostics"]');
    const pre = options.locator('pre[data-diagnostic-report]');
    await pre.waitFor();
    expect(await options.locator('[data-diagnostic-copy]').getAttribute('data-diagnostic-copy')).toMatch(
      /^(copied|shown)$/,
    );
    const report = (await pre.textContent()) ?? '';
    const version = await b.worker.evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }
        ).chrome.runtime.getManifest().version,
    );
    const lines = report.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['Jaga Netral diagnostic report', `version: ${version}`, 'browser: chromium']);
    expect(lines).toContain('site: x');
    expect(lines.some((l) => /^ {2}x:container:like \d+$/.test(l))).toBe(true);
    // Only the allowed fields: a header, the version, the browser, site names, and `key count` lines.
    for (const l of lines.slice(3))
      expect(l).toMatch(/^(site: [a-z]+| {2}(?:[a-z0-9_-]+(?::[a-z0-9_-]+)*|invalid:\S.*) \d+)$/);
    // Nothing of the page: no handle, no path, no post text, no day.
    expect(report).not.toMatch(/prabowo|status|https?:|\d{4}-\d{2}-\d{2}/i);
    for (const word of pageText.split(/\s+/).filter((w) => w.length > 6)) expect(report).not.toContain(word);
    await options.close();
  });
});
