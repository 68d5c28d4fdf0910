/**
 * Publishes the in-page UI's style sheets for content scripts (lib/guard/ui-styles.ts). The CSS
 * text comes from components/ui-styles.ts (lib/ never imports components/: the background entry
 * point hands it over). Written when the background starts and only when it differs from what is
 * stored (it changes with an extension update).
 */
import browser from 'webextension-polyfill';
import { UI_STYLES_KEY, type UiStyles } from '../guard/ui-styles';

export async function publishUiStyles(want: UiStyles): Promise<void> {
  const stored = (await browser.storage.local.get(UI_STYLES_KEY))[UI_STYLES_KEY];
  if (JSON.stringify(stored) === JSON.stringify(want)) return;
  await browser.storage.local.set({ [UI_STYLES_KEY]: { dialog: want.dialog, banner: want.banner } });
}
