import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import {
  cancel,
  counts,
  dialog,
  expectHeld,
  injectIndex,
  openFixture,
  optIn,
  pageNotice,
  proceed,
  proceedOnce,
} from './harness/extension';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { makeTestList } from './harness/test-list';

const ORIGIN = 'https://www.tiktok.com';
const FEED = `${ORIGIN}/foryou`;
const FEED_ID = `${ORIGIN}/foryou-id`;
const DETAIL = `${ORIGIN}/@kandidat.dua.test/video/7300000000000000002`;
const DETAIL_ID = `${ORIGIN}/@warga.bekasi/video/7300000000000000006`;
const LIKE = 'button:has([data-e2e$="like-icon"])';
const SHARE = 'button:has([data-e2e$="share-icon"])';
const COMMENT_LIKE = '[role="button"]:has([data-e2e="comment-like-icon"])';
const at = (id: string, inner: string) => `[data-id="${id}"] ${inner}`;

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

describe('TikTok For You (English UI)', () => {
  it('holds a like on a candidate video: Cancel swallows it, Proceed lets exactly one through', async () => {
    const page = await openFixture(b, FEED);
    await expectHeld(page, at('t1', LIKE), 'like', 'pilpres-2024/2', 't1:like');
    await cancel(page);
    expect((await counts(page))['t1:like']).toBeUndefined();
    // The campaign caption of an ordinary user is held too.
    await expectHeld(page, at('t2', LIKE), 'like', 'pilpres-2024/2', 't2:like');
    await proceedOnce(page, 't2:like', () => page.click(at('t2', LIKE)));
    expect(await counts(page)).toEqual({ 't2:like': 1 });
    await page.close();
  });

  it('never holds neutral videos ("Aamiin" included): the like lands at once', async () => {
    const page = await openFixture(b, FEED);
    await page.click(at('t3', LIKE));
    await page.click(at('t4', LIKE));
    await page.click(at('t4', SHARE));
    expect(await counts(page)).toEqual({ 't3:like': 1, 't4:like': 1, 't4:share': 1 });
    expect(await page.locator('jaga-netral-dialog').count()).toBe(0);
    await page.close();
  });

  it('holds share and the Repost item of the share panel', async () => {
    const page = await openFixture(b, FEED);
    await expectHeld(page, at('t1', SHARE), 'share', 'pilpres-2024/2', 't1:share');
    await cancel(page);
    await expectHeld(page, at('t2', SHARE), 'share', 'pilpres-2024/2', 't2:share');
    await proceedOnce(page, 't2:share', () => page.click(at('t2', SHARE)));
    expect((await counts(page))['t2:share']).toBe(1);
    await expectHeld(page, at('t2', '[data-e2e="video-share-repost"]'), 'share', 'pilpres-2024/2', 't2:repost');
    await proceedOnce(page, 't2:repost', () => page.click(at('t2', '[data-e2e="video-share-repost"]')));
    expect((await counts(page))['t2:repost']).toBe(1);
    await page.close();
  });

  it('holds Follow on a candidate video, and Enter on a focused like', async () => {
    const page = await openFixture(b, FEED);
    await expectHeld(page, at('t1', '[data-e2e="feed-follow"]'), 'follow', 'pilpres-2024/2', 't1:follow');
    await proceedOnce(page, 't1:follow', () => page.click(at('t1', '[data-e2e="feed-follow"]')));
    expect((await counts(page))['t1:follow']).toBe(1);
    await page.focus(at('t1', LIKE));
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    await cancel(page);
    expect((await counts(page))['t1:like']).toBeUndefined();
    await page.click(at('t3', '[data-e2e="feed-follow"]'));
    expect((await counts(page))['t3:follow']).toBe(1);
    await page.close();
  });

  it('a click the page makes itself on a candidate video is never held', async () => {
    const page = await openFixture(b, FEED);
    await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).click(), at('t1', LIKE));
    expect(await page.locator('jaga-netral-dialog').count()).toBe(0);
    expect((await counts(page))['t1:like']).toBe(1);
    await page.close();
  });

  it('a double-tap on a candidate video is a held like; a single click (pause) passes', async () => {
    const page = await openFixture(b, FEED);
    const video = at('t1', '[data-e2e="feed-video"]');
    await page.click(video);
    expect(await page.locator('jaga-netral-dialog').count()).toBe(0);
    expect((await counts(page))['t1:play']).toBe(1);
    await page.dblclick(video);
    const d = dialog(page);
    await d.waitFor();
    expect(await d.getAttribute('data-action-kind')).toBe('like');
    await cancel(page);
    expect((await counts(page))['t1:like']).toBeUndefined();
    await page.dblclick(video);
    await d.waitFor();
    await proceedOnce(page, 't1:like', () => page.dblclick(video));
    // On a neutral video the double-tap lands at once.
    await page.dblclick(at('t4', '[data-e2e="feed-video"]'));
    expect((await counts(page))['t4:like']).toBe(1);
    await page.close();
  });
});

describe('TikTok video detail and comments', () => {
  it("a neutral comment's like under a candidate video passes; the candidate's own reply is held", async () => {
    const page = await openFixture(b, DETAIL);
    await page.click(at('c1', COMMENT_LIKE));
    await page.click(at('c1', '[data-e2e="comment-reply-1"]'));
    expect(await counts(page)).toEqual({ 'c1:like': 1, 'c1:reply': 1 });
    expect(await page.locator('jaga-netral-dialog').count()).toBe(0);
    await expectHeld(page, at('c1r1', COMMENT_LIKE), 'like', 'pilpres-2024/2', 'c1r1:like');
    await cancel(page);
    await expectHeld(page, at('c2', COMMENT_LIKE), 'like', 'pilpres-2024/2', 'c2:like');
    await cancel(page);
    await expectHeld(
      page,
      '[data-e2e="video-detail"] button:has([data-e2e="browse-like-icon"])',
      'like',
      'pilpres-2024/2',
      'd1:like',
    );
    await proceedOnce(page, 'd1:like', () =>
      page.click('[data-e2e="video-detail"] button:has([data-e2e="browse-like-icon"])'),
    );
    expect((await counts(page))['d1:like']).toBe(1);
    await page.close();
  });

  it('warns once when a comment is started, then holds every send (Enter and Post)', async () => {
    const page = await openFixture(b, DETAIL);
    const box = page.locator('[data-e2e="comment-input"] [contenteditable="true"]');
    await box.click();
    const d = dialog(page);
    await d.waitFor();
    expect(await d.getAttribute('data-action-kind')).toBe('comment');
    await proceed(page);
    await box.click();
    await page.keyboard.type('Semangat');
    expect(await page.locator('jaga-netral-dialog').count()).toBe(0);
    await page.keyboard.press('Enter');
    await d.waitFor();
    await cancel(page);
    expect((await counts(page))['d1:comment-sent']).toBeUndefined();
    await page.click('[data-e2e="comment-post"]');
    await d.waitFor();
    await proceedOnce(page, 'd1:comment-sent', () => page.click('[data-e2e="comment-post"]'));
    await page.close();
  });
});

describe('TikTok profile pages', () => {
  it('names the candidate profile in the badge and popup (not the page) and holds Follow', async () => {
    const page = await openFixture(b, `${ORIGIN}/@kandidat.dua.test`);
    const notice = await pageNotice(b, page);
    expect(notice.badge).toBe('!');
    expect(notice.tickets).toContain('pilpres-2024/2');
    expect(await page.locator('jaga-netral-banner').count()).toBe(0);
    await expectHeld(page, '[data-e2e="follow-button"]', 'follow', 'pilpres-2024/2', 'profile:follow');
    await cancel(page);
    expect((await counts(page))['profile:follow']).toBeUndefined();
    await page.goto(FEED);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
    expect((await pageNotice(b, page, 1500)).badge).toBe('');
    await page.close();
  });
});

describe('TikTok in the Indonesian UI', () => {
  it('holds the ticket-01 candidate video and passes neutral ones', async () => {
    const page = await openFixture(b, FEED_ID);
    await expectHeld(page, at('t1', LIKE), 'like', 'pilpres-2024/1', 't1:like');
    await proceedOnce(page, 't1:like', () => page.click(at('t1', LIKE)));
    await page.click(at('t3', LIKE));
    expect(await counts(page)).toEqual({ 't1:like': 1, 't3:like': 1 });
    await page.close();
  });

  it('detail page: a campaign caption by an ordinary user is held; its neutral comments are not', async () => {
    const page = await openFixture(b, DETAIL_ID);
    await expectHeld(
      page,
      '[data-e2e="video-detail"] button:has([data-e2e="browse-share-icon"])',
      'share',
      'pilpres-2024/1',
      'd1:share',
    );
    await cancel(page);
    await page.click(at('c1', COMMENT_LIKE));
    await page.click(at('c1r1', COMMENT_LIKE));
    expect(await counts(page)).toEqual({ 'c1:like': 1, 'c1r1:like': 1 });
    await page.close();
  });

  it('badge and Follow ("Ikuti") on the ticket-01 profile', async () => {
    const page = await openFixture(b, `${ORIGIN}/@kandidat.satu.test`);
    expect((await pageNotice(b, page)).tickets).toContain('pilpres-2024/1');
    await expectHeld(page, '[data-e2e="follow-button"]', 'follow', 'pilpres-2024/1', 'profile:follow');
    await proceedOnce(page, 'profile:follow', () => page.click('[data-e2e="follow-button"]'));
    expect((await counts(page))['profile:follow']).toBe(1);
    await page.close();
  });
});
