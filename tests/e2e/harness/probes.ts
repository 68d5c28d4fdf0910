/**
 * A page-side probe set: what a site's own JavaScript can do to tell whether its visitor runs Jaga
 * Netral, run in the page's main world WITHOUT a user gesture (quietEval), as a page script would.
 * Every probe reports what it detected; an empty list means "nothing to tell".
 *
 * - synthetic-pointer: pointerdown … click dispatched on every flagged control (and through portal
 *   menus); detected if any event never reaches a listener on the control itself (someone held it)
 *   or anything is added to the document.
 * - synthetic-dblclick, synthetic-key (Enter on a control, a site's shortcut on a focused post,
 *   typing and Ctrl+Enter in a comment box): the same.
 * - focus: `el.focus()` on comment boxes; detected if focus is taken away or anything is added.
 * - pushState: the page moves itself to a candidate's URL; detected if anything is added within
 *   1.3 s (the extension's URL watcher polls every 500 ms).
 * - war: web-accessible-resource probing: fetch and <img> of the extension's own files by its
 *   (publicly known) id; detected if any loads.
 * - dom: elements named like ours, elements added to <html>, attributes or text naming us.
 * - globals: window properties naming us.
 * - messages: anything posted to the page's window that the page did not post itself, and events
 *   named with the extension's (public) id, recorded from the first moment of the document by
 *   EARLY_RECORDER (a site's first inline script can do the same).
 */
import type { Page } from 'playwright-core';
import { quietEval } from './extension';

export interface ProbeSpec {
  /** the page's own preparation, not probed: `el.click()` on these first (e.g. open a composer) */
  setup?: string[];
  /** chains of selectors clicked in order (an opener, then its portal menu entry) */
  clicks: string[][];
  dblclicks?: string[];
  /** Enter on these controls */
  enter?: string[];
  /** a shortcut key on a focused post */
  keys?: Array<{ focus: string; key: string }>;
  /** comment boxes: focus, type, Ctrl+Enter */
  boxes?: string[];
  /** candidate URLs (paths) the page pushes */
  push?: string[];
  /** URLs a page would probe for web-accessible resources */
  war?: string[];
}

export const PROBES = [
  'synthetic-pointer',
  'synthetic-dblclick',
  'synthetic-key',
  'focus',
  'pushState',
  'war',
  'dom',
  'globals',
  'messages',
] as const;
export type Probe = (typeof PROBES)[number];
export type ProbeResult = Partial<Record<Probe | 'missing' | 'activation', string[]>>;

/** The probe runner, as page JavaScript (a string: nothing of the test's bundler may leak into it). */
const RUNNER = `async (spec) => {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const out = {};
  const flag = (probe, what) => (out[probe] = out[probe] || []).push(what);
  if (navigator.userActivation && navigator.userActivation.isActive) flag('activation', 'the probes ran with a user activation');
  const added = [];
  const isOurs = (n) => n.nodeType === 1 && (n.parentNode === document.documentElement && n.tagName !== 'HEAD' && n.tagName !== 'BODY' || /jaga|netral/i.test(n.tagName));
  const mo = new MutationObserver((recs) => { for (const r of recs) for (const n of r.addedNodes) if (isOurs(n)) added.push(n.tagName.toLowerCase()); });
  mo.observe(document, { childList: true, subtree: true });
  // A page that found a dialog dismisses it to hide its probing (Cancel if it can reach it), so each
  // probe starts from a clean page.
  const dismiss = () => { for (const h of document.querySelectorAll('jaga-netral-dialog')) { const c = h.shadowRoot && h.shadowRoot.querySelector('[data-choice="cancel"]'); if (c) c.click(); else h.remove(); } };
  const settle = async (probe, label) => { await sleep(40); if (added.length) { flag(probe, label + ' → added ' + added.splice(0).join(',')); dismiss(); await sleep(20); added.splice(0); } };
  const cache = new Map();
  const get = (sel) => { const c = cache.get(sel); if (!c || !c.isConnected) cache.set(sel, document.querySelector(sel)); return cache.get(sel); };
  const MARK = /jaga[ -]?netral|chrome-extension:|moz-extension:/gi;
  const marks = () => (document.documentElement.outerHTML.match(MARK) || []).length;
  const baseMarks = marks();
  const all = [...spec.clicks.flat(), ...(spec.dblclicks || []), ...(spec.enter || []), ...(spec.boxes || [])];
  for (const sel of spec.setup || []) { const el = document.querySelector(sel); if (el) el.click(); else flag('missing', sel); }
  await sleep(50);
  for (const s of all) get(s);
  const dispatch = (probe, el, ev, label) => {
    let seen = false;
    const l = () => { seen = true; };
    el.addEventListener(ev.type, l);
    el.dispatchEvent(ev);
    el.removeEventListener(ev.type, l);
    if (!seen) flag(probe, label + ' ' + ev.type + ' held');
  };
  const mouse = (type, detail) => type.startsWith('pointer') && typeof PointerEvent === 'function'
    ? new PointerEvent(type, { bubbles: true, cancelable: true, composed: true, pointerType: 'mouse', isPrimary: true, button: 0 })
    : new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, button: 0, detail: detail || 1 });
  const key = (type, k, extra) => new KeyboardEvent(type, Object.assign({ key: k, bubbles: true, cancelable: true, composed: true }, extra || {}));
  for (const chain of spec.clicks) {
    for (const sel of chain) {
      const el = get(sel);
      if (!el) { flag('missing', sel); continue; }
      for (const t of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) dispatch('synthetic-pointer', el, mouse(t), sel);
      await settle('synthetic-pointer', sel);
    }
  }
  for (const sel of spec.dblclicks || []) {
    const el = get(sel);
    if (!el) { flag('missing', sel); continue; }
    dispatch('synthetic-dblclick', el, mouse('dblclick', 2), sel);
    await settle('synthetic-dblclick', sel);
  }
  for (const sel of spec.enter || []) {
    const el = get(sel);
    if (!el) { flag('missing', sel); continue; }
    el.focus();
    dispatch('synthetic-key', el, key('keydown', 'Enter'), sel);
    dispatch('synthetic-key', el, key('keyup', 'Enter'), sel);
    await settle('synthetic-key', sel);
  }
  for (const k of spec.keys || []) {
    const el = get(k.focus);
    if (!el) { flag('missing', k.focus); continue; }
    el.focus();
    dispatch('synthetic-key', document.activeElement || el, key('keydown', k.key), k.focus + ' "' + k.key + '"');
    await settle('synthetic-key', k.focus);
  }
  for (const sel of spec.boxes || []) {
    const el = get(sel);
    if (!el) { flag('missing', sel); continue; }
    el.focus();
    await sleep(60);
    if (document.activeElement !== el) flag('focus', sel + ': focus taken away');
    await settle('focus', sel);
    dispatch('synthetic-key', el, key('keydown', 'a'), sel);
    dispatch('synthetic-key', el, key('keydown', 'Enter', { ctrlKey: true }), sel + ' Ctrl+Enter');
    await settle('synthetic-key', sel);
    el.blur();
  }
  for (const path of spec.push || []) {
    const back = location.href;
    history.pushState(null, '', path);
    await sleep(1300);
    await settle('pushState', path);
    history.pushState(null, '', back);
    await sleep(600);
    await settle('pushState', path + ' and back');
  }
  for (const url of spec.war || []) {
    const fetched = await fetch(url).then((r) => r.ok, () => false);
    if (fetched) flag('war', 'fetch ' + url);
    const loaded = await new Promise((ok) => { const i = new Image(); i.onload = () => ok(true); i.onerror = () => ok(false); i.src = url; setTimeout(() => ok(false), 2000); });
    if (loaded) flag('war', 'img ' + url);
  }
  for (const el of document.querySelectorAll('*')) if (/jaga|netral/i.test(el.tagName)) flag('dom', '<' + el.tagName.toLowerCase() + '>');
  for (const el of document.documentElement.children) if (el.tagName !== 'HEAD' && el.tagName !== 'BODY') flag('dom', '<' + el.tagName.toLowerCase() + '> on <html>');
  for (const a of document.documentElement.attributes) if (/jaga|netral|extension/i.test(a.name + a.value)) flag('dom', 'attribute ' + a.name);
  if (marks() > baseMarks) flag('dom', 'markup names the extension');
  for (const k of Object.getOwnPropertyNames(window)) if (/jaga|netral|wxt/i.test(k) && k !== '__earlyMessages') flag('globals', k);
  for (const m of window.__earlyMessages || []) flag('messages', m);
  mo.disconnect();
  return out;
}`;

/**
 * Installed in every page before the page's own scripts (as a site's first inline script would be):
 * records every message posted to the window by anyone but the page itself, and every event named
 * with the extension's id on the document or window (WXT's stock content-script context announces
 * each start as `<extension id>:<entrypoint>:wxt:content-script-started`, both ways). The page marks
 * its own posts with `__page`.
 */
export function earlyRecorder(extensionId: string, entrypoints: string[]): string {
  return `(() => {
    const seen = (window.__earlyMessages = []);
    const note = (what) => seen.push(String(what).slice(0, 160));
    addEventListener('message', (e) => {
      if (e.data && e.data.__page) return;
      let d; try { d = JSON.stringify(e.data); } catch { d = String(e.data); }
      note('message ' + d);
    }, true);
    for (const name of ${JSON.stringify(entrypoints)}) {
      const type = ${JSON.stringify(extensionId)} + ':' + name + ':wxt:content-script-started';
      for (const t of [document, window]) t.addEventListener(type, () => note('event ' + type), true);
    }
  })()`;
}

/** Run the probe set in the page's main world, without a user gesture. */
export function runProbes(page: Page, spec: ProbeSpec): Promise<ProbeResult> {
  return quietEval<ProbeResult>(page, `(${RUNNER})(${JSON.stringify(spec)})`);
}

/**
 * After the person's own (trusted) action opened the dialog: can the page read it or press it?
 * Returns what leaked: an open shadow root, readable text, a choice the page could press.
 */
export const POST_ACTION = `(async () => {
  const out = [];
  const host = document.querySelector('jaga-netral-dialog');
  if (!host) return ['no dialog host'];
  const root = host.shadowRoot;
  if (root) out.push('shadow root open');
  const text = ((root ? root.textContent : '') + host.textContent).trim();
  if (text) out.push('readable: ' + text.slice(0, 40).replace(/\\s+/g, ' '));
  const dlg = root && root.querySelector('[role="dialog"],[role="alertdialog"]');
  if (dlg && dlg.getAttribute('data-tickets')) out.push('tickets readable');
  if (root) {
    const ack = root.querySelector('[data-choice="acknowledge"]');
    if (ack) ack.click();
    await new Promise((r) => setTimeout(r, 50));
    const btn = root.querySelector('[data-choice="not_campaign"]');
    if (btn && !btn.disabled) { btn.click(); await new Promise((r) => setTimeout(r, 50)); if (!host.isConnected) out.push('"not campaign" pressed by the page'); }
    const go = host.isConnected && root.querySelector('[data-choice="proceed"]');
    if (go && !go.disabled) { go.click(); await new Promise((r) => setTimeout(r, 50)); if (!host.isConnected) out.push('Proceed pressed by the page'); }
  }
  return out;
})()`;

/**
 * A stand-in for a leaky guard, installed by the page itself (the canary): it holds untrusted events
 * on the probed controls, paints an element named like ours on focus and on pushState, and sets a
 * global. Every probe must detect it; if one does not, the probe is broken.
 */
export function leakyStandIn(spec: ProbeSpec): string {
  const sels = [...spec.clicks.flat(), ...(spec.dblclicks ?? []), ...(spec.enter ?? [])];
  const keys = (spec.keys ?? []).map((k) => k.key);
  return `(() => {
    const sels = ${JSON.stringify(sels)};
    const boxes = ${JSON.stringify(spec.boxes ?? [])};
    const keys = ${JSON.stringify(keys)};
    const show = () => {
      const h = document.createElement('jaga-netral-dialog');
      h.attachShadow({ mode: 'open' }).innerHTML = '<div role="dialog" data-tickets="x">Jaga Netral</div>';
      document.documentElement.append(h);
    };
    const on = (e, list) => e.target && e.target.closest && list.some((s) => e.target.closest(s));
    for (const t of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick'])
      addEventListener(t, (e) => { if (on(e, sels)) { e.preventDefault(); e.stopImmediatePropagation(); if (t === 'click' || t === 'dblclick') show(); } }, true);
    addEventListener('keydown', (e) => { if (on(e, sels) || on(e, boxes) || keys.includes(e.key)) { e.preventDefault(); e.stopImmediatePropagation(); show(); } }, true);
    addEventListener('focusin', (e) => { if (on(e, boxes)) { show(); } }, true);
    const ps = history.pushState;
    history.pushState = function (...a) { ps.apply(this, a); setTimeout(show, 100); };
    // a notice painted into the page at load, as an in-page banner would be
    document.documentElement.append(document.createElement('jaga-netral-banner'));
    window.__jagaNetralStandIn = true;
    // and announces itself to anyone listening, as a stock content-script context does
    postMessage({ type: 'jaga-netral:content-script-started' }, '*');
  })()`;
}
