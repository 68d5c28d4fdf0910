/**
 * The demo behind `npm start`: the local fixture server under the real hostnames, and Chromium
 * with the built extension and a fresh profile. The onboarding page opens with demo mode
 * pre-ticked (a clearly labelled list whose campaign window includes today); you tick the consent
 * box yourself, then like a post on the demo feed.
 *
 * Without a display (a server, CI) it runs the same steps headless, as a scripted tour, and saves
 * screenshots to .output/demo/ instead.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, launchWithExtension, ROOT } from '../tests/e2e/harness/browser';
import { dialog, openFixture, optIn } from '../tests/e2e/harness/extension';
import { startFixtureServer } from '../tests/e2e/harness/server';

const FEED = 'https://x.com/home';
const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

const server = await startFixtureServer();
const b = await launchWithExtension({ port: server.port, headless, extensionDir: CHROME_BUILD });

if (!headless) {
  const onboarding = b.context.pages().find((p) => p.url().includes('/onboarding.html')) ?? (await b.context.newPage());
  await onboarding.goto(b.extUrl('/onboarding.html?demo=1'));
  const feed = await b.context.newPage();
  await feed.goto(FEED);
  await onboarding.bringToFront();
  console.log(`
  Jaga Netral demo is running.
   1. In the "Selamat datang" tab: tick the consent box and press "Setuju dan aktifkan".
   2. Switch to the x.com tab (a local demo feed) and like a post by @prabowo or @aniesbaswedan.
   3. See the warning. Open ${b.extUrl('/history.html')} for the log.
  Close the browser window (or press Ctrl+C here) to stop.
`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  b.context.on('close', stop);
  process.on('SIGINT', () => void b.close().then(stop));
} else {
  const out = join(ROOT, '.output/demo');
  mkdirSync(out, { recursive: true });
  console.log('No display found: running the demo as a headless tour (screenshots in .output/demo/).');
  await optIn(b, { demo: true, role: 'pns' });
  const page = await openFixture(b, FEED);
  await page.screenshot({ path: join(out, '1-feed.png') });
  await page.click('article[data-post="p1"] [data-testid="like"]');
  await dialog(page).waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(out, '2-warning.png') });
  console.log(`  The warning appeared for: ${await dialog(page).getAttribute('data-tickets')}`);
  console.log(`  Screenshots: ${join(out, '1-feed.png')}, ${join(out, '2-warning.png')}`);
  await b.close();
  await server.close();
}
