/**
 * The phone layouts end to end, in Chromium's mobile emulation (touch, a 360×740 viewport, a
 * Firefox for Android user agent, isMobile) with the built extension, on hand-written fixtures
 * served under the real hostnames: m.facebook.com, mobile.x.com, m.youtube.com, www.instagram.com
 * and m.tiktok.com. Per site, with the finger: a tap on Like, the double-tap on media (Instagram,
 * TikTok) or the long-press reaction menu (Facebook), comment, share and follow are held before the
 * site sees them; Proceed and the person's own repeated tap let exactly one through. Each dialog
 * fits the 360 px screen (no horizontal overflow, every control at least 44 px tall), keeps the
 * keyboard inside it and exposes its roles and names; a screenshot of each is written to
 * .output/screenshots/mobile/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, serious } from './harness/a11y';
import { type ExtensionBrowser, launchWithExtension, ROOT } from './harness/browser';
import {
  cancel,
  counts,
  dialog,
  expectCancelFocused,
  injectIndex,
  openFixture,
  optIn,
  proceed,
  proceedOnce,
} from './harness/extension';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { makeTestList } from './harness/test-list';

const PHONE = {
  viewport: { width: 360, height: 740 },
  // Firefox for Android, the one phone browser that runs the extension.
  userAgent: 'Mozilla/5.0 (Android 14; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0',
  deviceScaleFactor: 2,
};
const SHOTS = join(ROOT, '.output/screenshots/mobile');
const T01 = 'pilpres-2024/1';
const T02 = 'pilpres-2024/2';

let server: FixtureServer;
let b: ExtensionBrowser;
/** the screenshots written by this run, for the report */
const shots: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer();
  b = await launchWithExtension({ port: server.port, device: PHONE });
  await optIn(b, { demo: false });
  await injectIndex(b, makeTestList());
});
afterAll(async () => {
  await b?.close();
  await server?.close();
  if (shots.length) console.log(`screenshots at 360 px:\n  ${shots.join('\n  ')}`);
});

async function center(page: Page, sel: string): Promise<{ x: number; y: number }> {
  const el = page.locator(sel);
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  if (!box) throw new Error(`no box for ${sel}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** One tap with the finger (touch events, pointer events of type touch, then the click). */
async function tap(page: Page, sel: string): Promise<void> {
  const { x, y } = await center(page, sel);
  await page.touchscreen.tap(x, y);
}

async function doubleTap(page: Page, sel: string): Promise<void> {
  const { x, y } = await center(page, sel);
  await page.touchscreen.tap(x, y);
  await page.touchscreen.tap(x, y);
}

/** Press and hold until `until` shows (the site's long-press menu), then lift the finger. */
async function longPress(page: Page, sel: string, until: string): Promise<void> {
  const { x, y } = await center(page, sel);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await page.locator(until).waitFor();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Tap, expect the dialog for `kind` (naming `ticket`), and that the site saw nothing of it. */
async function expectTapHeld(page: Page, sel: string, kind: string, ticket: string, key: string, how = tap) {
  const before = (await counts(page))[key];
  await how(page, sel);
  const d = dialog(page);
  await d.waitFor();
  expect(await d.getAttribute('data-action-kind')).toBe(kind);
  expect((await d.getAttribute('data-tickets'))?.split(' ')).toContain(ticket);
  expect((await counts(page))[key]).toBe(before);
}

interface DialogLayout {
  viewport: number;
  left: number;
  right: number;
  overflowX: number;
  controls: Array<{ what: string; height: number; width: number }>;
  role: string | null;
  modal: string | null;
  title: string;
}

/** What a phone shows of the dialog: where it sits, what overflows, how tall each control is. */
function dialogLayout(page: Page): Promise<DialogLayout> {
  return page.evaluate(() => {
    const root = document.querySelector('jaga-netral-dialog')?.shadowRoot;
    const d = root?.querySelector('[role="alertdialog"], [role="dialog"]') as HTMLElement | null | undefined;
    if (!root || !d) throw new Error('no dialog');
    const r = d.getBoundingClientRect();
    const visible = (el: Element) => el.getClientRects().length > 0;
    const controls = Array.from(root.querySelectorAll('button, label.ack, summary'))
      .filter(visible)
      .map((el) => {
        const b = el.getBoundingClientRect();
        return { what: `${el.tagName.toLowerCase()}.${el.className}`, height: b.height, width: b.width };
      });
    const titleId = d.getAttribute('aria-labelledby') ?? '';
    return {
      viewport: window.innerWidth,
      left: r.left,
      right: r.right,
      overflowX: d.scrollWidth - d.clientWidth,
      controls,
      role: d.getAttribute('role'),
      modal: d.getAttribute('aria-modal'),
      title: root.getElementById(titleId)?.textContent?.trim() ?? '',
    };
  });
}

/** The dialog fits 360 px, every control is a thumb's size, the keyboard and a screen reader find it. */
async function checkDialog(page: Page, shot: string): Promise<void> {
  const l = await dialogLayout(page);
  expect(l.viewport).toBe(360);
  expect(l.left, 'dialog inside the screen (left)').toBeGreaterThanOrEqual(0);
  expect(l.right, 'dialog inside the screen (right)').toBeLessThanOrEqual(360);
  expect(l.overflowX, 'no horizontal scrolling inside the dialog').toBeLessThanOrEqual(0);
  expect(l.controls.length).toBeGreaterThanOrEqual(3);
  for (const c of l.controls) expect(c.height, `${c.what} at least 44 px tall`).toBeGreaterThanOrEqual(44);
  expect(l.role).toBe('alertdialog');
  expect(l.modal).toBe('true');
  expect(l.title.length).toBeGreaterThan(0);
  // the safe choice has the focus; Tab walks the dialog's own controls and never leaves it
  await expectCancelFocused(page);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(
      () => document.activeElement?.tagName.toLowerCase() === 'jaga-netral-dialog' || document.activeElement === null,
    );
    expect(inside, 'keyboard focus stays in the dialog').toBe(true);
  }
  const path = join(SHOTS, `${shot}.png`);
  await page.screenshot({ path });
  shots.push(path);
}

describe('m.facebook.com touch feed (WebLite), EN', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(b, 'https://m.facebook.com/m-touch');
  });
  afterAll(() => page.close());
  const post = (p: string, act: string) => `[data-post="${p}"] [data-act="${act}"]`;

  it('tap on Like: held and shown at 360 px; Cancel swallows it; Proceed + the repeated tap runs once', async () => {
    await expectTapHeld(page, post('t1', 'like'), 'like', T02, 't1:like');
    await checkDialog(page, 'facebook-like');
    expect(serious(await axeViolations(page, 'jaga-netral-dialog'))).toEqual([]);
    await cancel(page);
    expect((await counts(page))['t1:like']).toBeUndefined();
    await expectTapHeld(page, post('t1', 'like'), 'like', T02, 't1:like');
    await proceedOnce(page, 't1:like', () => tap(page, post('t1', 'like')));
  });

  it('long press on Like: the site opens its reaction menu; the reaction picked is held as the like', async () => {
    await page.evaluate(() => document.getElementById('portal')?.replaceChildren());
    await longPress(page, post('t2', 'like'), '#portal [role="dialog"]:not([hidden])');
    expect((await counts(page))['t2:dock']).toBe(1);
    // Chromium's emulation may end a press lifted right after the menu opened with a click (a tap,
    // not yet its long press): that click is held as the like; a real long press ends without one.
    if (await page.locator('jaga-netral-dialog').count()) {
      expect(await dialog(page).getAttribute('data-action-kind')).toBe('like');
      await cancel(page);
    }
    expect((await counts(page))['t2:like']).toBeUndefined();
    await expectTapHeld(page, '#portal [data-reaction="1"]', 'like', T02, 't2:react1');
    await checkDialog(page, 'facebook-reaction');
    await cancel(page);
    expect((await counts(page))['t2:like']).toBeUndefined();
  });

  it('comment, share (the sheet’s "Share now") and a suggested post’s Follow are held', async () => {
    await expectTapHeld(page, post('t1', 'comment'), 'comment', T02, 't1:comment');
    await checkDialog(page, 'facebook-comment');
    await cancel(page);
    await tap(page, post('t1', 'share'));
    await expectTapHeld(page, '#portal [data-act="share-now"]', 'share', T02, 't1:share');
    await checkDialog(page, 'facebook-share');
    await cancel(page);
    await expectTapHeld(page, post('t4', 'follow'), 'follow', T01, 't4:follow');
    await checkDialog(page, 'facebook-follow');
    await cancel(page);
    expect((await counts(page))['t4:follow']).toBeUndefined();
  });

  it('a neutral post is never held', async () => {
    await tap(page, post('t3', 'like'));
    expect((await counts(page))['t3:like']).toBe(1);
    await tap(page, post('t5', 'follow'));
    expect((await counts(page))['t5:follow']).toBe(1);
    expect(await page.locator('jaga-netral-dialog').count()).toBe(0);
  });
});

describe('x.com at phone width (mobile.x.com), EN', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(b, 'https://mobile.x.com/home-mobile');
  });
  afterAll(() => page.close());
  const post = (p: string, id: string) => `[data-post="${p}"] [data-testid="${id}"]`;

  it('tap on Like: held; Proceed + the repeated tap runs once', async () => {
    await expectTapHeld(page, post('m1', 'like'), 'like', T02, 'm1:like');
    await checkDialog(page, 'x-like');
    await proceedOnce(page, 'm1:like', () => tap(page, post('m1', 'like')));
  });

  it('reply, the repost in the bottom sheet and Follow on a "Who to follow" card are held', async () => {
    await expectTapHeld(page, post('m1', 'reply'), 'comment', T02, 'm1:comment');
    await checkDialog(page, 'x-reply');
    await cancel(page);
    await tap(page, post('m1', 'retweet'));
    await expectTapHeld(page, '[data-testid="sheetDialog"] [data-testid="retweetConfirm"]', 'share', T02, 'm1:share');
    await checkDialog(page, 'x-repost');
    await cancel(page);
    // the person closes the sheet (the held choice never reached X, so X left it open)
    await page.evaluate(() => document.getElementById('layers')?.replaceChildren());
    await expectTapHeld(page, '[data-testid="1600000000002-follow"]', 'follow', T02, 'profile:follow');
    await checkDialog(page, 'x-follow');
    await cancel(page);
    await tap(page, post('m3', 'like'));
    expect((await counts(page))['m3:like']).toBe(1);
  });
});

describe('m.youtube.com watch page, EN', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(b, 'https://m.youtube.com/m-watch?v=vidKandidat1');
  });
  afterAll(() => page.close());

  it('tap on Like held, Proceed + repeat once; Share and Subscribe held', async () => {
    await expectTapHeld(page, 'like-button-view-model button', 'like', T02, 'm1:like');
    await checkDialog(page, 'youtube-like');
    await proceedOnce(page, 'm1:like', () => tap(page, 'like-button-view-model button'));
    await expectTapHeld(
      page,
      'ytm-segmented-like-dislike-button-renderer + ytm-button-renderer button',
      'share',
      T02,
      'm1:share',
    );
    await checkDialog(page, 'youtube-share');
    await cancel(page);
    await expectTapHeld(page, 'ytm-subscribe-button-renderer button', 'follow', T02, 'm1:follow');
    await checkDialog(page, 'youtube-subscribe');
    await cancel(page);
  });

  it('comments panel: a comment’s own Like is the comment’s; the box warns on its first tap and holds the send', async () => {
    await tap(page, '[data-id="mc1"] ytm-like-button-renderer button');
    expect((await counts(page))['mc1:like']).toBe(1);
    await tap(page, 'ytm-commentbox textarea');
    await dialog(page).waitFor();
    expect(await dialog(page).getAttribute('data-action-kind')).toBe('comment');
    await checkDialog(page, 'youtube-comment-start');
    await proceed(page);
    await page.locator('ytm-commentbox textarea').fill('Semangat, pak!');
    await expectTapHeld(page, 'ytm-commentbox ytm-button-renderer button', 'comment', T02, 'm1:comment-sent');
    await cancel(page);
    expect((await counts(page))['m1:comment-sent']).toBeUndefined();
  });
});

describe('instagram.com at phone width, EN', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(b, 'https://www.instagram.com/feed-mobile');
  });
  afterAll(() => page.close());
  const post = (p: string, fx: string) => `[data-post="${p}"] [data-fx="${fx}"]`;

  it('double-tap on a candidate’s photo: held whole (the app counts no like); the first tap alone passes', async () => {
    await expectTapHeld(page, `${post('f1', 'media')} img`, 'like', T02, 'f1:like', doubleTap);
    await checkDialog(page, 'instagram-double-tap');
    await cancel(page);
    expect((await counts(page))['f1:like']).toBeUndefined();
  });

  it('a neutral photo’s double-tap reaches the app as one like', async () => {
    await doubleTap(page, `${post('f3', 'media')} img`);
    expect((await counts(page))['f3:like']).toBe(1);
    expect(await page.locator('jaga-netral-dialog').count()).toBe(0);
  });

  it('tap on Like held, Proceed + repeat once; comment, share and follow held', async () => {
    await expectTapHeld(page, post('f1', 'like'), 'like', T02, 'f1:like');
    await checkDialog(page, 'instagram-like');
    await proceedOnce(page, 'f1:like', () => tap(page, post('f1', 'like')));
    for (const [fx, kind] of [
      ['comment', 'comment'],
      ['share', 'share'],
      ['follow', 'follow'],
    ] as const) {
      await expectTapHeld(page, post('f1', fx), kind, T02, `f1:${fx}`);
      await checkDialog(page, `instagram-${fx}`);
      await cancel(page);
    }
  });
});

describe('tiktok.com at phone width (m.tiktok.com), EN', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(b, 'https://m.tiktok.com/foryou-mobile');
  });
  afterAll(() => page.close());
  const item = (id: string, e2e: string) => `[data-id="${id}"] [data-e2e="${e2e}"]`;

  it('double-tap on a candidate’s video: held whole; the first tap (pause) passes', async () => {
    await expectTapHeld(page, item('t1', 'feed-video'), 'like', T02, 't1:like', doubleTap);
    expect((await counts(page))['t1:play']).toBe(1);
    await checkDialog(page, 'tiktok-double-tap');
    await cancel(page);
    expect((await counts(page))['t1:like']).toBeUndefined();
  });

  it('tap on Like held, Proceed + repeat once; comment, share and follow held', async () => {
    await expectTapHeld(page, item('t1', 'like-icon'), 'like', T02, 't1:like');
    await checkDialog(page, 'tiktok-like');
    await proceedOnce(page, 't1:like', () => tap(page, item('t1', 'like-icon')));
    for (const [e2e, kind, key] of [
      ['comment-icon', 'comment', 't1:comment'],
      ['share-icon', 'share', 't1:share'],
      ['feed-follow', 'follow', 't1:follow'],
    ] as const) {
      await expectTapHeld(page, item('t1', e2e), kind, T02, key);
      await checkDialog(page, `tiktok-${kind}`);
      await cancel(page);
    }
  });
});

describe('Indonesian UI on the phone layouts', () => {
  it.each([
    ['https://m.facebook.com/m-touch-id', '[data-post="t1"] [data-act="like"]', T02, 't1:like'],
    ['https://mobile.x.com/home-mobile-id', '[data-post="m1"] [data-testid="like"]', T02, 'm1:like'],
    ['https://m.youtube.com/m-watch-id?v=vidKandidat1', 'like-button-view-model button', T02, 'm1:like'],
    ['https://www.instagram.com/feed-mobile-id', '[data-post="f1"] [data-fx="like"]', T02, 'f1:like'],
    ['https://m.tiktok.com/foryou-mobile-id', '[data-id="t1"] [data-e2e="like-icon"]', T01, 't1:like'],
  ])('%s: a tap on Like is held', async (url, sel, ticket, key) => {
    const page = await openFixture(b, url);
    await expectTapHeld(page, sel, 'like', ticket, key);
    await checkDialog(page, `id-${new URL(url).hostname}`);
    await cancel(page);
    expect((await counts(page))[key]).toBeUndefined();
    await page.close();
  });
});

describe('the extension’s own pages at 360 px (on Firefox for Android they open as tabs)', () => {
  it.each(['/popup.html', '/options.html', '/history.html', '/onboarding.html'])(
    '%s has no horizontal scrolling and no control under 24 px',
    async (path) => {
      const page = await b.context.newPage();
      await page.goto(b.extUrl(path));
      await page.locator('main, form, h1').first().waitFor();
      const m = await page.evaluate(() => ({
        width: window.innerWidth,
        scroll: document.documentElement.scrollWidth,
        wide: Array.from(document.querySelectorAll('body *'))
          .filter((el) => el.getBoundingClientRect().right > 361)
          .slice(0, 4)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().width)}`),
        // inline links in text are exempt from the target size (WCAG 2.5.8), and so is what is hidden
        small: Array.from(document.querySelectorAll('button, select, input:not([type="hidden"]):not(.sr-only)'))
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => ({
            el: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 30)}`,
            h: el.getBoundingClientRect().height,
          }))
          .filter((c) => c.h < 24),
      }));
      expect(m.width, `${path} is wider than the screen: ${m.wide.join(', ')}`).toBe(360);
      expect(m.scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(360);
      expect(m.small, `${path} controls too small for a finger`).toEqual([]);
      const shot = join(SHOTS, `page${path.replace('.html', '').replace('/', '-')}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      shots.push(shot);
      await page.close();
    },
  );
});
