/**
 * The guard's middle tier: lib/guard/guard.ts on the hand-written site fixtures (parsed with
 * linkedom), with fakes for the window, the matcher and the dialog. Each event is handed to the
 * guard's capture listener as the browser would; "the site's own handler runs" exactly when the
 * guard did not stop the event. Covers every guarded event type, trusted vs untrusted input,
 * keyboard, gestures, the comment start, the one-time pass after Proceed, and a dismissed dialog.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ALLOW_MS, type Choice, createGuard, GUARDED_EVENTS, type WarningRequest } from '../../lib/guard/guard';
import { isOwnUi, registerOwnHost } from '../../lib/guard/own-ui';
import type { Decision } from '../../lib/match/types';
import { facebook } from '../../lib/sites/facebook';
import { instagram } from '../../lib/sites/instagram';
import { tiktok } from '../../lib/sites/tiktok';
import { whatsapp } from '../../lib/sites/whatsapp';
import type { ActionHit, SiteModule } from '../../lib/sites/types';
import { x } from '../../lib/sites/x';
import { fixturePage } from './fixture-page';

interface FakeEvent {
  type: string;
  target: Element;
  isTrusted: boolean;
  key?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
  repeat?: boolean;
  /** pointer events: 'mouse' or 'touch' */
  pointerType?: string;
  defaultPrevented: boolean;
  /** the guard stopped it: the site's own handler never runs */
  held: boolean;
  preventDefault(): void;
  stopImmediatePropagation(): void;
}

function makeEvent(type: string, target: Element, init: Partial<FakeEvent> = {}): FakeEvent {
  const e: FakeEvent = {
    type,
    target,
    isTrusted: true,
    defaultPrevented: false,
    held: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
    stopImmediatePropagation() {
      e.held = true;
    },
    ...init,
  };
  return e;
}

/** A guard on one fixture page, with a scripted dialog and a clock. */
function setup(site: SiteModule, file: string, url: string) {
  const { document, win, listeners } = fixturePage(file, url);
  let focused: Element | null = null;
  Object.defineProperty(document, 'activeElement', { get: () => focused, configurable: true });
  const state = {
    enabled: true,
    userActive: true,
    now: 1_000_000,
    asked: [] as WarningRequest[],
    answer: null as ((c: Choice) => void) | null,
    /** how many times anything was judged (a new post's text must not be read before the send) */
    evaluated: 0,
  };
  const flaggedHandles = /^(prabowo|aniesbaswedan|kandidat\.dua\.test|kandidat\.satu\.test)$/i;
  const guard = createGuard({
    site,
    win,
    enabled: () => state.enabled,
    userActive: () => state.userActive,
    now: () => state.now,
    isOwnUi,
    evaluate(hit: ActionHit): Decision | null {
      state.evaluated++;
      const who = hit.item.author?.handle ?? hit.page?.handle ?? '';
      const flagged = flaggedHandles.test(who) || /prabowo|anies|ganjar/i.test(hit.item.text);
      return flagged
        ? ({ matches: [{ ticketId: 'pilpres-2024/2', strength: 'account', evidence: [] }] } as unknown as Decision)
        : ({ matches: [] } as unknown as Decision);
    },
    warn(req) {
      state.asked.push(req);
      return new Promise<Choice>((resolve) => {
        state.answer = resolve;
      });
    },
  });
  guard.attach(new AbortController().signal);
  const fire = (type: string, target: Element | string, init: Partial<FakeEvent> = {}) => {
    const el = typeof target === 'string' ? document.querySelector(target) : target;
    if (!el) throw new Error(`fixture has no ${target}`);
    const e = makeEvent(type, el, init);
    const fn = listeners.get(type);
    if (!fn) throw new Error(`no guard listener for ${type}`);
    fn(e as unknown as Event);
    return e;
  };
  /** a whole click gesture; returns whether the site's click handler ran */
  const click = (target: Element | string, init: Partial<FakeEvent> = {}) => {
    const parts = ['pointerdown', 'mousedown', 'pointerup', 'mouseup'].map((t) => fire(t, target, init));
    const c = fire('click', target, init);
    return { parts, click: c, ran: !c.held };
  };
  const choose = async (choice: Choice) => {
    const answer = state.answer;
    state.answer = null;
    answer?.(choice);
    await Promise.resolve();
    await Promise.resolve();
  };
  const focus = (el: Element | string) => {
    focused = typeof el === 'string' ? document.querySelector(el) : el;
  };
  return { document, state, guard, fire, click, choose, focus };
}

const LIKE = (p: string) => `article[data-post="${p}"] [data-testid="like"]`;

describe('guard on X (home feed)', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup(x, 'x/home.html', 'https://x.com/home');
  });

  it('listens to every guarded event type', () => {
    for (const type of GUARDED_EVENTS) expect(() => t.fire(type, 'body')).not.toThrow();
  });

  it('holds the person’s whole click gesture on a flagged like and asks once', () => {
    const r = t.click(LIKE('p1'));
    expect(r.ran).toBe(false);
    expect(r.parts.every((e) => e.held && e.defaultPrevented)).toBe(true);
    expect(t.state.asked).toHaveLength(1);
    expect(t.state.asked[0]?.hit.kind).toBe('like');
    expect(t.state.asked[0]?.phase).toBe('action');
  });

  it('reads a flagged item once per press → click, and afresh on the next press', () => {
    t.click(LIKE('p1'));
    expect(t.state.evaluated).toBe(1);
    // the next press of the same control is a new gesture: judged again
    t.click(LIKE('p1'));
    expect(t.state.evaluated).toBe(2);
    // an unflagged answer is not kept: the page saw those events and may have changed the item
    t.click(LIKE('p3'));
    expect(t.state.evaluated).toBe(2 + 5);
    // a press whose click never comes (dragged away) is not reused after GESTURE_MS
    t.fire('pointerdown', LIKE('p2'));
    t.state.now += 2_001;
    t.fire('click', LIKE('p2'));
    expect(t.state.evaluated).toBe(2 + 5 + 2);
  });

  it('never holds untrusted input: every event type a page script makes passes untouched', () => {
    for (const type of GUARDED_EVENTS) {
      const e = t.fire(type, LIKE('p1'), { isTrusted: false, key: 'Enter' });
      expect(e.held || e.defaultPrevented, type).toBe(false);
    }
    t.focus('article[data-post="p1"]');
    expect(t.fire('keydown', 'article[data-post="p1"]', { isTrusted: false, key: 'l' }).held).toBe(false);
    expect(t.state.asked).toEqual([]);
  });

  it('passes neutral posts, everything while disabled, and our own UI (by identity, not by name)', () => {
    expect(t.click(LIKE('p3')).ran).toBe(true);
    t.state.enabled = false;
    expect(t.click(LIKE('p1')).ran).toBe(true);
    t.state.enabled = true;
    // A page-made element named like ours does not shelter the page's own controls.
    const fake = t.document.createElement('jaga-netral-banner');
    const like = t.document.querySelector(LIKE('p4'));
    like?.parentElement?.insertBefore(fake, like);
    if (like) fake.append(like);
    expect(t.click(LIKE('p4')).ran).toBe(false);
    // Our registered host is ours.
    const host = t.document.createElement('jaga-netral-dialog');
    t.document.documentElement.append(host);
    registerOwnHost(host);
    const inside = t.document.createElement('button');
    host.append(inside);
    expect(t.fire('click', inside).held).toBe(false);
  });

  it('keyboard: Enter on a flagged like and the "l" shortcut on a focused flagged post are held', async () => {
    t.focus(LIKE('p1'));
    const enter = t.fire('keydown', LIKE('p1'), { key: 'Enter' });
    expect(enter.held).toBe(true);
    await t.choose('cancel');
    t.focus('article[data-post="p1"]');
    expect(t.fire('keydown', 'article[data-post="p1"]', { key: 'l' }).held).toBe(true);
    await t.choose('cancel');
    // a held Space's keyup must not activate the button either
    t.focus(LIKE('p2'));
    expect(t.fire('keydown', LIKE('p2'), { key: ' ' }).held).toBe(true);
    expect(t.fire('keyup', LIKE('p2'), { key: ' ' }).held).toBe(true);
    await t.choose('cancel');
    // modifiers make it not a shortcut
    expect(t.fire('keydown', 'article[data-post="p1"]', { key: 'l', ctrlKey: true }).held).toBe(false);
    expect(t.state.asked).toHaveLength(3);
  });

  it('after Proceed, the person’s next click on exactly that like passes once, whole gesture included', async () => {
    t.click(LIKE('p2'));
    await t.choose('proceed');
    expect(t.guard.armed()).toBe(true);
    const again = t.click(LIKE('p2'));
    expect(again.parts.some((e) => e.held)).toBe(false);
    expect(again.ran).toBe(true);
    expect(t.guard.armed()).toBe(false);
    // once: the next click is held and asks again
    expect(t.click(LIKE('p2')).ran).toBe(false);
    expect(t.state.asked).toHaveLength(2);
  });

  it('Cancel arms nothing; a click on another flagged post is not covered by the pass', async () => {
    t.click(LIKE('p1'));
    await t.choose('cancel');
    expect(t.guard.armed()).toBe(false);
    expect(t.click(LIKE('p1')).ran).toBe(false);
    await t.choose('proceed');
    expect(t.click(LIKE('p4')).ran).toBe(false);
  });

  it('the pass expires after ALLOW_MS', async () => {
    t.click(LIKE('p1'));
    await t.choose('proceed');
    t.state.now += ALLOW_MS + 1;
    expect(t.click(LIKE('p1')).ran).toBe(false);
  });

  it('re-resolves the item: a control that now belongs to another post is refused', async () => {
    t.click(LIKE('p1'));
    await t.choose('proceed');
    // The site recycles the element: the same like button now sits in another (also flagged) post.
    const like = t.document.querySelector(LIKE('p1'));
    const other = t.document.querySelector('article[data-post="p4"] [data-testid="like"]');
    if (!like || !other) throw new Error('fixture changed');
    other.replaceWith(like);
    const r = t.click(like);
    expect(r.ran).toBe(false);
    expect(t.guard.armed()).toBe(false);
  });

  it('"not campaign" arms the pass like Proceed (the dialog asks the same acknowledgement)', async () => {
    t.click(LIKE('p1'));
    await t.choose('not_campaign');
    expect(t.click(LIKE('p1')).ran).toBe(true);
  });

  it('Enter after Proceed passes, and so does the click the browser makes of it; then nothing more', async () => {
    t.focus(LIKE('p1'));
    t.fire('keydown', LIKE('p1'), { key: 'Enter' });
    await t.choose('proceed');
    expect(t.fire('keydown', LIKE('p1'), { key: 'Enter' }).held).toBe(false);
    // a second Enter is not covered
    expect(t.fire('keydown', LIKE('p1'), { key: 'Enter' }).held).toBe(true);
  });

  it('Enter after Proceed lets the browser’s click through once', async () => {
    t.focus(LIKE('p1'));
    t.fire('keydown', LIKE('p1'), { key: 'Enter' });
    await t.choose('proceed');
    expect(t.fire('keydown', LIKE('p1'), { key: 'Enter' }).held).toBe(false);
    expect(t.fire('click', LIKE('p1')).held).toBe(false);
    expect(t.fire('click', LIKE('p1')).held).toBe(true);
  });

  it('the shortcut after Proceed passes once', async () => {
    t.focus('article[data-post="p1"]');
    t.fire('keydown', 'article[data-post="p1"]', { key: 'l' });
    await t.choose('proceed');
    expect(t.fire('keydown', 'article[data-post="p1"]', { key: 'l' }).held).toBe(false);
    expect(t.fire('keydown', 'article[data-post="p1"]', { key: 'l' }).held).toBe(true);
  });

  it('a portal menu (repost in #layers): held for the post that opened it; re-rendered menu entry passes once', async () => {
    const layers = t.document.getElementById('layers');
    if (!layers) throw new Error('fixture has no #layers');
    const menu = () => {
      layers.innerHTML =
        '<div role="menu"><div role="menuitem" tabindex="0" data-testid="retweetConfirm"><span>Repost</span></div></div>';
      return layers.querySelector('[data-testid="retweetConfirm"]') as Element;
    };
    expect(t.click('article[data-post="p4"] [data-testid="retweet"]').ran).toBe(true); // only opens the menu
    expect(t.click(menu()).ran).toBe(false);
    expect(t.state.asked[0]?.hit.kind).toBe('share');
    await t.choose('proceed');
    // the site closed and re-rendered its menu: a new element for the same entry of the same post
    t.click('article[data-post="p4"] [data-testid="retweet"]');
    expect(t.click(menu()).ran).toBe(true);
    expect(t.click(menu()).ran).toBe(false);
  });

  it('a dialog that resolves as cancel (e.g. removed by the page) frees the guard to ask again', async () => {
    t.click(LIKE('p1'));
    // while a dialog is open, more flagged clicks are held without a second dialog
    expect(t.click(LIKE('p1')).ran).toBe(false);
    expect(t.state.asked).toHaveLength(1);
    await t.choose('cancel');
    expect(t.click(LIKE('p1')).ran).toBe(false);
    expect(t.state.asked).toHaveLength(2);
  });
});

describe('guard on X (reply composer)', () => {
  let t: ReturnType<typeof setup>;
  const BOX = '[data-testid="tweetTextarea_0"]';
  const SEND = '[data-testid="tweetButtonInline"]';
  beforeEach(() => {
    t = setup(x, 'x/prabowo/status/1708000.html', 'https://x.com/prabowo/status/1708000');
  });

  it('comment start: warns on a trusted focus with a user activation only, once per item', async () => {
    expect(t.fire('focusin', BOX, { isTrusted: false }).held).toBe(false);
    t.state.userActive = false; // el.focus() from a page script: trusted focusin, no activation
    t.fire('focusin', BOX);
    expect(t.state.asked).toEqual([]);
    t.state.userActive = true;
    t.fire('focusin', BOX);
    expect(t.state.asked).toHaveLength(1);
    expect(t.state.asked[0]?.phase).toBe('comment-start');
    await t.choose('proceed');
    t.fire('focusin', BOX);
    expect(t.fire('keydown', BOX, { key: 'a' }).held).toBe(false);
    expect(t.state.asked).toHaveLength(1);
  });

  it('typing in a judged box reads nothing more until focus moves', async () => {
    t.fire('focusin', BOX);
    await t.choose('proceed');
    t.fire('focusin', BOX); // the caret is put back: judged again, not warned again
    const judged = t.state.evaluated;
    for (const key of ['a', 'b', 'c', 'Backspace']) expect(t.fire('keydown', BOX, { key }).held).toBe(false);
    expect(t.state.evaluated).toBe(judged);
    expect(t.state.asked).toHaveLength(1);
  });

  it('the first keystroke warns and is held when the box was not warned yet', () => {
    expect(t.fire('keydown', BOX, { key: 'S' }).held).toBe(true);
    expect(t.state.asked[0]?.phase).toBe('comment-start');
  });

  it('Ctrl+Enter is held every time; after Proceed the person’s own Ctrl+Enter passes once', async () => {
    t.fire('focusin', BOX);
    await t.choose('proceed');
    expect(t.fire('keydown', BOX, { key: 'Enter', ctrlKey: true }).held).toBe(true);
    await t.choose('proceed');
    expect(t.fire('keydown', BOX, { key: 'Enter', ctrlKey: true }).held).toBe(false);
    // a Reply-button click right after may be the same send (a form's implicit submit): let it follow
    expect(t.click(SEND).ran).toBe(true);
    expect(t.fire('keydown', BOX, { key: 'Enter', ctrlKey: true }).held).toBe(true);
    expect(t.fire('keydown', BOX, { key: 'Enter', ctrlKey: true, isTrusted: false }).held).toBe(false);
  });

  it('the Reply button: held, and after Proceed the next click passes once', async () => {
    t.fire('focusin', BOX);
    await t.choose('proceed');
    expect(t.click(SEND).ran).toBe(false);
    await t.choose('proceed');
    expect(t.click(SEND).ran).toBe(true);
    expect(t.click(SEND).ran).toBe(false);
  });
});

describe('guard on X (the person’s own new post)', () => {
  let t: ReturnType<typeof setup>;
  const BOX = '[data-composer="home"] [data-testid="tweetTextarea_0"]';
  const SEND = '[data-testid="tweetButtonInline"]';
  const MODAL_SEND = '[data-testid="tweetButton"]';
  const write = (sel: string, text: string) => {
    const box = t.document.querySelector(sel);
    if (!box) throw new Error(`fixture has no ${sel}`);
    box.innerHTML = `<div data-contents="true"><div data-block="true"><div><span>${text}</span></div></div></div>`;
  };
  beforeEach(() => {
    t = setup(x, 'x/compose/post.html', 'https://x.com/home');
  });

  it('nothing is read while the person types or focuses the box: no warning, nothing judged', () => {
    write(BOX, 'Ayo dukung Prabowo');
    t.fire('focusin', BOX);
    for (const key of ['A', 'y', 'o', ' ', 'Backspace', 'Enter'])
      expect(t.fire('keydown', BOX, { key }).held).toBe(false);
    expect(t.state.asked).toEqual([]);
    expect(t.state.evaluated).toBe(0);
  });

  it('the Post button is held when the text names a candidate; the dialog is for kind post', () => {
    write(BOX, 'Ayo dukung Prabowo');
    const { parts, ran } = t.click(SEND);
    expect(ran).toBe(false);
    expect(parts.every((e) => e.held)).toBe(true);
    expect(t.state.asked).toHaveLength(1);
    expect(t.state.asked[0]?.hit.kind).toBe('post');
    expect(t.state.asked[0]?.phase).toBe('action');
    expect(t.state.asked[0]?.hit.item.text).toBe('Ayo dukung Prabowo');
  });

  it('a neutral post, an empty box, a page script’s click and a disabled guard all pass', () => {
    write(BOX, 'Selamat pagi, rapat jam 9');
    expect(t.click(SEND).ran).toBe(true);
    write(BOX, '');
    expect(t.click(SEND).ran).toBe(true);
    write(BOX, 'Ayo dukung Prabowo');
    expect(t.click(SEND, { isTrusted: false }).ran).toBe(true);
    t.state.enabled = false;
    expect(t.click(SEND).ran).toBe(true);
    expect(t.state.asked).toEqual([]);
  });

  it('Cancel arms nothing: the next send is held again', async () => {
    write(BOX, 'Ayo dukung Prabowo');
    expect(t.click(SEND).ran).toBe(false);
    await t.choose('cancel');
    expect(t.guard.armed()).toBe(false);
    expect(t.click(SEND).ran).toBe(false);
    expect(t.state.asked).toHaveLength(2);
  });

  it('after Proceed the person’s repeated send of the same text passes once; then it is held again', async () => {
    write(BOX, 'Ayo dukung Prabowo');
    expect(t.click(SEND).ran).toBe(false);
    await t.choose('proceed');
    expect(t.click(SEND).ran).toBe(true);
    expect(t.click(SEND).ran).toBe(false);
  });

  it('a text changed after Proceed is judged afresh', async () => {
    write(BOX, 'Ayo dukung Prabowo');
    t.click(SEND);
    await t.choose('proceed');
    write(BOX, 'Ayo dukung Prabowo dan Gibran');
    expect(t.click(SEND).ran).toBe(false);
    expect(t.state.asked).toHaveLength(2);
  });

  it('Ctrl+Enter in the box is held; after Proceed it passes once, with the click the browser may make of it', async () => {
    write(BOX, 'Ayo dukung Prabowo');
    expect(t.fire('keydown', BOX, { key: 'Enter', ctrlKey: true }).held).toBe(true);
    expect(t.state.asked[0]?.hit.kind).toBe('post');
    await t.choose('proceed');
    expect(t.fire('keydown', BOX, { key: 'Enter', ctrlKey: true }).held).toBe(false);
    expect(t.click(SEND).ran).toBe(true);
    expect(t.fire('keydown', BOX, { key: 'Enter', ctrlKey: true }).held).toBe(true);
  });

  it('the /compose/post dialog: every box of the thread is read, and one naming a candidate holds the send', () => {
    write('[role="dialog"] [data-testid="tweetTextarea_0"]', 'Selamat pagi');
    write('[role="dialog"] [data-testid="tweetTextarea_1"]', 'Coblos Anies ya');
    expect(t.click(MODAL_SEND).ran).toBe(false);
    expect(t.state.asked[0]?.hit.item.text).toBe('Selamat pagi\nCoblos Anies ya');
  });
});

describe('guard on TikTok Studio (upload caption)', () => {
  it('Enter in the caption is a new line, never held; the Post button is held and passes once after Proceed', async () => {
    const t = setup(tiktok, 'tiktok/tiktokstudio/upload-id.html', 'https://www.tiktok.com/tiktokstudio/upload');
    const CAPTION = '[data-e2e="caption_container"] [contenteditable="true"]';
    const box = t.document.querySelector(CAPTION);
    if (!box) throw new Error('fixture has no caption');
    box.innerHTML =
      '<div data-contents="true"><div data-block="true"><div><span>#Ganjar2024 menang</span></div></div></div>';
    expect(t.fire('keydown', CAPTION, { key: 'Enter' }).held).toBe(false);
    expect(t.state.evaluated).toBe(0);
    expect(t.click('[data-e2e="post_video_button"] .Button__content').ran).toBe(false);
    expect(t.state.asked[0]?.hit.kind).toBe('post');
    await t.choose('proceed');
    expect(t.click('[data-e2e="post_video_button"]').ran).toBe(true);
  });
});

describe('guard on WhatsApp Web (a message to a group)', () => {
  it('Enter sends there: held when the message names a candidate; Shift+Enter (a new line) never; after Proceed, Enter passes once', async () => {
    const t = setup(whatsapp, 'whatsapp/index.html', 'https://web.whatsapp.com/');
    const BOX = '#main footer [contenteditable="true"]';
    const box = t.document.querySelector(BOX);
    if (!box) throw new Error('fixture has no message box');
    box.textContent = 'Coblos Prabowo ya';
    expect(t.fire('keydown', BOX, { key: 'Enter', shiftKey: true }).held).toBe(false);
    expect(t.state.evaluated).toBe(0);
    expect(t.fire('keydown', BOX, { key: 'Enter' }).held).toBe(true);
    expect(t.state.asked[0]?.hit.kind).toBe('post');
    await t.choose('proceed');
    expect(t.fire('keydown', BOX, { key: 'Enter' }).held).toBe(false);
    box.textContent = 'Selamat pagi';
    expect(t.fire('keydown', BOX, { key: 'Enter' }).held).toBe(false);
  });
});

describe('guard on Instagram (double-tap)', () => {
  it('a double-tap on a flagged photo is held; the single clicks of it pass; after Proceed the next double-tap passes once', async () => {
    const t = setup(instagram, 'instagram/feed.html', 'https://www.instagram.com/feed');
    const MEDIA = '[data-post="f1"] [data-fx="media"] img';
    expect(t.click(MEDIA).ran).toBe(true);
    expect(t.fire('dblclick', MEDIA).held).toBe(true);
    expect(t.fire('dblclick', MEDIA, { isTrusted: false }).held).toBe(false);
    await t.choose('proceed');
    expect(t.fire('dblclick', MEDIA).held).toBe(false);
    expect(t.fire('dblclick', MEDIA).held).toBe(true);
  });
});

describe('guard on Facebook (keyboard shortcut)', () => {
  it('the "l" shortcut after Proceed passes once, although it finds the marker inside the Like button', async () => {
    const t = setup(facebook, 'facebook/feed.html', 'https://www.facebook.com/feed');
    const POST = '[data-post="p2"]';
    t.focus(POST);
    expect(t.fire('keydown', POST, { key: 'l' }).held).toBe(true);
    await t.choose('proceed');
    expect(t.fire('keydown', POST, { key: 'l' }).held).toBe(false);
    expect(t.fire('keydown', POST, { key: 'l' }).held).toBe(true);
  });
});

/**
 * Touch: what a phone's browser sends for a tap (pointer and touch events, then the compatibility
 * mouse events and the click), a double-tap on media and a long press on a Like whose menu holds
 * the reactions.
 */
describe('guard with touch input', () => {
  const TOUCH = { pointerType: 'touch' };
  /** one tap as a phone's browser sends it: every event, in order */
  const tapEvents = (t: ReturnType<typeof setup>, target: string, init: Partial<FakeEvent> = {}) => [
    t.fire('pointerdown', target, { ...TOUCH, ...init }),
    t.fire('touchstart', target, init),
    t.fire('pointerup', target, { ...TOUCH, ...init }),
    t.fire('touchend', target, init),
    t.fire('mousedown', target, init),
    t.fire('mouseup', target, init),
    t.fire('click', target, { ...TOUCH, ...init }),
  ];

  it('a tap on a flagged like is held whole and asks once on its click; touch events are stopped, not cancelled', async () => {
    const t = setup(x, 'x/home-mobile.html', 'https://mobile.x.com/home-mobile');
    const like = '[data-post="m2"] [data-testid="like"]'; // names the candidates
    const events = tapEvents(t, like);
    expect(events.map((e) => e.held)).toEqual([true, true, true, true, true, true, true]);
    // a cancelled touchend would also cancel the click the browser makes of the tap (no dialog)
    expect(events.filter((e) => e.type.startsWith('touch')).some((e) => e.defaultPrevented)).toBe(false);
    expect(t.state.asked).toHaveLength(1);
    expect(t.state.asked[0]?.hit.kind).toBe('like');
    // the page's own synthetic touches pass untouched
    expect(tapEvents(t, like, { isTrusted: false }).some((e) => e.held)).toBe(false);
    await t.choose('proceed');
    expect(tapEvents(t, like).some((e) => e.held)).toBe(false);
    expect(tapEvents(t, like).every((e) => e.held)).toBe(true);
    // a neutral post's tap passes
    expect(tapEvents(t, '[data-post="m3"] [data-testid="like"]').some((e) => e.held)).toBe(false);
  });

  it('a double-tap on flagged media: the first tap passes, the whole second is held and asked once', async () => {
    const t = setup(instagram, 'instagram/feed-mobile.html', 'https://www.instagram.com/feed-mobile');
    const media = '[data-post="f1"] [data-fx="media"] img';
    expect(tapEvents(t, media).some((e) => e.held)).toBe(false);
    t.state.now += 200;
    const second = [...tapEvents(t, media), t.fire('dblclick', media)];
    expect(second.every((e) => e.held)).toBe(true);
    expect(t.state.asked).toHaveLength(1);
    expect(t.state.asked[0]?.hit).toMatchObject({ kind: 'like', item: { author: { handle: 'kandidat.dua.test' } } });
    await t.choose('cancel');
    // two taps further apart than a double-tap are two single taps
    t.state.now += 5_000;
    expect(tapEvents(t, media).some((e) => e.held)).toBe(false);
    t.state.now += 1_000;
    expect(tapEvents(t, media).some((e) => e.held)).toBe(false);
    // a neutral post's double-tap passes
    t.state.now += 5_000;
    const neutral = '[data-post="f3"] [data-fx="media"] img';
    tapEvents(t, neutral);
    t.state.now += 100;
    expect([...tapEvents(t, neutral), t.fire('dblclick', neutral)].some((e) => e.held)).toBe(false);
  });

  it('after Proceed the person’s next double-tap passes whole, once', async () => {
    const t = setup(instagram, 'instagram/feed-mobile.html', 'https://www.instagram.com/feed-mobile');
    const media = '[data-post="f1"] [data-fx="media"] img';
    const doubleTap = () => {
      const first = tapEvents(t, media);
      t.state.now += 150;
      const second = [...tapEvents(t, media), t.fire('dblclick', media)];
      t.state.now += 2_000;
      return { first, second };
    };
    expect(doubleTap().second.every((e) => e.held)).toBe(true);
    await t.choose('proceed');
    const repeat = doubleTap();
    expect([...repeat.first, ...repeat.second].some((e) => e.held)).toBe(false);
    expect(doubleTap().second.every((e) => e.held)).toBe(true);
    expect(t.state.asked).toHaveLength(2);
  });

  it('a long press on Like reaches the site (its reaction menu opens); the tap’s release and click stay held', () => {
    const t = setup(facebook, 'facebook/m-touch.html', 'https://m.facebook.com/m-touch');
    const like = '[data-post="t1"] [data-act="like"]';
    expect(t.fire('pointerdown', like, TOUCH).held).toBe(false);
    expect(t.fire('touchstart', like).held).toBe(false);
    t.state.now += 600;
    expect(t.fire('pointerup', like, TOUCH).held).toBe(true);
    expect(t.fire('touchend', like).held).toBe(true);
    // a short tap ends in a click: held and asked
    expect(t.fire('click', like).held).toBe(true);
    expect(t.state.asked).toHaveLength(1);
    // a mouse press is still held whole (no menu opens on a flagged post with a mouse)
    expect(t.fire('pointerdown', like, { pointerType: 'mouse' }).held).toBe(true);
  });

  it('the reaction picked in the menu layer is held as a like of the post that opened it', async () => {
    const t = setup(facebook, 'facebook/m-touch.html', 'https://m.facebook.com/m-touch');
    const like = '[data-post="t1"] [data-act="like"]';
    t.fire('pointerdown', like, TOUCH);
    t.fire('touchstart', like);
    const flyout = t.document.querySelector('#portal [role="dialog"]');
    flyout?.removeAttribute('hidden');
    const love = '#portal [data-reaction="1"]';
    const pick = tapEvents(t, love);
    expect(pick.every((e) => e.held)).toBe(true);
    expect(t.state.asked).toHaveLength(1);
    expect(t.state.asked[0]?.hit).toMatchObject({ kind: 'like', item: { author: { handle: 'kandidat.dua.test' } } });
    expect(tapEvents(t, love, { isTrusted: false }).some((e) => e.held)).toBe(false);
    await t.choose('proceed');
    expect(tapEvents(t, love).some((e) => e.held)).toBe(false);
    // a menu opened from a neutral post passes
    t.fire('pointerdown', '[data-post="t3"] [data-act="like"]', TOUCH);
    expect(tapEvents(t, '#portal [data-reaction="2"]').some((e) => e.held)).toBe(false);
  });
});
