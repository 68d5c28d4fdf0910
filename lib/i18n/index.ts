/**
 * UI strings come from the browser's _locales files (public/_locales/{id,en}/messages.json), the one
 * source for both the manifest and the UI. We look them up ourselves instead of i18n.getMessage so
 * the user can choose Bahasa Indonesia (the default) or English regardless of the browser's language.
 */
import en from '../../public/_locales/en/messages.json';
import id from '../../public/_locales/id/messages.json';
import type { Lang } from '../settings/settings';

export type MessageKey = keyof typeof id;
type Table = Record<string, { message: string }>;
const TABLES: Record<Lang, Table> = { id, en };

/** `t('en', 'dialogAction', 'like')` — `$1`…`$9` are replaced by the substitutions. */
export function t(lang: Lang, key: MessageKey, ...subs: Array<string | number>): string {
  const msg = TABLES[lang][key]?.message ?? TABLES.id[key]?.message ?? key;
  return msg.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

export const LOCALES = TABLES;
