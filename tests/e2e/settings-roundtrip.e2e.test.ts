/**
 * Settings survive the settings page: on every page with a settings form (options, onboarding),
 * every control shows what is stored (on open and after a reload), and pressing Save without
 * touching anything stores exactly what was there. Two stored states per page, one with every
 * switch on and one with every switch off, so no control can pass by showing its default.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../lib/list/types';
import type { Settings } from '../../lib/settings/settings';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import { type FixtureServer, startFixtureServer } from './harness/server';

let server: FixtureServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  b = await launchWithExtension({ port: server.port });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const KEY = 'agency-2026:Q2h1bmstb2YtMzItYnl0ZXMtZm9yLXRoZS10ZXN0LiE=';
const STATES: Record<string, Settings> = {
  'every switch on, PPPK, regency 3273, English': {
    consent: true,
    consentAt: 1_700_000_000_000,
    role: 'pppk',
    region: '3273',
    sites: Object.fromEntries(PLATFORMS.map((p) => [p, p !== 'tiktok'])) as Settings['sites'],
    lang: 'en',
    demo: true,
    storeLinks: true,
    listUrl: 'https://lists.jaga-netral.test/roundtrip/LIST.json',
    listKeys: KEY,
    listSources: [{ url: 'https://lists.jaga-netral.test/roundtrip/REGIONAL.json', keys: KEY }],
    listAllShards: true,
    retentionMonths: 6,
    automation: true,
    pageBanner: true,
  },
  'every switch off, non-ASN, province 32, Bahasa Indonesia': {
    consent: false,
    consentAt: 1_700_000_000_000,
    role: 'non_asn',
    region: '32',
    sites: Object.fromEntries(PLATFORMS.map((p) => [p, p === 'whatsapp'])) as Settings['sites'],
    lang: 'id',
    demo: false,
    storeLinks: false,
    listUrl: '',
    listKeys: '',
    listSources: [],
    listAllShards: false,
    retentionMonths: 24,
    automation: false,
    pageBanner: false,
  },
};

const stored = async (): Promise<Settings> =>
  (await b.worker.evaluate('chrome.storage.local.get("settings").then((r) => r.settings)')) as Settings;
async function store(s: Settings): Promise<void> {
  await b.worker.evaluate(`chrome.storage.local.set({ settings: ${JSON.stringify(s)} })`);
}

/** What each named control of the form must show for settings `s`; a control missing here fails the test. */
function expected(name: string, s: Settings): string | boolean {
  const site = /^site_(.+)$/.exec(name)?.[1];
  if (site) return s.sites[site as keyof Settings['sites']];
  const map: Record<string, string | boolean> = {
    consent: s.consent,
    role: s.role,
    region: s.region,
    lang: s.lang,
    demo: s.demo,
    store_links: s.storeLinks,
    list_url: s.listUrl,
    list_key: s.listKeys,
    list_all_shards: s.listAllShards,
    list_subscription: '', // a paste field: always empty, the stored source is in list_url/list_key
    add_source: '', // the same for a further source (the list of sources shows them)
    automation: s.automation,
    page_banner: s.pageBanner,
  };
  if (!(name in map)) throw new Error(`control "${name}" has no stored value to compare with: add it to this test`);
  return map[name]!;
}

interface Shown {
  name: string;
  value: string | boolean;
  disabled: boolean;
}
async function shown(page: Page): Promise<Shown[]> {
  return page.$$eval('form [name]', (els) =>
    els
      .filter(
        (el) => el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement,
      )
      .map((el) => {
        const e = el as HTMLInputElement;
        return {
          name: e.name,
          value: e.type === 'checkbox' ? e.checked : e.value,
          disabled: e.disabled,
        };
      }),
  );
}
async function expectShows(page: Page, s: Settings, minimum: string[]) {
  const controls = await shown(page);
  expect(controls.map((c) => c.name)).toEqual(expect.arrayContaining(minimum));
  for (const c of controls) expect(c.value, `control "${c.name}"`).toEqual(expected(c.name, s));
}

const PAGES = [
  {
    path: '/options.html',
    controls: [
      'consent',
      'role',
      'region',
      'lang',
      'demo',
      'store_links',
      'list_url',
      'list_key',
      'list_all_shards',
      'site_x',
    ],
  },
  { path: '/onboarding.html', controls: ['consent', 'role', 'region', 'lang', 'demo', 'store_links', 'site_x'] },
];

describe.each(PAGES)('$path', ({ path, controls }) => {
  it.each(Object.entries(STATES))(
    'shows what is stored (%s), after a reload too, and an untouched save keeps it',
    async (_, state) => {
      await store(state);
      const page = await b.context.newPage();
      page.setDefaultTimeout(15_000);
      try {
        await page.goto(b.extUrl(path));
        await page.locator('button[name="save"]').waitFor();
        await expectShows(page, state, controls);
        await page.reload();
        await page.locator('button[name="save"]').waitFor();
        await expectShows(page, state, controls);
        await page.click('button[name="save"]');
        await page.locator('#form-status').filter({ hasText: /\S/ }).waitFor();
        expect(await stored()).toEqual(state);
        // and the page still shows it after the save
        await expectShows(page, state, controls);
      } finally {
        await page.close();
      }
    },
  );
});
