/**
 * The in-page UI's style sheets in content scripts. The warning dialog's and the page banner's CSS
 * (components/WarningDialog.css, components/PageBanner.css) would add ~4 KB to every site's content
 * script as code; the background publishes them instead (lib/background/ui-styles.ts) under one
 * storage key, read with the UI strings in the content script's one read at start
 * (lib/guard/runtime.ts) and again when they change. The hosts still put the text into a `<style>`
 * in their shadow root: no web-accessible resource exists for a page to probe.
 *
 * Until a well-formed record is there (never in practice: the background writes it when it starts,
 * and a dialog needs the index it publishes too) a small built-in sheet keeps the dialog usable:
 * on top of the page, visible, readable in light and dark mode, focus visible, 44 px targets.
 */
import { UI_STYLES_KEY } from '../storage-keys';

export { UI_STYLES_KEY };

/** The CSS text of each in-page UI, as lib/background/ui-styles.ts publishes it. */
export interface UiStyles {
  dialog: string;
  banner: string;
}

const HOST = ':host{all:initial}';
const FOCUS = ':focus-visible{outline:3px solid #2563eb}';
const DARK = '@media(prefers-color-scheme:dark){';

/** The built-in sheets: only what keeps the UI usable, not its look. */
export const FALLBACK_STYLES: UiStyles = {
  dialog: `${HOST}.backdrop{position:fixed;inset:0;z-index:2147483647;display:flex;align-items:center;justify-content:center;background:#0009;font:16px/1.45 system-ui,sans-serif;color:#0f172a}.dialog{box-sizing:border-box;width:min(34rem,100%);max-height:100%;overflow:auto;padding:1rem;background:#fff}.choices{display:grid;gap:.5rem}button,summary{min-height:44px;font:inherit}${FOCUS}${DARK}.backdrop{color:#e2e8f0}.dialog{background:#0f172a}}`,
  banner: `${HOST}.banner{position:fixed;right:1rem;bottom:1rem;z-index:2147483646;display:flex;max-width:90vw;padding:.7rem;background:#fffbeb;color:#1c1917;font:14px system-ui,sans-serif}button{min-height:44px}${FOCUS}${DARK}.banner{background:#292524;color:#fafaf9}}`,
};

let stored: Partial<UiStyles> = {};

/** Take the published sheets; anything else (absent, malformed) leaves the built-in ones in charge. */
export function setUiStyles(raw: unknown): void {
  stored = {};
  for (const k of ['dialog', 'banner'] as const) {
    const css = (raw as Partial<Record<string, unknown>> | null | undefined)?.[k];
    if (typeof css === 'string' && css) stored[k] = css;
  }
}

/** The CSS text for the shadow root of `ui`. */
export function uiStyle(ui: keyof UiStyles): string {
  return stored[ui] ?? FALLBACK_STYLES[ui];
}
