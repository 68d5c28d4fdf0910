/**
 * Compiles the active list(s) into the match index and publishes it to content scripts through
 * storage.local. Runs in the background only; the content script just loads the result.
 */
import browser from 'webextension-polyfill';
import { INDEX_KEY, type StoredIndex } from '../guard/index-store';
import { makeDemoList } from '../list/demo';
import type { CandidateList } from '../list/types';
import { compileIndex, serializeIndex } from '../match';
import type { Settings } from '../settings/settings';

/**
 * `region` is the home region in effect (the person's, else the managed policy's:
 * effectiveSource in lib/settings/managed.ts); it travels with the index to content scripts.
 */
export async function publishIndex(
  list: CandidateList,
  settings: Settings,
  now = Date.now(),
  region = settings.region,
): Promise<StoredIndex> {
  const active = settings.demo ? makeDemoList(list, now) : list;
  const stored: StoredIndex = {
    data: serializeIndex(compileIndex([active])),
    listId: active.list_id,
    sequence: active.sequence,
    demo: settings.demo,
    builtAt: now,
    region,
  };
  await browser.storage.local.set({ [INDEX_KEY]: stored });
  return stored;
}
