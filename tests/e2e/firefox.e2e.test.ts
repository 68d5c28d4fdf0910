/**
 * The X suite's core in Firefox (issue 6: at least one site's suite in Firefox too): the built
 * Firefox add-on, opted in through its options page, holds a like on a candidate's post; Cancel
 * swallows it, Proceed + the person's repeated click lets exactly one through (nothing is replayed),
 * a neutral post passes untouched, and a click the page makes itself is never held.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxWithExtension, firefoxUnavailable, launchFirefox } from './harness/firefox';
import { type FixtureServer, startFixtureServer } from './harness/server';

const why = firefoxUnavailable();
if (why) console.warn(`Firefox e2e skipped: ${why}`);

let server: FixtureServer;
let ff: FirefoxWithExtension;

const DIALOG = 'jaga-netral-dialog >>> [role="alertdialog"]';
const likeOf = (post: string) => `article[data-post="${post}"] [data-testid="like"]`;
const counts = (page: Page) =>
  page.evaluate(() => ({ ...(window as unknown as { __counts: Record<string, number> }).__counts }));

async function feed(): Promise<Page> {
  const page = await ff.browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto('https://x.com/home');
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
  return page;
}

describe.skipIf(why !== null)('X in Firefox (firefox-esr over WebDriver BiDi)', () => {
  beforeAll(async () => {
    server = await startFixtureServer(443);
    ff = await launchFirefox();
    // Opt in on the onboarding tab the add-on opened itself, as a person would.
    const options = await ff.onboarding();
    await options.waitForSelector('button[name="save"]');
    await options.click('input[name="consent"]');
    await options.click('input[name="demo"]');
    await options.click('button[name="save"]');
    await options.waitForFunction(() => /\S/.test(document.querySelector('#form-status')?.textContent ?? ''));
    // The automation switch lives on the options page; the page itself navigates there (WebDriver
    // BiDi may not), so the suite can read the dialog's (then open) shadow root.
    await options.evaluate(() => location.assign('/options.html'));
    await options.waitForSelector('input[name="automation"]');
    await options.click('input[name="automation"]');
    await options.click('button[name="save"]');
    await options.waitForFunction(() => /\S/.test(document.querySelector('#form-status')?.textContent ?? ''));
    // The background publishes the demo index after the settings change: wait on the stored index
    // (an extension page reads the add-on's storage), not on a clock.
    await options.waitForFunction(
      () =>
        (
          globalThis as unknown as {
            browser: {
              storage: { local: { get(k: string): Promise<Record<string, { demo?: boolean } | undefined>> } };
            };
          }
        ).browser.storage.local
          .get('matchIndex')
          .then((r) => r.matchIndex?.demo === true),
      { timeout: 45_000, polling: 100 },
    );
    await options.close();
  }, 90_000);
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('holds a like on a candidate post; Cancel swallows it', async () => {
    const page = await feed();
    await page.click(likeOf('p1'));
    const dialog = await page.waitForSelector(DIALOG);
    expect(await dialog?.evaluate((d) => d.getAttribute('data-tickets'))).toContain('pilpres-2024/2');
    await page.click('jaga-netral-dialog >>> [data-choice="cancel"]');
    await page.waitForSelector('jaga-netral-dialog', { hidden: true });
    expect((await counts(page))['p1:like']).toBeUndefined();
    await page.close();
  });

  it('Proceed, then the repeated click, lets exactly one like through; a neutral post passes', async () => {
    const page = await feed();
    await page.click(likeOf('p2'));
    await page.waitForSelector(DIALOG);
    expect(await page.$eval('jaga-netral-dialog >>> [data-again]', (el) => el.textContent)).toContain(
      'Klik atau ketuk Suka sekali lagi untuk melanjutkan',
    );
    await page.click('jaga-netral-dialog >>> [data-choice="acknowledge"]');
    await page.click('jaga-netral-dialog >>> [data-choice="proceed"]');
    await page.waitForSelector('jaga-netral-dialog', { hidden: true });
    expect((await counts(page))['p2:like']).toBeUndefined();
    await page.click(likeOf('p2'));
    expect((await counts(page))['p2:like']).toBe(1);
    await page.click(likeOf('p3'));
    expect(await counts(page)).toEqual({ 'p2:like': 1, 'p3:like': 1 });
    await page.close();
  });

  it('a click the page makes itself on a candidate post is never held', async () => {
    const page = await feed();
    const passed = await page.evaluate(() =>
      document
        .querySelector('article[data-post="p1"] [data-testid="like"]')
        ?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })),
    );
    expect(passed).toBe(true);
    expect(await page.$('jaga-netral-dialog')).toBeNull();
    expect((await counts(page))['p1:like']).toBe(1);
    await page.close();
  });
});
