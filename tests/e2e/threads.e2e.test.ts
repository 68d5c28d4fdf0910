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

const ORIGIN = 'https://www.threads.com';
const FEED = `${ORIGIN}/feed`;
const POST = `${ORIGIN}/@kandidat.dua.test/post/DuaPost01`;
const post = (id: string, fx: string) => `[data-post="${id}"] [data-fx="${fx}"]`;

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

describe('Threads feed (English UI)', () => {
  it('like on a candidate post: Cancel swallows it, Proceed lets exactly one through; neutral posts pass', async () => {
    const page = await openFixture(b, FEED);
    await expectHeld(page, post('t1', 'like'), 'like', 'pilpres-2024/2', 't1:like');
    await cancel(page);
    expect((await counts(page))['t1:like']).toBeUndefined();
    await expectHeld(page, post('t2', 'like'), 'like', 'pilpres-2024/2', 't2:like');
    await proceedOnce(page, 't2:like', () => page.click(post('t2', 'like')));
    for (const fx of ['like', 'share', 'follow']) await page.click(post('t3', fx));
    await page.click(post('t4', 'like'));
    await expectNoDialog(page);
    expect(await counts(page)).toEqual({ 't2:like': 1, 't3:like': 1, 't3:share': 1, 't3:follow': 1, 't4:like': 1 });
    await page.close();
  });

  it('Repost and Quote in the portal menu are held for the post that opened it', async () => {
    const page = await openFixture(b, FEED);
    await page.click(post('t5', 'repost')); // only opens the menu
    await expectNoDialog(page);
    await expectHeld(page, '#portal [data-fx="do-repost"]', 'share', 'pilpres-2024/1', 't5:share');
    await cancel(page);
    expect((await counts(page))['t5:share']).toBeUndefined();
    await expectHeld(page, '#portal [data-fx="do-quote"]', 'share', 'pilpres-2024/1', 't5:quote');
    await proceedOnce(page, 't5:quote', () => page.click('#portal [data-fx="do-quote"]'));
    expect((await counts(page))['t5:quote']).toBe(1);
    // a neutral post's repost goes straight through
    await page.click(post('t4', 'repost'));
    await page.click('#portal [data-fx="do-repost"]');
    await expectNoDialog(page);
    expect((await counts(page))['t4:share']).toBe(1);
    await page.close();
  });

  it("Share and the avatar's + Follow on a candidate post are held", async () => {
    const page = await openFixture(b, FEED);
    await expectHeld(page, post('t1', 'share'), 'share', 'pilpres-2024/2', 't1:share');
    await proceedOnce(page, 't1:share', () => page.click(post('t1', 'share')));
    await expectHeld(page, post('t1', 'follow'), 'follow', 'pilpres-2024/2', 't1:follow');
    await cancel(page);
    expect(await counts(page)).toEqual({ 't1:share': 1 });
    await page.close();
  });

  it('Reply is held; the reply composer warns once, then holds Ctrl+Enter and Post', async () => {
    const page = await openFixture(b, FEED);
    await expectHeld(page, post('t1', 'reply'), 'comment', 'pilpres-2024/2', 't1:comment');
    await proceedOnce(page, 't1:comment', () => page.click(post('t1', 'reply')));
    const box = page.locator('#portal [contenteditable="true"]');
    await box.click();
    const d = dialog(page);
    await d.waitFor();
    expect(await d.getAttribute('data-action-kind')).toBe('comment');
    await proceed(page);
    await box.click();
    await page.keyboard.type('Semangat');
    await expectNoDialog(page);
    await page.keyboard.press('Control+Enter');
    await d.waitFor();
    await cancel(page);
    expect((await counts(page))['t1:comment-sent']).toBeUndefined();
    await expectHeld(page, '#portal [data-fx="send"]', 'comment', 'pilpres-2024/2', 't1:comment-sent');
    await proceedOnce(page, 't1:comment-sent', () => page.click('#portal [data-fx="send"]'));
    await page.close();
  });
});

describe('Threads post page with replies', () => {
  it("replies under a candidate's post are judged on their own", async () => {
    const page = await openFixture(b, POST);
    await page.click(post('r1', 'like'));
    await expectNoDialog(page);
    expect((await counts(page))['r1:like']).toBe(1);
    await expectHeld(page, post('r2', 'like'), 'like', 'pilpres-2024/1', 'r2:like');
    await cancel(page);
    await expectHeld(page, post('r3', 'like'), 'like', 'pilpres-2024/1', 'r3:like');
    await proceedOnce(page, 'r3:like', () => page.click(post('r3', 'like')));
    await expectHeld(page, post('m1', 'like'), 'like', 'pilpres-2024/2', 'm1:like');
    await cancel(page);
    expect(await counts(page)).toEqual({ 'r1:like': 1, 'r3:like': 1 });
    await page.close();
  });
});

describe('Threads profile, threads.net and Indonesian UI', () => {
  it('a candidate profile on threads.net is named in the badge and popup (not the page) and holds Follow', async () => {
    const page = await openFixture(b, 'https://www.threads.net/@kandidat.dua.test');
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

  it('Indonesian feed: Suka, Balas, Posting ulang/Kutip, Bagikan and Enter on a focused button', async () => {
    const page = await openFixture(b, `${ORIGIN}/feed-id`);
    await expectHeld(page, post('t5', 'like'), 'like', 'pilpres-2024/1', 't5:like');
    await proceedOnce(page, 't5:like', () => page.click(post('t5', 'like')));
    await expectHeld(page, post('t2', 'reply'), 'comment', 'pilpres-2024/2', 't2:comment');
    await cancel(page);
    await page.click(post('t1', 'repost'));
    await expectHeld(page, '#portal [data-fx="do-quote"]', 'share', 'pilpres-2024/2', 't1:quote');
    await cancel(page);
    await expectHeld(page, post('t1', 'share'), 'share', 'pilpres-2024/2', 't1:share');
    await cancel(page);
    await page.focus(post('t1', 'like'));
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    await cancel(page);
    await page.click(post('t3', 'like'));
    await expectNoDialog(page);
    expect(await counts(page)).toEqual({ 't5:like': 1, 't3:like': 1 });
    await page.close();
  });

  it('Indonesian post page and profile: a neutral reply passes; Ikuti is held, the badge names the candidate', async () => {
    const page = await openFixture(b, `${POST}-id`);
    await page.click(post('r1', 'like'));
    await expectNoDialog(page);
    await expectHeld(page, post('m1', 'like'), 'like', 'pilpres-2024/2', 'm1:like');
    await cancel(page);
    await page.goto(`${ORIGIN}/@kandidat.satu.test`);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
    expect((await pageNotice(b, page)).tickets).toContain('pilpres-2024/1');
    await expectHeld(page, '[data-fx="page-follow"]', 'follow', 'pilpres-2024/1', 'profile:follow');
    await cancel(page);
    expect((await counts(page))['profile:follow']).toBeUndefined();
    await page.close();
  });

  it('a click the page makes itself on a candidate post is never held (no dialog, the page sees it)', async () => {
    const page = await openFixture(b, FEED);
    const passed = await page.evaluate(() => {
      const el = document.querySelector('[data-post="t1"] [data-fx="like"] svg');
      return el?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    });
    expect(passed).toBe(true);
    await expectNoDialog(page);
    expect((await counts(page))['t1:like']).toBe(1);
    await page.close();
  });
});
