/**
 * The in-page UI's style sheets travel as data (lib/background/ui-styles.ts publishes them,
 * lib/guard/ui-styles.ts reads them); absent or malformed, a small built-in sheet stands in.
 * The real sheets in a real browser, and the built-in one's usability, are checked end to end
 * (tests/e2e/person.e2e.test.ts).
 */
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildPageBanner } from '../../components/PageBanner';
import { buildWarningDialog } from '../../components/WarningDialog';
import { uiStrings } from '../../lib/background/ui-strings';
import { publishUiStyles } from '../../lib/background/ui-styles';
import { setUiStrings } from '../../lib/i18n/content';
import { FALLBACK_STYLES, setUiStyles, UI_STYLES_KEY, uiStyle } from '../../lib/guard/ui-styles';
import { STORAGE_KEYS } from '../../lib/storage-keys';

const SHEETS = { dialog: '.dialog{color:red}', banner: '.banner{color:blue}' };

describe('UI style sheets for content scripts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setUiStyles(undefined);
  });

  it('are stored under their own key of lib/storage-keys.ts', () => {
    expect(UI_STYLES_KEY).toBe(STORAGE_KEYS.uiStyles);
    expect(UI_STYLES_KEY).not.toBe(STORAGE_KEYS.uiStrings);
  });

  it('writes storage once and again only when the sheets differ', async () => {
    await publishUiStyles(SHEETS);
    expect((await fakeBrowser.storage.local.get(UI_STYLES_KEY))[UI_STYLES_KEY]).toEqual(SHEETS);
    let writes = 0;
    fakeBrowser.storage.local.onChanged.addListener(() => writes++);
    await publishUiStyles(SHEETS);
    expect(writes).toBe(0);
    const next = { ...SHEETS, dialog: '.dialog{color:green}' };
    await publishUiStyles(next);
    expect(writes).toBe(1);
    expect((await fakeBrowser.storage.local.get(UI_STYLES_KEY))[UI_STYLES_KEY]).toEqual(next);
  });

  it('uses the published sheets, each on its own', () => {
    setUiStyles(SHEETS);
    expect(uiStyle('dialog')).toBe(SHEETS.dialog);
    expect(uiStyle('banner')).toBe(SHEETS.banner);
    setUiStyles({ dialog: SHEETS.dialog, banner: 7 });
    expect(uiStyle('dialog')).toBe(SHEETS.dialog);
    expect(uiStyle('banner')).toBe(FALLBACK_STYLES.banner);
  });

  it('falls back to the built-in sheets when absent or malformed, and again after a good one', () => {
    for (const raw of [undefined, null, 'css', [], { dialog: '', banner: '' }, { dialog: {}, banner: [] }]) {
      setUiStyles(SHEETS);
      setUiStyles(raw);
      expect(uiStyle('dialog')).toBe(FALLBACK_STYLES.dialog);
      expect(uiStyle('banner')).toBe(FALLBACK_STYLES.banner);
    }
  });

  it('the built-in sheets stay small and style the classes the dialog and banner really use', () => {
    expect(FALLBACK_STYLES.dialog.length + FALLBACK_STYLES.banner.length).toBeLessThan(1000);
    setUiStrings(uiStrings());
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const doc = document as unknown as Document;
    const dialog = buildWarningDialog(
      doc,
      {
        lang: 'id',
        kind: 'like',
        aboutPage: false,
        matches: [],
        role: 'pns',
        demo: false,
        phase: 'action',
        allowSeconds: 20,
      },
      () => undefined,
    ).root;
    const banner = buildPageBanner(doc, { lang: 'id', matches: [], onClose: () => undefined });
    for (const [root, css] of [
      [dialog, FALLBACK_STYLES.dialog],
      [banner, FALLBACK_STYLES.banner],
    ] as const) {
      const classes = [...css.matchAll(/\.([a-z][\w-]*)\s*\{/g)].map((m) => m[1] as string);
      expect(classes.length).toBeGreaterThan(0);
      for (const c of classes) expect(root.matches(`.${c}`) || root.querySelector(`.${c}`) !== null, c).toBe(true);
      // on top of the page, with a visible focus and dark mode
      expect(css).toMatch(/z-index:214748364\d/);
      expect(css).toContain(':focus-visible{outline:3px');
      expect(css).toContain('@media(prefers-color-scheme:dark)');
    }
  });
});
