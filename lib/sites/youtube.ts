/**
 * YouTube (www.youtube.com watch, Shorts and channel pages; m.youtube.com: the watch page's
 * `ytm-*` renderers and its comments panel, best effort).
 * Custom-element tag names and element ids (`like-button-view-model`, `ytd-reel-video-renderer`,
 * `#share-button`) are identical in every UI language and are the primary hooks. Where a control
 * has none, its place does: under the video, the bar `#top-level-buttons-computed` starts with
 * Like (the 2022 `ytd-toggle-button-renderer`, or the 2024+ segmented like/dislike), and its first
 * plain button after them is Share. aria-labels (EN, ID unverified) are the last fallback.
 *
 * The comment box starts as a placeholder ("Add a comment…", a focusable `role=textbox`) that
 * turns into the real editor when focused: both are the comment box.
 *
 * Post vs comment: comments (`ytd-comment-view-model`) come before the video containers, so a
 * comment's Like or Reply is the comment's, not the video's.
 */
import type { AccountRef } from '../match/types';
import { type SiteCode, type SiteModule, siteModule, type SiteRules } from './types';
import { SITES } from './registry';

export const YOUTUBE_HOSTS = SITES.youtube.hosts;

/** `@handle`: `[\w.-]{3,30}`. */
const HANDLE_RE = /^@([\w.-]{3,30})$/u;
/**
 * `UC` + 22 characters on the live site. Accept a little less and more: this is only a lookup key,
 * and a channel id a list carries in another length (the e2e test list uses 21) should still match.
 */
const CHANNEL_ID_RE = /^UC[\w-]{16,30}$/;

export const youtubeRules: SiteRules = {
  site: 'youtube',
  version: 2,
  actions: [
    {
      kind: 'like',
      // Watch and Shorts (2024+ view models), older segmented button, comments, m.youtube.
      selectors: [
        'like-button-view-model button',
        '#segmented-like-button button',
        '#like-button button',
        'ytm-like-button-renderer button',
        // 2022: the first toggle of the bar under the video (the second is Dislike).
        '#top-level-buttons-computed > ytd-toggle-button-renderer:first-of-type button',
      ],
      // EN "like this video along with 1,234 other people"; ID unverified.
      labels: {
        attr: 'aria-label',
        en: ['like this video', 'like this comment'],
        id: ['sukai video ini', 'sukai komentar ini'],
        match: 'prefix',
        closest: 'button',
      },
    },
    // Reply to a comment: opens the reply box inside that comment.
    {
      kind: 'comment',
      selectors: [
        'ytd-comment-engagement-bar #reply-button-end button',
        '#reply-button-end button',
        // 2022: a paper button.
        '#reply-button-end [role="button"]',
      ],
    },
    {
      kind: 'share',
      selectors: [
        '#share-button button',
        // The first plain button after Like/Dislike under the video (2024+ and 2022 markup).
        '#top-level-buttons-computed > yt-button-view-model:first-of-type button',
        'ytd-video-primary-info-renderer #top-level-buttons-computed > ytd-button-renderer:first-of-type button',
        // m.youtube: the first button after the like/dislike pair in the action bar.
        'ytm-slim-video-action-bar-renderer ytm-segmented-like-dislike-button-renderer + ytm-button-renderer button',
        'yt-button-view-model button[aria-label^="share" i]',
        'ytd-button-renderer button[aria-label^="share" i]',
      ],
      labels: { attr: 'aria-label', en: ['share'], id: ['bagikan'], closest: 'button' },
    },
    // Subscribe under a video or on a Short subscribes to that video's channel…
    {
      kind: 'follow',
      selectors: [
        'ytd-watch-metadata yt-subscribe-button-view-model button',
        'ytd-watch-metadata ytd-subscribe-button-renderer:not([subscribed]) button',
        'ytd-reel-video-renderer yt-subscribe-button-view-model button',
        'ytm-slim-owner-renderer ytm-subscribe-button-renderer button',
        // 2022: the owner row below the video.
        'ytd-video-secondary-info-renderer #subscribe-button :is(button, [role="button"])',
      ],
    },
    // …in a channel header it subscribes to the page's channel.
    {
      kind: 'follow',
      selectors: [
        'yt-subscribe-button-view-model button',
        'ytd-subscribe-button-renderer:not([subscribed]) button',
        'ytm-subscribe-button-renderer button',
        '#subscribe-button button',
      ],
      about: 'page',
    },
  ],
  containers: [
    {
      scope: 'comment',
      selectors: ['ytd-comment-view-model', 'ytd-comment-renderer', 'ytm-comment-renderer'],
      author: ['a#author-text[href]', '#header-author a[href]', 'a[href^="/@"]', 'a[href^="/channel/"]'],
      text: ['#content-text', '.comment-text'],
      permalink: ['#published-time-text a[href]', 'a[href*="&lc="]'],
    },
    {
      // The Short the control sits in; on a watch page the whole flexy, so that the comment box
      // below the video (inside ytd-comments, outside ytd-watch-metadata) still finds the video.
      scope: 'post',
      selectors: ['ytd-reel-video-renderer', 'ytd-watch-flexy', 'ytd-watch-metadata', 'ytm-watch'],
      author: [
        'ytd-video-owner-renderer a[href]',
        'yt-reel-channel-bar-view-model a[href]',
        'ytd-reel-player-overlay-renderer #channel-name a[href]',
        'a.slim-owner-icon-and-title[href]',
      ],
      text: [
        'ytd-watch-metadata #title',
        'ytd-video-primary-info-renderer h1',
        '.ytShortsVideoTitleViewModelShortsVideoTitle',
        'ytd-reel-player-overlay-renderer #video-title',
        '.slim-video-information-title',
      ],
      permalink: ['link[itemprop="url"]', 'a.ytp-title-link[href]', 'a[href^="/shorts/"]'],
    },
  ],
  composers: [
    {
      inputs: [
        'ytd-commentbox #contenteditable-root',
        '#contenteditable-root[contenteditable="true"]',
        // "Add a comment…": the placeholder that opens the editor.
        'ytd-comment-simplebox-renderer #simplebox-placeholder',
        'ytd-comment-simplebox-renderer #placeholder-area',
        // m.youtube: the comment box of the comments panel (best guess at its markup).
        'ytm-commentbox textarea',
      ],
      submits: [
        'ytd-commentbox #submit-button button',
        'ytd-commentbox #submit-button',
        'ytm-commentbox ytm-button-renderer button',
      ],
      // Ctrl/Cmd+Enter sends; Enter alone is a new line.
      enterSubmits: false,
      // The Shorts comment panel is outside the reel: it belongs to the ACTIVE Short.
      // m.youtube's comments panel (an engagement panel outside ytm-watch) belongs to the video.
      context: ['ytd-reel-video-renderer[is-active]', 'ytd-watch-flexy:not([hidden])', 'ytm-watch'],
    },
  ],
  // The person's own community post (a channel's Posts tab, or Create → Create post): a comment box
  // inside `ytd-backstage-post-dialog-renderer`, with its own Post button.
  postComposers: [
    {
      inputs: ['ytd-backstage-post-dialog-renderer #contenteditable-root'],
      submits: [
        'ytd-backstage-post-dialog-renderer #submit-button button',
        'ytd-backstage-post-dialog-renderer #submit-button',
      ],
      scope: ['ytd-backstage-post-dialog-renderer'],
    },
  ],
};

function parse(href: string, base: string): URL | null {
  try {
    const url = new URL(href, base);
    return YOUTUBE_HOSTS.includes(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `/@handle`, `/channel/UC…`, `/c/<name>`, `/user/<name>`, with any tab after it (`/videos`). */
function channelOf(url: URL): AccountRef | null {
  const [first = '', second = ''] = url.pathname.split('/').slice(1).map(decode);
  const handle = HANDLE_RE.exec(first)?.[1];
  if (handle) return { platform: 'youtube', handle: handle.toLowerCase() };
  if (first === 'channel' && CHANNEL_ID_RE.test(second)) return { platform: 'youtube', id: second };
  // Legacy custom and user URLs are not @handles: compare them as canonical URLs.
  if ((first === 'c' || first === 'user') && second) {
    return { platform: 'youtube', url: `https://www.youtube.com/${first}/${encodeURIComponent(second)}` };
  }
  return null;
}

/** The site's code: all its content script bundles (its rules arrive as data, lib/site-rules/in-effect.ts). */
export const youtubeCode: SiteCode = {
  accountFromHref(href: string, base: string): AccountRef | null {
    const url = parse(href, base);
    return url ? channelOf(url) : null;
  },
  /**
   * Channel pages only. A watch or Shorts page is a video: its channel is the video's author
   * (read from the owner link), not the page's, so comments under it are judged on their own.
   */
  pageAccount(href: string): AccountRef | null {
    const url = parse(href, href);
    return url ? channelOf(url) : null;
  },
};

/** The rules built in and the code: for the background, the options page, the CLI and tests. */
export const youtube: SiteModule = siteModule(youtubeRules, youtubeCode);
