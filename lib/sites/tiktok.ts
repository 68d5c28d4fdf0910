/**
 * TikTok (www.tiktok.com, m.tiktok.com). TikTok's `data-e2e` test hooks are the same in every UI
 * language and are the primary hooks. Feed surfaces use `like-icon`, the detail/"browse" view
 * `browse-like-icon`, other builds `feed-*` / `browser-mode-*`: suffix selectors (`$=`) cover all
 * of them. Hashed class names (`css-xxxx-DivVideoDetailContainer`) only appear as substring
 * fallbacks. aria-labels are EN only (the Indonesian ones are unverified) and serve as last
 * fallbacks.
 *
 * Comments: the comment icon of a video opens its comments; on the For You page they open in a
 * sidebar outside the feed item, so the comment box finds its video as the feed item most in view,
 * else the one whose comment icon was used last.
 */
import type { AccountRef } from '../match/types';
import { type SiteCode, type SiteModule, siteModule, type SiteRules } from './types';
import { SITES } from './registry';

export const TIKTOK_HOSTS = SITES.tiktok.hosts;

/** `/@handle`, handle `[A-Za-z0-9_.]{2,24}`. Anything not starting with `@` is an app route. */
const HANDLE_RE = /^@([A-Za-z0-9_.]{2,24})$/;

export const tiktokRules: SiteRules = {
  site: 'tiktok',
  version: 2,
  actions: [
    {
      kind: 'like',
      // The whole button, not only its icon: a click on the count next to the heart likes too.
      selectors: [
        'button:has([data-e2e$="like-icon"])',
        '[data-e2e$="like-icon"]',
        '[data-e2e$="like-count"]',
        '[role="button"]:has([data-e2e$="like-icon"])',
        // A comment's heart without a hook of its own: the block that holds its like count.
        'div:has(> [data-e2e="comment-like-count"])',
      ],
      // EN "Like video …"; the Indonesian label is unverified, so tests never rely on it.
      labels: { attr: 'aria-label', en: ['like video'], id: ['sukai video'], match: 'prefix', closest: 'button' },
    },
    // Double-tap on the video likes it (For You feed and detail view). Gesture-only: a single
    // click on the video pauses it and is never held.
    {
      kind: 'like',
      selectors: [
        '[data-e2e="feed-video"]',
        '[data-e2e="browse-video"]',
        '[data-e2e="recommend-list-item-container"] video',
        '[class*="DivVideoPlayerContainer"]',
      ],
      gestures: ['dblclick'],
    },
    // Reply to a comment (opens the reply box under it; the box itself is a composer).
    { kind: 'comment', selectors: ['[data-e2e^="comment-reply-"]'] },
    // The comment icon of a video (feed, browse view, video page) opens its comments.
    {
      kind: 'comment',
      selectors: [
        'button:has([data-e2e$="comment-icon"])',
        '[data-e2e$="comment-icon"]',
        '[data-e2e$="comment-count"]',
        '[role="button"]:has([data-e2e$="comment-icon"])',
      ],
    },
    // The share icon opens the share panel (repost, send to friends, copy link, other apps); the
    // panel also opens on hover, so its Repost item is guarded on its own.
    {
      kind: 'share',
      selectors: [
        'button:has([data-e2e$="share-icon"])',
        '[data-e2e$="share-icon"]',
        '[data-e2e$="share-count"]',
        '[role="button"]:has([data-e2e$="share-icon"])',
      ],
    },
    {
      kind: 'share',
      // "Remove repost" is the undo and is not held.
      selectors: [
        '[data-e2e="video-share-repost"]',
        'a#icon-element-repost:not([aria-label="Remove repost"])',
        '[data-e2e="share-repost"]',
        // The other ways out of the share panel: send to a friend, WhatsApp, Facebook, X, embed.
        '[data-e2e^="video-share-"]',
      ],
    },
    // Follow buttons on a feed item or the detail view follow that video's author…
    {
      kind: 'follow',
      selectors: [
        '[data-e2e="feed-follow"]',
        '[data-e2e="browse-follow"]',
        '[data-e2e="recommend-list-item-container"] [data-e2e="follow-button"]',
        '[data-e2e="video-detail"] [data-e2e="follow-button"]',
        '[class*="DivVideoDetailContainer"] [data-e2e="follow-button"]',
      ],
    },
    // …the one on a profile page follows the page's account.
    { kind: 'follow', selectors: ['button[data-e2e="follow-button"]', '[data-e2e="follow-button"]'], about: 'page' },
  ],
  containers: [
    {
      // Each comment and each reply has its own item wrapper (replies nest inside the top-level
      // comment's object wrapper, and the innermost container wins).
      scope: 'comment',
      selectors: [
        '[class*="DivCommentItemWrapper"]',
        '[class*="DivCommentObjectWrapper"]',
        '[class*="DivCommentItemContainer"]',
        '[class*="DivCommentContentContainer"]',
      ],
      author: [
        'a[data-e2e^="comment-avatar-"][href]',
        'a[href^="/@"]:has([data-e2e^="comment-username-"])',
        'a[href^="/@"]',
      ],
      text: ['[data-e2e^="comment-level-"]'],
    },
    {
      scope: 'post',
      selectors: [
        '[data-e2e="recommend-list-item-container"]',
        '[data-e2e="video-detail"]',
        '[class*="DivBrowserModeContainer"]',
        // A video's own page (/@user/video/<id>): the video, its author, its comments.
        '[class*="DivVideoDetailContainer"]',
        '[class*="DivItemContainer"]',
      ],
      author: [
        'a[data-e2e="video-author-avatar"][href]',
        'a[data-e2e="browse-user-avatar"][href]',
        'a[href^="/@"]:has([data-e2e="video-author-uniqueid"], [data-e2e="browse-username"])',
        'a[href^="/@"]',
      ],
      text: ['[data-e2e="video-desc"]', '[data-e2e="browse-video-desc"]'],
      alt: ['[data-e2e="video-desc"] img[alt]'],
      permalink: ['a[href*="/video/"]', 'a[href*="/photo/"]'],
    },
  ],
  composers: [
    {
      inputs: [
        '[data-e2e="comment-input"] [contenteditable="true"]',
        '[data-e2e="comment-input"]',
        '[data-e2e="comment-text"]',
      ],
      submits: ['[data-e2e="comment-post"]'],
      // Enter sends a TikTok comment (Shift+Enter is a new line).
      enterSubmits: true,
      // The comment panel sits beside the video, not inside its container.
      context: ['[data-e2e="video-detail"]', '[class*="DivBrowserModeContainer"]'],
      // For You: the sidebar serves whichever feed item is on screen (it follows the scroll).
      owner: { inView: ['[data-e2e="recommend-list-item-container"]'], opener: true },
    },
  ],
  // `L` likes on the web (low confidence): it only resolves when focus is inside an item.
  shortcuts: [{ key: 'l', kind: 'like' }],
  // The person's own video or photo post: TikTok Studio's upload page (/tiktokstudio/upload), whose
  // caption is a Draft.js editor in `caption_container`; `post_video_button` publishes.
  postComposers: [
    {
      inputs: ['[data-e2e="caption_container"] [contenteditable="true"]'],
      submits: ['button[data-e2e="post_video_button"]', '[data-e2e="post_video_button"]'],
    },
  ],
};

function handleFromPath(pathname: string): string | null {
  const first = pathname.split('/')[1] ?? '';
  let seg = first;
  try {
    seg = decodeURIComponent(first);
  } catch {
    /* keep it raw */
  }
  const m = HANDLE_RE.exec(seg);
  return m?.[1] ? m[1].toLowerCase() : null;
}

function parse(href: string, base: string): URL | null {
  try {
    const url = new URL(href, base);
    return TIKTOK_HOSTS.includes(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

/** The site's code: all its content script bundles (its rules arrive as data, lib/site-rules/in-effect.ts). */
export const tiktokCode: SiteCode = {
  /** `/@handle`, `/@handle/video/<id>`, `/@handle/photo/<id>` all name the account. */
  accountFromHref(href: string, base: string): AccountRef | null {
    const url = parse(href, base);
    const handle = url ? handleFromPath(url.pathname) : null;
    return handle ? { platform: 'tiktok', handle } : null;
  },
  /**
   * Only a profile (`/@handle`) belongs to an account. A video page `/@handle/video/<id>` is a
   * post: naming its author as the page would flag every comment under it, and a comment by an
   * ordinary user must be judged on its own.
   */
  pageAccount(href: string): AccountRef | null {
    const path = parse(href, href)?.pathname ?? '';
    if (path.replace(/\/+$/, '').split('/').length !== 2) return null;
    const handle = handleFromPath(path);
    return handle ? { platform: 'tiktok', handle } : null;
  },
};

/** The rules built in and the code: for the background, the options page, the CLI and tests. */
export const tiktok: SiteModule = siteModule(tiktokRules, tiktokCode);
