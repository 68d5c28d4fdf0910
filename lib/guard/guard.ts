/**
 * Interception: ONE capture-phase listener on `window` (it runs before React's root listener, before
 * Polymer's element listeners and before any bubble handler) that decides synchronously whether an
 * event is an action on campaign content, and if so holds it and asks the user.
 *
 * Why every event type of a gesture: some widgets act on pointerdown/mousedown (Facebook reactions),
 * others on click. The whole gesture on a flagged control is swallowed; the dialog opens on the
 * click (or Enter/Space, or a shortcut); Proceed replays the gesture once (replay.ts).
 */
import type { Decision } from '../match/types';
import { findControl, findItem, misses, resolveAction } from '../sites/engine';
import type { ActionHit, ActionKind, SiteModule } from '../sites/types';
import { isReplaying, type ReplayKind, replay } from './replay';

export type Choice = 'cancel' | 'proceed';

export interface WarningRequest {
  hit: ActionHit;
  decision: Decision;
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

export function createGuard(deps: GuardDeps) {
  const { site, win } = deps;
  let pending = false;
  /** the control that opened a portal menu (X repost), to find the post a menu item belongs to */
  let opener: Element | null = null;
  /** a Space keydown we held: its keyup must not activate the button */
  let heldSpace: Element | null = null;

  function flagged(target: Element): { hit: ActionHit; decision: Decision } | null {
    const hit = resolveAction(site, target, win.location, win.document, opener);
    if (!hit) return null;
    const decision = deps.evaluate(hit);
    return decision && decision.matches.length > 0 ? { hit, decision } : null;
  }

  function ask(found: { hit: ActionHit; decision: Decision }, kind: ReplayKind, control: Element, key?: KeyboardEvent) {
    pending = true;
    deps
      .warn({ hit: found.hit, decision: found.decision })
      .then((choice) => {
        pending = false;
        if (choice === 'proceed' && control.isConnected) replay(kind, control, key);
      })
      .catch(() => {
        // The dialog failed to show: the action stays cancelled (safe side), nothing else happens.
        pending = false;
      });
  }

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

  function onKey(e: KeyboardEvent, target: Element): void {
    if (e.type === 'keyup') {
      if (heldSpace && e.key === ' ' && heldSpace.contains(target)) {
        hold(e);
        heldSpace = null;
      }
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      if (isEditable(target)) return;
      const found = flagged(target);
      if (!found) return;
      hold(e);
      if (e.key === ' ') heldSpace = found.hit.control;
      if (!pending && !e.repeat) ask(found, 'click', found.hit.control);
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
    if (!pending && !e.repeat) ask(found, 'click', control);
  }

  function handleEvent(e: Event): void {
    if (isReplaying()) return;
    // nodeType, not instanceof: the page's Element and the content script's are different objects in Firefox.
    const target = e.target as Element | null;
    if (target?.nodeType !== 1 || deps.isOwnUi(target)) return;
    try {
      if (e.type === 'keydown' || e.type === 'keyup') {
        onKey(e as KeyboardEvent, target);
        return;
      }
      if (GESTURE_PARTS.has(e.type)) {
        // Cheap pre-check: only controls we know are worth resolving further.
        if (findControl(site, target) && flagged(target)) hold(e);
        return;
      }
      const control = findControl(site, target);
      if (!control) return;
      if (control.rule.opensMenu) {
        opener = control.control;
        return;
      }
      if (e.type === 'dblclick' && !control.rule.gestures?.includes('dblclick')) return;
      const found = flagged(target);
      if (!found) return;
      hold(e);
      if (!pending) ask(found, e.type === 'dblclick' ? 'dblclick' : 'click', found.hit.control);
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

export { findItem };
