/**
 * Interception: ONE capture-phase listener on `window` (it runs before React's root listener, before
 * Polymer's element listeners and before any bubble handler) that decides synchronously whether an
 * event is an action on campaign content, and if so holds it and asks the user.
 *
 * Why every event type of a gesture: some widgets act on pointerdown/mousedown (Facebook reactions),
 * others on click. The whole gesture on a flagged control is swallowed; the dialog opens on the
 * click (or Enter/Space, or a shortcut); Proceed replays the gesture once (replay.ts).
 *
 * Comments: the first focus or keystroke in a comment box of a flagged item warns once per item;
 * the submit (button, Enter or Ctrl/Cmd+Enter) is held every time.
 */
import type { Decision } from '../match/types';
import { type ComposerHit, composerTarget, findComposer, findControl, misses, resolveAction } from '../sites/engine';
import type { ActionHit, ActionKind, SiteModule } from '../sites/types';
import { isReplaying, type ReplayKind, replay } from './replay';

/** `not_campaign`: the user says this is not campaign content; the action goes through like proceed. */
export type Choice = 'cancel' | 'proceed' | 'not_campaign';

export interface WarningRequest {
  hit: ActionHit;
  decision: Decision;
  /** a comment warning raised when the user starts typing, before anything is sent */
  phase: 'action' | 'comment-start';
}

export interface GuardDeps {
  site: SiteModule;
  win: Window;
  /** synchronous recognition; returns null or no matches to let the action pass */
  evaluate(hit: ActionHit): Decision | null;
  /** show the warning; resolves with the user's choice */
  warn(req: WarningRequest): Promise<Choice>;
  /** our own UI host elements: events inside them are never intercepted */
  isOwnUi(node: EventTarget): boolean;
}

export const GUARDED_EVENTS = [
  'pointerdown',
  'mousedown',
  'pointerup',
  'mouseup',
  'touchstart',
  'touchend',
  'click',
  'dblclick',
  'keydown',
  'keyup',
  'focusin',
] as const;

const GESTURE_PARTS = new Set(['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'touchstart', 'touchend']);

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable === true;
}

function hold(e: Event): void {
  e.preventDefault();
  e.stopImmediatePropagation();
}

type Flagged = { hit: ActionHit; decision: Decision };

/** A stable key for "this item" across re-renders: its permalink, else author + start of text. */
function itemKey(hit: ActionHit): string {
  const i = hit.item;
  return i.permalink ?? `${i.author?.platform}:${i.author?.handle ?? i.author?.id ?? ''}:${i.text.slice(0, 80)}`;
}

export function createGuard(deps: GuardDeps) {
  const { site, win } = deps;
  let pending = false;
  /** the control that opened a portal menu (X repost), to find the post a menu item belongs to */
  let opener: Element | null = null;
  /** a Space keydown we held: its keyup must not activate the button */
  let heldSpace: Element | null = null;
  /** items whose comment-start warning was already shown on this page */
  const commentWarned = new Set<string>();

  const checked = (hit: ActionHit | null): Flagged | null => {
    if (!hit) return null;
    const decision = deps.evaluate(hit);
    return decision && decision.matches.length > 0 ? { hit, decision } : null;
  };
  const flagged = (target: Element, eventType = 'click') =>
    checked(resolveAction(site, target, win.location, win.document, opener, eventType));
  const flaggedComposer = (c: ComposerHit) => checked(composerTarget(site, c, win.location, win.document));

  function ask(found: Flagged, onChoice: (choice: Choice) => void, phase: WarningRequest['phase'] = 'action') {
    pending = true;
    deps
      .warn({ ...found, phase })
      .then((choice) => {
        pending = false;
        onChoice(choice);
      })
      .catch(() => {
        // The dialog failed to show: the action stays cancelled (safe side), nothing else happens.
        pending = false;
      });
  }

  const replayOnProceed = (kind: ReplayKind, el: Element, key?: KeyboardEvent, found?: Flagged) => (choice: Choice) => {
    if (choice === 'cancel') return;
    // A Reply/Comment button the user just confirmed moves focus into the comment box: that box
    // must not warn a second time for the same item.
    if (found?.hit.kind === 'comment') commentWarned.add(itemKey(found.hit));
    if (el.isConnected) replay(kind, el, key);
  };

  /** The control a keyboard shortcut acts on: the matching control inside the focused item. */
  function shortcutControl(kind: ActionKind): Element | null {
    const active = win.document.activeElement;
    if (!active) return null;
    for (const c of site.rules.containers) {
      for (const sel of c.selectors) {
        let item: Element | null = null;
        try {
          item = active.closest(sel);
        } catch {
          continue;
        }
        if (!item) continue;
        for (const rule of site.rules.actions) {
          if (rule.kind !== kind || rule.portal) continue;
          for (const s of rule.selectors) {
            const el = item.querySelector(s);
            if (el) return rule.opensMenu ? null : el;
          }
        }
      }
    }
    return null;
  }

  /** First focus or keystroke in a comment box: warn once per item. Returns true if it held. */
  function commentStart(e: Event, c: ComposerHit): boolean {
    const found = flaggedComposer(c);
    if (!found) return false;
    const key = itemKey(found.hit);
    if (commentWarned.has(key) || pending) return false;
    commentWarned.add(key);
    if (e.type === 'keydown') hold(e);
    const input = c.element as HTMLElement;
    ask(
      found,
      (choice) => {
        // Cancel leaves the box; Proceed puts the caret back so the user can go on typing.
        if (choice === 'cancel') input.blur();
        else input.focus();
      },
      'comment-start',
    );
    return true;
  }

  function onComposerKey(e: KeyboardEvent, c: ComposerHit): void {
    const submits = e.key === 'Enter' && (e.ctrlKey || e.metaKey || (c.rule.enterSubmits === true && !e.shiftKey));
    if (!submits) {
      if (e.key.length === 1 || e.key === 'Backspace') commentStart(e, c);
      return;
    }
    const found = flaggedComposer(c);
    if (!found) return;
    hold(e);
    if (!pending && !e.repeat) ask(found, replayOnProceed('key', c.element, e));
  }

  function onKey(e: KeyboardEvent, target: Element): void {
    if (e.type === 'keyup') {
      if (heldSpace && e.key === ' ' && heldSpace.contains(target)) {
        hold(e);
        heldSpace = null;
      }
      return;
    }
    const composer = findComposer(site, target);
    if (composer?.part === 'input') {
      onComposerKey(e, composer);
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      if (isEditable(target)) return;
      const found = composer ? flaggedComposer(composer) : flagged(target);
      if (!found) return;
      hold(e);
      if (e.key === ' ') heldSpace = found.hit.control;
      if (!pending && !e.repeat) ask(found, replayOnProceed('click', found.hit.control, undefined, found));
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || isEditable(target)) return;
    const shortcut = site.rules.shortcuts?.find((s) => s.key === e.key.toLowerCase());
    if (!shortcut) return;
    const control = shortcutControl(shortcut.kind);
    if (!control) return;
    const found = flagged(control);
    if (!found) return;
    hold(e);
    if (!pending && !e.repeat) ask(found, replayOnProceed('click', control, undefined, found));
  }

  function onPointer(e: Event, target: Element): void {
    const composer = findComposer(site, target);
    if (composer?.part === 'submit') {
      const found = flaggedComposer(composer);
      if (!found) return;
      hold(e);
      if (e.type === 'click' && !pending) ask(found, replayOnProceed('click', composer.element));
      return;
    }
    // Cheap pre-check: only controls we know are worth resolving further.
    const control = findControl(site, target, e.type);
    if (!control) return;
    if (GESTURE_PARTS.has(e.type)) {
      if (!control.rule.opensMenu && flagged(target)) hold(e);
      return;
    }
    if (control.rule.opensMenu) {
      opener = control.control;
      return;
    }
    const found = flagged(target, e.type);
    if (!found) return;
    hold(e);
    if (!pending)
      ask(found, replayOnProceed(e.type === 'dblclick' ? 'dblclick' : 'click', found.hit.control, undefined, found));
  }

  function handleEvent(e: Event): void {
    if (isReplaying()) return;
    // nodeType, not instanceof: the page's Element and the content script's are different objects in Firefox.
    const target = e.target as Element | null;
    if (target?.nodeType !== 1 || deps.isOwnUi(target)) return;
    try {
      if (e.type === 'keydown' || e.type === 'keyup') onKey(e as KeyboardEvent, target);
      else if (e.type === 'focusin') {
        const composer = findComposer(site, target);
        if (composer?.part === 'input') commentStart(e, composer);
      } else onPointer(e, target);
    } catch {
      // A changed DOM must never break the page: recognition failed, the action passes.
      misses.set('guard:exception', (misses.get('guard:exception') ?? 0) + 1);
    }
  }

  return {
    handleEvent,
    /** attach the one listener for every guarded event type; removed when `signal` aborts */
    attach(signal: AbortSignal): void {
      for (const type of GUARDED_EVENTS) win.addEventListener(type, handleEvent, { capture: true, signal });
    },
  };
}
