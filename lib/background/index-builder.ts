/**
 * Compiles the active list(s) into the match index and publishes it to content scripts through
 * storage.local. Runs in the background only, and checks what it publishes through (checkIndex):
 * the content script just loads the result, with cheap checks only.
 */
import browser from 'webextension-polyfill';
import { INDEX_KEY, type StoredIndex } from '../guard/index-store';
import { makeDemoList } from '../list/demo';
import type { CandidateList } from '../list/types';
import { checkIndex, compileIndex, serializeIndex } from '../match';
import type { Settings } from '../settings/settings';

/**
 * The `listId` an index of these lists is published under: the list's id for one list (as
 * always), every list's id and sequence for the union of several sources, so that a change in any
 * source is a new index.
 */
export function indexListId(lists: readonly CandidateList[]): string {
  return lists.length === 1 ? lists[0]!.list_id : lists.map((l) => `${l.list_id}@${l.sequence}`).join(' ');
}

/**
 * `lists`: one list, or the union of several sources in source order (lib/list/union.ts); demo
 * mode replaces the first (the bundled list's demo copy) and keeps the others.
 * `region` is the home region in effect (the person's, else the managed policy's:
 * effectiveSource in lib/settings/managed.ts); it travels with the index to content scripts.
 */
export async function publishIndex(
  lists: CandidateList | readonly CandidateList[],
  settings: Settings,
  now = Date.now(),
  region = settings.region,
): Promise<StoredIndex> {
  const all = Array.isArray(lists) ? (lists as readonly CandidateList[]) : [lists as CandidateList];
  const active = settings.demo ? [makeDemoList(all[0]!, now), ...all.slice(1)] : [...all];
  const data = serializeIndex(compileIndex(active));
  // every field and cross-reference, through the content script's own loader: a build that wrote
  // anything inconsistent throws here, and the index already published stays
  checkIndex(data);
  const stored: StoredIndex = {
    data,
    listId: indexListId(active),
    sequence: active[0]!.sequence,
    demo: settings.demo,
    builtAt: now,
    region,
  };
  await browser.storage.local.set({ [INDEX_KEY]: stored });
  return stored;
}
