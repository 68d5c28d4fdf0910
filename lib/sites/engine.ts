/**
 * Interprets a site's declarative SiteRules against the DOM: which control was hit, which item
 * (comment before post) it belongs to, and what that item says. Every lookup is guarded: a selector
 * that no longer parses or finds nothing degrades to "not recognised", never to an exception.
 */
import { sanitiseMissKey } from '../diagnostics/report';
import type { AccountRef } from '../match/types';
import type {
  ActionHit,
  ActionRule,
  ComposerRule,
  ContainerRule,
  ItemContext,
  LabelTable,
  PostComposerRule,
  SiteModule,
} from './types';

/**
 * Selector misses, counted so the options page can show diagnostics. Only `recordMiss` writes
 * them; readers get a snapshot, never the map itself.
 */
const misses = new Map<string, number>();

/** More distinct keys than the rules could ever produce: the rest are counted under one key. */
const MAX_MISS_KEYS = 200;

/**
 * Count one miss under `key` (a rule that found no post, an author link that no longer parses…).
 * The key is sanitised here (lib/diagnostics/report.ts): whatever a caller passes, no page text,
 * URL path or account name is kept.
 */
export function recordMiss(key: string): void {
  let k = sanitiseMissKey(key);
  if (!misses.has(k) && misses.size >= MAX_MISS_KEYS) k = 'other:overflow';
  misses.set(k, (misses.get(k) ?? 0) + 1);
}
const miss = recordMiss;
/** A miss of one of the site's rules: `<site>:<what>`. */
const missAt = (site: SiteModule, what: string) => miss(`${site.rules.site}:${what}`);

/** The counts so far, as a copy. */
export function missCounts(): ReadonlyMap<string, number> {
  return new Map(misses);
}

/**
 * One DOM query that survives an invalid selector (a bad data update): the miss is counted and the
 * query finds nothing. The method is named, not passed as a closure: this runs for every selector
 * of every rule on every pointer event.
 */
type Query = 'closest' | 'matches' | 'querySelector' | 'querySelectorAll';
function query<T>(node: Element | ParentNode, how: Query, selector: string): T | null {
  try {
    return (node as unknown as Record<Query, (s: string) => T>)[how](selector);
  } catch {
    miss(`invalid:${selector}`);
    return null;
  }
}

/** `closest()` that survives an invalid selector by skipping it. */
export const safeClosest = (el: Element, selector: string) => query<Element>(el, 'closest', selector);

/**
 * The first match only. On a page whose item is large (a watch page's container holds every
 * comment), querySelectorAll walks the whole subtree for every selector; querySelector stops at the
 * first match, and most rules want only that.
 */
const safeQuery = (root: ParentNode, selector: string) => query<Element>(root, 'querySelector', selector);

const safeQueryAll = (root: ParentNode, selector: string): Element[] =>
  Array.from(query<NodeListOf<Element>>(root, 'querySelectorAll', selector) ?? []);

const safeMatches = (el: Element, selector: string) => query<boolean>(el, 'matches', selector) === true;

/** The nearest ancestor (or `el` itself) that matches one of the selectors, trying them in order. */
function closestOf(el: Element, selectors: readonly string[] = []): Element | null {
  for (const sel of selectors) {
    const c = safeClosest(el, sel);
    if (c) return c;
  }
  return null;
}

/** `href` made absolute against `base`, or undefined when it does not parse. */
function absolute(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

function labelMatches(value: string | null, table: LabelTable): boolean {
  if (!value) return false;
  const v = value.trim().toLowerCase();
  const mode = table.match ?? 'exact';
  return [...table.id, ...table.en].some((label) => {
    const l = label.toLowerCase();
    return mode === 'exact'
      ? v === l
      : mode === 'prefix'
        ? v.startsWith(l)
        : mode === 'suffix'
          ? v.endsWith(l)
          : v.includes(l);
  });
}

/** Walk at most this many ancestors looking for a labelled control; feeds nest deeply but not this deep. */
const MAX_LABEL_DEPTH = 8;

function matchLabel(target: Element, table: LabelTable): Element | null {
  let el: Element | null = target;
  for (let depth = 0; el && depth < MAX_LABEL_DEPTH; depth++, el = el.parentElement) {
    const value = table.attr === 'text' ? el.textContent : el.getAttribute('aria-label');
    if (labelMatches(value, table)) return table.closest ? (safeClosest(el, table.closest) ?? el) : el;
  }
  return null;
}

/** The nearest clickable around the target that holds one of the markers (a hook inside the button). */
function byMarker(target: Element, markers: string[], control = '[role="button"],button'): Element | null {
  const c = safeClosest(target, control);
  // A clickable wrapping other clickables (a whole card) is not the button the marker names.
  if (!c || safeQuery(c, control)) return null;
  return markers.some((m) => safeMatches(c, m) || safeQuery(c, m)) ? c : null;
}

/** The control at a fixed place of its action bar (negative index: from the end). */
function byPosition(target: Element, pos: NonNullable<ActionRule['position']>): Element | null {
  const c = safeClosest(target, pos.item);
  const bar = c ? safeClosest(c, pos.bar) : null;
  if (!c || !bar || (pos.not && safeMatches(c, pos.not))) return null;
  const items = safeQueryAll(bar, pos.item).filter((e) => !pos.noDigits || !/\p{N}/u.test(e.textContent ?? ''));
  const at = items[pos.index < 0 ? items.length + pos.index : pos.index];
  return at === c ? c : null;
}

/**
 * The control the event hit and the rule that recognised it, or null. `dblclick` events look only
 * at gesture-only rules; every other event only at the ordinary ones.
 */
export function findControl(
  site: SiteModule,
  target: Element,
  eventType = 'click',
): { rule: ActionRule; control: Element } | null {
  const gesture = eventType === 'dblclick';
  for (const rule of site.rules.actions) {
    if (Boolean(rule.gestures?.includes('dblclick')) !== gesture) continue;
    // A marker names the button it sits in: that button is the control, wherever the click landed.
    // Then the rule's selectors, its place in an action bar, its label, each only if the one before found nothing.
    const control =
      (rule.markers?.length ? byMarker(target, rule.markers, rule.markerControl) : null) ??
      closestOf(target, rule.selectors) ??
      (rule.position ? byPosition(target, rule.position) : null) ??
      (rule.labels ? matchLabel(target, rule.labels) : null);
    if (control) return { rule, control };
  }
  return null;
}

function firstText(root: Element, selectors: string[]): { text: string; alts: string[] } {
  for (const sel of selectors) {
    const found = safeQuery(root, sel);
    if (found) return readText(found);
  }
  return { text: '', alts: [] };
}

/**
 * textContent plus image alt text (X renders emoji as <img alt>). textContent, not innerText:
 * innerText forces a layout, and this runs inside a click handler.
 */
export function readText(el: Element): { text: string; alts: string[] } {
  const alts = safeQueryAll(el, 'img[alt]')
    .map((img) => img.getAttribute('alt'))
    .filter((a): a is string => !!a);
  return { text: el.textContent ?? '', alts };
}

const sameAccount = (a: AccountRef, b: AccountRef) =>
  a.platform === b.platform && (a.handle ? a.handle === b.handle : a.id ? a.id === b.id : a.url === b.url);

type Text = { text: string[]; alts: string[] };

/**
 * The text under `el` into `out`: text nodes, a line break for each `<br>`, image alt text apart
 * (X renders emoji as <img alt>). `skip` leaves elements out; `blocks` also ends every block element
 * with a line break (an editor's lines).
 */
function walkText(el: Element, out: Text, skip?: (e: Element) => boolean, blocks?: boolean): void {
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType === 3) out.text.push(n.textContent ?? '');
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (skip?.(e)) continue;
    if (e.tagName === 'BR') out.text.push('\n');
    else if (e.tagName === 'IMG') {
      const alt = e.getAttribute('alt');
      if (alt) out.alts.push(alt);
    } else {
      walkText(e, out, skip, blocks);
      if (blocks && BLOCKS.has(e.tagName)) out.text.push('\n');
    }
  }
}

/** Something a person wrote: a letter, a digit or an emoji (a lone "•" or an empty wrapper is not). */
const MEANINGFUL = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

/**
 * The item's body where its author's name, timestamp and buttons share elements with it: the text
 * of the `text` matches with the skipped parts left out (see ContainerRule.textSkip).
 */
function bodyText(
  site: SiteModule,
  container: Element,
  rule: ContainerRule,
  author: AccountRef | undefined,
  base: string,
): { text: string; alts: string[] } {
  const skipped = (e: Element): boolean => {
    if ((rule.textSkip ?? []).some((s) => safeMatches(e, s))) return true;
    if (!rule.textSkipAuthor || !author || e.tagName !== 'A') return false;
    const href = e.getAttribute('href');
    const acc = href && site.accountFromHref(href, base);
    if (!href || !acc || !sameAccount(acc, author)) return false;
    // The author's profile link is their name; a permalink (which names its author too) may hold the body.
    const url = absolute(href, base);
    const page = url && site.pageAccount(url, container.ownerDocument);
    return !!page && sameAccount(page, author);
  };
  const insideSkipped = (e: Element): boolean => {
    for (let p: Element | null = e; p && p !== container; p = p.parentElement) if (skipped(p)) return true;
    return false;
  };
  const after = rule.textAfter ? safeQuery(container, rule.textAfter) : null;
  for (const sel of rule.text) {
    const parts: string[] = [];
    const alts: string[] = [];
    const taken: Element[] = [];
    // One query for both keeps document order: only matches after `after` (and not inside it) count.
    const ordered = after ? safeQueryAll(container, `${rule.textAfter}, ${sel}`) : safeQueryAll(container, sel);
    const from = after ? ordered.indexOf(after) + 1 : 0;
    for (const m of ordered.slice(from)) {
      if (after?.contains(m) || (after && !safeMatches(m, sel))) continue;
      if (taken.some((t) => t.contains(m)) || insideSkipped(m)) continue;
      const out: Text = { text: [], alts: [] };
      walkText(m, out, skipped);
      const text = out.text.join('').trim();
      if (!MEANINGFUL.test(text) && out.alts.length === 0) continue;
      parts.push(text);
      alts.push(...out.alts);
      taken.push(m);
      if (!rule.textAll) break;
    }
    if (parts.length) return { text: parts.join('\n'), alts };
  }
  return { text: '', alts: [] };
}

function readItem(site: SiteModule, container: Element, rule: ContainerRule, base: string): ItemContext {
  let author: AccountRef | undefined;
  const accountOf = (a: Element | null | undefined): AccountRef | null => {
    const href = a?.getAttribute('href');
    return href ? site.accountFromHref(href, base) : null;
  };
  for (const sel of rule.author) {
    // The first match is nearly always the one; only when it names no account are the others read.
    const first = safeQuery(container, sel);
    if (!first) continue;
    author = accountOf(first) ?? undefined;
    for (const a of author ? [] : safeQueryAll(container, sel).slice(1)) {
      author = accountOf(a) ?? undefined;
      if (author) break;
    }
    if (author) break;
  }
  if (!author) missAt(site, 'author');
  const { text, alts } =
    rule.textSkip || rule.textSkipAuthor || rule.textAfter || rule.textAll
      ? bodyText(site, container, rule, author, base)
      : firstText(container, rule.text);
  const all = (selectors: string[] = [], read: (e: Element) => string | null) =>
    selectors.flatMap((s) => safeQueryAll(container, s).map((e) => read(e) ?? ''));
  const altText = [...alts, ...all(rule.alt, (e) => e.getAttribute('alt'))];
  const linkTitles = all(rule.linkTitles, (e) => e.textContent);
  let permalink: string | undefined;
  for (const sel of rule.permalink ?? []) {
    const href = safeQuery(container, sel)?.getAttribute('href');
    if (href) {
      permalink = absolute(href, base); // left out when it does not parse
      break;
    }
  }
  return { scope: rule.scope, author, text, altText: altText.filter(Boolean), linkTitles, permalink };
}

/** The page's own account as the item (a follow button, a composer with no item of its own). */
const pageItem = (page: AccountRef | undefined): ItemContext => ({
  scope: 'page',
  author: page,
  text: '',
  altText: [],
  linkTitles: [],
});

/** Find the innermost item container (comment before post) around an element. */
export function findItem(site: SiteModule, el: Element, base: string): ItemContext | null {
  let best: { container: Element; rule: ContainerRule } | null = null;
  for (const rule of site.rules.containers) {
    const c = closestOf(el, rule.selectors);
    // The innermost container wins: a comment nested in a post is the comment's.
    if (c && (!best || best.container.contains(c))) best = { container: c, rule };
  }
  return best ? readItem(site, best.container, best.rule, base) : null;
}

/**
 * Resolve an event target to an action on an item. `opener` is the control that opened a portal
 * menu (X's repost menu lives in #layers, away from its post).
 */
export function resolveAction(
  site: SiteModule,
  target: Element,
  location: { href: string },
  doc: Document,
  opener?: Element | null,
  eventType = 'click',
): ActionHit | null {
  const found = findControl(site, target, eventType);
  if (!found) return null;
  const { rule, control } = found;
  const page = site.pageAccount(location.href, doc) ?? undefined;
  if (rule.about === 'page') {
    return { kind: rule.kind, control, page, item: pageItem(page) };
  }
  const fromOpener = rule.portal && opener?.isConnected;
  const anchor = fromOpener ? (opener as Element) : control;
  const item = findItem(site, anchor, location.href);
  if (!item) {
    // A portal menu's choice whose opening control is gone: the control, not the post, was lost.
    const lost = rule.portal && !fromOpener ? 'control' : 'container';
    missAt(site, `${lost}:${rule.kind}`);
    return null;
  }
  // A comment control opens a comment box that may live outside its item (ComposerRule.owner).
  if (rule.kind === 'comment') commentOpeners.set(site.rules.site, anchor);
  return { kind: rule.kind, control, item, page };
}

/** Per site, the comment control resolved last: the item a detached comment box was opened for. */
const commentOpeners = new Map<string, Element>();

/** The item most visible in the viewport among the matches (none when nothing is laid out). */
function mostInView(doc: Document, selectors: string[]): Element | null {
  const view = doc.defaultView;
  const height = view?.innerHeight ?? 0;
  const width = view?.innerWidth ?? 0;
  let best: Element | null = null;
  let bestArea = 0;
  for (const sel of selectors)
    for (const el of safeQueryAll(doc, sel)) {
      const r = el.getBoundingClientRect?.();
      if (!r) continue;
      const w = Math.min(r.right, width) - Math.max(r.left, 0);
      const h = Math.min(r.bottom, height) - Math.max(r.top, 0);
      const area = w > 0 && h > 0 ? w * h : 0;
      if (area > bestArea) {
        best = el;
        bestArea = area;
      }
    }
  return best;
}

export interface ComposerHit {
  rule: ComposerRule;
  part: 'input' | 'submit';
  element: Element;
  /** a new-post composer (SiteRules.postComposers): its own text is judged, as action kind `post` */
  post?: PostComposerRule;
}

/** Is `target` inside a comment input or on a comment submit button? */
export const findComposer = (site: SiteModule, target: Element): ComposerHit | null =>
  composerAt(target, site.rules.composers);

const DIALOG = '[role="dialog"]';

/** The item around the first element in `root` one of the selectors finds. */
function itemIn(site: SiteModule, root: ParentNode, selectors: string[] = [], base: string): ItemContext | null {
  for (const sel of selectors) {
    const found = safeQuery(root, sel);
    const item = found ? findItem(site, found, base) : null;
    if (item) return item;
  }
  return null;
}

/** The item a composer replies to: the container around it, else its `context`, else the page's account. */
export function composerTarget(
  site: SiteModule,
  hit: ComposerHit,
  location: { href: string },
  doc: Document,
): ActionHit | null {
  const page = site.pageAccount(location.href, doc) ?? undefined;
  const base = location.href;
  let item = findItem(site, hit.element, base);
  if (!item) {
    const dialog = safeClosest(hit.element, DIALOG);
    item = (dialog && itemIn(site, dialog, hit.rule.dialogContext, base)) ?? itemIn(site, doc, hit.rule.context, base);
  }
  const owner = hit.rule.owner;
  const inView = !item && owner?.inView?.length ? mostInView(doc, owner.inView) : null;
  item ??= inView && findItem(site, inView, base);
  const opened = !item && owner?.opener ? commentOpeners.get(site.rules.site) : undefined;
  item ??= opened?.isConnected ? findItem(site, opened, base) : null;
  item ??= page ? pageItem(page) : null;
  if (!item) {
    missAt(site, 'composer-item');
    return null;
  }
  return { kind: 'comment', control: hit.element, item, page };
}

/** How far up from a send button an editor is looked for when no `scope` selector holds one. */
const MAX_SCOPE_DEPTH = 20;

/** The outermost elements in `root` (itself included) that match one of the rule's editor selectors. */
function editorsIn(root: Element, rule: PostComposerRule): Element[] {
  const found: Element[] = [];
  for (const sel of rule.inputs) {
    if (safeMatches(root, sel)) found.push(root);
    found.push(...safeQueryAll(root, sel));
  }
  return found.filter((e, i) => found.indexOf(e) === i && !found.some((o) => o !== e && o.contains(e)));
}

/** What holds an editor of the rule together with `el` (its button, or the editor itself). */
function postScope(el: Element, rule: PostComposerRule): Element | null {
  for (const sel of rule.scope ?? []) {
    const s = safeClosest(el, sel);
    if (s && editorsIn(s, rule).length > 0) return s;
  }
  let p: Element | null = el;
  for (let depth = 0; p && depth <= MAX_SCOPE_DEPTH; depth++, p = p.parentElement)
    if (editorsIn(p, rule).length > 0) return p;
  return null;
}

/** Is `target` in a new-post editor or on its send button (one with an editor of the rule beside it)? */
export const findPostComposer = (site: SiteModule, target: Element): ComposerHit | null =>
  composerAt(target, site.rules.postComposers, true);

/**
 * The composer input or submit button at `target` among `rules`: reply composers, or with `posts`
 * new-post composers, whose send button counts only with an editor of the rule beside it.
 */
function composerAt(
  target: Element,
  rules: ComposerRule[] | PostComposerRule[] = [],
  posts?: boolean,
): ComposerHit | null {
  for (const rule of rules) {
    const post = posts ? (rule as PostComposerRule) : undefined;
    const input = closestOf(target, rule.inputs);
    if (input) return { rule, ...(post && { post }), part: 'input', element: input };
    let submit = closestOf(target, rule.submits);
    if (post) {
      // A label is read only inside the rule's scope (a dialog): not on every click of a feed.
      const inScope = !post.scope?.length || closestOf(target, post.scope) !== null;
      if (!submit && post.submitLabels && inScope) submit = matchLabel(target, post.submitLabels);
      if (submit && !postScope(submit, post)) submit = null;
    }
    if (submit) return { rule, ...(post && { post }), part: 'submit', element: submit };
  }
  return null;
}

const BLOCKS = new Set(['DIV', 'P', 'LI', 'H1', 'H2', 'H3', 'BLOCKQUOTE', 'PRE']);

/**
 * An editor's text as the person wrote it: a textarea's value, else its text with a line break
 * after each block (Draft.js and Lexical keep one `div`/`p` per line, and textContent would run
 * "coblos" and "nomor 2" of two lines together). Emoji images give their alt text.
 */
function editorText(el: Element): { text: string; alts: string[] } {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT')
    return { text: (el as HTMLTextAreaElement).value ?? '', alts: [] };
  const out: Text = { text: [], alts: [] };
  walkText(el, out, undefined, true);
  return {
    text: out.text
      .join('')
      .replace(/\n{2,}/g, '\n')
      .trim(),
    alts: out.alts,
  };
}

/**
 * The person's own new post at the moment they send it: the text of every editor in the composer's
 * scope (a thread of several boxes is one post), judged on its own: no author, no page account (a
 * post written while a candidate's profile is open is not about that profile).
 */
export function postTarget(hit: ComposerHit): ActionHit | null {
  const rule = hit.post;
  if (!rule) return null;
  const scope = postScope(hit.element, rule);
  const editors = scope ? editorsIn(scope, rule) : [hit.element];
  const texts: string[] = [];
  const alts: string[] = [];
  for (const e of editors) {
    const r = editorText(e);
    if (r.text) texts.push(r.text);
    alts.push(...r.alts);
  }
  const text = texts.join('\n');
  if (!text && alts.length === 0) return null;
  return { kind: 'post', control: hit.element, item: { scope: 'post', text, altText: alts, linkTitles: [] } };
}

/** Does this reply composer find the item it replies to (not only the page's account)? */
function repliesToItem(site: SiteModule, hit: ComposerHit, location: { href: string }, doc: Document): boolean {
  const base = location.href;
  if (findItem(site, hit.element, base)) return true;
  // A composer in a dialog replies only to an item shown in that dialog (X's reply modal); a new-post
  // dialog opened over a post page does not reply to that page's post.
  const dialog = safeClosest(hit.element, DIALOG);
  if (dialog) return itemIn(site, dialog, hit.rule.dialogContext, base) !== null;
  if (itemIn(site, doc, hit.rule.context, base)) return true;
  const owner = hit.rule.owner;
  if (owner?.inView?.length && mostInView(doc, owner.inView)) return true;
  return owner?.opener === true && commentOpeners.get(site.rules.site)?.isConnected === true;
}

/**
 * The composer at `target`: a reply composer (a comment on an item) or a new-post composer (its
 * text is judged). Where both rules take the same editor (X's `tweetTextarea_0` serves the home box,
 * the new-post dialog and replies), it is a reply only when the item replied to is found.
 */
export function resolveComposer(
  site: SiteModule,
  target: Element,
  location: { href: string },
  doc: Document,
): ComposerHit | null {
  const post = findPostComposer(site, target);
  const reply = findComposer(site, target);
  if (!post || !reply) return post ?? reply;
  return repliesToItem(site, reply, location, doc) ? reply : post;
}
