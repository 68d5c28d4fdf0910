/**
 * Each site's content script carries only its own link rules (lib/log/links.ts): its entry point
 * hands lib/guard/runtime.ts the rules of the site it guards, the same object the full table holds
 * for that site, so a dismissed post's key is what the pages and the log compute.
 */
import { describe, expect, it, vi } from 'vitest';
import { runSiteGuard } from '../../lib/guard/runtime';
import { SITE_LINKS } from '../../lib/log/links';

vi.mock('../../lib/guard/runtime', () => ({ runSiteGuard: vi.fn(async () => undefined) }));

const ENTRIES = {
  facebook: () => import('../../entrypoints/facebook.content'),
  instagram: () => import('../../entrypoints/instagram.content'),
  threads: () => import('../../entrypoints/threads.content'),
  tiktok: () => import('../../entrypoints/tiktok.content'),
  whatsapp: () => import('../../entrypoints/whatsapp.content'),
  x: () => import('../../entrypoints/x.content'),
  youtube: () => import('../../entrypoints/youtube.content'),
} as const;

describe('a content script gets its own site’s link rules', () => {
  it('one entry point per site in the table', () => {
    expect(Object.keys(ENTRIES).sort()).toEqual(Object.keys(SITE_LINKS).sort());
  });

  it.each(Object.keys(ENTRIES) as Array<keyof typeof ENTRIES>)('%s', async (name) => {
    const run = vi.mocked(runSiteGuard);
    run.mockClear();
    const entry = (await ENTRIES[name]()).default as unknown as { main(ctx: unknown): void };
    entry.main({ signal: new AbortController().signal });
    expect(run).toHaveBeenCalledTimes(1);
    const [, platform, , , links] = run.mock.calls[0] as unknown as [unknown, string, unknown, unknown, unknown];
    expect(platform).toBe(name);
    expect(links).toBe(SITE_LINKS[name]);
  });
});
