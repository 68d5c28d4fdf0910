import browser from 'webextension-polyfill';
import type { KeyValueStore } from '../list/updater';

/** The updater's key-value store, backed by storage.local (extension origin only). */
export const storageStore: KeyValueStore = {
  async get(key) {
    return (await browser.storage.local.get(key))[key];
  },
  async set(key, value) {
    await browser.storage.local.set({ [key]: value });
  },
  async remove(key) {
    await browser.storage.local.remove(key);
  },
};
