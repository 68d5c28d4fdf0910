/**
 * WhatsApp Web forwarding end to end (best effort: the markup is confidence M/L, unverified live),
 * on hand-written fixtures served as https://web.whatsapp.com: the forward dialog's Send is held
 * for a message from a listed channel or one whose text names a candidate, judged by the message
 * that opened the menu; the chat's own Send and neutral forwards pass; the listed channel is named in
 * the toolbar badge and popup (not in the page). Proceed never replays: the person presses Send again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import { cancel, counts, dialog, injectIndex, openFixture, optIn, pageNotice, proceedOnce } from './harness/extension';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { makeTestList } from './harness/test-list';

const WA = 'https://web.whatsapp.com';
const T02 = 'pilpres-2024/2';

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

/** Message menu → Forward → the forward dialog, as a person does it. */
async function openForward(page: Page, msg: string): Promise<void> {
  await page.click(`[data-msg="${msg}"] [data-act="menu"]`);
  await page.click('#portal [data-act="forward"]');
}
const SEND = '#portal [data-act="send-forward"]';

async function expectForwardHeld(page: Page, msg: string): Promise<void> {
  await openForward(page, msg);
  await page.click(SEND);
  const d = dialog(page);
  await d.waitFor();
  expect(await d.getAttribute('data-action-kind')).toBe('share');
  expect((await d.getAttribute('data-tickets'))?.split(' ')).toContain(T02);
  expect((await counts(page))[`${msg}:forward`]).toBeUndefined();
}

describe.each([
  ['EN', `${WA}/`],
  ['ID', `${WA}/index-id`],
])('WhatsApp group chat (%s)', (_lang, url) => {
  it('forwarding a message that names the candidates: held, Cancel swallows, Proceed + Send again sends once', async () => {
    const page = await openFixture(b, url);
    await expectForwardHeld(page, 'w1');
    await cancel(page);
    expect((await counts(page))['w1:forward']).toBeUndefined();
    // The dialog is still open on the page: Send again, and this time Proceed.
    await page.click(SEND);
    await dialog(page).waitFor();
    await proceedOnce(page, 'w1:forward', () => page.click(SEND));
    await page.close();
  });

  it('a neutral forward ("Aamiin") and the chat composer Send pass at once', async () => {
    const page = await openFixture(b, url);
    await openForward(page, 'w2');
    await page.click(SEND);
    await page.click('footer [data-act="send-chat"]');
    expect(await counts(page)).toEqual({ 'w2:forward': 1, 'chat:send': 1 });
    expect(await page.locator('jaga-netral-dialog').count()).toBe(0);
    expect(await page.locator('jaga-netral-banner').count()).toBe(0);
    await page.close();
  });
});

describe.each([
  ['EN', `${WA}/channel`],
  ['ID', `${WA}/channel-id`],
])('WhatsApp listed channel (%s)', (_lang, url) => {
  it('the channel is named in the badge and popup, not the page; forwarding any of its messages is held', async () => {
    const page = await openFixture(b, url);
    const notice = await pageNotice(b, page);
    expect(notice.badge).toBe('!');
    expect(notice.tickets).toContain(T02);
    expect(await page.locator('jaga-netral-banner').count()).toBe(0);
    await expectForwardHeld(page, 'k1');
    await proceedOnce(page, 'k1:forward', () => page.click(SEND));
    await page.close();
  });

  // The Follow/Ikuti label is confidence U: this exercises the mechanism, not the live label.
  it('Follow in the channel header is held as a follow of the channel', async () => {
    const page = await openFixture(b, url);
    await page.click('header [data-act="follow"]');
    const d = dialog(page);
    await d.waitFor();
    expect(await d.getAttribute('data-action-kind')).toBe('follow');
    await cancel(page);
    expect((await counts(page))['page:follow']).toBeUndefined();
    await page.click('header [data-act="follow"]');
    await d.waitFor();
    await proceedOnce(page, 'page:follow', () => page.click('header [data-act="follow"]'));
    await page.close();
  });
});
