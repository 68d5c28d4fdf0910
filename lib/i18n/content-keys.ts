/**
 * Which UI strings content scripts get. Content scripts show only the warning dialog and the
 * optional in-page banner, so the background publishes just these keys of the locale tables, as
 * data (lib/background/ui-strings.ts → lib/i18n/content.ts): the rest of the extension's strings
 * would be dead weight in every tab. tests/unit/i18n-content-keys.test.ts fails when code that runs
 * in a content script uses a key this does not keep, or bundles a locale table as code.
 */
export const CONTENT_KEY_PREFIXES = [
  'action',
  'proceed',
  'again',
  'dialog',
  'stage',
  'strength',
  'evidence',
  'rule',
  'cancel',
  'acknowledge',
  'notCampaign',
  'recentCount',
  'closedByEscape',
  'demoBadge',
  'banner',
] as const;

export const isContentKey = (key: string): boolean => CONTENT_KEY_PREFIXES.some((p) => key.startsWith(p));

/** The part of a locale table that content scripts keep. */
export function contentMessages<T extends Record<string, unknown>>(table: T): Partial<T> {
  return Object.fromEntries(Object.entries(table).filter(([k]) => isContentKey(k))) as Partial<T>;
}
