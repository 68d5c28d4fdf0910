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
import { SITES as REGISTRY } from '../sites/registry';

/**
 * One site's link rules. Each site's rules are their own export, so a site's content script
 * carries only its own (lib/guard/runtime.ts gets them from its entry point); extension pages and
 * the log use the whole table through {@link storedLink}.
 */
export interface SiteLinks {
  /** hosts of the site, lowercase */
  hosts: readonly string[];
  /** the host stored */
  canonical: string;
  /**
   * rewrites that need the query (or the host); return a full URL, '' (store nothing) or undefined
   * (keep the path)
   */
  fromQuery?(path: string, q: URLSearchParams, host: string): string | undefined;
  /** trim a path to its permalink part */
  trim?(path: string): string;
}

const FB_NUM = /^\d{1,25}$/;
const FB_STORY = /^[\w.-]{1,100}$/;
const YT_ID = /^[\w-]{11}$/;

export const FACEBOOK_LINKS: SiteLinks = {
  hosts: REGISTRY.facebook.hosts,
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
    if (['/photo.php', '/photo', '/watch', '/video.php', '/l.php', '/share.php', '/sharer.php'].includes(p)) return '';
    return undefined;
  },
};

export const INSTAGRAM_LINKS: SiteLinks = { hosts: REGISTRY.instagram.hosts, canonical: 'www.instagram.com' };

export const X_LINKS: SiteLinks = {
  hosts: REGISTRY.x.hosts,
  canonical: 'x.com',
  // `/user/status/123/photo/1`, `/user/status/123/analytics` → the post itself
  trim: (path) => /^\/[\w]{1,50}\/status\/\d{1,25}/.exec(path)?.[0] ?? path,
};

export const TIKTOK_LINKS: SiteLinks = { hosts: REGISTRY.tiktok.hosts, canonical: 'www.tiktok.com' };

export const YOUTUBE_LINKS: SiteLinks = {
  hosts: REGISTRY.youtube.hosts.concat('youtu.be'),
  canonical: 'www.youtube.com',
  fromQuery(path, q, host) {
    // youtu.be/ID is YouTube's own short link: keep exactly the id
    if (host === 'youtu.be') {
      const id = path.slice(1);
      return YT_ID.test(id) ? `https://youtu.be/${id}` : '';
    }
    const p = path.replace(/\/+$/, '').toLowerCase();
    if (p === '/watch') {
      const v = q.get('v') ?? '';
      return YT_ID.test(v) ? `https://youtu.be/${v}` : '';
    }
    return undefined;
  },
};

export const THREADS_LINKS: SiteLinks = { hosts: REGISTRY.threads.hosts, canonical: 'www.threads.com' };

// WhatsApp Web has no post permalinks; channel links (on whatsapp.com, not the site's own
// web.whatsapp.com) are the only pages worth opening.
export const WHATSAPP_LINKS: SiteLinks = {
  hosts: ['whatsapp.com', 'www.whatsapp.com'],
  canonical: 'whatsapp.com',
  trim: (path) => (/^\/channel\/[\w-]{1,100}$/.test(path) ? path : ''),
};

/** Every site's link rules, for the pages and the log (a content script takes only its own). */
export const SITE_LINKS: Record<Platform, SiteLinks> = {
  facebook: FACEBOOK_LINKS,
  instagram: INSTAGRAM_LINKS,
  x: X_LINKS,
  tiktok: TIKTOK_LINKS,
  youtube: YOUTUBE_LINKS,
  threads: THREADS_LINKS,
  whatsapp: WHATSAPP_LINKS,
};

/** The longest link stored. */
export const MAX_LINK = 2048;

/**
 * The link to store for an entry of `site`, or undefined when `raw` is not a permalink of that
 * site. Never keeps a query string or a fragment.
 */
export function storedLink(site: Platform, raw: unknown): string | undefined {
  const rules = SITE_LINKS[site];
  return rules ? linkBy(rules, raw) : undefined;
}

/** {@link storedLink} with one site's rules: what a content script computes for its own site. */
export function linkBy(rules: SiteLinks, raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 8192) return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return undefined;
  const host = u.hostname.toLowerCase();
  if (!rules.hosts.includes(host)) return undefined;
  const rewritten = rules.fromQuery?.(u.pathname, u.searchParams, host);
  if (rewritten === '') return undefined;
  if (rewritten) return rewritten;
  const path = rules.trim ? rules.trim(u.pathname) : u.pathname;
  if (!path || path === '/') return undefined;
  const out = `https://${rules.canonical}${path}`;
  return out.length <= MAX_LINK ? out : undefined;
}
