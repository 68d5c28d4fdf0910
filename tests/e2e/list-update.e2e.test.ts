/**
 * Issue 4 end to end: the built extension fetching a signed list from a local HTTPS publisher.
 * Sequence 1 → active; a broken document → error shown, 1 still active; sequence 2 signed →
 * active, and content scripts warn with it; sequence 1 again → refused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import { dialog, openFixture, optIn } from './harness/extension';
import { LIST_URL, type Publisher, startPublisher } from './harness/list-publisher';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { makeTestList } from './harness/test-list';

let server: FixtureServer;
let b: ExtensionBrowser;
let pub: Publisher;
let options: Page;

const status = () => options.locator('[data-list-status]');
async function waitStatus(state: string, sequence: number) {
  try {
    await options
      .locator(`[data-list-status="${state}"][data-list-sequence="${sequence}"]`)
      .waitFor({ timeout: 10_000 });
  } catch (e) {
    const el = status();
    throw new Error(
      `expected list status ${state}/${sequence}, saw ${await el.getAttribute('data-list-status')}/${await el.getAttribute('data-list-sequence')}: ${await el.textContent()}`,
      { cause: e },
    );
  }
}
async function updateNow() {
  await options.click('button[name="update_now"]');
  await options.locator('button[name="update_now"]:not([disabled])').waitFor();
}

beforeAll(async () => {
  server = await startFixtureServer();
  pub = startPublisher(server);
  b = await launchWithExtension({ port: server.port });
  await optIn(b, { demo: false });
  options = await b.context.newPage();
  options.setDefaultTimeout(15_000);
  await options.goto(b.extUrl('/options.html'));
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('list updates from a hosted, signed JSON', () => {
  it('starts on the bundled list', async () => {
    await options.locator('[data-list-status="ok"][data-list-id="id.jaga-netral/bundled"]').waitFor();
  });

  it('activates sequence 1 from the configured URL and key', async () => {
    pub.publish(makeTestList(Date.now(), 1));
    await options.fill('input[name="list_url"]', LIST_URL);
    await options.fill('textarea[name="list_key"]', pub.keyLine);
    await options.click('button[name="save"]');
    await waitStatus('ok', 1);
    await options.locator('[data-list-id="test/e2e"]').waitFor();
    expect(pub.hits()).toBeGreaterThan(0);
  });

  it('shows an error for a broken document and keeps sequence 1', async () => {
    pub.publishRaw('{"format": "jaga-netral/candidate-list", "format_version": 1, "list_id": ');
    await updateNow();
    await waitStatus('error', 1);
    expect(await status().textContent()).toMatch(/\S/);
    expect(await status().getAttribute('data-list-id')).toBe('test/e2e');
  });

  it('refuses a document signed by nobody we trust', async () => {
    const list = makeTestList(Date.now(), 5);
    pub.publishRaw(
      JSON.stringify(list),
      JSON.stringify({ alg: 'Ed25519', key_id: 'e2e-test', sig: 'A'.repeat(86) + '==' }),
    );
    await updateNow();
    await waitStatus('error', 1);
  });

  it('activates sequence 2, and content scripts warn with it at once', async () => {
    const list = makeTestList(Date.now(), 2);
    // sequence 2 lists @kucingoren (an ordinary account in the X fixture) as a campaign account of ticket 03
    list.elections[0]!.tickets[2]!.accounts = [{ platform: 'x', handle: 'kucingoren' }];
    pub.publish(list);
    const page = await openFixture(b, 'https://x.com/home');
    const t0 = Date.now();
    await updateNow();
    await waitStatus('ok', 2);
    // poll until the new index reached the already-open tab
    let held = false;
    while (!held && Date.now() - t0 < 10_000) {
      await page.click('article[data-post="p3"] [data-testid="like"]');
      held = (await page.locator('jaga-netral-dialog').count()) > 0;
      if (!held) await page.waitForTimeout(100);
    }
    const ms = Date.now() - t0;
    expect(held).toBe(true);
    expect((await dialog(page).getAttribute('data-tickets'))?.split(' ')).toContain('pilpres-2024/3');
    console.log(`update now → new list active in the content script: ${ms} ms`);
    await page.close();
  });

  it('refuses sequence 1 again (no rollback), and 2 stays active', async () => {
    pub.publish(makeTestList(Date.now(), 1));
    await updateNow();
    await waitStatus('error', 2);
    expect(await status().textContent()).toMatch(/sequence|urutan/i);
    expect(await options.locator('[data-update-outcome="refused"]').count()).toBeGreaterThan(0);
  });
});
