#!/usr/bin/env node
// `npm start`: install if needed, build, and open Chromium with Jaga Netral loaded on a local
// demo feed served as https://x.com. Works on a fresh machine with Node and apt.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const sh = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync('node_modules/.bin/wxt')) {
  // npm install (from the lock), not npm ci: see the note in .ci/run.
  console.log('▶ Installing dependencies (npm install)…');
  sh('npm', ['install', '--no-audit', '--no-fund']);
}

const chromium = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', process.env.CHROMIUM_PATH].find(
  (p) => p && existsSync(p),
);
if (!chromium) {
  if (process.getuid?.() === 0) {
    console.log('▶ Installing Debian Chromium (apt-get install -y chromium)…');
    sh('apt-get', ['update', '-qq']);
    sh('apt-get', ['install', '-y', '-qq', 'chromium', 'openssl']);
  } else {
    console.error(
      'Chromium is missing. Install it, then run `npm start` again:\n\n  sudo apt-get install -y chromium\n',
    );
    process.exit(1);
  }
}

console.log('▶ Building the extension (wxt build)…');
sh('npx', ['wxt', 'build']);
sh('npx', ['tsx', 'scripts/demo.ts', ...process.argv.slice(2)]);
