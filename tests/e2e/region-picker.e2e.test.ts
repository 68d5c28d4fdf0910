/**
 * The home-region picker on the options page, in the built extension: a person picks their region
 * by names (province → kabupaten/kota), types a kecamatan code where the list names none, and the
 * stored `region` is the Kemendagri code; after a reload the same names are selected. First with the
 * bundled list (provinces only), then with a signed list that names kabupaten/kota, then with one
 * whose region directory names kecamatan.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateList, Election } from '../../lib/list/types';
import { serious, axeViolations } from './harness/a11y';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import { waitForActiveList } from './harness/extension';
import { LIST_URL, type Publisher, startPublisher } from './harness/list-publisher';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { makeTestList } from './harness/test-list';

let server: FixtureServer;
let b: ExtensionBrowser;
let pub: Publisher;

beforeAll(async () => {
  server = await startFixtureServer();
  pub = startPublisher(server);
  b = await launchWithExtension({ port: server.port });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const storedRegion = async (): Promise<string | undefined> =>
  (await b.worker.evaluate('chrome.storage.local.get("settings").then((r) => r.settings && r.settings.region)')) as
    | string
    | undefined;

/** The label of the selected option of a select (what a person sees). */
const selectedName = (page: Page, id: string) =>
  page.$eval(`#${id}`, (el) => {
    const s = el as HTMLSelectElement;
    return s.options[s.selectedIndex]?.textContent ?? '';
  });

async function openOptions(): Promise<Page> {
  const page = await b.context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(b.extUrl('/options.html'));
  await page.locator('button[name="save"]').waitFor();
  return page;
}

async function save(page: Page, expected: string): Promise<void> {
  await page.click('button[name="save"]');
  await page.locator('#form-status').filter({ hasText: /\S/ }).waitFor();
  await expect.poll(storedRegion, { timeout: 15_000 }).toBe(expected);
}

describe('region picker with the bundled list', () => {
  it('picks a province by name, takes a kecamatan code, and shows the same names after a reload', async () => {
    const page = await openOptions();
    try {
      // the picker is labelled and passes axe
      expect(await page.getByLabel('Provinsi', { exact: true }).count()).toBe(1);
      expect(serious(await axeViolations(page, 'fieldset.region-picker'))).toEqual([]);
      // by keyboard: focus the province select and choose Lampung by name
      await page.focus('#region_province');
      await page.selectOption('#region_province', { label: 'Lampung' });
      await expect.poll(() => page.inputValue('input[name="region"]')).toBe('18');
      // the bundled list names no kabupaten/kota: the picker says so and the code field takes over
      await page.locator('[data-region-note="regency"]').waitFor();
      expect(await page.locator('#region_regency').count()).toBe(0);
      await save(page, '18');

      await page.reload();
      await page.locator('button[name="save"]').waitFor();
      expect(await selectedName(page, 'region_province')).toBe('Lampung');
      expect(await page.inputValue('input[name="region"]')).toBe('18');

      // a kecamatan code typed in the dotted form is stored without dots
      await page.fill('input[name="region"]', '18.11.01');
      await page.locator('input[name="region"]').blur();
      await expect.poll(() => page.inputValue('input[name="region"]')).toBe('181101');
      await save(page, '181101');
      await page.reload();
      await page.locator('button[name="save"]').waitFor();
      expect(await selectedName(page, 'region_province')).toBe('Lampung');
      // no names known below the province: the codes are shown as they are
      expect(await selectedName(page, 'region_regency')).toBe('1811');
      expect(await selectedName(page, 'region_district')).toBe('181101');

      // a malformed code is refused with the reason and nothing changes
      await page.fill('input[name="region"]', '18110');
      await page.click('button[name="save"]');
      await page.locator('#form-status .error').waitFor();
      expect(await storedRegion()).toBe('181101');
    } finally {
      await page.close();
    }
  });
});

function pilkada(id: string, type: 'pilbup' | 'pilwalkot', code: string, name: string, base: Election): Election {
  const [r1, r2] = type === 'pilbup' ? (['cabup', 'cawabup'] as const) : (['cawalkot', 'cawawalkot'] as const);
  return {
    ...base,
    id,
    type,
    name: `Pemilihan ${name} 2024 (uji)`,
    region: { code, name, level: type === 'pilbup' ? 'kabupaten' : 'kota' },
    tickets: [
      {
        id: `${id}/1`,
        number: 1,
        label: '01',
        members: [
          { id: `${id}-a`, role: r1, name: `Calon Uji Satu ${code}` },
          { id: `${id}-b`, role: r2, name: `Calon Uji Dua ${code}` },
        ],
      },
    ],
  };
}

describe('region picker with a list that names kabupaten/kota', () => {
  it('offers the kabupaten/kota of the chosen province by name and stores its code', async () => {
    const list: CandidateList = makeTestList(Date.now(), 1);
    const base = list.elections[0]!;
    list.elections.push(
      pilkada('pilbup-2024-1811', 'pilbup', '1811', 'Kabupaten Mesuji', base),
      pilkada('pilwalkot-2024-1871', 'pilwalkot', '1871', 'Kota Bandar Lampung', base),
      pilkada('pilbup-2024-1702', 'pilbup', '1702', 'Kabupaten Rejang Lebong', base),
    );
    pub.publish(list);
    await b.worker.evaluate(
      `chrome.storage.local.get("settings").then((r) => chrome.storage.local.set({ settings: { ...(r.settings || {}), region: "", listUrl: ${JSON.stringify(LIST_URL)}, listKeys: ${JSON.stringify(pub.keyLine)} } }))`,
    );
    // the list is active once the background reports it
    await waitForActiveList(b, { listId: 'test/e2e' });

    const page = await openOptions();
    try {
      await page.selectOption('#region_province', { label: 'Lampung' });
      const regency = page.locator('#region_regency');
      await regency.waitFor();
      // only Lampung's, by name, after the "whole province" choice
      expect(await regency.locator('option').allTextContents()).toEqual([
        'Seluruhnya (tidak dirinci)',
        'Kabupaten Mesuji',
        'Kota Bandar Lampung',
      ]);
      await page.selectOption('#region_regency', { label: 'Kabupaten Mesuji' });
      await expect.poll(() => page.inputValue('input[name="region"]')).toBe('1811');
      // no kecamatan names in the list: the code field is the way down
      await page.locator('[data-region-note="district"]').waitFor();
      await save(page, '1811');

      await page.reload();
      await page.locator('#region_regency').waitFor();
      expect(await selectedName(page, 'region_province')).toBe('Lampung');
      expect(await selectedName(page, 'region_regency')).toBe('Kabupaten Mesuji');

      // typing a kecamatan code keeps the names above it selected
      await page.fill('input[name="region"]', '181101');
      await save(page, '181101');
      await page.reload();
      await page.locator('#region_regency').waitFor();
      expect(await selectedName(page, 'region_province')).toBe('Lampung');
      expect(await selectedName(page, 'region_regency')).toBe('Kabupaten Mesuji');
      expect(await selectedName(page, 'region_district')).toBe('181101');

      // choosing "whole province" again goes back up to the province code
      await page.selectOption('#region_regency', { value: '' });
      await expect.poll(() => page.inputValue('input[name="region"]')).toBe('18');
    } finally {
      await page.close();
    }
  }, 120_000);
});

describe('region picker with a list that carries a region directory', () => {
  it('offers the kecamatan of the chosen kabupaten by name, in name order, and stores the kecamatan code', async () => {
    const list: CandidateList = makeTestList(Date.now(), 2);
    // the directory names regions no election of the list names (kecamatan names invented for the test)
    list.regions = [
      { code: '18', name: 'Lampung' },
      { code: '1811', name: 'Kabupaten Mesuji' },
      { code: '181102', name: 'Kecamatan Uji Zamrud' },
      { code: '181101', name: 'Kecamatan Uji Akik' },
      { code: '181103', name: 'Kecamatan Uji Mirah' },
    ];
    pub.publish(list);
    await b.worker.evaluate(
      `chrome.storage.local.get("settings").then((r) => chrome.storage.local.set({ settings: { ...(r.settings || {}), region: "18", listUrl: ${JSON.stringify(LIST_URL)}, listKeys: ${JSON.stringify(pub.keyLine)} } }))`,
    );
    await waitForActiveList(b, { listId: 'test/e2e', sequence: 2 });

    const page = await openOptions();
    try {
      expect(await selectedName(page, 'region_province')).toBe('Lampung');
      await page.selectOption('#region_regency', { label: 'Kabupaten Mesuji' });
      const district = page.locator('#region_district');
      await district.waitFor();
      expect(await district.locator('option').allTextContents()).toEqual([
        'Seluruhnya (tidak dirinci)',
        'Kecamatan Uji Akik',
        'Kecamatan Uji Mirah',
        'Kecamatan Uji Zamrud',
      ]);
      expect(serious(await axeViolations(page, 'fieldset.region-picker'))).toEqual([]);
      await page.selectOption('#region_district', { label: 'Kecamatan Uji Mirah' });
      await expect.poll(() => page.inputValue('input[name="region"]')).toBe('181103');
      await save(page, '181103');
      await page.reload();
      await page.locator('#region_district').waitFor();
      expect(await selectedName(page, 'region_regency')).toBe('Kabupaten Mesuji');
      expect(await selectedName(page, 'region_district')).toBe('Kecamatan Uji Mirah');
    } finally {
      await page.close();
    }
  }, 120_000);
});
