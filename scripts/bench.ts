/**
 * `npm run bench`: every benchmark with figures and ratios against baselines measured in the same
 * run. Not a test: it prints PASS/FAIL against its targets, and exits 0 either way unless
 * `--strict` is given.
 *
 *   npm run bench              matcher + list
 *   npm run bench -- match     one section
 */
import { runListBench } from './bench/list';
import { formatSection, runMatchBench } from './bench/match';

const want = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--')));
const all = want.size === 0;
const strict = process.argv.includes('--strict');
if (typeof globalThis.gc !== 'function')
  console.log('(run with node --expose-gc for exact memory figures: npm run bench does)');
console.log(`node ${process.version}, ${new Date().toISOString()}`);

let failed = 0;
if (all || want.has('match')) {
  console.log('\n== Matcher ==');
  const section = await runMatchBench();
  console.log(formatSection(section));
  failed += section.checks.filter((c) => !c.pass).length;
}
if (all || want.has('list')) {
  console.log('\n== Candidate list ==');
  const r = await runListBench();
  failed += Object.values(r.pass).filter((ok) => !ok).length;
}
console.log(`\n${failed === 0 ? 'All targets met.' : `${failed} target(s) missed.`}`);
process.exit(strict && failed > 0 ? 1 : 0);
