/**
 * The real controls of a saved page, found WITHOUT the adapters: each site's controls are listed
 * here from what the saved pages show (test ids, markers, icon labels in the page's own language,
 * positions), with the action kind and the item scope they must resolve to. The adapters are then
 * judged against this list, so an adapter rule that stops matching shows up as a lower count.
 */
import type { Platform } from '../../lib/list/types';
import type { ActionKind } from '../../lib/sites/types';

export interface RealControl {
  kind: ActionKind;
  /** what the action is about: a post, a comment, an account card (X "Who to follow"), the page */
  scope: 'post' | 'comment' | 'account' | 'page';
  /** the element a person's click lands on (an icon inside the control when there is one) */
  target: Element;
  /** a comment box, resolved through the composer rules, not the action rules */
  composer?: boolean;
}

const all = (root: ParentNode, sel: string) => Array.from(root.querySelectorAll(sel));
/** A click lands on the icon (its <path>/<svg>) or the text inside a control, not on its box. */
const hitOf = (el: Element) => el.querySelector('path') ?? el.querySelector('svg') ?? el;

function x(doc: Document, href: string): RealControl[] {
  const out: RealControl[] = [];
  const kinds: Array<[string, ActionKind]> = [
    ['like', 'like'],
    ['reply', 'comment'],
    ['retweet', 'share'],
  ];
  for (const [id, kind] of kinds)
    for (const el of all(doc, `[data-testid="${id}"]`)) out.push({ kind, scope: 'post', target: hitOf(el) });
  for (const el of all(doc, '[data-testid$="-follow"]'))
    out.push({ kind: 'follow', scope: el.closest('[data-testid="UserCell"]') ? 'account' : 'page', target: el });
  // The inline reply box of a status page answers the focused post (a new post on /home is not a comment).
  if (/\/status\//.test(href))
    for (const el of all(doc, '[data-testid^="tweetTextarea"]'))
      out.push({ kind: 'comment', scope: 'post', target: el, composer: true });
  return out;
}

function facebook(doc: Document): RealControl[] {
  const out: RealControl[] = [];
  const kinds: Array<[string, ActionKind]> = [
    ['like_button', 'like'],
    ['comment_button', 'comment'],
    ['share_button', 'share'],
  ];
  for (const [role, kind] of kinds)
    for (const marker of all(doc, `[data-ad-rendering-role="${role}"]`)) {
      const button = marker.closest('[role="button"]');
      if (!button) continue;
      // The icon or the label beside the (empty) marker is what a click hits.
      const hit = Array.from(button.querySelectorAll('i, span')).find((e) => !e.contains(marker)) ?? button;
      out.push({ kind, scope: 'post', target: hit });
    }
  for (const el of all(doc, 'div[aria-posinset] [role="textbox"][contenteditable="true"]'))
    out.push({ kind: 'comment', scope: 'post', target: el, composer: true });
  return out;
}

const IG_LIKE = ['Like', 'Suka', 'Curtir'];
const IG_COMMENT = ['Comment', 'Komentar', 'Comentar'];
const IG_SHARE = ['Share', 'Bagikan', 'Compartilhar'];
const IG_REPLY = ['Reply', 'Balas', 'Responder'];
const IG_FOLLOW = ['Follow', 'Ikuti', 'Seguir'];

function instagram(doc: Document): RealControl[] {
  const out: RealControl[] = [];
  const icon = (labels: string[], kind: ActionKind, scopeOf: (svg: Element) => RealControl['scope']) => {
    for (const label of labels)
      for (const svg of all(doc, `main svg[aria-label="${label}"]`)) {
        if (!svg.closest('[role="button"],button')) continue;
        out.push({ kind, scope: scopeOf(svg), target: svg.querySelector('path') ?? svg });
      }
  };
  // Post hearts are 24 px, comment hearts 16 px.
  icon(IG_LIKE, 'like', (svg) => (svg.getAttribute('height') === '16' ? 'comment' : 'post'));
  icon(IG_COMMENT, 'comment', () => 'post');
  icon(IG_SHARE, 'share', () => 'post');
  for (const el of all(doc, 'main [role="button"], main button')) {
    const t = (el.textContent ?? '').trim();
    if (IG_REPLY.includes(t) && !el.querySelector('[role="button"]'))
      out.push({ kind: 'comment', scope: 'comment', target: el });
    // The text-only Follow beside the post's author follows that author.
    if (IG_FOLLOW.includes(t) && !el.querySelector('svg')) out.push({ kind: 'follow', scope: 'post', target: el });
  }
  for (const el of all(doc, 'main form textarea'))
    out.push({ kind: 'comment', scope: 'post', target: el, composer: true });
  return out;
}

function tiktok(doc: Document): RealControl[] {
  const out: RealControl[] = [];
  const inComment = (el: Element) => (el.getAttribute('data-e2e') ?? '').startsWith('comment-');
  for (const el of all(doc, '[data-e2e$="like-icon"]'))
    out.push({ kind: 'like', scope: inComment(el) ? 'comment' : 'post', target: el });
  // Comment hearts without their own icon hook: the count beside them.
  for (const el of all(doc, '[data-e2e="comment-like-count"]'))
    if (!el.parentElement?.querySelector('[data-e2e="comment-like-icon"]'))
      out.push({ kind: 'like', scope: 'comment', target: el.parentElement?.querySelector('svg') ?? el });
  for (const el of all(doc, '[data-e2e$="comment-icon"]')) out.push({ kind: 'comment', scope: 'post', target: el });
  for (const el of all(doc, '[data-e2e^="comment-reply-"]'))
    out.push({ kind: 'comment', scope: 'comment', target: el });
  for (const el of all(doc, '[data-e2e$="share-icon"]')) out.push({ kind: 'share', scope: 'post', target: el });
  for (const el of all(doc, '[data-e2e^="video-share-"]')) out.push({ kind: 'share', scope: 'post', target: el });
  for (const el of all(doc, '[data-e2e="feed-follow"], [data-e2e="browse-follow"]'))
    out.push({ kind: 'follow', scope: 'post', target: el });
  for (const el of all(doc, '[data-e2e="follow-button"]')) out.push({ kind: 'follow', scope: 'page', target: el });
  for (const el of all(doc, '[data-e2e="comment-text"]'))
    out.push({ kind: 'comment', scope: 'post', target: el, composer: true });
  return out;
}

function youtube(doc: Document): RealControl[] {
  const out: RealControl[] = [];
  const btn = (el: Element) => el.querySelector('button, [role="button"]') ?? el;
  // The video's Like: the 2024+ view model, or (2022) the first toggle of the primary info's bar.
  for (const el of all(
    doc,
    'ytd-watch-metadata like-button-view-model, ytd-video-primary-info-renderer #top-level-buttons-computed > ytd-toggle-button-renderer:first-of-type',
  ))
    out.push({ kind: 'like', scope: 'post', target: hitOf(btn(el)) });
  // The video's Share: the first plain button after the like/dislike pair (2022 and 2024+ markup).
  for (const el of all(
    doc,
    'ytd-watch-metadata #top-level-buttons-computed > yt-button-view-model:first-of-type, ytd-video-primary-info-renderer #top-level-buttons-computed > ytd-button-renderer:first-of-type',
  ))
    out.push({ kind: 'share', scope: 'post', target: hitOf(btn(el)) });
  for (const el of all(
    doc,
    'ytd-watch-metadata #owner #subscribe-button, ytd-video-secondary-info-renderer #subscribe-button',
  ))
    if (el.querySelector('button, [role="button"]')) out.push({ kind: 'follow', scope: 'post', target: btn(el) });
  for (const c of all(doc, 'ytd-comment-view-model, ytd-comment-renderer')) {
    const like = c.querySelector('#like-button');
    if (like?.querySelector('button')) out.push({ kind: 'like', scope: 'comment', target: hitOf(btn(like)) });
    const reply = c.querySelector('#reply-button-end');
    if (reply?.querySelector('button, [role="button"]'))
      out.push({ kind: 'comment', scope: 'comment', target: btn(reply) });
  }
  for (const el of all(doc, 'ytd-comment-simplebox-renderer #simplebox-placeholder'))
    out.push({ kind: 'comment', scope: 'post', target: el, composer: true });
  return out;
}

function threads(doc: Document): RealControl[] {
  const out: RealControl[] = [];
  const kinds: Array<[string, ActionKind]> = [
    ['Like', 'like'],
    ['Comment', 'comment'],
    ['Reply', 'comment'],
    ['Repost', 'share'],
    ['Share', 'share'],
  ];
  for (const [label, kind] of kinds)
    for (const svg of all(doc, `div[data-pressable-container] svg[aria-label="${label}"]`)) {
      if (!svg.closest('[role="button"]')) continue;
      out.push({ kind, scope: 'post', target: svg.querySelector('path') ?? svg });
    }
  return out;
}

export function realControls(site: Platform, doc: Document, href: string): RealControl[] {
  switch (site) {
    case 'x':
      return x(doc, href);
    case 'facebook':
      return facebook(doc);
    case 'instagram':
      return instagram(doc);
    case 'tiktok':
      return tiktok(doc);
    case 'youtube':
      return youtube(doc);
    case 'threads':
      return threads(doc);
    default:
      return [];
  }
}
