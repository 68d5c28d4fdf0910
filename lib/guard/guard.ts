/**
 * Interception: ONE capture-phase listener on `window` (it runs before React's root listener, before
 * Polymer's element listeners and before any bubble handler) that decides synchronously whether an
 * event is the person's action on campaign content, and if so holds it and asks the person.
 *
 * Only the person's own input is ever held: an event a page script made (`isTrusted === false`)
 * always passes untouched, so a page cannot probe for the extension by dispatching clicks or keys.
 * The comment-start warning also needs a live user activation, because `el.focus()` from a page
 * script fires a trusted `focusin`.
 *
 * Why every event type of a gesture: some widgets act on pointerdown/mousedown (Facebook reactions),
 * others on click. The whole gesture on a flagged control is swallowed; the dialog opens on the
 * click (or Enter/Space, or a shortcut).
 *
 * Nothing is ever replayed. After Proceed the guard arms a one-time pass: the person's next real
 * activation of exactly that control (or, for a menu in a portal, the same menu entry) on exactly
 * that item, within ALLOW_MS, reaches the site as the person's own trusted input. The item is
 * re-resolved at that moment; if the element now belongs to another item the pass is dropped.
 *
 * Comments: the first focus or keystroke in a comment box of a flagged item warns once per item;
 * the submit (button, Enter or Ctrl/Cmd+Enter) is held every time.
 *
 * The person's own new post, caption or status (action kind `post`): nothing is read while they
 * type; at the send (button, Ctrl/Cmd+Enter, or Enter where it sends) the text they wrote is judged
 * and, if it names a candidate, the send is held like any other action.
 */
import type { Decision } from '../match/types';
import {
  type ComposerHit,
  composerTarget,
  findControl,
  postTarget,
  recordMiss,
  resolveAction,
  resolveComposer,
} from '../sites/engine';
import type { ActionHit, ActionKind, SiteModule } from '../sites/types';

/** `not_campaign`: the person says this is not campaign content; it needs the same acknowledgement as proceed. */
export type Choice = 'cancel' | 'proceed' | 'not_campaign';

/** How long the person has to repeat the action after Proceed. */
export const ALLOW_MS = 15_000;
/** After a key activated a control, how long the click the browser makes of it may follow. */
const FOLLOW_UP_MS = 1_000;

export interface WarningRequest {
  hit: ActionHit;
  decision: Decision;
  /** a comment warning raised when the person starts typing, before anything is sent */
  phase: 'action' | 'comment-start';
}

export interface GuardDeps {
  site: SiteModule;
  win: Window;
  /** false until settings are loaded and whenever the guard is off: everything passes */
  enabled?(): boolean;
  /** synchronous recognition; returns null or no matches to let the action pass */
  evaluate(hit: ActionHit): Decision | null;
  /** show the warning; resolves with the person's choice */
  warn(req: WarningRequest): Promise<Choice>;
  /** our own UI host elements: events inside them are never intercepted */
  isOwnUi(node: EventTarget): boolean;
  /** the page has a live user activation (navigator.userActivation.isActive) */
  userActive?(): boolean;
  now?(): number;
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

/** the presses and releases of a gesture: the first six guarded event types */
const GESTURE_PARTS = new Set<string>(GUARDED_EVENTS.slice(0, 6));

/**
 * Touch. A tap is pointerdown, touchstart, pointerup, touchend, then the compatibility mouse events
 * and the click: the parts are held like a mouse gesture's and the dialog opens on the click.
 * A double-tap on media is two such taps on the same control within DOUBLE_TAP_MS (phones give no
 * reliable dblclick; sites count the taps themselves): the first passes, the whole second is held.
 */
const DOUBLE_TAP_MS = 350;
/** How long the rest of a judged second tap (release, mouse events, click, dblclick) may follow its press. */
const TAP_REST_MS = 1_000;
/** How long a press's answer is kept for the rest of its gesture (a slow click is still one click). */
const GESTURE_MS = 2_000;

/** touchstart or touchend: the only touch events guarded (GUARDED_EVENTS) */
const isTouchEvent = (e: Event): boolean => e.type.startsWith('touch');
const isTouch = (e: Event): boolean => isTouchEvent(e) || (e as PointerEvent).pointerType === 'touch';
const isPress = (e: Event): boolean => e.type === 'touchstart' || e.type === 'pointerdown';
const isRelease = (e: Event): boolean => e.type === 'touchend' || e.type === 'pointerup';
/** the activation that ends a gesture: a click or a double-click */
const isClick = (e: Event): boolean => e.type === 'click' || e.type === 'dblclick';

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable === true;
}

function hold(e: Event): void {
  // A touch event is stopped, not cancelled: a cancelled touchend also cancels the click the
  // browser makes of the tap, and the dialog opens on that click (touchstart on window is passive).
  if (!isTouchEvent(e)) e.preventDefault();
  e.stopImmediatePropagation();
}

type Flagged = { hit: ActionHit; decision: Decision };
/** what spends an armed pass (see `spend`) */
type Spend = 'click' | 'dblclick' | 'key' | 'key-on-control' | 'shortcut';

/** A stable key for "this item" across re-renders: its permalink, else author + start of text. */
export function itemKey(hit: ActionHit): string {
  const i = hit.item;
  return i.permalink ?? `${i.author?.platform}:${i.author?.handle ?? i.author?.id ?? ''}:${i.text.slice(0, 80)}`;
}

/** The one-time pass armed by Proceed. */
interface Allow {
  kind: ActionKind;
  control: Element;
  item: string;
  /** a portal menu entry (X repost): the menu may be re-rendered, so any entry of the same rule */
  portal: boolean;
  /** the activation this pass is spent on: a click, a double-click, or a key (shortcut, composer send) */
  via: 'click' | 'dblclick' | 'key';
  until: number;
  /** a key already activated the control: only the click the browser makes of it may follow */
  followUp: boolean;
}

export function defaultUserActive(win: Window): boolean {
  const ua = (win.navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;
  // Browsers without the API (older Firefox): focus alone cannot be told apart; allow it.
  return ua ? ua.isActive : true;
}

export function createGuard(deps: GuardDeps) {
  const { site, win } = deps;
  const now = deps.now ?? Date.now;
  const userActive = deps.userActive ?? (() => defaultUserActive(win));
  let pending = false;
  /** the control that opened a portal menu (X repost), to find the post a menu item belongs to */
  let opener: Element | null = null;
  /** a Space keydown we held: its keyup must not activate the button */
  let heldSpace: Element | null = null;
  /** items whose comment-start warning was already shown on this page */
  const commentWarned = new Set<string>();
  /** composers (as resolved for one focus) already judged for the comment start */
  const startJudged = new WeakSet<ComposerHit>();
  let allow: Allow | null = null;
  /** the last touch tap that ended on a double-tap (gesture-only) control */
  let lastTap: { control: Element; at: number } | null = null;
  /** a second tap on it in progress: its remaining events are held (and asked about) or passed together */
  let secondTap: { control: Element; at: number; found: Flagged; held: boolean } | null = null;

  const checked = (hit: ActionHit | null): Flagged | null => {
    if (!hit) return null;
    const decision = deps.evaluate(hit);
    return decision && decision.matches.length > 0 ? { hit, decision } : null;
  };
  const flagged = (target: Element, eventType = 'click') =>
    checked(resolveAction(site, target, win.location, win.document, opener, eventType));
  /**
   * One press asks the same question up to five times (pointerdown, mousedown, pointerup, mouseup,
   * click), and on a large item (a watch page) each answer reads the item afresh. A flagged answer
   * is kept from the press to its click for the same target: its events were held, so the page saw
   * nothing it could have changed the item in response to (a pass the person armed is still checked
   * per event). An unflagged answer is not kept: the page saw those events.
   */
  let gesture: { target: Element; type: string; until: number; found: Flagged } | null = null;
  const flaggedInGesture = (e: Event, target: Element, eventType = 'click'): Flagged | null => {
    const g = gesture;
    const t = now();
    const ends = isClick(e);
    if (g && !isPress(e) && g.target === target && g.type === eventType && t <= g.until) {
      if (ends) gesture = null;
      return g.found;
    }
    const found = flagged(target, eventType);
    gesture = found && !ends ? { target, type: eventType, until: t + GESTURE_MS, found } : null;
    return found;
  };
  const flaggedComposer = (c: ComposerHit) =>
    checked(c.post ? postTarget(c) : composerTarget(site, c, win.location, win.document));
  /**
   * The composer at `target`: a reply one, or a new-post one (`post` set: its text is judged at the
   * send). Every keystroke in an editor asks again for the same element, and telling a reply from a
   * new post can search the document (the item replied to), so the answer is kept for the element
   * until the next focus change or another target.
   */
  let lastComposer: { target: Element; hit: ComposerHit | null } | null = null;
  const composerAt = (target: Element): ComposerHit | null => {
    if (lastComposer?.target !== target)
      lastComposer = { target, hit: resolveComposer(site, target, win.location, win.document) };
    return lastComposer.hit;
  };

  /**
   * Does the armed pass cover this action? Re-resolved now: the same kind, the same item and the
   * same control (any entry of the same portal rule). A control that now belongs to another item
   * drops the pass: that action is judged afresh.
   */
  function passes(hit: ActionHit, activation: 'gesture' | Allow['via'] | 'key-on-control'): boolean {
    const a = allow;
    if (!a) return false;
    // a key's follow-up click may land on the composer's submit button rather than the input
    const sameControl = hit.control === a.control || ((a.portal || a.followUp) && hit.kind === a.kind);
    // expired, or the same control on another item (or of another kind): the pass is dropped
    if (now() > a.until || (sameControl && (hit.kind !== a.kind || itemKey(hit) !== a.item))) {
      allow = null;
      return false;
    }
    return sameControl && (!a.followUp || activation === 'click' || activation === 'gesture');
  }

  /**
   * Spend the pass on the activation that performs the action. `shortcut`: a shortcut acts on
   * keydown, the pass is spent whatever it was armed for.
   */
  function spend(activation: Spend): void {
    const a = allow;
    if (!a) return;
    // Enter/Space on a control: the browser turns it into a click; let that one click follow.
    // A composer send by key may submit its form through the submit button's click.
    if ((activation === 'key-on-control' && !a.followUp) || (activation === 'key' && a.via === 'key')) {
      a.followUp = true;
      a.until = Math.min(a.until, now() + FOLLOW_UP_MS);
    } else allow = null;
  }

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

  /** On Proceed (or a deliberate "not campaign"), arm the one-time pass for the person's repeat. */
  const armOnProceed =
    (found: Flagged, control: Element, via: Allow['via'], portal = false) =>
    (choice: Choice) => {
      if (choice === 'cancel') return;
      const item = itemKey(found.hit);
      // A Reply/Comment button the person just confirmed moves focus into the comment box: that box
      // must not warn a second time for the same item.
      if (found.hit.kind === 'comment') commentWarned.add(item);
      allow = {
        kind: found.hit.kind,
        control,
        item,
        portal,
        via,
        until: now() + ALLOW_MS,
        followUp: false,
      };
    };

  /**
   * A flagged activation: the armed pass lets it through (spent as `spendAs`, if given), else it is
   * held and, when `askNow`, the person is asked, the pass to come tied to `control` and `via`.
   * Returns true when it held.
   */
  function guardAction(
    e: Event,
    found: Flagged,
    activation: Parameters<typeof passes>[1],
    spendAs: Spend | null,
    control: Element,
    via: Allow['via'],
    askNow = !(e as KeyboardEvent).repeat,
    portal = false,
  ): boolean {
    if (passes(found.hit, activation)) {
      if (spendAs) spend(spendAs);
      return false;
    }
    hold(e);
    if (askNow && !pending) ask(found, armOnProceed(found, control, via, portal));
    return true;
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

  /** First focus or keystroke in a comment box: warn once per item. Returns true if it held. */
  function commentStart(e: Event, c: ComposerHit): boolean {
    // A new post is judged at the send only: nothing is read while the person types.
    if (c.post) return false;
    // A focus a page script made fires a trusted focusin too: only warn while the person is acting.
    if (!userActive()) return false;
    // Once judged, the box is not read again on every keystroke (until focus moves: composerAt).
    if (startJudged.has(c)) return false;
    const found = flaggedComposer(c);
    if (!found) {
      startJudged.add(c);
      return false;
    }
    const key = itemKey(found.hit);
    if (pending) return false;
    startJudged.add(c);
    if (commentWarned.has(key)) return false;
    commentWarned.add(key);
    if (e.type === 'keydown') hold(e);
    const input = c.element as HTMLElement;
    ask(
      found,
      (choice) => {
        // Cancel leaves the box; Proceed puts the caret back so the person can go on typing.
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
    if (found) guardAction(e, found, 'key', 'key', c.element, 'key');
  }

  function onKey(e: KeyboardEvent, target: Element): void {
    if (e.type === 'keyup') {
      if (heldSpace && e.key === ' ' && heldSpace.contains(target)) {
        hold(e);
        heldSpace = null;
      }
      return;
    }
    const composer = composerAt(target);
    if (composer?.part === 'input') {
      onComposerKey(e, composer);
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      if (isEditable(target)) return;
      const found = composer ? flaggedComposer(composer) : flagged(target);
      // a held Space: its keyup must not activate the button either
      if (
        found &&
        guardAction(e, found, 'key-on-control', 'key-on-control', found.hit.control, 'click') &&
        e.key === ' '
      )
        heldSpace = found.hit.control;
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || isEditable(target)) return;
    const shortcut = site.rules.shortcuts?.find((s) => s.key === e.key.toLowerCase());
    if (!shortcut) return;
    const control = shortcutControl(shortcut.kind);
    if (!control) return;
    const found = flagged(control);
    // The pass is tied to the control as resolved (a site's shortcut may find a marker inside the
    // button, which resolves to the button itself), so the repeat compares like with like.
    if (found) guardAction(e, found, 'key', 'shortcut', found.hit.control, 'key');
  }

  /**
   * A touch double-tap on media (gesture-only rules). Returns true when the event belongs to a second
   * tap and was dealt with here; the first tap's events go on to the ordinary rules (and pass).
   */
  function onDoubleTap(e: Event, target: Element): boolean {
    const t = now();
    const mediaAt = () => findControl(site, target, 'dblclick');
    const tap = secondTap && t - secondTap.at <= TAP_REST_MS ? secondTap : null;
    if (isPress(e) && isTouch(e)) {
      const media = mediaAt();
      const second = media && lastTap?.control === media.control && t - lastTap.at <= DOUBLE_TAP_MS;
      if (tap && media && tap.control === media.control) {
        // pointerdown and touchstart of the same second tap
        if (tap.held) hold(e);
        return true;
      }
      secondTap = null;
      if (!media || !second) return false;
      lastTap = null;
      const found = flagged(target, 'dblclick');
      if (!found) return false;
      const held = !passes(found.hit, 'gesture');
      secondTap = { control: media.control, at: t, found, held };
      if (held) hold(e);
      return true;
    }
    if (tap?.control.contains(target)) {
      if (!tap.held) {
        // the person's repeat after Proceed: the whole second tap reaches the site; the click spends the pass
        if (e.type === 'click') spend('dblclick');
        return true;
      }
      hold(e);
      if (isClick(e) && !pending) ask(tap.found, armOnProceed(tap.found, tap.control, 'dblclick'));
      return true;
    }
    if (isRelease(e) && isTouch(e)) {
      const media = mediaAt();
      lastTap = media ? { control: media.control, at: t } : null;
    }
    return false;
  }

  function onPointer(e: Event, target: Element): void {
    if (onDoubleTap(e, target)) return;
    const composer = composerAt(target);
    if (composer?.part === 'submit') {
      const found = flaggedComposer(composer);
      const click = e.type === 'click';
      if (found)
        guardAction(
          e,
          found,
          isClick(e) ? 'click' : 'gesture',
          click ? 'click' : null,
          composer.element,
          'click',
          click,
        );
      return;
    }
    // Cheap pre-check: only controls we know are worth resolving further.
    const control = findControl(site, target, e.type);
    if (!control) return;
    const part = GESTURE_PARTS.has(e.type);
    if (control.rule.opensMenu) {
      // the click on a control that only opens a menu: remember it as the menu's opener
      if (!part) opener = control.control;
      return;
    }
    if (part) {
      // A touch press on a control whose long press opens a menu (Facebook's reactions) reaches the
      // site, so the menu can open; the tap's release and click are held below, the choice in the
      // menu is held as the action, resolved to this control's item.
      if (control.rule.longPressMenu && isPress(e) && isTouch(e)) {
        opener = control.control;
        return;
      }
      const found = flaggedInGesture(e, target);
      if (found && !passes(found.hit, 'gesture')) hold(e);
      return;
    }
    const found = flaggedInGesture(e, target, e.type);
    const via = e.type === 'dblclick' ? 'dblclick' : 'click';
    if (found) guardAction(e, found, via, via, found.hit.control, via, true, control.rule.portal === true);
  }

  function handleEvent(e: Event): void {
    // Only the person's own input is ever held: a page's synthetic events pass untouched.
    if (!e.isTrusted) return;
    if (deps.enabled && !deps.enabled()) return;
    // nodeType, not instanceof: the page's Element and the content script's are different objects in Firefox.
    const target = e.target as Element | null;
    if (target?.nodeType !== 1 || deps.isOwnUi(target)) return;
    try {
      if (e.type === 'keydown' || e.type === 'keyup') onKey(e as KeyboardEvent, target);
      else if (e.type === 'focusin') {
        lastComposer = null; // a new focus: the editor may have moved into another dialog
        const composer = composerAt(target);
        if (composer?.part === 'input') commentStart(e, composer);
      } else onPointer(e, target);
    } catch {
      // A changed DOM must never break the page: recognition failed, the action passes.
      recordMiss('guard:exception');
    }
  }

  return {
    handleEvent,
    /** attach the one listener for every guarded event type; removed when `signal` aborts */
    attach(signal: AbortSignal): void {
      for (const type of GUARDED_EVENTS) win.addEventListener(type, handleEvent, { capture: true, signal });
    },
    /** for tests and diagnostics: is a one-time pass armed right now? */
    armed(): boolean {
      return allow !== null && now() <= allow.until;
    },
  };
}
