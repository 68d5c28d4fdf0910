/**
 * Publishes the content scripts' UI strings (lib/i18n/content.ts): the keys lib/i18n/content-keys.ts
 * keeps, in both languages, flattened to key → message. Written when the background starts and
 * only when they differ from what is stored (they change with an extension update).
 */
import browser from 'webextension-polyfill';
import { contentMessages } from '../i18n/content-keys';
import { LOCALES } from '../i18n';
import { UI_STRINGS_KEY, type UiStrings } from '../i18n/content';

export function uiStrings(): UiStrings {
  const flat = (table: Record<string, { message: string }>) =>
    Object.fromEntries(Object.entries(contentMessages(table)).map(([k, v]) => [k, (v as { message: string }).message]));
  return { id: flat(LOCALES.id), en: flat(LOCALES.en) };
}

export async function publishUiStrings(): Promise<void> {
  const want = uiStrings();
  const stored = (await browser.storage.local.get(UI_STRINGS_KEY))[UI_STRINGS_KEY];
  if (JSON.stringify(stored) === JSON.stringify(want)) return;
  await browser.storage.local.set({ [UI_STRINGS_KEY]: want });
}
