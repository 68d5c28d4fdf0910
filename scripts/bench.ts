/**
 * `npm run bench`: every benchmark with figures and ratios against baselines measured in the same
 * run. Not a test (nothing here runs in `npm test`): it prints PASS/FAIL against each target and
 * exits non-zero when a target is missed (`--report` prints the same and always exits 0).
 *
 *   npm run bench              matcher + list + page cost (the page bench needs `npm run build`)
 *   npm run bench -- match     one section: match, list or page
 */
import { runListBench } from './bench/list';
import { formatSection, runMatchBench } from './bench/match';
import { runPageBench } from './bench/page';

const want = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--')));
const all = want.size === 0;
const strict = !process.argv.includes('--report');
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
if (all || want.has('page')) {
  console.log('\n== Page cost per site (built extension, real Chromium) ==');
  const r = await runPageBench();
  failed += r.failed;
}
console.log(`\n${failed === 0 ? 'All targets met.' : `${failed} target(s) missed.`}`);
process.exit(strict && failed > 0 ? 1 : 0);
