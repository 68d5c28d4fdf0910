/**
 * Facebook (www/web Comet UI, and a best-effort m.facebook "WebLite" skeleton). Comet exposes few
 * language-neutral hooks: `data-ad-rendering-role` markers for the like/comment/share buttons and
 * the author block, `aria-posinset` / `aria-describedby` on feed posts. The button markers are
 * empty divs INSIDE the button (beside its icon), so the button is derived from the marker: the
 * nearest `[role=button]` around the click that holds it. Everything else is a localized
 * aria-label, so those rules carry EN + ID tables as the last fallback.
 *
 * Identity is always read from hrefs: `/<username>`, `/profile.php?id=<n>`, `/people/<name>/<n>`,
 * `/groups/<g>/user/<n>` (a person posting in a group). A bare group link is never an author; it
 * is the page account of the group's own pages.
 */
import type { AccountRef } from '../match/types';
import { SITES } from './registry';
import { type SiteCode, type SiteModule, siteModule, type SiteRules } from './types';

export const FACEBOOK_HOSTS = SITES.facebook.hosts;

/** First path segments that are app routes, not profiles (site routes, plus a few obvious ones). */
const RESERVED = new Set([
  'home.php',
  'watch',
  'marketplace',
  'groups',
  'gaming',
  'events',
  'pages',
  'reel',
  'reels',
  'stories',
  'story.php',
  'permalink.php',
  'photo',
  'photo.php',
  'photos',
  'videos',
  'friends',
  'notifications',
  'messages',
  'bookmarks',
  'saved',
  'settings',
  'help',
  'hashtag',
  'search',
  'login',
  'login.php',
  'logout.php',
  'share',
  'sharer',
  'sharer.php',
  'dialog',
  'ads',
  'profile.php',
  'people',
  'privacy',
  'policies',
  'business',
  'me',
  'live',
  'memories',
  'fundraisers',
  'feeds',
  'composer',
  'plugins',
  'l.php',
]);
/** Usernames: letters, digits and periods (the reference regex also lets old Page slugs carry '-'). */
const USERNAME_RE = /^[A-Za-z0-9.-]{3,80}$/;
const DIGITS_RE = /^\d{3,20}$/;

/** Post containers of the Comet feed; `:has` keeps a bare aria-describedby (text boxes, tooltips) out. */
const POST_DESCRIBED = 'div[aria-describedby]:not([aria-posinset]):not([role])';
const POST_MARKER = ':has([data-ad-rendering-role="profile_name"], [data-ad-rendering-role="like_button"])';
/** `rest` on a described post (no side effects: the content script, which carries no rules, drops the calls). */
const described = /* #__NO_SIDE_EFFECTS__ */ (rest: string) => `${POST_DESCRIBED}${rest}`;

/** m.facebook WebLite: the block whose own children are (at least) three buttons is a post's action bar. */
const M_BAR = '#screen-root [data-mcomponent="MContainer"]:has(> [role="button"] + [role="button"] + [role="button"])';

export const facebookRules: SiteRules = {
  site: 'facebook',
  version: 2,
  actions: [
    // A reaction menu in a layer of its own, away from its post (the touch site's long-press menu):
    // the reaction picked is a like of the post whose Like opened the menu (ActionRule.longPressMenu).
    {
      kind: 'like',
      selectors: [
        '[role="dialog"][aria-label="Reactions"] [role="button"]',
        '[role="dialog"][aria-label="Tanggapan"] [role="button"]',
      ],
      portal: true,
    },
    // Like and the reaction dock (Love, Care, … appear on hover or long-press of Like). The dock has
    // no neutral hook: its buttons are recognised by label, and must sit inside the post.
    // "Remove Like" (undo) is deliberately not in the table.
    {
      kind: 'like',
      // The marker names the button around it; the marker itself also lets a keyboard shortcut
      // find the post's button.
      markers: ['[data-ad-rendering-role="like_button"]'],
      selectors: ['[data-ad-rendering-role="like_button"]'],
      labels: {
        attr: 'aria-label',
        en: ['Like', 'Love', 'Care', 'Haha', 'Wow', 'Sad', 'Angry'],
        id: ['Suka', 'Super', 'Peduli', 'Haha', 'Wow', 'Sedih', 'Marah'],
        closest: '[role="button"],button',
      },
      // On a phone a long press on Like opens the reactions; the pick is the like.
      longPressMenu: true,
    },
    {
      kind: 'comment',
      // The marker names the button around it; the marker itself also lets a keyboard shortcut
      // find the post's button.
      markers: ['[data-ad-rendering-role="comment_button"]'],
      selectors: ['[data-ad-rendering-role="comment_button"]'],
      labels: {
        attr: 'aria-label',
        en: ['Leave a comment', 'Comment', 'Reply'],
        id: ['Beri komentar', 'Komentar', 'Balas'],
        closest: '[role="button"],button',
      },
    },
    // The Share button only opens the share dialog; the share is the dialog's choice (a portal).
    {
      kind: 'share',
      // The marker names the button around it; the marker itself also lets a keyboard shortcut
      // find the post's button.
      markers: ['[data-ad-rendering-role="share_button"]'],
      selectors: ['[data-ad-rendering-role="share_button"]'],
      // The button's label when the marker is gone (EN as seen in Dec 2025; the ID one as other
      // public extensions match it). Never a bare "Share"/"Bagikan": that is the share dialog's
      // own label, and its "Share now" must stay the held action, not an opener.
      labels: {
        attr: 'aria-label',
        en: ['Send this to friends or post it on your profile.'],
        id: ['Kirim ini ke teman atau posting di profil Anda.'],
        closest: '[role="button"],button',
      },
      opensMenu: true,
    },
    // Every way out of the share dialog that shares: "Share now (Public)", "Send in Messenger", …
    {
      kind: 'share',
      selectors: [],
      // Exact text: a text table cannot be scoped to the dialog, so a post that merely says
      // "share now …" must not match (a scope limited to the dialog would be safer).
      labels: {
        attr: 'text',
        en: [
          'Share now (Public)',
          'Share now (Friends)',
          'Share now (Only me)',
          'Share now',
          'Send in Messenger',
          'Share to a group',
          'Share to your story',
        ],
        id: [
          'Bagikan sekarang (Publik)',
          'Bagikan sekarang (Teman)',
          'Bagikan sekarang (Hanya saya)',
          'Bagikan sekarang',
          'Kirim di Messenger',
          'Bagikan ke grup',
          'Bagikan ke cerita Anda',
        ],
        closest: '[role="button"],[role="menuitem"],[role="option"],button',
      },
      portal: true,
    },
    // "Follow" in a post header (suggested Pages) follows that post's author, not the page's owner.
    {
      kind: 'follow',
      selectors: [
        'div[aria-posinset] [role="button"][aria-label="Follow"]',
        'div[aria-posinset] [role="button"][aria-label="Ikuti"]',
        described(' [role="button"][aria-label="Follow"]'),
        described(' [role="button"][aria-label="Ikuti"]'),
      ],
    },
    // m.facebook WebLite (the touch site, server-driven "Bloks" blocks, no stable ids): a post's
    // action bar is the block of three buttons, Like, Comment, Share, in that order. Their labels
    // are the apps' accessibility labels ("Like button. Double tap and hold to react.", seen in
    // public automation code for Facebook's Android apps; the Indonesian ones are unverified), so the
    // place comes first. Unverified on the live site.
    {
      kind: 'like',
      selectors: [],
      position: { bar: M_BAR, item: '[role="button"]', index: 0 },
      labels: {
        attr: 'aria-label',
        en: ['Like button. Double tap'],
        id: ['Tombol suka. Ketuk dua kali'],
        match: 'prefix',
        closest: '[role="button"]',
      },
      longPressMenu: true,
    },
    {
      kind: 'comment',
      selectors: [],
      position: { bar: M_BAR, item: '[role="button"]', index: 1 },
      labels: {
        attr: 'aria-label',
        en: ['Comment button. Double tap'],
        id: ['Tombol komentar. Ketuk dua kali'],
        match: 'prefix',
        closest: '[role="button"]',
      },
    },
    // Share opens a sheet; "Share now" in it is the share (the text rule above, a portal).
    {
      kind: 'share',
      selectors: [],
      position: { bar: M_BAR, item: '[role="button"]', index: 2 },
      labels: {
        attr: 'aria-label',
        en: ['Share button. Double tap'],
        id: ['Tombol bagikan. Ketuk dua kali'],
        match: 'prefix',
        closest: '[role="button"]',
      },
      opensMenu: true,
    },
    // "Follow" in a WebLite post header follows that post's author.
    {
      kind: 'follow',
      selectors: [
        '#screen-root [data-mcomponent="MContainer"] [role="button"][aria-label="Follow"]',
        '#screen-root [data-mcomponent="MContainer"] [role="button"][aria-label="Ikuti"]',
      ],
    },
    // Follow a profile or Page, join a group: about the page the user is on. Labels only (no hook known).
    {
      kind: 'follow',
      selectors: [],
      labels: {
        attr: 'aria-label',
        en: ['Follow', 'Join group', 'Join Group', 'Add friend'],
        id: ['Ikuti', 'Gabung ke grup', 'Gabung ke Grup', 'Gabung grup', 'Tambah teman', 'Tambahkan teman'],
        closest: '[role="button"],button',
      },
      about: 'page',
    },
    // Comment rows: "Like" and "Reply" are plain text buttons without an aria-label.
    {
      kind: 'like',
      selectors: [],
      labels: { attr: 'text', en: ['Like'], id: ['Suka'], closest: '[role="button"],button' },
    },
    {
      kind: 'comment',
      selectors: [],
      labels: { attr: 'text', en: ['Reply'], id: ['Balas'], closest: '[role="button"],button' },
    },
  ],
  containers: [
    // Comments (and replies) are articles nested in a post; their own Like/Reply act on them.
    {
      scope: 'comment',
      selectors: [
        'div[aria-posinset] [role="article"][aria-label]',
        described(' [role="article"][aria-label]'),
        '[role="article"] [role="article"]',
        '[role="article"][aria-label^="Comment by"]',
      ],
      author: ['a[href][role="link"]', 'a[href]'],
      text: ['div[dir="auto"]', 'span[dir="auto"]'],
      // The author link carries comment_id too; the permalink is the one under the post's path.
      permalink: ['a[href*="/posts/"][href*="comment_id="]', 'a[href*="story_fbid="][href*="comment_id="]'],
    },
    {
      scope: 'post',
      selectors: [
        'div[aria-posinset]',
        described(POST_MARKER),
        'div[role="article"]',
        // m.facebook WebLite (least certain): a block whose child block holds the buttons.
        '#screen-root [data-mcomponent="MContainer"]:has(> [data-mcomponent="MContainer"] [role="button"])',
      ],
      author: [
        '[data-ad-rendering-role="profile_name"] a[href]',
        // A group post names the group in its header; the person is the `/groups/<g>/user/<id>/`
        // link (avatar, name), which may sit outside the name block.
        'a[href*="/groups/"][href*="/user/"]',
        'h2 a[href]',
        'h3 a[href]',
        'h4 a[href]',
        'strong a[href]',
        '[data-mcomponent="MContainer"] a[href]',
      ],
      text: [
        '[data-ad-rendering-role="story_message"]',
        '[data-ad-comet-preview="message"]',
        '[data-ad-preview="message"]',
        // WebLite: the body is the text block right after the header block (older skeletons: the block after it).
        '[data-mcomponent="MContainer"] + [data-mcomponent="TextArea"]',
        '[data-mcomponent="MContainer"] ~ [data-mcomponent="MContainer"]',
        'div[dir="auto"]',
      ],
      alt: ['a[href*="/photo"] img[alt]'],
      linkTitles: ['[data-ad-rendering-role="title"]', '[data-ad-rendering-role="description"]'],
      permalink: [
        'a[href*="/posts/"]',
        'a[href*="/permalink/"]',
        'a[href*="story_fbid="]',
        'a[href*="/videos/"]',
        'a[href*="/reel/"]',
      ],
    },
  ],
  composers: [
    {
      // A Lexical box inside a post, or labelled as a comment box; never a bare data-lexical-editor
      // (Messenger chat boxes use it too).
      inputs: [
        'div[aria-posinset] [role="textbox"][contenteditable="true"]',
        described(' [role="textbox"][contenteditable="true"]'),
        '[role="textbox"][contenteditable="true"][aria-label^="Comment as"]',
        '[role="textbox"][contenteditable="true"][aria-label^="Write a comment"]',
        '[role="textbox"][contenteditable="true"][aria-label^="Komentari sebagai"]',
        '[role="textbox"][contenteditable="true"][aria-label^="Tulis komentar"]',
        '#screen-root [data-mcomponent="ServerTextArea"]',
      ],
      submits: [
        'div[aria-posinset] form [role="button"][aria-label="Comment"]:not([aria-disabled="true"])',
        'div[aria-posinset] form [role="button"][aria-label="Komentar"]:not([aria-disabled="true"])',
        '[role="dialog"] form [role="button"][aria-label="Comment"]:not([aria-disabled="true"])',
        '[role="button"][aria-label="Post comment"]:not([aria-disabled="true"])',
        '[role="button"][aria-label="Posting komentar"]:not([aria-disabled="true"])',
      ],
      enterSubmits: true,
      // The post dialog (Comment opens the post in a dialog) puts the box below the post.
      dialogContext: ['div[aria-posinset]', described(POST_MARKER)],
    },
  ],
  // Comet's single-key shortcuts act on the selected post.
  shortcuts: [
    { key: 'l', kind: 'like' },
    { key: 'c', kind: 'comment' },
  ],
  // The person's own new post: the create-post dialog ("What's on your mind, <name>?" / "Apa yang
  // Anda pikirkan, <name>?"; a group's "Write something…"; a page's "Create a public post…"), or
  // failing the labels, the Lexical box of a dialog's form that shows no post. Post (or Next, after
  // which the editor is gone) is the send.
  postComposers: [
    {
      inputs: [
        '[role="dialog"] [role="textbox"][contenteditable="true"][aria-label*="on your mind"]',
        '[role="dialog"] [role="textbox"][contenteditable="true"][aria-label^="Apa yang Anda pikirkan"]',
        '[role="dialog"] [role="textbox"][contenteditable="true"][aria-label^="Write something"]',
        '[role="dialog"] [role="textbox"][contenteditable="true"][aria-label^="Tulis sesuatu"]',
        '[role="dialog"] [role="textbox"][contenteditable="true"][aria-label^="Create a public post"]',
        '[role="dialog"] [role="textbox"][contenteditable="true"][aria-label^="Buat postingan publik"]',
        '[role="dialog"]:not(:has(div[aria-posinset])) form [role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
      ],
      submits: [
        '[role="dialog"] [role="button"][aria-label="Post"]:not([aria-disabled="true"])',
        '[role="dialog"] [role="button"][aria-label="Posting"]:not([aria-disabled="true"])',
        '[role="dialog"] [role="button"][aria-label="Kirim"]:not([aria-disabled="true"])',
        '[role="dialog"] [role="button"][aria-label="Next"]:not([aria-disabled="true"])',
        '[role="dialog"] [role="button"][aria-label="Berikutnya"]:not([aria-disabled="true"])',
      ],
      scope: ['form', '[role="dialog"]'],
    },
  ],
};

function parse(href: string, base: string): URL | null {
  try {
    const url = new URL(href, base);
    return FACEBOOK_HOSTS.includes(url.hostname.toLowerCase()) ? url : null;
  } catch {
    return null;
  }
}

const byId = (id: string): AccountRef => ({
  platform: 'facebook',
  id,
  url: `https://www.facebook.com/profile.php?id=${id}`,
});

/** A person or Page named by a profile-shaped URL; post permalinks and app routes are not authors. */
function personFromUrl(url: URL): AccountRef | null {
  const parts = url.pathname.split('/').filter(Boolean);
  const [first = '', , third, fourth] = parts;
  const lower = first.toLowerCase();
  if (lower === 'profile.php') {
    const id = url.searchParams.get('id');
    return id && DIGITS_RE.test(id) ? byId(id) : null;
  }
  // /people/<Name>/<id>/ and the old /pages/<Name>/<id>/
  if ((lower === 'people' || lower === 'pages') && third && DIGITS_RE.test(third)) return byId(third);
  // A person posting in a group: /groups/<g>/user/<id>/
  if (lower === 'groups' && third === 'user' && fourth && DIGITS_RE.test(fourth)) return byId(fourth);
  if (parts.length !== 1 || RESERVED.has(lower) || !USERNAME_RE.test(first)) return null;
  if (DIGITS_RE.test(first)) return byId(first);
  return { platform: 'facebook', handle: lower, url: `https://www.facebook.com/${lower}` };
}

/** Page tabs that still belong to the profile (`/<user>/about`), unlike `/<user>/posts/<id>`. */
const PROFILE_TABS = new Set(['about', 'photos', 'videos', 'reels', 'friends', 'followers', 'following', 'community']);
const GROUP_TABS = new Set(['about', 'members', 'media', 'events', 'files', 'featured']);

/** The site's code: all its content script bundles (its rules arrive as data, lib/site-rules/in-effect.ts). */
export const facebookCode: SiteCode = {
  accountFromHref(href: string, base: string): AccountRef | null {
    const url = parse(href, base);
    return url ? personFromUrl(url) : null;
  },
  /**
   * Whose page this is: a profile/Page (also its tabs) or a group (also its tabs). A post permalink
   * is not "a page of" its author: comments there belong to their own authors.
   */
  pageAccount(href: string): AccountRef | null {
    const url = parse(href, href);
    if (!url) return null;
    const parts = url.pathname.split('/').filter(Boolean);
    const [first = '', second, third] = parts;
    if (first.toLowerCase() === 'groups' && second && !RESERVED.has(second.toLowerCase())) {
      if (third && !GROUP_TABS.has(third.toLowerCase())) return null;
      const g = second.toLowerCase();
      return {
        platform: 'facebook',
        url: `https://www.facebook.com/groups/${g}`,
        ...(DIGITS_RE.test(g) ? { id: g } : {}),
      };
    }
    if (first.toLowerCase() === 'profile.php') return personFromUrl(url);
    if (parts.length === 2 && second && PROFILE_TABS.has(second.toLowerCase())) {
      return personFromUrl(new URL(`/${first}`, url));
    }
    return parts.length === 1 || first.toLowerCase() === 'people' ? personFromUrl(url) : null;
  },
};

/** The rules built in and the code: for the background, the options page, the CLI and tests. */
export const facebook: SiteModule = siteModule(facebookRules, facebookCode);
