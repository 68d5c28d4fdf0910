/**
 * The one helper the in-page UI (warning dialog, page banner) builds its DOM with: content scripts
 * carry no UI framework (extension pages keep Preact). Children that are false, null or undefined
 * are skipped, strings become text nodes; attributes are set as attributes (never as HTML).
 */
export type Child = Node | string | false | null | undefined;

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string | boolean | undefined> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === false) continue;
      e.setAttribute(k, v === true ? '' : v);
    }
  }
  for (const c of children) if (c !== false && c !== null && c !== undefined) e.append(c);
  return e;
}
