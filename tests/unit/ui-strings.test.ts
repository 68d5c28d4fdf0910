/**
 * The content scripts' UI strings travel as data (lib/background/ui-strings.ts publishes them,
 * lib/i18n/content.ts reads them): the same messages the extension pages show, for the keys
 * content scripts keep.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { publishUiStrings, uiStrings } from '../../lib/background/ui-strings';
import { t as pageT } from '../../lib/i18n';
import { setUiStrings, tr, UI_STRINGS_KEY } from '../../lib/i18n/content';
import { contentMessages } from '../../lib/i18n/content-keys';
import id from '../../public/_locales/id/messages.json';

describe('UI strings for content scripts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('publishes every kept key in both languages, as the pages show it', () => {
    const s = uiStrings();
    const keys = Object.keys(contentMessages(id));
    expect(Object.keys(s.id).sort()).toEqual([...keys].sort());
    expect(Object.keys(s.en).sort()).toEqual([...keys].sort());
    expect(s.id.dialogWhy).toBe(pageT('id', 'dialogWhy'));
    expect(s.en.dialogWhy).toBe(pageT('en', 'dialogWhy'));
    expect(s.id.dialogWhy).not.toBe(s.en.dialogWhy);
  });

  it('reads them back with the same substitutions as the pages', () => {
    setUiStrings(uiStrings());
    for (const lang of ['id', 'en'] as const) {
      expect(tr(lang)('dialogLead', 'X')).toBe(pageT(lang, 'dialogLead', 'X'));
      expect(tr(lang)('recentCount', 3)).toBe(pageT(lang, 'recentCount', 3));
    }
  });

  it('writes storage once and again only when the strings differ', async () => {
    await publishUiStrings();
    const first = (await fakeBrowser.storage.local.get(UI_STRINGS_KEY))[UI_STRINGS_KEY];
    expect(first).toEqual(uiStrings());
    let writes = 0;
    fakeBrowser.storage.local.onChanged.addListener(() => writes++);
    await publishUiStrings();
    expect(writes).toBe(0);
    await fakeBrowser.storage.local.set({ [UI_STRINGS_KEY]: { id: {}, en: {} } });
    await publishUiStrings();
    expect((await fakeBrowser.storage.local.get(UI_STRINGS_KEY))[UI_STRINGS_KEY]).toEqual(uiStrings());
  });

  it('ignores a malformed value', () => {
    setUiStrings(uiStrings());
    setUiStrings({ id: { dialogWhy: 7 }, en: 'x' });
    // nothing usable is kept: the lookup falls through to the browser's i18n (its own language)
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((k: string) => `browser:${k}`);
    expect(tr('id')('dialogWhy')).toBe('browser:dialogWhy');
    expect(getMessage).toHaveBeenCalledWith('dialogWhy', []);
  });
});
