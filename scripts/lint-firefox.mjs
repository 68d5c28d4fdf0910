#!/usr/bin/env node
// Builds the Firefox add-on and runs addons-linter on it (web-ext lint); fails on any error,
// prints warnings. Part of `npm test`, so a store-blocking problem is caught before release.
import { spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
const lint = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted', '--output', 'json'],
  {
    encoding: 'utf8',
  },
);
let report;
try {
  report = JSON.parse(lint.stdout);
} catch {
  console.error(lint.stdout, lint.stderr);
  process.exit(1);
}
for (const kind of ['errors', 'warnings']) {
  for (const m of report[kind]) console.log(`  ${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} — ${m.message}`);
}
console.log(
  `  addons-linter: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`,
);
process.exit(report.summary.errors === 0 ? 0 : 1);
