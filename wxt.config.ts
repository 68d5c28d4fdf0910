import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
