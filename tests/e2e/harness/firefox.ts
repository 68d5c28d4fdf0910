/**
 * Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (no geckodriver),
 * with the built Firefox add-on (.output/firefox-mv2) installed as a temporary add-on. Firefox has
 * no host-to-port mapping switch, so every hostname resolves to 127.0.0.1 and the fixture server
 * listens on port 443 (which needs root, as in CI). WebDriver BiDi may not navigate to moz-extension://
 * pages, so tests opt in on the onboarding tab the add-on opens itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './browser';

export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
export const FIREFOX_PATH = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
export const GECKO_ID = 'jaga-netral@jaganetral.id';

/** Why the Firefox suite cannot run here, or null when it can. */
export function firefoxUnavailable(): string | null {
  if (!FIREFOX_PATH) return 'firefox-esr is not installed (apt-get install -y firefox-esr)';
  if (process.getuid?.() !== 0) return 'the fixture server needs port 443, i.e. root (CI runs as root)';
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) return 'no Firefox build: run npm run build:firefox';
  return null;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** the onboarding tab the add-on opened on install (automation may not navigate to moz-extension://) */
  onboarding(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      // no first-run pages, telemetry or update checks reaching for the network
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return {
    browser,
    onboarding: async () => {
      // BiDi reports the tab's first URL (about:blank); ask each page where it really is.
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        for (const page of await browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.endsWith('/onboarding.html')) return page;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error('the add-on did not open its onboarding tab');
    },
    close: () => browser.close(),
  };
}
