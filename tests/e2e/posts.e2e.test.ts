/**
 * The person's own new posts, captions and statuses (action kind `post`) end to end in real
 * Chromium with the built extension, on each site's new-post composer fixture in its English and
 * Indonesian UI: typing is never interrupted; the send of a text naming a candidate is held with
 * the dialog for a post (and its sentence that making such a post is itself covered by the rule);
 * Cancel leaves the text unsent in the box; Proceed + the person's repeated send publishes it once;
 * a neutral post goes straight through. The history page shows the `post` rows (and filters on
 * them), and the JSON and CSV exports carry them.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import {
  cancel,
  counts,
  dialog,
  expectNoDialog,
  openFixture,
  optIn,
  proceedOnce,
  readHistory,
  snap,
} from './harness/extension';
import { type FixtureServer, startFixtureServer } from './harness/server';

interface Composer {
  site: string;
  name: string;
  url: string;
  editor: string;
  send: string;
  /** the page's counter of a send (default `new:post`, the composer fixtures' own) */
  key?: string;
}

const COMPOSERS: Composer[] = [
  ...['', '-id'].map((l) => ({
    site: 'x',
    name: `X home box${l}`,
    url: `https://x.com/compose/post${l}`,
    editor: '[data-composer="home"] [data-testid="tweetTextarea_0"]',
    send: '[data-testid="tweetButtonInline"]',
  })),
  ...['', '-id'].map((l) => ({
    site: 'x',
    name: `X /compose/post dialog${l}`,
    url: `https://x.com/compose/post${l}`,
    editor: '[role="dialog"] [data-testid="tweetTextarea_1"]',
    send: '[data-testid="tweetButton"]',
  })),
  ...['', '-id'].map((l) => ({
    site: 'facebook',
    name: `Facebook create-post dialog${l}`,
    url: `https://www.facebook.com/compose${l}`,
    editor: '[role="dialog"] [data-lexical-editor="true"]',
    send: '[role="dialog"] form > [role="button"]',
  })),
  ...['', '-id'].map((l) => ({
    site: 'instagram',
    name: `Instagram caption${l}`,
    url: `https://www.instagram.com/create${l}`,
    editor: '[role="dialog"] [contenteditable="true"]',
    send: '[role="dialog"] .head > [role="button"]:last-child',
  })),
  ...['', '-id'].map((l) => ({
    site: 'threads',
    name: `Threads new thread${l}`,
    url: `https://www.threads.com/compose${l}`,
    editor: '[role="dialog"] [contenteditable="true"] >> nth=0',
    send: '[role="dialog"] .foot [role="button"]',
  })),
  ...['', '-id'].map((l) => ({
    site: 'tiktok',
    name: `TikTok Studio upload caption${l}`,
    url: `https://www.tiktok.com/tiktokstudio/upload${l}`,
    editor: '[data-e2e="caption_container"] [contenteditable="true"]',
    send: '[data-e2e="post_video_button"]',
  })),
  ...['', '-id'].map((l) => ({
    site: 'youtube',
    name: `YouTube community post${l}`,
    url: `https://www.youtube.com/@budiasntest/posts${l}`,
    editor: '#contenteditable-root',
    send: '#submit-button button',
  })),
  // The group chat of the WhatsApp fixtures: its page script counts a message sent as `chat:send`.
  ...['', '-id'].map((l) => ({
    site: 'whatsapp',
    name: `WhatsApp Web message to a group${l}`,
    url: `https://web.whatsapp.com/index${l}`,
    editor: '#main footer [contenteditable="true"]',
    send: '#main footer [data-act="send-chat"]',
    key: 'chat:send',
  })),
];

const CAMPAIGN = 'Ayo dukung Prabowo-Gibran!';
const sent = (page: Page) => page.evaluate(() => (window as unknown as { __sent: string[] }).__sent);

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

describe.each(COMPOSERS)('$name', (c) => {
  it('a new post naming a candidate is held at the send; Cancel leaves it unsent; Proceed + repeat sends it once', async () => {
    const page = await openFixture(b, c.url);
    await page.click(c.editor);
    await page.keyboard.type(CAMPAIGN);
    // Nothing is read before the send: typing is never interrupted.
    await expectNoDialog(page);

    await page.click(c.send);
    const d = dialog(page);
    await d.waitFor();
    expect(await d.getAttribute('data-action-kind')).toBe('post');
    expect((await d.getAttribute('data-tickets'))?.split(' ')).toContain('pilpres-2024/2');
    expect(await d.locator('h2').textContent()).toBe('Tahan dulu sebelum memposting');
    // Making such a post is itself what the rule covers; the screen reader hears it too.
    expect(await d.locator('[data-post-note]').textContent()).toContain('membuat posting');
    expect(await d.getAttribute('aria-describedby')).toContain('jn-post');
    expect(await d.locator('[data-again]').textContent()).toContain('Kirim posting sekali lagi');
    if (c.name.endsWith('-id')) await snap(page, `post-dialog-${c.site}-id`);
    const key = c.key ?? 'new:post';
    expect((await counts(page))[key]).toBeUndefined();

    await cancel(page);
    expect((await counts(page))[key]).toBeUndefined();
    expect(await page.locator(c.editor).textContent()).toContain(CAMPAIGN);

    await page.click(c.send);
    await d.waitFor();
    await proceedOnce(page, key, () => page.click(c.send));
    if (!c.key) expect((await sent(page))[0]).toContain(CAMPAIGN);
    await page.close();
  });

  it('a neutral post goes straight through', async () => {
    const page = await openFixture(b, c.url);
    await page.click(c.editor);
    await page.keyboard.type('Selamat pagi, rapat jam 9.');
    await page.click(c.send);
    expect((await counts(page))[c.key ?? 'new:post']).toBe(1);
    await expectNoDialog(page);
    await page.close();
  });
});

describe('X: the key that sends', () => {
  it('Ctrl+Enter in the home box is held like the button; Proceed + the person’s Ctrl+Enter sends once', async () => {
    const page = await openFixture(b, 'https://x.com/compose/post');
    const box = '[data-composer="home"] [data-testid="tweetTextarea_0"]';
    await page.click(box);
    await page.keyboard.type(CAMPAIGN);
    await page.keyboard.press('Control+Enter');
    const d = dialog(page);
    await d.waitFor();
    expect(await d.getAttribute('data-action-kind')).toBe('post');
    await proceedOnce(page, 'new:post', async () => {
      await page.click(box);
      await page.keyboard.press('Control+Enter');
    });
    await page.close();
  });
});

describe('history and export', () => {
  const sites = [...new Set(COMPOSERS.map((c) => c.site))];

  it('the history shows the held posts of every site, cancelled and proceeded, and filters on them', async () => {
    let rows = await readHistory(b);
    const deadline = Date.now() + 10_000;
    // The log is written after the dialog closes: wait until every site's two rows are in.
    while (sites.some((s) => rows.filter((r) => r.site === s && r.action === 'post').length < 2)) {
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
      rows = await readHistory(b);
    }
    for (const site of sites) {
      const posts = rows.filter((r) => r.site === site && r.action === 'post');
      expect(posts.map((r) => r.decision).sort(), site).toEqual(expect.arrayContaining(['cancelled', 'proceeded']));
      expect(
        posts.every((r) => r.tickets.includes('pilpres-2024/2')),
        site,
      ).toBe(true);
    }

    const page = await b.context.newPage();
    await page.goto(b.extUrl('/history.html'));
    await page.locator('[data-log-row]').first().waitFor();
    await page.selectOption('select[name="action"]', 'post');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-log-row]')).every(
        (r) => r.dataset.actionKind === 'post',
      ),
    );
    const shown = await page.$$eval('[data-log-row]', (els) => els.map((e) => (e as HTMLElement).dataset.actionKind));
    expect(shown.length).toBe(rows.filter((r) => r.action === 'post').length);
    await snap(page, 'history-posts');
    await page.close();
  });

  it('the JSON and CSV exports carry the `post` rows', async () => {
    const page = await b.context.newPage();
    await page.goto(b.extUrl('/history.html'));
    await page.locator('[data-log-row]').first().waitFor();
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('button[name="export_json"]')]);
    const doc = JSON.parse(readFileSync((await json.path()) as string, 'utf8'));
    const entries = doc.entries as Array<{ site: string; action: string; url?: string }>;
    const posts = entries.filter((e) => e.action === 'post');
    expect(new Set(posts.map((e) => e.site))).toEqual(new Set(sites));
    // A new post has no permalink yet and the composer's page is not the post: no link is kept,
    // although keeping links is on (the default).
    expect(posts.filter((e) => e.url !== undefined)).toEqual([]);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[name="export_csv"]')]);
    const lines = readFileSync((await csv.path()) as string, 'utf8')
      .trim()
      .split('\r\n');
    for (const site of sites)
      expect(
        lines.some((l) => l.includes(`,${site},post,`)),
        site,
      ).toBe(true);
    await page.close();
  });
});
