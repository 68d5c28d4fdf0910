import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const NATIVE_BROWSER = fileURLToPath(new URL('./lib/ext/native-browser.ts', import.meta.url));
const CONTENT_CONTEXT = fileURLToPath(new URL('./lib/ext/content-context.ts', import.meta.url));

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    // storage: settings, the list and the compiled match index; alarms: the list update schedule.
    // unlimitedStorage: a national-scale list with every shard is ~38 MB, and the atomic swap
    // briefly holds two copies — beyond storage.local's 10 MB default. Nothing else uses it.
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    action: { default_title: '__MSG_extName__' },
    // Agencies preset (and may lock) the list source by enterprise policy: docs/managed-policy.md.
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'jaga-netral@jaganetral.id',
          strict_min_version: '140.0',
          // Nothing leaves the device: see PRIVACY.md.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // Content scripts use the browser's own promise-based API (lib/ext/native-browser.ts) instead
    // of webextension-polyfill: ~10 KB less in every content script. Pages and background keep it.
    // And a silent context (lib/ext/content-context.ts) instead of WXT's, which announces every
    // start to the page with the extension's id.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      config.resolve ??= {};
      const aliases = [
        { find: /^webextension-polyfill$/, replacement: NATIVE_BROWSER },
        { find: /^wxt\/utils\/content-script-context$/, replacement: CONTENT_CONTEXT },
      ];
      const existing = config.resolve.alias;
      config.resolve.alias = Array.isArray(existing)
        ? [...aliases, ...existing]
        : [...aliases, ...Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement }))];
    },
    // WXT treats an entrypoint named "history" as a chrome_url_overrides page, which would replace
    // the browser's own history page. Ours is an ordinary extension page at /history.html.
    'build:manifestGenerated': (_wxt, manifest) => {
      delete manifest.chrome_url_overrides;
    },
  },
  zip: {
    excludeSources: ['tests/.artifacts/**', '.cache/**', 'coverage/**'],
  },
});
