import browser from 'webextension-polyfill';
import type { CandidateList } from '../list/types';

/** The list shipped inside the extension: works offline from the first minute. */
export async function loadBundledList(): Promise<CandidateList> {
  const res = await fetch(browser.runtime.getURL('/lists/bundled.json'));
  const list = (await res.json()) as CandidateList;
  if (list.format !== 'jaga-netral/candidate-list') throw new Error('bundled list: wrong format');
  return list;
}
