/**
 * Several list subscriptions, end to end, through the options page as a person would use it: the
 * national list (source 1, pasted as today) and a BKPSDM's regional list (added as a further
 * source) are active at once; a third source whose host answers 404 and then the national source
 * serving a bad signature fail with their reasons shown per source, while the other lists still
 * serve (a post naming the regional candidate warns; source 1 keeps its last good list); a ticket
 * the two lists describe differently is listed as a conflict.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKey } from '../../lib/list/signature';
import { generateSigningKey, renderSignature, signBytes } from '../../lib/list/sign-node';
import { LIST_ERROR_TEXT } from '../../lib/list/status';
import { formatSubscription } from '../../lib/list/subscription';
import type { CandidateList } from '../../lib/list/types';
import { axeViolations, serious } from './harness/a11y';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import { clickUntilDialog, dialog, optIn, snap } from './harness/extension';
import { FIXTURES_DIR, type FixtureServer, startFixtureServer } from './harness/server';
import { makeTestList } from './harness/test-list';

const HOST = 'lists.jaga-netral.test';
const NATIONAL = `https://${HOST}/nasional/LIST.json`;
const REGIONAL = `https://${HOST}/bkpsdm-3273/LIST.json`;
const MISSING = `https://${HOST}/hilang/LIST.json`;
const REGIONAL_TICKET = 'pilwalkot-2024-3273/1';
/** the X fixture with its fifth post naming the regional candidates (served at x.com/sources-home) */
const POST = 'Semoga lancar, Pak Asep Suhendar dan Bu Neneng Rahayu! Bandung juara.';

const nationalKey = generateSigningKey('e2e-nasional');
const regionalKey = generateSigningKey('e2e-bkpsdm-3273');
const stranger = generateSigningKey('e2e-stranger');

/** Any bytes at any path of the list host, signed by any key (or not). */
function host(server: FixtureServer) {
  const files = new Map<string, Uint8Array>();
  const headers = {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
  };
  const routed = new Set<string>();
  const route = (path: string) => {
    if (routed.has(path)) return;
    routed.add(path);
    server.route(HOST, path, (_req: IncomingMessage, res: ServerResponse) => {
      const body = files.get(path);
      res.writeHead(body ? 200 : 404, headers).end(body ? Buffer.from(body) : '');
    });
  };
  return {
    serve(url: string, doc: CandidateList, key: ReturnType<typeof generateSigningKey>) {
      const path = new URL(url).pathname;
      const bytes = new TextEncoder().encode(JSON.stringify(doc));
      route(path);
      route(`${path}.sig`);
      files.set(path, bytes);
      files.set(`${path}.sig`, new TextEncoder().encode(renderSignature(signBytes(bytes, key.privateFile))));
    },
    missing(url: string) {
      const path = new URL(url).pathname;
      route(path);
      route(`${path}.sig`);
    },
  };
}

const NATIONAL_CONTACT = 'daftar@nasional.jaga-netral.test';
const REGIONAL_CONTACT = 'daftar@bkpsdm-3273.jaga-netral.test';
const national = (sequence: number): CandidateList => ({
  ...makeTestList(Date.now(), sequence),
  list_id: 'test/nasional',
  publisher: { name: 'Penerbit nasional (uji)', contact: NATIONAL_CONTACT },
});
/** The BKPSDM's list: its own city election, and (from sequence 2) a national ticket with another number. */
function regional(sequence: number): CandidateList {
  const base = makeTestList(Date.now(), sequence);
  const pilpres = base.elections[0]!;
  const elections: CandidateList['elections'] = [
    {
      ...pilpres,
      id: 'pilwalkot-2024-3273',
      type: 'pilwalkot',
      name: 'Pemilihan Wali Kota Bandung (uji)',
      region: { code: '3273', name: 'Kota Bandung', level: 'kota' },
      keywords: [],
      tickets: [
        {
          id: REGIONAL_TICKET,
          number: 1,
          members: [
            { id: 'asep', role: 'cawalkot', name: 'Asep Suhendar' },
            { id: 'neneng', role: 'cawawalkot', name: 'Neneng Rahayu' },
          ],
        },
      ],
    },
  ];
  if (sequence >= 2) {
    const t = pilpres.tickets[1]!;
    elections.push({ ...pilpres, tickets: [{ ...t, number: 5 }] });
  }
  return {
    ...base,
    list_id: 'test/bkpsdm-3273',
    publisher: { name: 'BKPSDM Kota Bandung (uji)', contact: REGIONAL_CONTACT },
    elections,
  };
}

let server: FixtureServer;
let b: ExtensionBrowser;
let lists: ReturnType<typeof host>;
let options: Page;

const source = (n: number) => options.locator(`[data-list-source="${n}"]`);
async function waitSource(n: number, state: string, more = '') {
  const want = `[data-list-source="${n}"][data-source-state="${state}"]${more}`;
  try {
    await options.locator(want).waitFor({ timeout: 20_000 });
  } catch (e) {
    throw new Error(`expected ${want}, saw: ${await options.locator('[data-list-sources]').innerHTML()}`, { cause: e });
  }
}
async function updateNow() {
  await options.click('button[name="update_now"]');
  await options.locator('button[name="update_now"]:not([disabled])').waitFor();
}
async function addSource(code: string) {
  await options.fill('input[name="add_source"]', code);
  await options.click('button[name="add_source_save"]');
}
const text = async (l: ReturnType<Page['locator']>) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/**
 * Like the post naming the regional candidates; the tickets of the warning. `report`: also open
 * "report a list error" for the regional ticket from the dialog and return the report page's address
 * and mail link.
 */
async function likeRegionalPost(report = false): Promise<{ tickets: string[]; reportUrl?: string; mail?: string }> {
  const page = await b.context.newPage();
  page.setDefaultTimeout(8_000);
  try {
    await page.goto('https://x.com/sources-home');
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
    await clickUntilDialog(page, 'article[data-post="p5"] [data-testid="like"]');
    const tickets = ((await dialog(page).getAttribute('data-tickets')) ?? '').split(' ');
    if (!report) return { tickets };
    const opened = b.context.waitForEvent('page');
    await dialog(page).locator(`button[name="report_list_error"][data-ticket="${REGIONAL_TICKET}"]`).click();
    const r = await opened;
    try {
      await r.waitForLoadState();
      await r.locator('[data-report-entry="found"]').waitFor();
      await r.locator('input[name="reason"][value="name"]').check();
      const mail = (await r.locator('a[data-report-mail]').getAttribute('href')) ?? '';
      return { tickets, reportUrl: r.url(), mail };
    } finally {
      await r.close();
    }
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  server = await startFixtureServer();
  lists = host(server);
  const fixture = readFileSync(`${FIXTURES_DIR}/x/home.html`, 'utf8');
  const swapped = fixture.replace('Resep rendang padang yang empuk: masak dengan api kecil selama tiga jam.', POST);
  expect(swapped).not.toBe(fixture);
  server.route('x.com', '/sources-home', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(swapped);
  });
  b = await launchWithExtension({ port: server.port });
  await optIn(b, { demo: false });
  options = await b.context.newPage();
  options.setDefaultTimeout(20_000);
  await options.goto(b.extUrl('/options.html'));
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('several list sources', () => {
  it('source 1 as a single subscription always was: pasted code, the single-source names', async () => {
    lists.serve(NATIONAL, national(1), nationalKey);
    await options.fill(
      'input[name="list_subscription"]',
      formatSubscription(NATIONAL, formatKey(nationalKey.publicKey))!,
    );
    await options.click('button[name="save"]');
    await options.locator('[data-list-status="ok"][data-list-sequence="1"][data-list-id="test/nasional"]').waitFor();
    await waitSource(1, 'ok', '[data-source-sequence="1"][data-source-list-id="test/nasional"]');
    expect(await options.locator('[data-list-source]').count()).toBe(1);
  });

  it('a regional source and a source whose host answers 404 are added; the 404 is shown with its reason', async () => {
    lists.serve(REGIONAL, regional(1), regionalKey);
    lists.missing(MISSING);
    await addSource(formatSubscription(REGIONAL, formatKey(regionalKey.publicKey))!);
    await waitSource(2, 'ok', '[data-source-sequence="1"][data-source-list-id="test/bkpsdm-3273"]');
    // the same source twice is refused with a sentence
    await addSource(formatSubscription(REGIONAL, formatKey(regionalKey.publicKey))!);
    await expect.poll(() => text(options.locator('#add-source-status'))).toBe('Sumber ini sudah ada.');
    // by keyboard: Enter in the field adds the source
    await options.fill('input[name="add_source"]', formatSubscription(MISSING, formatKey(regionalKey.publicKey))!);
    await options.press('input[name="add_source"]', 'Enter');
    await waitSource(3, 'error', '[data-source-error="network"]');
    const reason = await text(source(3).locator('[data-source-reason]'));
    expect(reason).toContain(LIST_ERROR_TEXT.network.id);
    expect(reason).toContain('Sumber ini belum menambahkan daftar; sumber lain tetap dipakai.');
    expect(reason).toContain('404');
    // the failure of source 3 is its own: sources 1 and 2 still serve
    await waitSource(1, 'ok');
    await waitSource(2, 'ok');
    expect(await options.getAttribute('[data-list-status]', 'data-list-status')).toBe('ok');
    expect((await likeRegionalPost()).tickets).toContain(REGIONAL_TICKET);
  });

  it('source 1 serves a bad signature: refused with its reason, its last good list and source 2 still serve', async () => {
    lists.serve(NATIONAL, national(2), stranger);
    await updateNow();
    await waitSource(1, 'error', '[data-source-error="bad-signature"][data-source-sequence="1"]');
    // the single-source names say the same about source 1
    await options
      .locator('[data-list-status="error"][data-list-error="bad-signature"][data-list-sequence="1"]')
      .waitFor();
    const reason = await text(source(1).locator('[data-source-reason]'));
    expect(reason).toContain(LIST_ERROR_TEXT['bad-signature'].id);
    expect(reason).toContain('Daftar sah terakhir (test/nasional, urutan 1) tetap dipakai.');
    await waitSource(2, 'ok', '[data-source-sequence="1"]');
    await waitSource(3, 'error', '[data-source-error="network"]');
    // the warning still comes, and its "report a list error" goes to the regional list's publisher
    const { tickets, reportUrl, mail } = await likeRegionalPost(true);
    expect(tickets).toContain(REGIONAL_TICKET);
    expect(new URL(reportUrl!).searchParams.get('list')).toBe('test/bkpsdm-3273');
    expect(mail).toMatch(new RegExp(`^mailto:${REGIONAL_CONTACT.replace(/\./g, '\\.')}\\?`));
    await snap(options, 'list-sources-failing');
    console.log(
      (await options.locator('[data-list-sources] > li').allTextContents())
        .map((t) => t.replace(/\s+/g, ' ').trim())
        .join('\n'),
    );
  });

  it('a ticket the two lists describe differently is shown as a conflict; both versions stay in use', async () => {
    lists.serve(REGIONAL, regional(2), regionalKey);
    await updateNow();
    await waitSource(2, 'ok', '[data-source-sequence="2"]');
    const row = options.locator('[data-list-conflicts] [data-list-conflict="pilpres-2024/2"]');
    await row.waitFor();
    expect(await row.getAttribute('data-conflict-sources')).toBe('1 2');
    expect(await row.getAttribute('data-conflict-fields')).toBe('number');
    expect(await text(row)).toMatch(/Sumber 1 \(test\/nasional\).*nomor 2.*Sumber 2 \(test\/bkpsdm-3273\).*nomor 5/);
    expect(await text(options.locator('[data-list-conflicts]'))).toContain('kedua versi tetap dipakai');
    // the sources, their failures and the conflicts are accessible (axe: nothing serious)
    expect(serious(await axeViolations(options))).toEqual([]);
    await options.locator('[data-list-conflicts]').scrollIntoViewIfNeeded();
    await snap(options, 'list-sources-conflict');
  });

  it('a source the person added can be removed; the others stay', async () => {
    await source(3).locator('button[name="remove_source"]').click();
    await expect.poll(() => options.locator('[data-list-source]').count()).toBe(2);
    await waitSource(2, 'ok', '[data-source-sequence="2"]');
    // the first source is edited in the form above, never removed here
    expect(await source(1).locator('button[name="remove_source"]').count()).toBe(0);
  });
});
