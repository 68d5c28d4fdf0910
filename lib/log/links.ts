/**
 * The post link kept in the history, decided at write time: only a permalink on the entry's own
 * site, over HTTPS, with no query string and no fragment. A link the page chose (an item's `href`,
 * the tab's URL) can carry the viewer's tracking parameters (`__cft__`, `igsh`, `s`/`t`, `si`…) and
 * can point anywhere; what is stored can only open the post (or profile) on its site.
 *
 * Per site: the host must be one of the site's own; it is written in one canonical form; the few
 * permalinks whose identity lives in the query are rewritten into their path form (Facebook's
 * `permalink.php?story_fbid=…&id=…` → `/<id>/posts/<story_fbid>`, `profile.php?id=N` → `/N`,
 * YouTube's `watch?v=ID` → `https://youtu.be/ID`, YouTube's own short link); any other link whose
 * meaning needs its query, or that names no page (`/`), is not stored at all.
 */
import type { Platform } from '../list/types';

interface SiteLinks {
  /** hosts of the site, lowercase */
  hosts: readonly string[];
  /** the host stored */
  canonical: string;
  /** path rewrites that need the query; return a full URL, '' (store nothing) or undefined (keep the path) */
  fromQuery?(path: string, q: URLSearchParams): string | undefined;
  /** trim a path to its permalink part */
  trim?(path: string): string;
}

const FB_NUM = /^\d{1,25}$/;
const FB_STORY = /^[\w.-]{1,100}$/;
const YT_ID = /^[\w-]{11}$/;

const SITES: Record<Platform, SiteLinks> = {
  facebook: {
    hosts: [
      'www.facebook.com',
      'facebook.com',
      'web.facebook.com',
      'm.facebook.com',
      'mbasic.facebook.com',
      'touch.facebook.com',
    ],
    canonical: 'www.facebook.com',
    fromQuery(path, q) {
      const p = path.replace(/\/+$/, '').toLowerCase();
      if (p === '/permalink.php' || p === '/story.php') {
        const story = q.get('story_fbid') ?? '';
        const id = q.get('id') ?? '';
        return FB_STORY.test(story) && FB_NUM.test(id) ? `https://www.facebook.com/${id}/posts/${story}` : '';
      }
      if (p === '/profile.php') {
        const id = q.get('id') ?? '';
        return FB_NUM.test(id) ? `https://www.facebook.com/${id}` : '';
      }
      // identity in the query, and no path form we can vouch for
      if (['/photo.php', '/photo', '/watch', '/video.php', '/l.php', '/share.php', '/sharer.php'].includes(p))
        return '';
      return undefined;
    },
  },
  instagram: { hosts: ['www.instagram.com', 'instagram.com', 'm.instagram.com'], canonical: 'www.instagram.com' },
  x: {
    hosts: ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
    canonical: 'x.com',
    // `/user/status/123/photo/1`, `/user/status/123/analytics` → the post itself
    trim: (path) => /^\/[\w]{1,50}\/status\/\d{1,25}/.exec(path)?.[0] ?? path,
  },
  tiktok: { hosts: ['www.tiktok.com', 'tiktok.com', 'm.tiktok.com'], canonical: 'www.tiktok.com' },
  youtube: {
    hosts: ['www.youtube.com', 'youtube.com', 'm.youtube.com', 'youtu.be'],
    canonical: 'www.youtube.com',
    fromQuery(path, q) {
      const p = path.replace(/\/+$/, '').toLowerCase();
      if (p === '/watch') {
        const v = q.get('v') ?? '';
        return YT_ID.test(v) ? `https://youtu.be/${v}` : '';
      }
      return undefined;
    },
  },
  threads: {
    hosts: ['www.threads.com', 'threads.com', 'www.threads.net', 'threads.net'],
    canonical: 'www.threads.com',
  },
  // WhatsApp Web has no post permalinks; channel links are the only pages worth opening.
  whatsapp: {
    hosts: ['whatsapp.com', 'www.whatsapp.com'],
    canonical: 'whatsapp.com',
    trim: (path) => (/^\/channel\/[\w-]{1,100}$/.test(path) ? path : ''),
  },
};

/** The longest link stored. */
export const MAX_LINK = 2048;

/**
 * The link to store for an entry of `site`, or undefined when `raw` is not a permalink of that
 * site. Never keeps a query string or a fragment.
 */
export function storedLink(site: Platform, raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 8192) return undefined;
  const rules = SITES[site];
  if (!rules) return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return undefined;
  const host = u.hostname.toLowerCase();
  if (!rules.hosts.includes(host)) return undefined;
  // youtu.be/ID is YouTube's own short link: keep exactly the id
  if (host === 'youtu.be') {
    const id = u.pathname.slice(1);
    return YT_ID.test(id) ? `https://youtu.be/${id}` : undefined;
  }
  const rewritten = rules.fromQuery?.(u.pathname, u.searchParams);
  if (rewritten === '') return undefined;
  if (rewritten) return rewritten;
  const path = rules.trim ? rules.trim(u.pathname) : u.pathname;
  if (!path || path === '/') return undefined;
  const out = `https://${rules.canonical}${path}`;
  return out.length <= MAX_LINK ? out : undefined;
}
