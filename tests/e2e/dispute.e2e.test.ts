/**
 * "Laporkan kesalahan daftar / Report a list error", end to end in the built extension, with a
 * signed test list whose publisher gives a contact: from a warning on the X fixture, the dialog's
 * button opens the report page in a new tab for the right entry while the dialog (and the held
 * like) stay as they were; from the history page likewise. The prepared message names the entry and
 * what the person ticked and typed — never the post's address or account — the mailto: link carries
 * the same text, Copy puts it on the clipboard, and the report page makes no network request.
 */
import { writeFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSubscription } from '../../lib/list/subscription';
import { axeViolations, serious } from './harness/a11y';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import { cancel, counts, dialog, expectCancelFocused, openFixture, optIn, snap } from './harness/extension';
import { LIST_URL, type Publisher, startPublisher } from './harness/list-publisher';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { makeTestList } from './harness/test-list';

const HOME = 'https://x.com/home';
const CONTACT = 'laporan@daftar.example https://daftar.example/lapor';
const TICKET = 'pilpres-2024/2';
/** p2 on the fixture: a post by @warga_semarang naming ticket 02 */
const likeOfP2 = 'article[data-post="p2"] [data-testid="like"]';

let server: FixtureServer;
let b: ExtensionBrowser;
let pub: Publisher;

/** The body of a mailto: link, decoded once. */
const mailBody = (href: string) => decodeURIComponent(/[?&]body=([^&]*)/.exec(href)?.[1] ?? '');

beforeAll(async () => {
  server = await startFixtureServer();
  b = await launchWithExtension({ port: server.port });
  pub = startPublisher(server);
  pub.publish({ ...makeTestList(), publisher: { name: 'Jaga Netral e2e tests', contact: CONTACT } });
  await optIn(b, { demo: false, role: 'pns', region: '33' });
  // Subscribe to the signed test list the way a person does: one pasted code on the options page.
  const options = await b.context.newPage();
  await options.goto(b.extUrl('/options.html'));
  await options.locator('button[name="save"]').waitFor();
  await options.fill('input[name="list_subscription"]', formatSubscription(LIST_URL, pub.keyLine)!);
  await options.click('button[name="save"]');
  await options
    .locator('[data-list-status="ok"][data-list-id="test/e2e"][data-list-sequence="1"]')
    .waitFor({ timeout: 30_000 });
  await options.close();
  // ... and its index reached the content scripts
  const indexList = () => b.worker.evaluate('chrome.storage.local.get("matchIndex").then((r) => r.matchIndex?.listId)');
  for (let i = 0; i < 300 && (await indexList()) !== 'test/e2e'; i++) await new Promise((r) => setTimeout(r, 100));
  if ((await indexList()) !== 'test/e2e')
    throw new Error(`the test list's index was not published: ${await indexList()}`);
}, 120_000);
afterAll(async () => {
  await b?.close();
  await server?.close();
});

/** Every request a page makes (its own extension resources included). */
function requestsOf(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r: Request) => seen.push(r.url()));
  return seen;
}

/** Fill the report form and read back what it prepared. */
async function prepare(report: Page, details: string) {
  await report.locator('[data-report-entry="found"]').waitFor();
  await report.locator('input[name="reason"][value="name"]').check();
  await report.locator('input[name="reason"][value="account"]').check();
  await report.fill('textarea[name="details"]', details);
  await expect.poll(() => report.inputValue('textarea[name="report_text"]')).toContain(details);
  return {
    text: await report.inputValue('textarea[name="report_text"]'),
    href: (await report.locator('a[data-report-mail]').getAttribute('href')) ?? '',
  };
}

function expectEntryOnly(text: string) {
  for (const s of [
    'Kepada / To: laporan@daftar.example · https://daftar.example/lapor',
    `Perihal / Subject: Laporan kesalahan daftar / List error report: ${TICKET}`,
    'Penerbit / Publisher: Jaga Netral e2e tests',
    'Daftar / List: test/e2e, urutan / sequence 1',
    `Tiket / Ticket: ${TICKET}, nomor urut / ballot number 2`,
    '- Prabowo Subianto — capres',
    '- Gibran Rakabuming Raka — cawapres',
    'Pemilihan / Election: Pemilihan Presiden dan Wakil Presiden 2024 (uji) (pilpres-2024)',
    'Wilayah / Region: Indonesia (00)',
    '- Nama atau ejaannya salah / A name or its spelling is wrong',
    '- Akun media sosial yang dicantumkan bukan milik calon ini / A listed account is not this candidate’s',
  ]) {
    expect(text).toContain(s);
  }
  // nothing about the post, the site, the person or the device
  const body = text.slice(text.indexOf('\n\n'));
  for (const s of ['x.com', 'warga_semarang', '172000', 'status/', 'https:', 'Mozilla', 'Chrome', 'HeadlessChrome']) {
    expect(body).not.toContain(s);
  }
}

describe('report a list error: from a warning', () => {
  let page: Page;
  let report: Page;

  it('the dialog button opens the report page in a new tab for that entry; the dialog stays', async () => {
    page = await openFixture(b, HOME);
    await page.click(likeOfP2);
    const d = dialog(page);
    await d.waitFor();
    expect((await d.getAttribute('data-tickets'))?.split(' ')).toContain(TICKET);
    const button = d.locator(`button[name="report_list_error"][data-ticket="${TICKET}"]`);
    expect(await button.getAttribute('aria-label')).toMatch(/^Laporkan kesalahan daftar: /);
    expect(serious(await axeViolations(page, 'jaga-netral-dialog'))).toEqual([]);
    await snap(page, 'dialog-report-button');
    // By keyboard: Cancel has the focus; Shift+Tab reaches the ticket's report button; Enter opens it.
    await expectCancelFocused(page);
    await page.keyboard.press('Shift+Tab');
    expect(
      await page.evaluate(() =>
        document.querySelector('jaga-netral-dialog')?.shadowRoot?.activeElement?.getAttribute('name'),
      ),
    ).toBe('report_list_error');
    const opened = b.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    report = await opened;
    await report.waitForLoadState();
    const url = new URL(report.url());
    expect(url.href.startsWith(b.extUrl('/report.html?'))).toBe(true);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ticket: TICKET,
      list: 'test/e2e',
      seq: '1',
      from: 'warning',
    });
    // The social page did not move, saw no like, and the person still decides on the held action.
    expect(page.url()).toBe(HOME);
    expect(await dialog(page).count()).toBe(1);
    await dialog(page).locator('[data-report-status="opened"]').waitFor();
    expect((await counts(page))['p2:like'] ?? 0).toBe(0);
  });

  it('prepares the message: the entry, the reasons, the details; not the post', async () => {
    const requests = requestsOf(report);
    const main = report.locator('main[data-report]');
    expect(await main.getAttribute('data-ticket')).toBe(TICKET);
    expect(await main.getAttribute('data-from')).toBe('warning');
    const { text, href } = await prepare(report, 'Ejaan nama "Gibran" & nomor urutnya? Cek ulang 100%.');
    expectEntryOnly(text);
    expect(text).toContain('Keterangan / Details:\nEjaan nama "Gibran" & nomor urutnya? Cek ulang 100%.');
    // the mail link: to the publisher's address, the same subject and body (CRLF), encoded
    expect(href.startsWith('mailto:laporan@daftar.example?subject=Laporan%20kesalahan%20daftar')).toBe(true);
    expect(href).not.toMatch(/[\s"]/);
    expect(await report.locator('a[data-report-mail]').getAttribute('data-truncated')).toBe('false');
    expect(mailBody(href)).toBe(text.slice(text.indexOf('\n\n') + 2, -1).replace(/\n/g, '\r\n'));
    expect(await report.locator('a[data-report-contact-url]').getAttribute('href')).toBe(
      'https://daftar.example/lapor',
    );
    expect(await report.locator('[data-report-privacy]').textContent()).toContain('tidak ada alamat kiriman');
    expect(serious(await axeViolations(report))).toEqual([]);
    writeFileSync(new URL('../.artifacts/report-from-warning.txt', import.meta.url), `${text}\n---\n${href}\n`);
    await report.screenshot({
      path: new URL('../.artifacts/report-from-warning.png', import.meta.url).pathname,
      fullPage: true,
    });
    // filling the form fetched nothing
    expect(requests.filter((u) => !u.startsWith(b.extUrl('/')))).toEqual([]);
  });

  it('Copy puts exactly the prepared text on the clipboard', async () => {
    await report.bringToFront();
    const text = await report.inputValue('textarea[name="report_text"]');
    await report.click('button[name="copy_report"]');
    const state = report.locator('[data-report-copy]');
    await expect.poll(() => state.getAttribute('data-report-copy')).toBe('copied');
    expect(await state.textContent()).toContain('Pesan disalin');
    // What the clipboard holds, read back the way a person would: paste it into a text field.
    const scratch = await b.context.newPage();
    await scratch.setContent('<textarea id="paste"></textarea>');
    await scratch.focus('#paste');
    await scratch.keyboard.press('ControlOrMeta+V');
    expect(await scratch.inputValue('#paste')).toBe(text);
    await scratch.close();
  });

  it('the warning is still answered by the person (Cancel), and logged', async () => {
    await page.bringToFront();
    await cancel(page);
    expect((await counts(page))['p2:like'] ?? 0).toBe(0);
    await report.close();
    await page.close();
  });
});

describe('report a list error: from the history page', () => {
  it('a history row opens the report page for its ticket, with the list it was recorded with', async () => {
    const history = await b.context.newPage();
    await history.goto(b.extUrl('/history.html'));
    const row = history.locator(`[data-log-row][data-tickets~="${TICKET}"]`).first();
    await row.waitFor();
    const opened = b.context.waitForEvent('page');
    await row.locator(`button[name="report_list_error"][data-ticket="${TICKET}"]`).click();
    const report = await opened;
    await report.waitForLoadState();
    expect(Object.fromEntries(new URL(report.url()).searchParams)).toEqual({
      ticket: TICKET,
      list: 'test/e2e',
      seq: '1',
      from: 'history',
    });
    const requests = requestsOf(report);
    const { text, href } = await prepare(report, 'Dari riwayat.');
    expectEntryOnly(text);
    expect(text).toContain('Keterangan / Details:\nDari riwayat.');
    expect(mailBody(href)).toContain(`Tiket / Ticket: ${TICKET}`);
    expect(await report.locator('main[data-report]').getAttribute('data-from')).toBe('history');
    writeFileSync(new URL('../.artifacts/report-from-history.txt', import.meta.url), `${text}\n---\n${href}\n`);
    await report.screenshot({
      path: new URL('../.artifacts/report-from-history.png', import.meta.url).pathname,
      fullPage: true,
    });
    expect(requests.filter((u) => !u.startsWith(b.extUrl('/')))).toEqual([]);
    await report.close();
    await history.close();
  });
});

describe('report a list error: an entry the active list does not have, an address naming none', () => {
  it('a ticket not in the active list: the page says so and the message names the ticket id only', async () => {
    const report = await b.context.newPage();
    await report.goto(b.extUrl('/report.html?ticket=pilkada-lama%2F9&list=test%2Flama&seq=2&from=history'));
    await report.locator('main[data-report][data-report-entry="missing"]').waitFor();
    const text = await report.inputValue('textarea[name="report_text"]');
    expect(text).toContain('Tiket / Ticket: pilkada-lama/9');
    expect(text).toContain('This entry is not in the list in use now');
    expect(text).toContain('Tercatat dengan daftar / Recorded with list: test/lama, urutan / sequence 2');
    expect(text).toContain('Daftar / List: test/e2e, urutan / sequence 1');
    await report.close();
  });

  it('an address without a ticket: nothing to report, no form', async () => {
    const report = await b.context.newPage();
    await report.goto(b.extUrl('/report.html?from=warning'));
    await report.locator('main[data-report][data-report-entry="bad"]').waitFor();
    expect(await report.locator('textarea[name="report_text"], a[data-report-mail]').count()).toBe(0);
    await report.close();
  });
});
