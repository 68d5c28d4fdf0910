/**
 * Can a site tell that its visitor runs Jaga Netral? The page-side probe set (harness/probes.ts) runs
 * from each site fixture's own main world, without any user activation, against the BUILT extension
 * (opted in, a candidate list active): synthetic pointer/click/double-click/key events on every
 * action kind, `el.focus()` on comment boxes, pushState to candidate URLs, web-accessible-resource
 * probing, DOM and global inspection. Expected: zero detections, on every site. Then the person's own
 * (trusted) action opens the dialog, and the page tries to read and press it: nothing readable,
 * nothing pressable.
 *
 * Canaries prove the probes can fail: (1) a leaky stand-in the page installs itself (holds untrusted
 * events, paints an element named like ours, sets a global) must be detected by every probe; (2) the
 * automation switch and the in-page banner turned on make the dialog and the banner readable, and the
 * probes must say so (while the dialog's buttons still ignore the page's clicks).
 *
 * `JN_DETECTION_BUILD=<dir>` runs the same probes against another build (e.g. an older release) and
 * prints its table; the expectations then fail where that build leaks.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';
import { injectIndex, openQuietly, quietEval, setOptions } from './harness/extension';
import {
  earlyRecorder,
  leakyStandIn,
  POST_ACTION,
  PROBES,
  type ProbeResult,
  type ProbeSpec,
  runProbes,
} from './harness/probes';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { makeTestList } from './harness/test-list';

const OTHER_BUILD = process.env.JN_DETECTION_BUILD;

interface SiteProbe {
  site: string;
  /** X's fixture is flagged by the demo list; the others by the e2e test list */
  demo: boolean;
  pages: Array<{ url: string; spec: ProbeSpec }>;
  /** the person's own click that opens the dialog, for the post-action probe */
  trusted: { url: string; selector: string };
  /** a listed account's page, for the in-page banner canary */
  candidatePage?: string;
}

const FB = 'https://www.facebook.com';
const IG = 'https://www.instagram.com';
const TH = 'https://www.threads.com';
const TT = 'https://www.tiktok.com';
const YT = 'https://www.youtube.com';
const WA = 'https://web.whatsapp.com';
const fbp = (p: string, act: string) => `[data-post="${p}"] [data-act="${act}"]`;
const igp = (p: string, fx: string) => `[data-post="${p}"] [data-fx="${fx}"]`;
const ttp = (id: string, inner: string) => `[data-id="${id}"] ${inner}`;
const TT_LIKE = 'button:has([data-e2e$="like-icon"])';
const TT_SHARE = 'button:has([data-e2e$="share-icon"])';

const SITES: SiteProbe[] = [
  {
    site: 'x',
    demo: true,
    pages: [
      {
        url: 'https://x.com/home',
        spec: {
          clicks: [
            ['article[data-post="p2"] [data-testid="like"]'],
            ['article[data-post="p4"] [data-testid="retweet"]', '#layers [data-testid="retweetConfirm"]'],
          ],
          enter: ['article[data-post="p1"] [data-testid="like"]'],
          keys: [{ focus: 'article[data-post="p4"]', key: 'l' }],
          push: ['/prabowo'],
        },
      },
      {
        url: 'https://x.com/prabowo/status/1708000',
        spec: {
          clicks: [['[data-testid="tweetButtonInline"]']],
          boxes: ['[data-testid="tweetTextarea_0"]'],
        },
      },
      { url: 'https://x.com/prabowo', spec: { clicks: [['[data-testid$="-follow"]']] } },
    ],
    trusted: { url: 'https://x.com/home', selector: 'article[data-post="p1"] [data-testid="like"]' },
    candidatePage: 'https://x.com/prabowo',
  },
  {
    site: 'facebook',
    demo: false,
    pages: [
      {
        url: `${FB}/feed`,
        spec: {
          clicks: [
            [fbp('p1', 'like')],
            [fbp('p2', 'comment')],
            [fbp('p4', 'share'), '#portal [data-act="share-now"]'],
            [fbp('p6', 'follow')],
          ],
          enter: [fbp('p2', 'like')],
          keys: [{ focus: '[data-post="p2"]', key: 'l' }],
          push: ['/kandidat.dua.test'],
        },
      },
      {
        url: `${FB}/kandidat.dua.test/posts/1001`,
        spec: { clicks: [['form [data-act="send-comment"]']], boxes: ['form [role="textbox"]'] },
      },
    ],
    trusted: { url: `${FB}/feed`, selector: fbp('p1', 'like') },
    candidatePage: `${FB}/kandidat.dua.test`,
  },
  {
    site: 'instagram',
    demo: false,
    pages: [
      {
        url: `${IG}/feed`,
        spec: {
          clicks: [[igp('f1', 'like')], [igp('f2', 'comment')], [igp('f5', 'share')], [igp('f1', 'follow')]],
          dblclicks: ['[data-post="f1"] [data-fx="media"] img'],
          enter: [igp('f1', 'like')],
          boxes: ['[data-post="f1"] textarea'],
          push: ['/kandidat.dua.test'],
        },
      },
    ],
    trusted: { url: `${IG}/feed`, selector: igp('f1', 'like') },
    candidatePage: `${IG}/kandidat.dua.test`,
  },
  {
    site: 'threads',
    demo: false,
    pages: [
      {
        url: `${TH}/feed`,
        spec: {
          clicks: [
            [igp('t1', 'like')],
            [igp('t1', 'share')],
            [igp('t1', 'follow')],
            [igp('t5', 'repost'), '#portal [data-fx="do-repost"]'],
          ],
          enter: [igp('t2', 'like')],
          push: ['/@kandidat.dua.test'],
        },
      },
      {
        url: `${TH}/feed`,
        // the page opens the reply composer itself (its own click passes), then probes the box
        spec: { setup: [igp('t1', 'reply')], clicks: [], boxes: ['#portal [contenteditable="true"]'] },
      },
    ],
    trusted: { url: `${TH}/feed`, selector: igp('t1', 'like') },
    candidatePage: `${TH}/@kandidat.dua.test`,
  },
  {
    site: 'tiktok',
    demo: false,
    pages: [
      {
        url: `${TT}/foryou`,
        spec: {
          clicks: [[ttp('t1', TT_LIKE)], [ttp('t1', TT_SHARE)], [ttp('t1', '[data-e2e="feed-follow"]')]],
          dblclicks: [ttp('t1', '[data-e2e="feed-video"]')],
          enter: [ttp('t2', TT_LIKE)],
          push: ['/@kandidat.dua.test'],
        },
      },
      {
        url: `${TT}/@kandidat.dua.test/video/7300000000000000002`,
        spec: {
          clicks: [['[data-e2e="comment-post"]']],
          boxes: ['[data-e2e="comment-input"] [contenteditable="true"]'],
        },
      },
    ],
    trusted: { url: `${TT}/foryou`, selector: ttp('t1', TT_LIKE) },
    candidatePage: `${TT}/@kandidat.dua.test`,
  },
  {
    site: 'youtube',
    demo: false,
    pages: [
      {
        url: `${YT}/watch?v=vidKandidat1`,
        spec: {
          clicks: [
            ['ytd-watch-metadata like-button-view-model button'],
            ['ytd-watch-metadata yt-button-view-model button'],
            ['ytd-watch-metadata yt-subscribe-button-view-model button'],
            ['ytd-comments-header-renderer #submit-button button'],
          ],
          boxes: ['ytd-comments-header-renderer #contenteditable-root'],
          push: ['/@KandidatDuaTest'],
        },
      },
    ],
    trusted: { url: `${YT}/watch?v=vidKandidat1`, selector: 'ytd-watch-metadata like-button-view-model button' },
    candidatePage: `${YT}/@KandidatDuaTest`,
  },
  {
    site: 'whatsapp',
    demo: false,
    pages: [
      {
        url: `${WA}/`,
        spec: {
          clicks: [
            ['[data-msg="w1"] [data-act="menu"]', '#portal [data-act="forward"]', '#portal [data-act="send-forward"]'],
          ],
          push: ['/channel'],
        },
      },
      { url: `${WA}/channel`, spec: { clicks: [['header [data-act="follow"]']] } },
    ],
    trusted: { url: `${WA}/channel`, selector: 'header [data-act="follow"]' },
    candidatePage: `${WA}/channel`,
  },
];

let server: FixtureServer;
let b: ExtensionBrowser;
const table: Array<{ site: string; probe: string; detected: string[] }> = [];

async function useList(demo: boolean): Promise<void> {
  // An older build has no automation switch: leave it alone there (undefined).
  await setOptions(b, { consent: true, demo, ...(OTHER_BUILD ? {} : { automation: false, pageBanner: false }) });
  if (!demo) await injectIndex(b, makeTestList());
}

function merge(into: ProbeResult, from: ProbeResult): void {
  for (const [k, v] of Object.entries(from) as Array<[keyof ProbeResult, string[]]>)
    into[k] = [...(into[k] ?? []), ...v];
}

async function probeSite(s: SiteProbe): Promise<ProbeResult> {
  const found: ProbeResult = {};
  for (const p of s.pages) {
    const page = await openQuietly(b, p.url);
    // The extension's own files, by its id (a site knows the id from the store listing).
    const war = ['/manifest.json', '/popup.html', '/lists/bundled.json', '/icon/128.png'].map((f) => b.extUrl(f));
    merge(found, await runProbes(page, { ...p.spec, war }));
    await page.close();
  }
  return found;
}

/** The person's own click opens the dialog; then the page tries to read and press it. */
async function postAction(s: SiteProbe): Promise<string[]> {
  const page = await openQuietly(b, s.trusted.url);
  await page.click(s.trusted.selector);
  await page.locator('jaga-netral-dialog').waitFor({ state: 'attached' });
  const leaks = await quietEval<string[]>(page, POST_ACTION);
  if (await page.locator('jaga-netral-dialog').count()) {
    await page.keyboard.press('Escape');
    await page.locator('jaga-netral-dialog').waitFor({ state: 'detached' });
  }
  await page.close();
  return leaks;
}

function printTable(title: string, rows: typeof table): void {
  const sites = [...new Set(rows.map((r) => r.site))];
  const probes = [...new Set(rows.map((r) => r.probe))];
  const cell = (site: string, probe: string) => {
    const r = rows.find((x) => x.site === site && x.probe === probe);
    return r ? (r.detected.length ? 'YES' : 'no') : '-';
  };
  const lines = [
    `${title}`,
    ['probe'.padEnd(20), ...sites.map((s) => s.padEnd(10))].join(' '),
    ...probes.map((p) => [p.padEnd(20), ...sites.map((s) => cell(s, p).padEnd(10))].join(' ')),
  ];
  const details = rows.filter((r) => r.detected.length).map((r) => `  ${r.site}/${r.probe}: ${r.detected.join('; ')}`);
  console.log([...lines, ...(details.length ? ['detections:', ...details] : [])].join('\n'));
}

beforeAll(async () => {
  server = await startFixtureServer();
  b = await launchWithExtension({ port: server.port, extensionDir: OTHER_BUILD });
  await b.context.addInitScript(earlyRecorder(b.extensionId, [...new Set(SITES.map((s) => s.site))]));
});
afterAll(async () => {
  printTable(`Detection probes (${OTHER_BUILD ? `build ${OTHER_BUILD}` : 'this build'}): detected?`, table);
  await b?.close();
  await server?.close();
});

describe('a site cannot tell the extension is there', () => {
  for (const s of SITES) {
    it(`${s.site}: zero detections before the person acts, nothing readable or pressable after`, async () => {
      await useList(s.demo);
      const found = await probeSite(s);
      for (const probe of PROBES) table.push({ site: s.site, probe, detected: found[probe] ?? [] });
      const post = await postAction(s);
      table.push({ site: s.site, probe: 'post-action', detected: post });
      expect(found.activation ?? [], 'probes must run without a user activation').toEqual([]);
      expect(found.missing ?? [], 'every probed control exists in the fixture').toEqual([]);
      const detected = Object.fromEntries(PROBES.filter((p) => found[p]?.length).map((p) => [p, found[p]]));
      expect(detected).toEqual({});
      expect(post).toEqual([]);
    });
  }
});

describe.skipIf(OTHER_BUILD !== undefined)('canaries: the probes do detect a leak', () => {
  const canary: typeof table = [];
  afterAll(() => printTable('Canary (leaky stand-in installed by the page; must be YES everywhere):', canary));

  for (const s of SITES) {
    it(`${s.site}: a leaky stand-in is caught by every probe that applies`, async () => {
      await useList(s.demo);
      const found: ProbeResult = {};
      for (const p of s.pages) {
        const page = await openQuietly(b, p.url);
        await quietEval(page, leakyStandIn(p.spec));
        // a resource the page can load stands in for a web-accessible one
        merge(found, await runProbes(page, { ...p.spec, war: [p.url] }));
        await page.close();
      }
      const spec = s.pages.map((p) => p.spec);
      const applies: Record<(typeof PROBES)[number], boolean> = {
        'synthetic-pointer': true,
        'synthetic-dblclick': spec.some((x) => x.dblclicks?.length),
        'synthetic-key': spec.some((x) => x.enter?.length || x.keys?.length || x.boxes?.length),
        focus: spec.some((x) => x.boxes?.length),
        pushState: spec.some((x) => x.push?.length),
        war: true,
        dom: true,
        globals: true,
        messages: true,
      };
      for (const probe of PROBES) {
        if (!applies[probe]) continue;
        canary.push({ site: s.site, probe, detected: found[probe] ?? [] });
        expect(found[probe]?.length ?? 0, `${s.site}: probe ${probe} must detect the stand-in`).toBeGreaterThan(0);
      }
    });
  }

  it('the automation switch and the in-page banner make the extension readable, and the probes say so', async () => {
    const rows: typeof table = [];
    for (const s of SITES) {
      await setOptions(b, { consent: true, demo: s.demo, automation: true, pageBanner: true });
      if (!s.demo) await injectIndex(b, makeTestList());
      const post = await postAction(s);
      rows.push({ site: s.site, probe: 'post-action (automation on)', detected: post });
      expect(post).toContain('shadow root open');
      expect(post.some((l) => l.startsWith('readable'))).toBe(true);
      // Even open, the dialog's buttons ignore the page's own clicks.
      expect(post.filter((l) => l.includes('pressed by the page'))).toEqual([]);
      if (s.candidatePage) {
        const page: Page = await openQuietly(b, s.candidatePage);
        await page.locator('jaga-netral-banner').waitFor({ state: 'attached' });
        const found = await runProbes(page, { clicks: [] });
        rows.push({ site: s.site, probe: 'dom (page_banner on)', detected: found.dom ?? [] });
        expect(found.dom?.length ?? 0).toBeGreaterThan(0);
        await page.close();
      }
    }
    printTable('Canary (automation switch + in-page banner on; must be YES):', rows);
    await setOptions(b, { consent: true, automation: false, pageBanner: false });
  });
});
