/**
 * X / Twitter (x.com, twitter.com, mobile.x.com). X's data-testid hooks are identical in every UI
 * language and have survived years of redesigns, so the rules lean on them; aria-label tables are
 * only fallbacks. Author links may be relative (`/handle`) or absolute (`https://x.com/handle`, as
 * in saved pages): both are read. Long-form Articles have no `tweetText`; their body is
 * `twitterArticleRichTextView`.
 */
import type { AccountRef } from '../match/types';
import { type SiteCode, type SiteModule, siteModule, type SiteRules } from './types';
import { SITES } from './registry';

export const X_HOSTS = SITES.x.hosts;

/** First path segments that are app routes, not profiles. */
const RESERVED = new Set([
  'home',
  'explore',
  'notifications',
  'messages',
  'i',
  'settings',
  'search',
  'compose',
  'login',
  'logout',
  'tos',
  'privacy',
  'hashtag',
  'intent',
  'share',
  'signup',
  'jobs',
  'lists',
  'communities',
  'bookmarks',
]);
const HANDLE_RE = /^[A-Za-z0-9_]{1,20}$/;
const PROFILE_TABS = new Set([
  'with_replies',
  'media',
  'likes',
  'highlights',
  'articles',
  'followers',
  'following',
  'verified_followers',
]);

export const xRules: SiteRules = {
  site: 'x',
  version: 2,
  actions: [
    {
      kind: 'like',
      selectors: ['button[data-testid="like"]', '[data-testid="like"]'],
      // X writes "45 Likes. Like"; "Liked" (already liked) does not end in "like".
      labels: { attr: 'aria-label', en: ['like'], id: ['sukai'], match: 'suffix', closest: 'button,[role="button"]' },
    },
    {
      kind: 'comment',
      selectors: ['button[data-testid="reply"]', '[data-testid="reply"]'],
      labels: { attr: 'aria-label', en: ['reply'], id: ['balas'], match: 'suffix', closest: 'button,[role="button"]' },
    },
    // The Repost button only opens a menu in #layers; the action is the menu item.
    { kind: 'share', selectors: ['button[data-testid="retweet"]', '[data-testid="retweet"]'], opensMenu: true },
    {
      kind: 'share',
      selectors: ['[data-testid="retweetConfirm"]', '[data-testid="repostConfirm"]'],
      portal: true,
    },
    // Quote: the item after Repost in the same menu, a link to the composer.
    {
      kind: 'share',
      selectors: [
        '#layers a[role="menuitem"][href^="/compose/post"]',
        '#layers a[role="menuitem"][href^="/compose/tweet"]',
      ],
      portal: true,
    },
    // Follow buttons carry "<user id>-follow"; "-unfollow" is the undo and is not matched. On an
    // account card ("Who to follow", a hover card) it follows that card's account…
    {
      kind: 'follow',
      selectors: [
        '[data-testid="UserCell"] [data-testid$="-follow"]',
        '[data-testid="HoverCard"] [data-testid$="-follow"]',
      ],
    },
    // …in a profile's header, the page's account.
    { kind: 'follow', selectors: ['[data-testid$="-follow"]'], about: 'page' },
  ],
  containers: [
    {
      scope: 'post',
      selectors: ['article[data-testid="tweet"]', 'article[role="article"]'],
      author: ['[data-testid="User-Name"] a[href]', 'a[role="link"][href]'],
      text: [
        '[data-testid="tweetText"]',
        '[data-testid="twitterArticleRichTextView"]',
        '[data-testid="twitter-article-title"]',
        'div[lang]',
      ],
      alt: ['[data-testid="tweetPhoto"] img[alt]'],
      linkTitles: ['[data-testid="card.wrapper"]'],
      permalink: ['a[href*="/status/"]'],
    },
    // An account card: the first profile link is the account, its bio the text.
    {
      scope: 'post',
      selectors: ['[data-testid="UserCell"]', '[data-testid="HoverCard"]'],
      author: ['a[role="link"][href]', 'a[href]'],
      text: ['[data-testid="UserDescription"]', 'div[dir="auto"]'],
    },
  ],
  composers: [
    {
      inputs: ['[data-testid^="tweetTextarea"]'],
      submits: ['button[data-testid="tweetButtonInline"]', 'button[data-testid="tweetButton"]'],
      // A reply modal shows the post replied to; a /status/ page focuses it with tabindex=-1.
      // A new post (not a reply) has neither and is not a comment.
      dialogContext: ['article[data-testid="tweet"]'],
      context: ['article[data-testid="tweet"][tabindex="-1"]'],
    },
  ],
  shortcuts: [
    { key: 'l', kind: 'like' },
    { key: 'r', kind: 'comment' },
    { key: 't', kind: 'share' },
  ],
  // The person's own new post: the home box ("What's happening?" / "Apa yang sedang terjadi?") and
  // the /compose/post dialog, one or several boxes (a thread). The same editor serves replies: the
  // reply composer above wins wherever it finds the post replied to.
  postComposers: [
    {
      inputs: [
        'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
        'div[data-testid^="tweetTextarea_"][role="textbox"]',
      ],
      submits: ['button[data-testid="tweetButtonInline"]', 'button[data-testid="tweetButton"]'],
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
export const xCode: SiteCode = {
  accountFromHref(href: string, base: string): AccountRef | null {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return null;
    }
    if (!X_HOSTS.includes(url.hostname)) return null;
    const handle = handleFromPath(url.pathname);
    return handle ? { platform: 'x', handle } : null;
  },
  // Only profile pages (and their tabs) belong to an account. A post page (/<handle>/status/<id>)
  // does not: replies by ordinary users there are judged on their own, as on the other sites.
  pageAccount(href: string): AccountRef | null {
    let path: string;
    try {
      path = new URL(href).pathname;
    } catch {
      return null;
    }
    const [, , tab] = path.split('/');
    if (tab && !PROFILE_TABS.has(tab)) return null;
    return xCode.accountFromHref(href, href);
  },
};

/** The rules built in and the code: for the background, the options page, the CLI and tests. */
export const x: SiteModule = siteModule(xRules, xCode);
