/**
 * Threads (www.threads.com; www.threads.net redirects there). Posts are
 * `div[data-pressable-container="true"]`, there is no <article> and no test id, and the action
 * icons carry only localized aria-labels (English seen in 2024 saved pages, where the reply icon
 * says "Comment"; every Indonesian label is unverified). So each action has its label table AND a
 * language-neutral positional fallback: the action bar is a row of four buttons, always Like,
 * Reply, Repost, Share.
 *
 * The text: a post's header (a "Pinned" badge, the author's name, the time link) precedes its
 * body, which is one `span[dir=auto]` per paragraph; so the body is every such span after the
 * header's <time>, without the author's name and the action bar's counts.
 */
import type { AccountRef } from '../match/types';
import { type SiteCode, type SiteModule, siteModule, type SiteRules } from './types';
import { SITES } from './registry';

export const THREADS_HOSTS = SITES.threads.hosts;

/** `/@handle`: the same handle space as Instagram. */
const HANDLE_SEGMENT_RE = /^@([A-Za-z0-9._]{1,30})$/;

const POST = 'div[data-pressable-container="true"]';

/** The innermost clickable holding an icon labelled `label` (wrappers are skipped). */
const iconButton = /* #__NO_SIDE_EFFECTS__ */ (label: string) =>
  `[role="button"]:has(svg[aria-label="${label}"]):not(:has([role="button"]))`;

/** An item of a portal menu (role=menuitem, or a plain button in some builds) with this icon. */
const menuItem = /* #__NO_SIDE_EFFECTS__ */ (label: string) =>
  `[role="menu"] :is([role="menuitem"], [role="button"]):has(svg[aria-label="${label}"])`;

/**
 * Position `n` (1-based) in a post's action bar: a row with at least four buttons. Liked and
 * reposted states keep their place, so "Unlike"/"Batal suka" is excluded by label where known.
 */
const barButton = /* #__NO_SIDE_EFFECTS__ */ (n: number, more = '') =>
  `${POST} div:has(> [role="button"]:nth-child(4)) > [role="button"]:nth-child(${n})${more}`;
/** `selector` inside a post. */
const inPost = /* #__NO_SIDE_EFFECTS__ */ (selector: string) => `${POST} ${selector}`;

/**
 * The same place where each button sits in a wrapper of its own (as rendered in 2024): the bar is
 * the row of four or more wrappers, its buttons the innermost icon buttons inside it.
 */
const inBar = /* #__NO_SIDE_EFFECTS__ */ (index: number, not?: string) => ({
  bar: `${POST} div:has(> :nth-child(4) > [role="button"])`,
  item: '[role="button"]:has(svg):not(:has([role="button"]))',
  index,
  ...(not ? { not } : {}),
});
const LIKED = ':has(svg[aria-label="Unlike"], svg[aria-label="Batal suka"])';

export const threadsRules: SiteRules = {
  site: 'threads',
  version: 2,
  actions: [
    // The Repost button's menu renders in a portal at the end of <body>; its two items are the
    // actions. They come first: a menu item also holds a "Repost" icon, and must not be taken
    // for the opener.
    {
      kind: 'share',
      selectors: [menuItem('Repost'), menuItem('Quote'), menuItem('Posting ulang'), menuItem('Kutip')],
      portal: true,
    },
    {
      kind: 'like',
      selectors: [
        iconButton('Like'),
        iconButton('Suka'),
        barButton(1, ':not(:has(svg[aria-label="Unlike"])):not(:has(svg[aria-label="Batal suka"]))'),
      ],
      position: inBar(0, LIKED),
      labels: { attr: 'aria-label', en: ['Like'], id: ['Suka'], closest: '[role="button"]' },
    },
    {
      kind: 'comment',
      selectors: [iconButton('Reply'), iconButton('Comment'), iconButton('Balas'), barButton(2)],
      position: inBar(1),
      labels: { attr: 'aria-label', en: ['Reply', 'Comment'], id: ['Balas'], closest: '[role="button"]' },
    },
    // Repost only opens the Repost/Quote menu; remember which post it belongs to.
    {
      kind: 'share',
      selectors: [inPost(iconButton('Repost')), inPost(iconButton('Posting ulang')), barButton(3)],
      position: inBar(2),
      opensMenu: true,
    },
    {
      kind: 'share',
      selectors: [iconButton('Share'), iconButton('Bagikan'), barButton(4)],
      position: inBar(3),
      labels: { attr: 'aria-label', en: ['Share'], id: ['Bagikan'], closest: '[role="button"]' },
    },
    // The "+" on a post's avatar follows that post's author.
    { kind: 'follow', selectors: [inPost(iconButton('Follow')), inPost(iconButton('Ikuti'))] },
    // The profile header's Follow acts on the page's account.
    {
      kind: 'follow',
      selectors: [],
      about: 'page',
      labels: {
        attr: 'text',
        en: ['Follow', 'Follow back'],
        id: ['Ikuti', 'Ikuti balik'],
        closest: '[role="button"],button',
      },
    },
  ],
  containers: [
    // Replies are posts of their own (own author, own permalink) in sibling containers, so the
    // innermost container is always the right item; a quoted post nests inside its quoting post.
    {
      scope: 'post',
      selectors: [POST, '[data-pressable-container]'],
      author: ['a[href^="/@"][role="link"]', 'a[href^="/@"]', 'a[href*="/@"]'],
      text: ['span[dir="auto"]', 'div[dir="auto"] span'],
      textAfter: 'time',
      textAll: true,
      textSkip: ['time', '[role="button"]'],
      textSkipAuthor: true,
      // Avatars say whose picture they are; only media alt text is content.
      alt: ['img[alt]:not([alt*="profile picture" i]):not([alt*="foto profil" i])'],
      permalink: ['a[href*="/post/"]'],
    },
  ],
  composers: [
    {
      inputs: ['div[contenteditable="true"][role="textbox"]', '[role="dialog"] div[contenteditable="true"]'],
      // The composer's Post button is its only text-only button after the input (unverified); Ctrl/Cmd+Enter
      // also sends, and the guard holds it for every composer.
      submits: ['[role="dialog"] form [role="button"]:not(:has(svg))', '[role="dialog"] button[type="submit"]'],
      // The reply dialog shows the post replied to above the input.
      dialogContext: [POST],
    },
  ],
  // The person's own new thread: the composer dialog (one box per post of the thread); the feed's
  // inline box by Ctrl/Cmd+Enter only. "Post"/"Posting" has no hook but its text: it is read only
  // inside a dialog, beside a composer box. A box that the reply composer above resolves to a post
  // is a reply, not a new thread.
  postComposers: [
    {
      inputs: [
        '[role="dialog"] div[contenteditable="true"][role="textbox"]',
        'div[contenteditable="true"][role="textbox"]',
      ],
      submits: [],
      submitLabels: { attr: 'text', en: ['Post'], id: ['Posting', 'Kirim'], closest: '[role="button"],button' },
      scope: ['[role="dialog"]'],
    },
  ],
};

/** The site's code: all its content script bundles (its rules arrive as data, lib/site-rules/in-effect.ts). */
export const threadsCode: SiteCode = {
  accountFromHref(href: string, base: string): AccountRef | null {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return null;
    }
    if (!THREADS_HOSTS.includes(url.hostname)) return null;
    const m = HANDLE_SEGMENT_RE.exec(url.pathname.split('/')[1] ?? '');
    return m?.[1] ? { platform: 'threads', handle: m[1].toLowerCase() } : null;
  },
  /**
   * Only profiles (/@user, /@user/replies, /@user/reposts) belong to an account. A post page
   * (/@user/post/<code>) does not: the page account is evidence for every action on the page, and
   * a reply by someone else under a candidate's post must be judged on its own.
   */
  pageAccount(href: string): AccountRef | null {
    let path: string;
    try {
      path = new URL(href).pathname;
    } catch {
      return null;
    }
    if ((path.split('/')[2] ?? '').toLowerCase() === 'post') return null;
    return threadsCode.accountFromHref(href, href);
  },
};

/** The rules built in and the code: for the background, the options page, the CLI and tests. */
export const threads: SiteModule = siteModule(threadsRules, threadsCode);
