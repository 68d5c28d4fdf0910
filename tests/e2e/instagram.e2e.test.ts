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

const ORIGIN = 'https://www.instagram.com';
const FEED = `${ORIGIN}/feed`;
const FEED_ID = `${ORIGIN}/feed-id`;
const POST = `${ORIGIN}/p/CkDua01`;
const post = (id: string, fx: string) => `[data-post="${id}"] [data-fx="${fx}"]`;
const comment = (id: string, fx: string) => `[data-comment="${id}"] [data-fx="${fx}"]`;

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

describe('Instagram feed (English UI)', () => {
  it('like on a candidate post: Cancel swallows it, Proceed + the repeat lets exactly one through', async () => {
    const page = await openFixture(b, FEED);
    await expectHeld(page, post('f1', 'like'), 'like', 'pilpres-2024/2', 'f1:like');
    await cancel(page);
    expect((await counts(page))['f1:like']).toBeUndefined();
    await expectHeld(page, post('f1', 'like'), 'like', 'pilpres-2024/2', 'f1:like');
    await proceedOnce(page, 'f1:like', () => page.click(post('f1', 'like')));
    await page.close();
  });

  it('neutral posts (incl. "Aamiin") pass at once; a click the page makes itself is never held', async () => {
    const page = await openFixture(b, FEED);
    for (const fx of ['like', 'comment', 'share', 'repost', 'follow']) await page.click(post('f3', fx));
    await page.click(post('f4', 'like'));
    await expectNoDialog(page);
    expect(await counts(page)).toEqual({
      'f3:like': 1,
      'f3:comment': 1,
      'f3:share': 1,
      'f3:repost': 1,
      'f3:follow': 1,
      'f4:like': 1,
    });
    // The page's own synthetic click on a candidate post's Like: not the person's input, so it is
    // not held (holding it would tell the page the extension is there) and no dialog opens.
    const passed = await page.evaluate(() => {
      const el = document.querySelector('[data-post="f2"] [data-fx="like"] svg');
      return el?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    });
    expect(passed).toBe(true);
    await expectNoDialog(page);
    expect((await counts(page))['f2:like']).toBe(1);
    await page.close();
  });

  it('a post whose caption campaigns holds comment and share; repost and header Follow on a candidate post', async () => {
    const page = await openFixture(b, FEED);
    await expectHeld(page, post('f2', 'comment'), 'comment', 'pilpres-2024/2', 'f2:comment');
    await cancel(page);
    await expectHeld(page, post('f5', 'share'), 'share', 'pilpres-2024/1', 'f5:share');
    await proceedOnce(page, 'f5:share', () => page.click(post('f5', 'share')));
    await expectHeld(page, post('f1', 'repost'), 'share', 'pilpres-2024/2', 'f1:repost');
    await cancel(page);
    await expectHeld(page, post('f1', 'follow'), 'follow', 'pilpres-2024/2', 'f1:follow');
    await proceedOnce(page, 'f1:follow', () => page.click(post('f1', 'follow')));
    expect(await counts(page)).toEqual({ 'f5:share': 1, 'f1:follow': 1 });
    await page.close();
  });

  it('warns once when a comment is started, holds Enter and Post every time', async () => {
    const page = await openFixture(b, FEED);
    const box = page.locator('[data-post="f1"] textarea');
    await box.click();
    const d = dialog(page);
    await d.waitFor();
    expect(await d.getAttribute('data-action-kind')).toBe('comment');
    await proceed(page);
    await box.click();
    await page.keyboard.type('Semangat');
    await expectNoDialog(page);
    await page.keyboard.press('Enter');
    await d.waitFor();
    await cancel(page);
    expect((await counts(page))['f1:comment-sent']).toBeUndefined();
    await expectHeld(page, post('f1', 'send'), 'comment', 'pilpres-2024/2', 'f1:comment-sent');
    await proceedOnce(page, 'f1:comment-sent', () => page.click(post('f1', 'send')));
    // Enter likewise: held, Proceed, the person presses Enter again: sent once more.
    await box.click();
    await page.keyboard.type('Lagi');
    await page.keyboard.press('Enter');
    await d.waitFor();
    await proceedOnce(page, 'f1:comment-sent', () => box.press('Enter'));
    expect((await counts(page))['f1:comment-sent']).toBe(2);
    // A neutral post's box: no warning, Enter sends at once.
    await page.locator('[data-post="f4"] textarea').click();
    await page.keyboard.type('Enak!');
    await page.keyboard.press('Enter');
    await expectNoDialog(page);
    expect((await counts(page))['f4:comment-sent']).toBe(1);
    await page.close();
  });

  it('a single click on a candidate post’s photo is not taken for a like', async () => {
    const page = await openFixture(b, FEED);
    await page.click('[data-post="f1"] [data-fx="media"] img');
    await page.waitForTimeout(100);
    await expectNoDialog(page);
    await page.close();
  });

  it('double-tap on a candidate post’s photo is held; Proceed + a second double-tap likes once', async () => {
    const page = await openFixture(b, FEED);
    await page.dblclick('[data-post="f1"] [data-fx="media"] img');
    await dialog(page).waitFor();
    expect(await dialog(page).getAttribute('data-action-kind')).toBe('like');
    await proceedOnce(page, 'f1:like', () => page.dblclick('[data-post="f1"] [data-fx="media"] img'));
    await page.dblclick('[data-post="f4"] [data-fx="media"] img');
    expect((await counts(page))['f4:like']).toBe(1);
    await page.close();
  });
});

describe('Instagram post page with comments', () => {
  it("comments under a candidate's post are judged on their own", async () => {
    const page = await openFixture(b, POST);
    // an ordinary user's neutral comment: its 16 px heart and Reply pass
    await page.click(comment('c1', 'like'));
    await expectNoDialog(page);
    await page.click(comment('c1', 'comment'));
    expect(await counts(page)).toEqual({ 'c1:like': 1, 'c1:comment': 1 });
    // Reply moves the caret into the post's own comment box (as Instagram does): that reply is
    // written under the candidate's post, so starting it warns once, as a comment on that post.
    const d = dialog(page);
    await d.waitFor();
    expect(await d.getAttribute('data-action-kind')).toBe('comment');
    expect((await d.getAttribute('data-tickets'))?.split(' ')).toContain('pilpres-2024/2');
    await cancel(page);
    // a comment that campaigns itself, and one by a candidate account, are held
    await expectHeld(page, comment('c2', 'like'), 'like', 'pilpres-2024/1', 'c2:like');
    await cancel(page);
    await expectHeld(page, comment('c3', 'like'), 'like', 'pilpres-2024/1', 'c3:like');
    await proceedOnce(page, 'c3:like', () => page.click(comment('c3', 'like')));
    // the 24 px heart is the candidate's post
    await expectHeld(page, '[data-post="p1"] section [data-fx="like"]', 'like', 'pilpres-2024/2', 'p1:like');
    await cancel(page);
    await page.close();
  });
});

describe('Instagram profile and Indonesian UI', () => {
  it('a candidate profile is named in the badge and popup (not the page) and holds Follow; a neutral page has no badge', async () => {
    const page = await openFixture(b, `${ORIGIN}/kandidat.dua.test`);
    const notice = await pageNotice(b, page);
    expect(notice.badge).toBe('!');
    expect(notice.tickets).toContain('pilpres-2024/2');
    expect(await page.locator('jaga-netral-banner').count()).toBe(0);
    await expectHeld(page, '[data-fx="page-follow"]', 'follow', 'pilpres-2024/2', 'profile:follow');
    await proceedOnce(page, 'profile:follow', () => page.click('[data-fx="page-follow"]'));
    await page.goto(FEED);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
    expect((await pageNotice(b, page, 1500)).badge).toBe('');
    await page.close();
  });

  it('Indonesian feed: Suka, Komentar, Bagikan and Enter on a focused button are held; neutral passes', async () => {
    const page = await openFixture(b, FEED_ID);
    await expectHeld(page, post('f2', 'like'), 'like', 'pilpres-2024/2', 'f2:like');
    await proceedOnce(page, 'f2:like', () => page.click(post('f2', 'like')));
    await expectHeld(page, post('f5', 'comment'), 'comment', 'pilpres-2024/1', 'f5:comment');
    await cancel(page);
    await expectHeld(page, post('f1', 'share'), 'share', 'pilpres-2024/2', 'f1:share');
    await cancel(page);
    await page.focus(post('f1', 'like'));
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    await cancel(page);
    await page.click(post('f3', 'like'));
    await expectNoDialog(page);
    expect(await counts(page)).toEqual({ 'f2:like': 1, 'f3:like': 1 });
    await page.close();
  });

  it('Indonesian post page and profile: a comment heart is the comment’s; Ikuti is held, the badge names the candidate', async () => {
    const page = await openFixture(b, `${POST}-id`);
    await page.click(comment('c1', 'like'));
    await expectNoDialog(page);
    await expectHeld(page, comment('c3', 'like'), 'like', 'pilpres-2024/1', 'c3:like');
    await cancel(page);
    await page.goto(`${ORIGIN}/kandidat.satu.test`);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
    expect((await pageNotice(b, page)).tickets).toContain('pilpres-2024/1');
    await expectHeld(page, '[data-fx="page-follow"]', 'follow', 'pilpres-2024/1', 'profile:follow');
    await cancel(page);
    expect((await counts(page))['profile:follow']).toBeUndefined();
    await page.close();
  });
});
