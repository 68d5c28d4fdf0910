/**
 * The site adapter contract. lib/sites knows the DOM, not Dexie, not the network, not the matcher's
 * internals. Each site is one module: declarative selector data (SiteRules, which can later ship
 * through the signed list channel) plus a little code that turns hrefs into accounts.
 */
import type { Platform } from '../list/types';
import type { AccountRef } from '../match/types';

/** `post`: the person's own new post, caption or status; the text they wrote is what is judged. */
export type ActionKind = 'like' | 'comment' | 'share' | 'follow' | 'post';
export const ACTION_KINDS: readonly ActionKind[] = ['like', 'comment', 'share', 'follow', 'post'];

/** Label tables, used only where a site has no language-neutral hook. */
export interface LabelTable {
  /** which attribute holds the label; `text` = the element's own textContent */
  attr: 'aria-label' | 'text';
  en: string[];
  id: string[];
  /** `exact` (default), `prefix`, `suffix` (X: "45 Likes. Like") or `contains` */
  match?: 'exact' | 'prefix' | 'suffix' | 'contains';
  /** the clickable element a label element belongs to, e.g. `[role=button],button` */
  closest?: string;
}

export interface ActionRule {
  kind: ActionKind;
  /** tried in order with `closest()`: language-neutral hooks first, fallbacks after */
  selectors: string[];
  labels?: LabelTable;
  /** what the action is about: the post/comment it sits in (default) or the page's own account */
  about?: 'item' | 'page';
  /** a menu that opens away from its post (X `#layers`): resolve the post from the last opener */
  portal?: boolean;
  /** this control only opens a menu (X repost button); remember it as the opener of the portal */
  opensMenu?: boolean;
  /**
   * A gesture-only rule: the action is performed by this gesture alone (double-tap on media likes
   * it, a single click only pauses the video). Such a rule never matches clicks, keys or the
   * pointer events of a single click.
   */
  gestures?: Array<'dblclick'>;
  /**
   * On touch, a long press on this control opens a menu of choices (Facebook's reactions): the press
   * reaches the site so the menu can open, the tap's release and click are held as this action, and
   * a choice in a menu that opens away from the item (a `portal` rule) belongs to this control's item.
   */
  longPressMenu?: boolean;
  /**
   * Language-neutral markers that sit INSIDE the control rather than on it (Facebook's empty
   * `data-ad-rendering-role` div beside the icon): the control is the nearest `markerControl`
   * ancestor of the target (default `[role="button"],button`) that holds one of them.
   */
  markers?: string[];
  markerControl?: string;
  /**
   * A place in an action bar, for controls that only a localized label names: the control is the
   * `item` match at `index` (negative counts from the end) among all `item` matches of its nearest
   * `bar` ancestor (Instagram: Like, Comment, Share are the first three icon buttons of `section`);
   * a control matching `not` is passed over (a liked post's "Unlike" keeps Like's place);
   * `noDigits`: items whose text holds a digit (a count, "7 likes") are not counted.
   */
  position?: { bar: string; item: string; index: number; not?: string; noDigits?: boolean };
}

/** How to read one kind of item (post or comment) from inside its container. */
export interface ContainerRule {
  scope: 'post' | 'comment';
  selectors: string[];
  /** links whose href names the author; the first that parses to an account wins */
  author: string[];
  text: string[];
  /** elements whose `alt` is read (emoji images, photos) */
  alt?: string[];
  linkTitles?: string[];
  permalink?: string[];
  /**
   * How `text` is read where the author's name, the timestamp and the buttons sit inside the same
   * elements as the body (Instagram, Threads). With none of these set, the first match is read whole.
   * - `textSkip`: elements whose text is never the item's (`time`, `[role="button"]`);
   * - `textSkipAuthor`: links to the item's own author are not its text (mentions of others are);
   * - `textAfter`: only matches after the first element matching this count (Threads: a "Pinned"
   *   badge precedes the header's time, the body follows it);
   * - `textAll`: every match that yields text, joined (paragraphs), not only the first.
   * A match with no letter, digit or emoji left (a "•", an empty wrapper) is passed over.
   */
  textSkip?: string[];
  textSkipAuthor?: boolean;
  textAfter?: string;
  textAll?: boolean;
}

export interface ComposerRule {
  /** comment/reply inputs: focus or first keystroke starts a comment */
  inputs: string[];
  /** submit buttons of those inputs */
  submits: string[];
  /** Enter alone submits (Instagram, Facebook); otherwise only Ctrl/Cmd+Enter */
  enterSubmits?: boolean;
  /**
   * Where the item replied to is when the composer is not inside it (X's reply box sits in a modal
   * or under the focused post): `dialogContext` is searched only inside the composer's
   * `[role=dialog]`, `context` in the whole page.
   */
  dialogContext?: string[];
  context?: string[];
  /**
   * A composer that lives outside its item (a sidebar or portal shared by a whole feed), tried after
   * `context`: `inView` lists the items it can belong to and the one most visible in the viewport
   * wins; `opener` takes the item whose comment control was used last (the panel opened from it).
   */
  owner?: { inView?: string[]; opener?: boolean };
}

/**
 * A composer for a NEW post, caption or status: nothing is replied to, so what is judged is the text
 * the person wrote in it. That text is read only when they send (the button, Ctrl/Cmd+Enter, or
 * Enter where `enterSubmits`); typing and focus are never looked at. Where the same editor also
 * serves replies (X), the reply composer wins whenever it finds the item replied to.
 */
export interface PostComposerRule {
  /** the editors whose text is the post; every editor in the scope is read (a thread of several boxes) */
  inputs: string[];
  /** the send buttons; a button counts only with an editor of this rule in its scope */
  submits: string[];
  /**
   * A send button only a localized label names (Instagram's "Share"/"Bagikan"): looked for only
   * inside a `scope` match (when `scope` is set), and with the same editor check as `submits`.
   */
  submitLabels?: LabelTable;
  /**
   * What holds both the editor and its button (a dialog, a form): the nearest match of these that
   * holds an editor; else the nearest ancestor (at most 20 up) that holds one.
   */
  scope?: string[];
  /** Enter alone sends; otherwise only Ctrl/Cmd+Enter */
  enterSubmits?: boolean;
}

export interface KeyShortcut {
  key: string;
  kind: ActionKind;
  /** the shortcut acts on the focused item found with these container selectors */
}

export interface SiteRules {
  site: Platform;
  /** bump when the data changes, so a list-channel update can say which version it replaces */
  version: number;
  actions: ActionRule[];
  /** most specific first: comment containers before post containers */
  containers: ContainerRule[];
  composers?: ComposerRule[];
  /** composers of the person's own new posts, captions and statuses (action kind `post`) */
  postComposers?: PostComposerRule[];
  shortcuts?: KeyShortcut[];
}

/**
 * What a site module adds in code: URL and href parsing that is stable and needs no data update.
 * The content script bundles only this part (`<site>Code` in lib/sites/<site>.ts); its rules arrive
 * as data (lib/site-rules/in-effect.ts).
 */
export interface SiteCode {
  /** parse a link href (absolute or relative) to the account it names, or null */
  accountFromHref(href: string, base: string): AccountRef | null;
  /** the account that owns the page at this URL (profile, page, group, channel), or null */
  pageAccount(url: string, doc: Document): AccountRef | null;
}

/** A site's rules (data) and its code: what the engine and the guard work with. */
export interface SiteModule extends SiteCode {
  rules: SiteRules;
}

/**
 * A site module of its built-in rules and its code. Marked free of side effects, so a content
 * script that imports only the site's code drops the call and the rules with it.
 */
export const siteModule = /* #__NO_SIDE_EFFECTS__ */ (rules: SiteRules, code: SiteCode): SiteModule => ({
  rules,
  ...code,
});

/** The post or comment an action belongs to, as read from the DOM. */
export interface ItemContext {
  scope: 'post' | 'comment' | 'page';
  author?: AccountRef;
  text: string;
  altText: string[];
  linkTitles: string[];
  permalink?: string;
}

export interface ActionHit {
  kind: ActionKind;
  /** the clickable control */
  control: Element;
  item: ItemContext;
  page?: AccountRef;
}
