/**
 * Launches Debian's Chromium with the BUILT extension (.output/chrome-mv3) and a fresh profile.
 * Real hostnames resolve to the local fixture server through --host-resolver-rules, so the
 * manifest's match patterns apply unchanged; every other host fails to resolve, which also means
 * no test can reach the internet.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { ALL_HOSTS } from './hosts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');

export function chromiumPath(): string {
  for (const p of [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium-browser',
  ]) {
    if (p && existsSync(p)) return p;
  }
  throw new Error('Chromium not found: install it with `sudo apt-get install -y chromium` or set CHROMIUM_PATH');
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** chrome-extension://<id>/<path> */
  extUrl(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  port: number;
  headless?: boolean;
  extensionDir?: string;
  /** extra Chromium switches, e.g. --log-net-log for the privacy test */
  extraArgs?: string[];
  colorScheme?: 'light' | 'dark';
  /** a phone instead of the 1280×900 desktop window (tests/e2e/mobile.e2e.test.ts) */
  device?: { viewport: { width: number; height: number }; userAgent: string; deviceScaleFactor?: number };
}

export async function launchWithExtension(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? CHROME_BUILD;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'jn-profile-'));
  const rules = [...ALL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${opts.port}`), 'MAP * ~NOTFOUND'].join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: opts.device?.viewport ?? { width: 1280, height: 900 },
    ...(opts.device && {
      isMobile: true,
      hasTouch: true,
      userAgent: opts.device.userAgent,
      deviceScaleFactor: opts.device.deviceScaleFactor ?? 2,
    }),
    locale: 'id-ID',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      ...(opts.extraArgs ?? []),
    ],
    colorScheme: opts.colorScheme ?? 'light',
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  if (process.env.JN_DEBUG_SW) {
    worker.on('console', (m) => console.log(`[service worker] ${m.type()}: ${m.text()}`));
    context.on('serviceworker', (w) => console.log(`[service worker] another one started: ${w.url()}`));
  }
  return {
    context,
    worker,
    extensionId,
    extUrl: (path) => `chrome-extension://${extensionId}${path.startsWith('/') ? path : `/${path}`}`,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
