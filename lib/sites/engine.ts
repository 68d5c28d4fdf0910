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

/** The counts so far, as a copy. */
export function missCounts(): ReadonlyMap<string, number> {
  return new Map(misses);
}

/** `closest()` that survives an invalid selector (a bad data update) by skipping it. */
export function safeClosest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    miss(`invalid:${selector}`);
    return null;
  }
}

/**
 * The first match only. On a page whose item is large (a watch page's container holds every
 * comment), querySelectorAll walks the whole subtree for every selector; querySelector stops at the
 * first match, and most rules want only that.
 */
function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    miss(`invalid:${selector}`);
    return null;
  }
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    miss(`invalid:${selector}`);
    return [];
  }
}

function labelMatches(value: string | null, table: LabelTable): boolean {
  if (!value) return false;
  const v = value.trim().toLowerCase();
  const mode = table.match ?? 'exact';
  for (const label of [...table.id, ...table.en]) {
    const l = label.toLowerCase();
    if (
      mode === 'exact'
        ? v === l
        : mode === 'prefix'
          ? v.startsWith(l)
          : mode === 'suffix'
            ? v.endsWith(l)
            : v.includes(l)
    )
      return true;
  }
  return false;
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

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    miss(`invalid:${selector}`);
    return false;
  }
}

/** The nearest clickable around the target that holds one of the markers (a hook inside the button). */
function byMarker(target: Element, markers: string[], control = '[role="button"],button'): Element | null {
  const c = safeClosest(target, control);
  // A clickable wrapping other clickables (a whole card) is not the button the marker names.
  if (!c || safeQueryAll(c, control).length > 0) return null;
  return markers.some((m) => safeMatches(c, m) || safeQueryAll(c, m).length > 0) ? c : null;
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
    const marked = rule.markers?.length ? byMarker(target, rule.markers, rule.markerControl) : null;
    if (marked) return { rule, control: marked };
    for (const sel of rule.selectors) {
      const control = safeClosest(target, sel);
      if (control) return { rule, control };
    }
    const placed = rule.position ? byPosition(target, rule.position) : null;
    if (placed) return { rule, control: placed };
    if (rule.labels) {
      const control = matchLabel(target, rule.labels);
      if (control) return { rule, control };
    }
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
    .map((img) => img.getAttribute('alt') ?? '')
    .filter(Boolean);
  return { text: el.textContent ?? '', alts };
}

const sameAccount = (a: AccountRef, b: AccountRef) =>
  a.platform === b.platform && (a.handle ? a.handle === b.handle : a.id ? a.id === b.id : a.url === b.url);

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
    const acc = href ? site.accountFromHref(href, base) : null;
    if (!href || !acc || !sameAccount(acc, author)) return false;
    // The author's profile link is their name; a permalink (which names its author too) may hold the body.
    let url = '';
    try {
      url = new URL(href, base).href;
    } catch {
      return false;
    }
    const page = site.pageAccount(url, container.ownerDocument);
    return page !== null && sameAccount(page, author);
  };
  const insideSkipped = (e: Element): boolean => {
    for (let p: Element | null = e; p && p !== container; p = p.parentElement) if (skipped(p)) return true;
    return false;
  };
  const collect = (el: Element, out: { text: string[]; alts: string[] }) => {
    for (const n of Array.from(el.childNodes)) {
      if (n.nodeType === 3) out.text.push(n.textContent ?? '');
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      if (skipped(e)) continue;
      if (e.tagName === 'BR') out.text.push('\n');
      else if (e.tagName === 'IMG') {
        const alt = e.getAttribute('alt');
        if (alt) out.alts.push(alt);
      } else collect(e, out);
    }
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
      const out = { text: [] as string[], alts: [] as string[] };
      collect(m, out);
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
  if (!author) miss(`${site.rules.site}:author`);
  const { text, alts } =
    rule.textSkip || rule.textSkipAuthor || rule.textAfter || rule.textAll
      ? bodyText(site, container, rule, author, base)
      : firstText(container, rule.text);
  const altText = [
    ...alts,
    ...(rule.alt ?? []).flatMap((s) => safeQueryAll(container, s).map((e) => e.getAttribute('alt') ?? '')),
  ];
  const linkTitles = (rule.linkTitles ?? []).flatMap((s) => safeQueryAll(container, s).map((e) => e.textContent ?? ''));
  let permalink: string | undefined;
  for (const sel of rule.permalink ?? []) {
    const href = safeQuery(container, sel)?.getAttribute('href');
    if (href) {
      try {
        permalink = new URL(href, base).href;
      } catch {
        /* leave it out */
      }
      break;
    }
  }
  return { scope: rule.scope, author, text, altText: altText.filter(Boolean), linkTitles, permalink };
}

/** Find the innermost item container (comment before post) around an element. */
export function findItem(site: SiteModule, el: Element, base: string): ItemContext | null {
  let best: { container: Element; rule: ContainerRule } | null = null;
  for (const rule of site.rules.containers) {
    for (const sel of rule.selectors) {
      const c = safeClosest(el, sel);
      // The innermost container wins: a comment nested in a post is the comment's.
      if (c && (!best || best.container.contains(c))) best = { container: c, rule };
      if (c) break;
    }
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
    return {
      kind: rule.kind,
      control,
      page,
      item: { scope: 'page', author: page, text: '', altText: [], linkTitles: [] },
    };
  }
  const anchor = rule.portal && opener?.isConnected ? opener : control;
  const item = findItem(site, anchor, location.href);
  if (!item) {
    // A portal menu's choice whose opening control is gone: the control, not the post, was lost.
    const lost = rule.portal && !opener?.isConnected ? 'control' : 'container';
    miss(`${site.rules.site}:${lost}:${rule.kind}`);
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
export function findComposer(site: SiteModule, target: Element): ComposerHit | null {
  for (const rule of site.rules.composers ?? []) {
    for (const sel of rule.inputs) {
      const el = safeClosest(target, sel);
      if (el) return { rule, part: 'input', element: el };
    }
    for (const sel of rule.submits) {
      const el = safeClosest(target, sel);
      if (el) return { rule, part: 'submit', element: el };
    }
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
  let item = findItem(site, hit.element, location.href);
  if (!item) {
    const dialog = safeClosest(hit.element, '[role="dialog"]');
    const places: Array<[ParentNode, string[]]> = [
      ...(dialog ? [[dialog, hit.rule.dialogContext ?? []] as [ParentNode, string[]]] : []),
      [doc, hit.rule.context ?? []],
    ];
    for (const [root, selectors] of places) {
      for (const sel of selectors) {
        const found = safeQuery(root, sel);
        item = found ? findItem(site, found, location.href) : null;
        if (item) break;
      }
      if (item) break;
    }
  }
  const owner = hit.rule.owner;
  if (!item && owner?.inView?.length) {
    const inView = mostInView(doc, owner.inView);
    item = inView ? findItem(site, inView, location.href) : null;
  }
  if (!item && owner?.opener) {
    const opened = commentOpeners.get(site.rules.site);
    item = opened?.isConnected ? findItem(site, opened, location.href) : null;
  }
  if (!item && page) item = { scope: 'page', author: page, text: '', altText: [], linkTitles: [] };
  if (!item) {
    miss(`${site.rules.site}:composer-item`);
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
export function findPostComposer(site: SiteModule, target: Element): ComposerHit | null {
  for (const rule of site.rules.postComposers ?? []) {
    for (const sel of rule.inputs) {
      const el = safeClosest(target, sel);
      if (el) return { rule, post: rule, part: 'input', element: el };
    }
    let submit: Element | null = null;
    for (const sel of rule.submits) {
      submit = safeClosest(target, sel);
      if (submit) break;
    }
    // A label is read only inside the rule's scope (a dialog): not on every click of a feed.
    const inScope = !rule.scope?.length || rule.scope.some((s) => safeClosest(target, s) !== null);
    if (!submit && rule.submitLabels && inScope) submit = matchLabel(target, rule.submitLabels);
    if (submit && postScope(submit, rule)) return { rule, post: rule, part: 'submit', element: submit };
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
  const out: string[] = [];
  const alts: string[] = [];
  const walk = (node: Node) => {
    for (const n of Array.from(node.childNodes)) {
      if (n.nodeType === 3) out.push(n.textContent ?? '');
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      if (e.tagName === 'BR') out.push('\n');
      else if (e.tagName === 'IMG') {
        const alt = e.getAttribute('alt');
        if (alt) alts.push(alt);
      } else {
        walk(e);
        if (BLOCKS.has(e.tagName)) out.push('\n');
      }
    }
  };
  walk(el);
  return {
    text: out
      .join('')
      .replace(/\n{2,}/g, '\n')
      .trim(),
    alts,
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
  if (findItem(site, hit.element, location.href)) return true;
  const found = (root: ParentNode, selectors: string[]) =>
    selectors.some((sel) => {
      const f = safeQuery(root, sel);
      return f ? findItem(site, f, location.href) !== null : false;
    });
  // A composer in a dialog replies only to an item shown in that dialog (X's reply modal); a new-post
  // dialog opened over a post page does not reply to that page's post.
  const dialog = safeClosest(hit.element, '[role="dialog"]');
  if (dialog) return found(dialog, hit.rule.dialogContext ?? []);
  if (found(doc, hit.rule.context ?? [])) return true;
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
