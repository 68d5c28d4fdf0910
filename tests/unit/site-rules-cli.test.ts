/**
 * `npm run list -- rules init|check|sign` (scripts/list/rules.ts): a maintainer starts from the
 * built-in rules, signs, and checks what the extension will accept; nothing invalid is ever signed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatKey } from '../../lib/list/signature';
import { generateSigningKey } from '../../lib/list/sign-node';
import { acceptSiteRules } from '../../lib/site-rules/document';
import { x } from '../../lib/sites/x';
import { runCli } from '../../scripts/list-cli';

const dir = mkdtempSync(join(tmpdir(), 'jn-rules-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = generateSigningKey('rules-maint');
const other = generateSigningKey('someone-else');
writeFileSync(join(dir, 'm.key'), JSON.stringify(key.privateFile));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('list CLI: rules', () => {
  it('init → sign → check, and the extension accepts what check passed', async () => {
    expect(
      (await cli('rules', 'init', '--stream', 'demo.rules', '--sequence', '3', '--site', 'x', '--out', 'r.json')).code,
    ).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(doc.sites.map((s: { site: string; version: number }) => [s.site, s.version])).toEqual([
      ['x', x.rules.version + 1],
    ]);
    const unsigned = await cli('rules', 'check', 'r.json', '--keys', formatKey(key.publicKey));
    expect(unsigned).toMatchObject({ code: 1, err: expect.stringMatching(/not signed/) });
    expect((await cli('rules', 'sign', 'r.json', '--key', 'm.key')).code).toBe(0);
    const ok = await cli('rules', 'check', 'r.json', '--keys', formatKey(key.publicKey));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('signature OK (key "rules-maint")');
    expect(ok.out).toContain(`x: version ${x.rules.version + 1} replaces the built-in version ${x.rules.version}`);
    const wrongKey = await cli('rules', 'check', 'r.json', '--keys', formatKey(other.publicKey));
    expect(wrongKey).toMatchObject({ code: 1, err: expect.stringMatching(/signature REFUSED/) });
    const r = await acceptSiteRules(
      readFileSync(join(dir, 'r.json')),
      readFileSync(join(dir, 'r.json.sig')),
      [key.publicKey],
      {
        lastGood: null,
      },
    );
    expect(r.ok).toBe(true);
  });

  it('refuses to sign an invalid document, and says when a site would not be used', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ format: 'jaga-netral-site-rules', sites: [] }));
    const bad = await cli('rules', 'sign', 'bad.json', '--key', 'm.key');
    expect(bad).toMatchObject({ code: 1, err: expect.stringMatching(/INVALID[\s\S]*stream_id: missing/) });
    const old = { ...JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) };
    old.sites[0].version = x.rules.version;
    writeFileSync(join(dir, 'old.json'), JSON.stringify(old));
    const same = await cli('rules', 'check', 'old.json');
    expect(same.code).toBe(0);
    expect(same.out).toContain('is NOT used');
    expect(same.err).toContain('no site in it would be used');
    expect((await cli('rules', 'frobnicate')).code).toBe(2);
    expect((await cli('rules', 'init', '--stream', 'a', '--sequence', '1', '--site', 'myspace')).code).toBe(2);
  });
});
