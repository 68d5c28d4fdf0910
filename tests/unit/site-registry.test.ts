/**
 * The site registry (lib/sites/registry.ts) is the one place a site is declared; this fails when a
 * declared site lacks any of the other pieces docs/adding-a-site.md lists, or when a piece still
 * keeps its own copy of what the registry says, or when a content script bundles its site's rules
 * (they travel as data the background publishes: docs/site-rules.md, "Rules in effect").
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../lib/list/types';
import { parseUrl, handleFromUrl } from '../../lib/match/accounts';
import { matchPatternsOf, PROFILE_HOSTS, SITE_LIST, SITES, siteOfHost } from '../../lib/sites/registry';
import { BUILTIN_RULES } from '../../lib/site-rules/builtin';
import { siteOfUrl } from '../../lib/sites/site-of-url';
import type { SiteModule, SiteRules } from '../../lib/sites/types';
import { SITE_HOSTS } from '../e2e/harness/hosts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('the site registry', () => {
  it('declares exactly the platforms of the list format', () => {
    expect(SITE_LIST.map((s) => s.platform).sort()).toEqual([...PLATFORMS].sort());
    for (const s of SITE_LIST) expect(SITES[s.platform]).toBe(s);
  });

  it('gives each host to one site only, in lower case', () => {
    const hosts = SITE_LIST.flatMap((s) => s.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const h of hosts) expect(h).toBe(h.toLowerCase());
  });

  describe.each(SITE_LIST.map((s) => [s.platform, s] as const))('%s', (platform, site) => {
    it('has its site module, content script, site test, e2e test and fixtures', () => {
      expect(existsSync(join(ROOT, `lib/sites/${platform}.ts`)), `lib/sites/${platform}.ts`).toBe(true);
      expect(existsSync(join(ROOT, `tests/sites/${platform}.test.ts`)), `tests/sites/${platform}.test.ts`).toBe(true);
      expect(existsSync(join(ROOT, `tests/e2e/${platform}.e2e.test.ts`)), `tests/e2e/${platform}.e2e.test.ts`).toBe(
        true,
      );
      const pages = files(join(ROOT, 'tests/fixtures', platform)).filter((f) => f.endsWith('.html'));
      expect(pages.filter((f) => !f.endsWith('-id.html')).length, 'English fixture pages').toBeGreaterThan(0);
      expect(
        pages.filter((f) => f.endsWith('-id.html')).length,
        'Indonesian fixture pages (*-id.html)',
      ).toBeGreaterThan(0);
    });

    it('its content script runs on exactly the registry hosts', () => {
      const src = read(`entrypoints/${platform}.content.ts`);
      expect(src).toContain(`matches: matchPatternsOf('${platform}')`);
      expect(src).not.toMatch(/\*:\/\//);
      expect(matchPatternsOf(platform)).toEqual(site.hosts.map((h) => `*://${h}/*`));
    });

    it('its content script bundles the site’s code only: the rules arrive as data', async () => {
      // lib/sites/<site>.ts: `<site>Rules` (data), `<site>Code` (code), `<site>` = both
      const mod = (await import(`../../lib/sites/${platform}.ts`)) as Record<string, unknown>;
      const rules = mod[`${platform}Rules`] as SiteRules;
      const code = mod[`${platform}Code`] as Record<string, unknown>;
      const both = mod[platform] as SiteModule;
      expect(rules.site).toBe(platform);
      expect(Object.keys(code).sort()).toEqual(['accountFromHref', 'pageAccount']);
      expect(both.rules).toBe(rules);
      expect(both.accountFromHref).toBe(code.accountFromHref);
      expect(BUILTIN_RULES).toContain(rules);
      // the content script imports the code part alone, so the bundler drops the rules
      const src = read(`entrypoints/${platform}.content.ts`);
      const fromSite = [...src.matchAll(/import\s*\{([^}]*)\}\s*from\s*'\.\.\/lib\/sites\/([a-z]+)'/g)].filter(
        (m) => m[2] !== 'registry',
      );
      expect(fromSite.map((m) => [m[2], m[1]?.trim()])).toEqual([[platform, `${platform}Code`]]);
      expect(src).toContain(`runSiteGuard(ctx, '${platform}', ${platform}Code,`);
      expect(src).not.toMatch(/site-rules|Rules\b/);
    });

    it('every host resolves to the site, for the popup and the fixture server', () => {
      for (const h of site.hosts) {
        expect(siteOfHost(h)).toBe(platform);
        expect(siteOfUrl(`https://${h}/some/path`)).toBe(platform);
        expect(SITE_HOSTS[h]).toBe(platform);
      }
    });

    it('profile URLs on its profile hosts are read as its accounts', () => {
      for (const h of site.profileHosts) {
        expect(PROFILE_HOSTS.get(h)).toBe(platform);
        const parsed = parseUrl(`https://www.${h}/@someone`);
        const got = parsed ? handleFromUrl(parsed) : null;
        expect(got?.platform).toBe(platform);
      }
    });
  });

  it('no other file keeps its own list of a site’s hosts', () => {
    const offenders: string[] = [];
    const dirs = ['lib', 'components', 'entrypoints'];
    for (const d of dirs) {
      for (const f of files(join(ROOT, d))) {
        if (!/\.(ts|tsx)$/.test(f) || f.endsWith('registry.ts')) continue;
        const src = readFileSync(f, 'utf8');
        // a literal host list: two or more quoted hostnames of one site in one array
        if (
          /\[\s*'(?:www\.|m\.|web\.)?(?:facebook|instagram|tiktok|youtube|threads|twitter|x)\.(?:com|net)',\s*'/.test(
            src,
          )
        )
          offenders.push(f.slice(ROOT.length + 1));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('unknown hosts belong to no site', () => {
    expect(siteOfHost('example.com')).toBeNull();
    expect(siteOfUrl('https://notfacebook.com/')).toBeNull();
    expect(siteOfUrl('not a url')).toBeNull();
  });
});
