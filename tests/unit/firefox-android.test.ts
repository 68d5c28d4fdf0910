/**
 * Firefox for Android runs the same add-on as Firefox on the desktop, with fewer APIs: no
 * `windows` (one window, tabs only), no sidebars, no menus or commands, no devtools panels. This
 * fails when the manifest stops declaring Android or when code starts using an API that Android
 * lacks. The popup, options and history pages open as tabs there (tabs.create, options_ui in a tab).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('Firefox for Android', () => {
  const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');

  it('the Firefox manifest declares Android with a minimum version that has every key it uses', () => {
    const android = /gecko_android:\s*\{\s*strict_min_version:\s*'(\d+)\.\d+'/.exec(config);
    expect(android, 'browser_specific_settings.gecko_android').not.toBeNull();
    // data_collection_permissions is read from Firefox for Android 142 on
    expect(Number(android?.[1])).toBeGreaterThanOrEqual(142);
    expect(config).toMatch(/data_collection_permissions/);
  });

  it('no API that Firefox for Android lacks is used anywhere in the extension', () => {
    const missing =
      /\b(?:browser|chrome)\.(?:windows|sidebarAction|sidePanel|menus|contextMenus|commands|devtools|bookmarks|history|downloads|pageAction)\b/;
    const offenders = ['lib', 'components', 'entrypoints']
      .flatMap((d) => sources(join(ROOT, d)))
      .filter((f) => missing.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(ROOT.length + 1));
    expect(offenders).toEqual([]);
  });

  it('pages open in tabs, not in windows of their own', () => {
    const offenders = ['lib', 'components', 'entrypoints']
      .flatMap((d) => sources(join(ROOT, d)))
      .filter((f) => /\bwindow\.open\(|openOptionsPage\(/.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(ROOT.length + 1));
    expect(offenders).toEqual([]);
    expect(config).not.toMatch(/open_in_tab:\s*false/);
  });
});
