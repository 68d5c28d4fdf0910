/**
 * Real-markup tier: every saved real page of the social sites (kept OUTSIDE the repository, in
 * ../shared/real-dom next to the checkout) is opened in real headless Chromium with page scripts
 * off and the network closed; the site adapters are bundled into it and run on every real control
 * that tests/real/enumerate.ts lists. Prints a per-site, per-file table and fails when any count
 * falls below tests/real/expected.json (counts only: no page text, no URLs).
 *
 * Where ../shared/real-dom is absent (a user's clone) the tier says it is skipped, and why.
 * `UPDATE_REAL_EXPECTED=1 npm run test:real` rewrites expected.json from the current counts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../lib/list/types';
import { chromiumPath } from '../e2e/harness/browser';
import type { RealCounts } from './page-entry';

const ROOT = resolve(import.meta.dirname, '../..');
/** JN_REAL_DOM points elsewhere (or at nothing, to see the skip). */
const REAL_DOM = process.env.JN_REAL_DOM ?? resolve(ROOT, '../shared/real-dom');
const EXPECTED_FILE = join(import.meta.dirname, 'expected.json');
const SITES: Platform[] = ['x', 'facebook', 'instagram', 'tiktok', 'youtube', 'threads'];
/** Where a page came from when it names no canonical URL itself (fragments, ytd-app dumps). */
const DEFAULT_URL: Record<string, string> = {
  x: 'https://x.com/home',
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
  tiktok: 'https://www.tiktok.com/foryou',
  youtube: 'https://www.youtube.com/watch',
  threads: 'https://www.threads.com/',
};

type Expected = Record<string, Omit<RealCounts, 'kinds' | 'lines'>>;
const COLUMNS = ['controls', 'kind', 'item', 'author', 'text'] as const;

const present = existsSync(REAL_DOM);
const pages = present
  ? SITES.flatMap((site) =>
      existsSync(join(REAL_DOM, site))
        ? readdirSync(join(REAL_DOM, site))
            .filter((f) => f.endsWith('.html'))
            .sort()
            .map((file) => ({ site, file, key: `${site}/${file}` }))
        : [],
    )
  : [];

if (!present) {
  console.log(
    `real-markup tier skipped: ${REAL_DOM} is absent. It holds real pages saved from public repositories, ` +
      'which are never part of this repository (a clone has no ../shared); CI provides it.',
  );
}

describe.skipIf(!present)('adapters on real saved pages', () => {
  let browser: Browser;
  let bundle = '';
  const results = new Map<string, RealCounts>();
  const expected: Expected = existsSync(EXPECTED_FILE) ? JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) : {};

  beforeAll(async () => {
    const out = await build({
      entryPoints: [join(import.meta.dirname, 'page-entry.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      write: false,
      logLevel: 'silent',
    });
    bundle = out.outputFiles[0]?.text ?? '';
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    const rows = [...results.entries()];
    const pad = (s: string | number, n: number) => String(s).padEnd(n);
    const lines = [
      `${pad('site/file', 52)}${COLUMNS.map((c) => pad(c, 9)).join('')}by kind (right/listed)`,
      ...rows.map(
        ([key, r]) =>
          `${pad(key, 52)}${pad(r.controls, 9)}${pad(r.kind, 9)}${pad(r.item, 9)}${pad(r.author, 9)}${pad(`${r.text}/${r.textOf}`, 9)}` +
          Object.entries(r.kinds)
            .map(([k, [ok, n]]) => `${k} ${ok}/${n}`)
            .join(', '),
      ),
    ];
    for (const site of SITES) {
      const mine = rows.filter(([k]) => k.startsWith(`${site}/`)).map(([, r]) => r);
      if (!mine.length) continue;
      const sum = (f: keyof Omit<RealCounts, 'kinds' | 'lines'>) => mine.reduce((n, r) => n + r[f], 0);
      lines.push(
        `${pad(`${site} (all files)`, 52)}${pad(sum('controls'), 9)}${pad(sum('kind'), 9)}${pad(sum('item'), 9)}${pad(sum('author'), 9)}${pad(`${sum('text')}/${sum('textOf')}`, 9)}`,
      );
    }
    console.log(
      `\nReal-markup table (controls, right kind, right item, author found, real text):\n${lines.join('\n')}`,
    );
    if (process.env.UPDATE_REAL_EXPECTED === '1') {
      const next: Expected = {};
      for (const [key, { kinds: _kinds, ...counts }] of rows) next[key] = counts;
      writeFileSync(EXPECTED_FILE, `${JSON.stringify(next, null, 2)}\n`);
      console.log(`wrote ${EXPECTED_FILE}`);
    }
  });

  it('has an expectation for every saved page', () => {
    if (process.env.UPDATE_REAL_EXPECTED === '1') return;
    for (const { key } of pages) expect(Object.keys(expected), `tests/real/expected.json lacks ${key}`).toContain(key);
  });

  for (const { site, file, key } of pages) {
    it(`${key}: no count below its expectation`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        // Only the saved file itself loads: no network, no saved scripts (JavaScript is off anyway).
        await context.route('**/*', (route) =>
          route.request().url().startsWith('file:') ? route.continue() : route.abort(),
        );
        const page = await context.newPage();
        await page.goto(`file://${join(REAL_DOM, site, file)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
        const href = await page.evaluate(
          (fallback) =>
            document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
            document.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
            fallback,
          DEFAULT_URL[site] ?? '',
        );
        await page.evaluate(bundle);
        const counts = await page.evaluate(
          ([s, h, d]) =>
            (globalThis as unknown as { __jnReal: (s: string, h: string, d: boolean) => RealCounts }).__jnReal(s, h, d),
          [site, href, process.env.REAL_DEBUG === key] as const,
        );
        // REAL_DEBUG=<site/file> prints what each control resolved to (local debugging only).
        if (counts.lines) console.log(`${key}\n${counts.lines.join('\n')}`);
        delete counts.lines;
        results.set(key, counts);
        const want = expected[key];
        if (!want || process.env.UPDATE_REAL_EXPECTED === '1') return;
        expect(counts.controls, `${key}: controls listed`).toBe(want.controls);
        for (const col of ['kind', 'item', 'author', 'text', 'textOf'] as const)
          expect(counts[col], `${key}: ${col}`).toBeGreaterThanOrEqual(want[col]);
      } finally {
        await context.close();
      }
    });
  }
});
