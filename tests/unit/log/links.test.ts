import { describe, expect, it } from 'vitest';
import { postKey } from '../../../lib/guard/local-state';
import type { Platform } from '../../../lib/list/types';
import { linkBy, SITE_LINKS, storedLink } from '../../../lib/log/links';
import { checkEntry } from '../../../lib/log/queries';
import type { LogEntryInput } from '../../../lib/log/types';

/** site, page-given link, what is stored */
const KEEP = [
  ['x', 'https://x.com/prabowo/status/123?s=20&t=abcDEF', 'https://x.com/prabowo/status/123'],
  ['x', 'https://twitter.com/prabowo/status/123/photo/1#m', 'https://x.com/prabowo/status/123'],
  ['x', 'https://mobile.x.com/prabowo', 'https://x.com/prabowo'],
  [
    'facebook',
    'https://www.facebook.com/prabowo/posts/pfbid0abc?__cft__[0]=AZX&__tn__=%2CO%2CP-R',
    'https://www.facebook.com/prabowo/posts/pfbid0abc',
  ],
  [
    'facebook',
    'https://m.facebook.com/permalink.php?story_fbid=pfbid02xy&id=100044',
    'https://www.facebook.com/100044/posts/pfbid02xy',
  ],
  ['facebook', 'https://web.facebook.com/profile.php?id=100044&sk=about', 'https://www.facebook.com/100044'],
  [
    'facebook',
    'https://www.facebook.com/groups/123/permalink/456/?comment_id=7',
    'https://www.facebook.com/groups/123/permalink/456/',
  ],
  ['instagram', 'https://www.instagram.com/p/Cx1Yz/?igsh=MTc4', 'https://www.instagram.com/p/Cx1Yz/'],
  [
    'tiktok',
    'https://www.tiktok.com/@kandidat/video/7301?is_from_webapp=1&sender_device=pc',
    'https://www.tiktok.com/@kandidat/video/7301',
  ],
  ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=Ugz&si=track', 'https://youtu.be/dQw4w9WgXcQ'],
  ['youtube', 'https://youtu.be/dQw4w9WgXcQ?si=track', 'https://youtu.be/dQw4w9WgXcQ'],
  ['youtube', 'https://m.youtube.com/shorts/dQw4w9WgXcQ?feature=share', 'https://www.youtube.com/shorts/dQw4w9WgXcQ'],
  ['threads', 'https://www.threads.net/@kandidat/post/C1a2?xmt=AQ', 'https://www.threads.com/@kandidat/post/C1a2'],
  ['whatsapp', 'https://whatsapp.com/channel/0029VaAbc', 'https://whatsapp.com/channel/0029VaAbc'],
] as const;

/** site, page-given link that is not stored, why */
const DROP = [
  ['x', 'https://evil.example/prabowo/status/1', 'another site'],
  ['x', 'https://www.facebook.com/prabowo/posts/1', "another guarded site's link"],
  ['facebook', 'https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.example', 'the link shim'],
  ['facebook', 'https://www.facebook.com/photo.php?fbid=1&set=a.2', 'identity only in the query'],
  ['facebook', 'https://www.facebook.com/permalink.php?story_fbid=1', 'permalink.php without id'],
  ['facebook', 'https://www.facebook.com/?sk=h_chr', 'no page (the feed)'],
  ['youtube', 'https://www.youtube.com/watch?v=short', 'not a video id'],
  ['x', 'http://x.com/prabowo/status/1', 'not HTTPS'],
  ['x', 'https://user:pw@x.com/prabowo/status/1', 'credentials'],
  ['x', 'https://x.com:8443/prabowo/status/1', 'a port'],
  ['x', 'javascript:alert(1)', 'a script'],
  ['whatsapp', 'https://web.whatsapp.com/', 'WhatsApp Web (no post links)'],
  ['x', 'not a url', 'junk'],
] as const;

describe('stored post links: same-site permalinks, no query string, no fragment', () => {
  it.each(KEEP)('%s: %s → %s', (site, raw, stored) => {
    expect(storedLink(site, raw)).toBe(stored);
  });

  it.each(DROP)('%s: %s is not stored (%s)', (site, raw, _why) => {
    expect(storedLink(site, raw)).toBeUndefined();
  });

  it('is applied when an entry is written (and imported)', () => {
    const base: LogEntryInput = {
      site: 'x',
      action: 'like',
      decision: 'proceeded',
      tickets: ['pilpres-2024/2'],
      ticketLabels: [],
      electionIds: [],
      strength: 'account',
      stage: 'calon',
      evidence: [],
    };
    expect(checkEntry({ ...base, url: 'https://x.com/a/status/1?s=20#x' }).url).toBe('https://x.com/a/status/1');
    expect(checkEntry({ ...base, url: 'https://evil.example/a/status/1' })).not.toHaveProperty('url');
    expect(checkEntry({ ...base, url: 'javascript:alert(1)' })).not.toHaveProperty('url');
  });
});

describe("one site's link rules (what its content script carries) agree with the full table", () => {
  const raws = [...KEEP, ...DROP].map((c) => c[1]);
  const sites = Object.keys(SITE_LINKS) as Platform[];
  it('covers every site', () => {
    expect(sites.sort()).toEqual(['facebook', 'instagram', 'threads', 'tiktok', 'whatsapp', 'x', 'youtube']);
  });
  it.each(sites)('%s: every test link gives the same stored link and dismissal key', (site) => {
    for (const raw of raws) {
      const full = storedLink(site, raw);
      expect(linkBy(SITE_LINKS[site], raw)).toBe(full);
      expect(postKey(SITE_LINKS[site], raw)).toBe(full ? `post:${full}` : null);
    }
  });
});
