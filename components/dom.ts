/**
 * The one helper the in-page UI (warning dialog, page banner) builds its DOM with: content scripts
 * carry no UI framework (extension pages keep Preact).
 *
 * `h = dom(doc)`, then `h(spec, ...rest)`. `spec` is the element's fixed part written like a CSS
 * selector: `tag#id.class.class[name=value][name]` (fixed values only: no `#`, `.`, `[` or `]` in
 * them). In `rest`, a plain object is attributes (a value of false or undefined is left out, true is
 * an empty attribute, a function is a listener for the event of that name: `{ click: (e) => … }`),
 * strings become text nodes, nodes are appended, and false, null and undefined are skipped.
 * Everything is set as attributes and text, never as HTML.
 */
import { registerOwnHost } from '../lib/guard/own-ui';
import { type UiStyles, uiStyle } from '../lib/guard/ui-styles';

export type Child = Node | string | false | null | undefined;
// biome-ignore lint/suspicious/noExplicitAny: a listener for whichever event its name says
export type Attrs = Record<string, string | boolean | undefined | ((e: any) => void)>;
export type H = (spec: string, ...rest: Array<Child | Attrs>) => HTMLElement;

export const dom =
  (doc: Document): H =>
  (spec, ...rest) => {
    const [head, ...pairs] = spec.split('[');
    const [tag, ...classes] = head!.split('.');
    const [name, id] = tag!.split('#');
    const e = doc.createElement(name!);
    const set = (k: string, v: Attrs[string]) => {
      if (typeof v === 'function') e.addEventListener(k, v);
      else if (v != null && v !== false) e.setAttribute(k, v === true ? '' : v);
    };
    set('id', id);
    set('class', classes.join(' ') || undefined);
    for (const p of pairs) {
      const [k, v = ''] = p.slice(0, -1).split('=');
      set(k!, v);
    }
    for (const c of rest) {
      if (c === false || c == null) continue;
      if (typeof c === 'object' && !(c as Node).nodeType) for (const [k, v] of Object.entries(c)) set(k, v);
      else e.append(c as Node | string);
    }
    return e;
  };

/**
 * The in-page UI's shadow host: ours (lib/guard/own-ui.ts), a closed shadow root unless the
 * automation switch is on, the UI's sheet in a `<style>` (lib/guard/ui-styles.ts) and `content` in a
 * `<div>`, appended to `<html>`. Returns the host.
 */
export function mountHost(doc: Document, host: HTMLElement, ui: keyof UiStyles, open: boolean, content: Node) {
  const h = dom(doc);
  registerOwnHost(host);
  host.attachShadow({ mode: open ? 'open' : 'closed' }).append(h('style', uiStyle(ui)), h('div', content));
  doc.documentElement.append(host);
  return host;
}

/** `data-tickets`: the ticket ids of the matches, space-separated (docs/automation.md) */
export const ticketIds = (matches: Array<{ ticketId: string }>) => matches.map((m) => m.ticketId).join(' ');
