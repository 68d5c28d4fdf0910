import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, ROOT } from './browser';

/** The e2e suite tests the built extension; build it when a bare `npm run test:e2e` finds none. */
export default function setup(): void {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
}
