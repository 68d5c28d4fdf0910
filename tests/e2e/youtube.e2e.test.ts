import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import {
  cancel,
  counts,
  dialog,
  expectHeld,
  expectNoDialog,
  injectIndex,
  openFixture,
  optIn,
  pageNotice,
  proceed,
  proceedOnce,
} from './harness/extension';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { makeTestList } from './harness/test-list';

const ORIGIN = 'https://www.youtube.com';
const WATCH = `${ORIGIN}/watch?v=vidKandidat1`;
const WATCH_ID = `${ORIGIN}/watch-id?v=vidWargaBks1`;
const SHORTS = `${ORIGIN}/shorts/AAAAAAAAAA1`;
const SHORTS_ID = `${ORIGIN}/shorts/BBBBBBBBBB2`;
const LIKE = 'ytd-watch-metadata like-button-view-model button';
const SUBSCRIBE = 'ytd-watch-metadata yt-subscribe-button-view-model button';
const at = (id: string, inner: string) => `[data-id="${id}"] ${inner}`;
const PANEL_BOX = 'ytd-engagement-panel-section-list-renderer #contenteditable-root';

let server: FixtureServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  b = await launchWithExtension({ port: server.port });
  await optIn(b, { demo: false });
  await injectIndex(b, makeTestList());
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('YouTube watch page (English UI)', () => {
  it('holds like, share and subscribe on a candidate video; Cancel swallows, Proceed lets one through', async () => {
    const page = await openFixture(b, WATCH);
    await expectHeld(page, LIKE, 'like', 'pilpres-2024/2', 'v1:like');
    await cancel(page);
    expect((await counts(page))['v1:like']).toBeUndefined();
    await expectHeld(page, LIKE, 'like', 'pilpres-2024/2', 'v1:like');
    await proceedOnce(page, 'v1:like', () => page.click(LIKE));
    await expectHeld(page, 'ytd-watch-metadata yt-button-view-model button', 'share', 'pilpres-2024/2', 'v1:share');
    await cancel(page);
    await expectHeld(page, SUBSCRIBE, 'follow', 'pilpres-2024/2', 'v1:follow');
    await proceedOnce(page, 'v1:follow', () => page.click(SUBSCRIBE));
    expect(await counts(page)).toEqual({ 'v1:like': 1, 'v1:follow': 1 });
    // Dislike is not an action we guard.
    await page.click('dislike-button-view-model button');
    expect((await counts(page))['v1:dislike']).toBe(1);
    await page.close();
  });

  it("judges comments on their own: a neutral comment's like and reply pass, the candidate's reply is held", async () => {
    const page = await openFixture(b, WATCH);
    await page.click(at('cm1', '#like-button button'));
    await page.click(at('cm3', '#like-button button'));
    await expectNoDialog(page);
    expect(await counts(page)).toEqual({ 'cm1:like': 1, 'cm3:like': 1 });
    await expectHeld(page, at('cm1r1', '#like-button button'), 'like', 'pilpres-2024/2', 'cm1r1:like');
    await cancel(page);
    await expectHeld(page, at('cm2', '#like-button button'), 'like', 'pilpres-2024/2', 'cm2:like');
    await proceedOnce(page, 'cm2:like', () => page.click(at('cm2', '#like-button button')));
    // Replying to a neutral comment opens its reply box and sends without a warning.
    await page.click(at('cm3', '#reply-button-end button'));
    await page.click(at('cm3', '#reply-dialog #contenteditable-root'));
    await page.keyboard.type('Kamera HP biasa kok');
    await page.keyboard.press('Control+Enter');
    await expectNoDialog(page);
    expect((await counts(page))['cm3:comment-sent']).toBe(1);
    await page.close();
  });

  it('warns once when a comment on the video is started, then holds Ctrl+Enter and the Comment button', async () => {
    const page = await openFixture(b, WATCH);
    const box = page.locator('ytd-comments-header-renderer #contenteditable-root');
    await box.click();
    const d = dialog(page);
    await d.waitFor();
    expect(await d.getAttribute('data-action-kind')).toBe('comment');
    await proceed(page);
    await box.click();
    await page.keyboard.type('Semangat');
    await expectNoDialog(page);
    // Enter alone is a new line on YouTube, not a send.
    await page.keyboard.press('Enter');
    await expectNoDialog(page);
    await page.keyboard.press('Control+Enter');
    await d.waitFor();
    await cancel(page);
    expect((await counts(page))['v1:comment-sent']).toBeUndefined();
    await page.click('ytd-comments-header-renderer #submit-button button');
    await d.waitFor();
    await proceedOnce(page, 'v1:comment-sent', () => page.click('ytd-comments-header-renderer #submit-button button'));
    await page.close();
  });

  it('a click the page makes itself on a candidate video is never held', async () => {
    const page = await openFixture(b, WATCH);
    await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).click(), LIKE);
    await expectNoDialog(page);
    expect((await counts(page))['v1:like']).toBe(1);
    await page.close();
  });
});

describe('YouTube Shorts', () => {
  it('holds the candidate reel and the campaign-title reel; passes the neutral ones', async () => {
    const page = await openFixture(b, SHORTS);
    await expectHeld(page, at('r1', 'like-button-view-model button'), 'like', 'pilpres-2024/2', 'r1:like');
    await cancel(page);
    await expectHeld(page, at('r3', '#share-button button'), 'share', 'pilpres-2024/2', 'r3:share');
    await proceedOnce(page, 'r3:share', () => page.click(at('r3', '#share-button button')));
    await expectHeld(page, at('r1', 'yt-subscribe-button-view-model button'), 'follow', 'pilpres-2024/2', 'r1:follow');
    await cancel(page);
    await page.click(at('r2', 'like-button-view-model button'));
    await page.click(at('r4', '#share-button button'));
    await page.click(at('r2', 'yt-subscribe-button-view-model button'));
    // Opening the comments panel is reading, not commenting.
    await page.click(at('r1', '#comments-button button'));
    await expectNoDialog(page);
    expect(await counts(page)).toEqual({
      'r3:share': 1,
      'r2:like': 1,
      'r4:share': 1,
      'r2:follow': 1,
      'r1:open-comments': 1,
    });
    await page.close();
  });

  it('the comment panel belongs to the ACTIVE reel, and its comments to their authors', async () => {
    const page = await openFixture(b, SHORTS);
    // A panel comment by an ordinary user is not the candidate reel's.
    await page.click(at('cm9', '#like-button button'));
    await expectNoDialog(page);
    // r1 (the candidate's) is active: starting a comment warns.
    await page.click(PANEL_BOX);
    await dialog(page).waitFor();
    await cancel(page);
    // Swipe to r2 (neutral): the same box now comments on r2 and nothing is held.
    await page.click('#navigation-button-down button');
    await page.click(PANEL_BOX);
    await page.keyboard.type('Lucu');
    await page.keyboard.press('Control+Enter');
    await expectNoDialog(page);
    expect(await counts(page)).toEqual({ 'cm9:like': 1, 'r2:comment-sent': 1 });
    await page.close();
  });
});

describe('YouTube channel pages', () => {
  it('names the candidate channel (@handle) in the badge and popup (not the page) and holds Subscribe', async () => {
    const page = await openFixture(b, `${ORIGIN}/@KandidatDuaTest`);
    const notice = await pageNotice(b, page);
    expect(notice.badge).toBe('!');
    expect(notice.tickets).toContain('pilpres-2024/2');
    expect(await page.locator('jaga-netral-banner').count()).toBe(0);
    await expectHeld(page, 'yt-subscribe-button-view-model button', 'follow', 'pilpres-2024/2', 'channel:follow');
    await cancel(page);
    expect((await counts(page))['channel:follow']).toBeUndefined();
    // A watch page is a video, not a channel page: no badge there.
    await page.goto(WATCH);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
    expect((await pageNotice(b, page, 1500)).badge).toBe('');
    await page.close();
  });
});

describe('YouTube in the Indonesian UI', () => {
  it('channel named by its UC id: badge for ticket 01, Subscribe held', async () => {
    const page = await openFixture(b, `${ORIGIN}/channel/UCkandidatSatuTest00000`);
    expect((await pageNotice(b, page)).tickets).toContain('pilpres-2024/1');
    await expectHeld(page, 'yt-subscribe-button-view-model button', 'follow', 'pilpres-2024/1', 'channel:follow');
    await proceedOnce(page, 'channel:follow', () => page.click('yt-subscribe-button-view-model button'));
    await page.close();
  });

  it('watch page: a campaign title by an ordinary channel is held; its neutral comments are not', async () => {
    const page = await openFixture(b, WATCH_ID);
    await expectHeld(page, LIKE, 'like', 'pilpres-2024/1', 'v2:like');
    await proceedOnce(page, 'v2:like', () => page.click(LIKE));
    await page.click(at('cm1', '#like-button button'));
    await page.click(at('cm2', '#like-button button'));
    await expectNoDialog(page);
    expect(await counts(page)).toEqual({ 'v2:like': 1, 'cm1:like': 1, 'cm2:like': 1 });
    await page.close();
  });

  it('Shorts: the ticket-01 reel is held, the neutral reel passes', async () => {
    const page = await openFixture(b, SHORTS_ID);
    await expectHeld(page, at('r1', '#share-button button'), 'share', 'pilpres-2024/1', 'r1:share');
    await cancel(page);
    await expectHeld(page, at('r3', 'like-button-view-model button'), 'like', 'pilpres-2024/1', 'r3:like');
    await cancel(page);
    await page.click(at('r4', 'like-button-view-model button'));
    expect(await counts(page)).toEqual({ 'r4:like': 1 });
    await page.close();
  });
});

describe('m.youtube.com (best effort)', () => {
  it('holds like and subscribe on a candidate video', async () => {
    const page = await openFixture(b, 'https://m.youtube.com/m-watch?v=vidKandidat1');
    await expectHeld(page, 'like-button-view-model button', 'like', 'pilpres-2024/2', 'm1:like');
    await proceedOnce(page, 'm1:like', () => page.click('like-button-view-model button'));
    await expectHeld(page, 'ytm-subscribe-button-renderer button', 'follow', 'pilpres-2024/2', 'm1:follow');
    await cancel(page);
    expect(await counts(page)).toEqual({ 'm1:like': 1 });
    await page.close();
  });
});
