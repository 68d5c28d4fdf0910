/**
 * Instagram (www.instagram.com). Meta exposes no language-neutral test hooks here: the action
 * icons carry only localized aria-labels. So structure comes first and the label tables (EN + ID)
 * last:
 * - a post's action bar is its `section`: Like, Comment, Share are its first three icon buttons
 *   (Repost, when shown, comes before Share; Save is always last);
 * - the feed wraps a post in <article>; a post or reel opened as its own page (2025) has no
 *   <article> and no <header>: the post is the block holding both its action `section` and its
 *   media, its author the first profile link in it;
 * - a comment row is a block with ONE comment permalink (`/p/<code>/c/<id>/` around a <time>) and a
 *   16 px heart (posts use 24 px), in a <li> in older markup;
 * - the text is the caption or comment body: the author's own name link, timestamps and buttons
 *   inside the same elements are not part of it.
 */
import type { AccountRef } from '../match/types';
import { type ActionRule, type SiteCode, type SiteModule, siteModule, type SiteRules } from './types';
import { SITES } from './registry';

export const INSTAGRAM_HOSTS = SITES.instagram.hosts;

/** First path segments that are app routes, not profiles (site routes, plus a few static routes). */
const RESERVED = new Set([
  'p',
  'reel',
  'reels',
  'tv',
  'stories',
  'explore',
  'direct',
  'accounts',
  'about',
  'legal',
  'developer',
  'web',
  'challenge',
  'emails',
  'session',
  'privacy',
  'terms',
  'static',
  'oauth',
]);
const HANDLE_RE = /^[A-Za-z0-9._]{1,30}$/;
/** Second path segments that make /<user>/… a post page, not the profile. */
const POST_SEGMENTS = new Set(['p', 'reel', 'tv']);

/**
 * An innermost clickable that holds an icon labelled `label`. `:not(:has(...))` skips wrappers:
 * a comment row can itself be a role=button around its own like button.
 */
const iconButtons = /* #__NO_SIDE_EFFECTS__ */ (labels: string[], ...more: string[]): string[] => [
  ...labels.flatMap((label) => [
    `[role="button"]:has(svg[aria-label="${label}"]):not(:has([role="button"]))`,
    `button:has(svg[aria-label="${label}"]):not(:has(button))`,
  ]),
  ...more,
];

/**
 * Double-tap on the media likes the post. Gesture-only: it matches `dblclick` alone, so a single
 * click on a photo or video (tags, mute, pause) is never taken for a like.
 */
export const instagramDoubleTap: ActionRule = {
  kind: 'like',
  selectors: ['article img[alt]', 'article video', 'main div[role="presentation"] img', 'main video'],
  gestures: ['dblclick'],
};

/**
 * The icon buttons of a post's action bar, in order (wrappers holding another button are skipped).
 * The comment form sits in a `section` of its own, whose emoji button is no action.
 */
const BAR_ITEM =
  '[role="button"]:has(svg[height="24"]):not(:has([role="button"])), button:has(svg[height="24"]):not(:has(button))';
const inBar = (index: number) => ({ bar: 'section:not(:has(form))', item: BAR_ITEM, index });

/**
 * A comment row of the 2025 markup: a comment permalink with its time and a 16 px heart, and no
 * action bar (the nearest such block around a control is its row).
 */
// `:not(:has(section))` first: it rejects the feed's wrappers at their first post instead of
// searching all of them for a comment link (closest() tests every ancestor; same rows match).
const COMMENT_ROW =
  'div:not(:has(section)):has(svg[height="16"]):has(a[href*="/c/"] time):not(:has(a[href*="/c/"] ~ a[href*="/c/"]))';

export const instagramRules: SiteRules = {
  site: 'instagram',
  version: 2,
  actions: [
    // "Unlike"/"Batal Suka" (already liked) are not matched: un-liking endorses nothing.
    {
      kind: 'like',
      selectors: iconButtons(
        ['Like', 'Suka'],
        // A comment row's heart, whatever its label says.
        `ul li [role="button"]:has(svg[height="16"]):not(:has([role="button"]))`,
        `${COMMENT_ROW} [role="button"]:has(svg[height="16"]):not(:has([role="button"]))`,
      ),
      position: inBar(0),
      labels: { attr: 'aria-label', en: ['Like'], id: ['Suka'], closest: '[role="button"],button' },
    },
    instagramDoubleTap,
    {
      kind: 'comment',
      selectors: iconButtons(['Comment', 'Komentar']),
      position: inBar(1),
      labels: { attr: 'aria-label', en: ['Comment'], id: ['Komentar'], closest: '[role="button"],button' },
    },
    // "Reply" under a comment starts a reply to that comment. In a 2025 comment row it is the first
    // text-only button without a count (the optional "7 likes" before it holds a digit, the optional
    // "See translation" comes after it); the labels are the fallback (the ID "Balas" is unverified).
    {
      kind: 'comment',
      selectors: [],
      position: { bar: COMMENT_ROW, item: '[role="button"]:not(:has(svg, img))', index: 0, noDigits: true },
      labels: { attr: 'text', en: ['Reply'], id: ['Balas'], closest: '[role="button"],button' },
    },
    // Share opens the send sheet, Repost (2025+) reposts at once: both are sharing the post.
    {
      kind: 'share',
      selectors: iconButtons(['Share', 'Repost', 'Bagikan']),
      position: inBar(2),
      labels: {
        attr: 'aria-label',
        en: ['Share', 'Share Post', 'Share Reel', 'Repost'],
        id: ['Bagikan', 'Posting ulang'],
        closest: '[role="button"],button',
      },
    },
    // The icon before Save (always last) is Share, also where Repost pushes it to fourth place.
    // Like and Comment are matched first, so a bar without Save never reaches this rule wrongly.
    { kind: 'share', selectors: [], position: inBar(-2) },
    // A text-only button in a post header is its "Follow" (the header's other button is the
    // "More options" icon); it follows that post's author, so it is the item's, not the page's.
    // Without <header> (2025 post pages) the header is the block the first <hr> closes.
    {
      kind: 'follow',
      selectors: [
        'article header [role="button"]:not(:has(svg))',
        'article header button:not(:has(svg))',
        'main div:has(+ hr) [role="button"]:not(:has(svg, img, canvas))',
      ],
    },
    // The profile header's Follow acts on the page's account.
    {
      kind: 'follow',
      selectors: [],
      about: 'page',
      labels: {
        attr: 'text',
        en: ['Follow', 'Follow Back'],
        id: ['Ikuti', 'Ikuti Balik'],
        closest: 'button,[role="button"]',
      },
    },
  ],
  containers: [
    // A comment row is the list item holding a 16 px heart; the caption row (the author's own
    // text, shown first in the list) has no heart and stays part of the post.
    {
      scope: 'comment',
      selectors: ['ul li:has(svg[height="16"])', 'li:has(svg[width="16"])', COMMENT_ROW],
      author: ['h3 a[href]', 'a[href][role="link"]', 'a[href]'],
      text: ['span[dir="auto"]', 'div[dir="auto"]'],
      textSkip: ['time', '[role="button"]'],
      textSkipAuthor: true,
    },
    {
      scope: 'post',
      // Feed and the /p/ modal use <article>; a post or reel opened as its own page renders plain
      // divs: the nearest one holding both the action bar and the media.
      selectors: [
        'article',
        'main div:has(header):has(section):has(form textarea)',
        'main div:has(section):has(video, div[role="presentation"])',
      ],
      author: ['header a[href][role="link"]', 'header a[href]', 'a[href][role="link"]', 'a[href]'],
      // The caption: its row holds the author's name and a <time>, then the text.
      text: ['h1[dir="auto"]', 'span[dir="auto"]:has(time)', 'span[dir="auto"]'],
      textSkip: ['time', '[role="button"]'],
      textSkipAuthor: true,
      alt: ['img[alt][style*="object-fit"]', 'div[role="presentation"] img[alt]'],
      permalink: ['a[href*="/p/"]', 'a[href*="/reel/"]'],
    },
  ],
  composers: [
    {
      // The comment form holds the only textarea of a post; the labels are fallbacks.
      inputs: [
        'form textarea',
        'textarea[aria-label="Add a comment…"]',
        'textarea[aria-label="Tambahkan komentar…"]',
        'form div[contenteditable="true"][role="textbox"]',
      ],
      // "Post"/"Kirim" is the form's only text-only button (the other one is the emoji icon).
      submits: ['form [role="button"]:not(:has(svg))', 'form button[type="submit"]'],
      enterSubmits: true,
    },
  ],
  // The person's own post or reel: the create dialog's caption ("Write a caption..." / "Tulis
  // keterangan..."). Its "Share"/"Bagikan" button in the dialog's header has no hook but its text,
  // and counts only beside a caption box (a feed's Share icon has none).
  postComposers: [
    {
      inputs: [
        '[role="dialog"] [contenteditable="true"][aria-label^="Write a caption"]',
        '[role="dialog"] [contenteditable="true"][aria-label^="Tulis keterangan"]',
        '[role="dialog"] textarea[aria-label^="Write a caption"]',
        '[role="dialog"] textarea[aria-label^="Tulis keterangan"]',
      ],
      submits: [],
      submitLabels: { attr: 'text', en: ['Share'], id: ['Bagikan'], closest: '[role="button"],button' },
      scope: ['[role="dialog"]'],
    },
  ],
};

function handleFromPath(pathname: string): string | null {
  const first = pathname.split('/')[1] ?? '';
  if (!first || RESERVED.has(first.toLowerCase()) || !HANDLE_RE.test(first)) return null;
  return first.toLowerCase();
}

/** The site's code: all its content script bundles (its rules arrive as data, lib/site-rules/in-effect.ts). */
export const instagramCode: SiteCode = {
  accountFromHref(href: string, base: string): AccountRef | null {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return null;
    }
    if (!INSTAGRAM_HOSTS.includes(url.hostname)) return null;
    const handle = handleFromPath(url.pathname);
    return handle ? { platform: 'instagram', handle } : null;
  },
  /**
   * Only profiles (/<user>/, /<user>/reels/, /<user>/tagged/) belong to an account. A post page
   * (/p/<code>/, /<user>/p/<code>/) does not: the page account is evidence for every action on the
   * page, and a reply by someone else under a candidate's post must be judged on its own.
   */
  pageAccount(href: string): AccountRef | null {
    let path: string;
    try {
      path = new URL(href).pathname;
    } catch {
      return null;
    }
    if (POST_SEGMENTS.has((path.split('/')[2] ?? '').toLowerCase())) return null;
    return instagramCode.accountFromHref(href, href);
  },
};

/** The rules built in and the code: for the background, the options page, the CLI and tests. */
export const instagram: SiteModule = siteModule(instagramRules, instagramCode);
