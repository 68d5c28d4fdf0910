/**
 * "Report a list error" in Firefox: the built Firefox add-on (demo mode, the bundled list, which
 * gives no publisher contact) opens the report page in a new tab from the warning dialog; the page
 * names the entry, says the list gives no contact, and its mail link has no recipient. The dialog
 * stays open for the person's choice.
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
const TICKET = 'pilpres-2024/2';

/** The tab whose location matches (BiDi reports a new tab's first URL; ask the page itself). */
async function tabAt(test: (href: string) => boolean): Promise<Page> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const page of await ff.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (test(href)) return page;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('no such tab');
}

describe.skipIf(why !== null)('report a list error in Firefox', () => {
  beforeAll(async () => {
    server = await startFixtureServer(443);
    ff = await launchFirefox();
    const options = await ff.onboarding();
    await options.waitForSelector('button[name="save"]');
    await options.click('input[name="consent"]');
    await options.click('input[name="demo"]');
    await options.click('button[name="save"]');
    await options.waitForFunction(() => /\S/.test(document.querySelector('#form-status')?.textContent ?? ''));
    await options.evaluate(() => location.assign('/options.html'));
    await options.waitForSelector('input[name="automation"]');
    await options.click('input[name="automation"]');
    await options.click('button[name="save"]');
    await options.waitForFunction(() => /\S/.test(document.querySelector('#form-status')?.textContent ?? ''));
    await options.close();
  }, 90_000);
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('the dialog opens the report page for the entry; no contact: a mail link without recipient', async () => {
    const page = await ff.browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto('https://x.com/home');
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
    // the demo index may still be on its way after the settings change: click until the dialog shows
    const deadline = Date.now() + 20_000;
    while (!(await page.$('jaga-netral-dialog')) && Date.now() < deadline) {
      await page.click('article[data-post="p2"] [data-testid="like"]');
      await page.waitForSelector('jaga-netral-dialog', { timeout: 1000 }).catch(() => undefined);
    }
    await page.waitForSelector(DIALOG);
    await page.click(`jaga-netral-dialog >>> button[name="report_list_error"][data-ticket="${TICKET}"]`);
    const report = await tabAt((h) => h.includes('/report.html?'));
    const params = Object.fromEntries(new URL(await report.evaluate(() => location.href)).searchParams);
    expect(params).toMatchObject({ ticket: TICKET, list: 'id.jaga-netral/bundled', from: 'warning' });
    await report.waitForSelector('main[data-report][data-report-entry="found"]');
    const text = await report.$eval('textarea[name="report_text"]', (t) => (t as HTMLTextAreaElement).value);
    expect(text).toContain('Kepada / To: (daftar ini tidak mencantumkan kontak / this list gives no contact)');
    expect(text).toContain(`Tiket / Ticket: ${TICKET}, nomor urut / ballot number 2`);
    expect(text).toContain('Daftar / List: id.jaga-netral/bundled');
    expect(text).not.toContain('x.com');
    const href = await report.$eval('a[data-report-mail]', (a) => a.getAttribute('href'));
    expect(href?.startsWith('mailto:?subject=')).toBe(true);
    expect(await report.$eval('[data-report-to]', (p) => p.textContent)).toContain('tidak mencantumkan kontak');
    // the dialog is still there, waiting for the person
    expect(await page.$(DIALOG)).not.toBeNull();
    await page.waitForSelector('jaga-netral-dialog >>> [data-report-status="opened"]');
    await report.close();
    await page.close();
  });
});
