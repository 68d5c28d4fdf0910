/**
 * An in-memory stand-in for browser.storage.local: values are structured-cloned like the real
 * storage does, and `dieAt` makes one chosen write throw, to play a service worker killed mid-update.
 */
import type { KeyValueStore } from '../../../../lib/list/updater';

export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  /** throw on the write whose key starts with this prefix (once) */
  dieAt?: string;
  async get(key: string) {
    return this.data.has(key) ? structuredClone(this.data.get(key)) : undefined;
  }
  async set(key: string, value: unknown) {
    if (this.dieAt && key.startsWith(this.dieAt)) {
      this.dieAt = undefined;
      throw new Error('service worker terminated');
    }
    this.data.set(key, structuredClone(value));
  }
  async remove(key: string) {
    this.data.delete(key);
  }
  keys() {
    return [...this.data.keys()].sort();
  }
}
