/**
 * UI strings in content scripts. The warning dialog and the page banner need about 50 strings in
 * two languages; carried as code they would add ~8 KB to every site's content script. The
 * background publishes them instead (lib/background/ui-strings.ts: the keys lib/i18n/content-keys.ts
 * keeps, from public/_locales) under one storage key, and the content script reads them in its one
 * read at start (lib/guard/runtime.ts). Until they are there (never in practice: the background
 * writes them when it starts, and a dialog needs the index it publishes too) the browser's own
 * i18n gives the string in the browser's language.
 */
import browser from 'webextension-polyfill';
import type { Lang } from '../settings/settings';
import { UI_STRINGS_KEY } from '../storage-keys';
import type { MessageKey } from './index';

export { UI_STRINGS_KEY };

/** lang → key → message, as lib/background/ui-strings.ts publishes it */
export type UiStrings = Record<Lang, Record<string, string>>;

let tables: Partial<UiStrings> = {};

const isTable = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((m) => typeof m === 'string');

/** Take the published strings (anything else leaves the browser's i18n in charge). */
export function setUiStrings(raw: unknown): void {
  tables = {};
  for (const lang of ['id', 'en'] as const) {
    const table = (raw as Partial<Record<Lang, unknown>> | null | undefined)?.[lang];
    if (isTable(table)) tables[lang] = table;
  }
}

/** As lib/i18n's t(), for one language: `tr(lang)(key, ...subs)`; `$1`…`$9` are replaced by the substitutions. */
export const tr =
  (lang: Lang) =>
  (key: MessageKey, ...subs: Array<string | number>): string => {
    const msg = tables[lang]?.[key] ?? tables.id?.[key];
    if (msg === undefined) return browser.i18n.getMessage(key, subs.map(String)) || key;
    return msg.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
  };
