#!/usr/bin/env node
// `npm test`: the whole suite, in the order that fails fastest — typecheck, lint, unit and site
// tests, the real-markup tier, the Firefox build through addons-linter, the Chrome build, the real-data tier (which drives the built extension for the seed regions), then the end-to-end tests of the built extension in real headless Chromium.
// Ends with one plain "N passed, N failed" line summing every vitest run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), 'jn-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;

function run(title, cmd, args) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  console.log(
    `  ${title}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return r.status === 0;
}

function vitest(title, config) {
  const out = join(tmp, `${title}.json`);
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  if (config) args.push('-c', config);
  const ok = run(title, 'npx', args);
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // A suite that fails to load counts as a failure even though no test "failed".
    if (!ok && r.numFailedTests === 0) failed += 1;
  } catch {
    if (!ok) failed += 1;
  }
  return ok;
}

const steps = [
  () =>
    run('typecheck', 'npx', ['tsc', '--noEmit']) &&
    run('typecheck (node side)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']),
  () => run('lint', 'npx', ['biome', 'check', '.']),
  () => vitest('unit'),
  // The adapters on real saved pages (../shared/real-dom); skipped, and says so, where it is absent.
  () => vitest('real-markup', 'vitest.real.config.ts'),
  () => run('firefox build + addons-linter', 'node', ['scripts/lint-firefox.mjs']),
  () => run('build', 'npx', ['wxt', 'build']),
  // Real 2024 candidate data (../shared/data): the national import and matcher checks, and the seed
  // regions in the built extension; skipped, and says so, where it is absent.
  () => vitest('real-data', 'vitest.real-data.config.ts'),
  () => vitest('e2e', 'vitest.e2e.config.ts'),
];

let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    if (failed === 0) failed = 1;
    break;
  }
}
console.log(`\nWhole suite ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
