/**
 * Settings an agency sets by enterprise policy (chrome.storage.managed; Firefox: policies.json
 * "3rdparty"). Policy presets the list source and can lock it; see docs/managed-policy.md.
 * A source is a URL and its keys: `listSubscription` (one subscription code, lib/list/subscription.ts)
 * carries both; `listUrl` + `listKeys` remain for existing policies. A URL without keys is kept
 * as set, and the updater refuses it with a reason the options page shows: never used unsigned.
 */
import browser from 'webextension-polyfill';
import { parseSubscription } from '../list/subscription';
import { normaliseRegionCode } from './regions';
import type { Settings } from './settings';

export interface ManagedSettings {
  listUrl?: string;
  listKeys?: string;
  lockListSource?: boolean;
  region?: string;
  /** why a policy value was not taken (shown on the options page) */
  problems?: string[];
}

export function parseManaged(raw: unknown): ManagedSettings {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const m: ManagedSettings = {};
  const problems: string[] = [];
  if (typeof r.listUrl === 'string' && r.listUrl.startsWith('https://')) m.listUrl = r.listUrl;
  else if (r.listUrl !== undefined) problems.push('listUrl: not an HTTPS URL, ignored');
  if (typeof r.listKeys === 'string') m.listKeys = r.listKeys;
  if (typeof r.listSubscription === 'string' && r.listSubscription.trim()) {
    const sub = parseSubscription(r.listSubscription);
    if (sub.ok) {
      m.listUrl = sub.url;
      m.listKeys = sub.keys;
    } else problems.push(`listSubscription: ${sub.reason}; ignored`);
  }
  if (m.listUrl && !m.listKeys?.trim())
    problems.push('listUrl has no listKeys: lists from it are refused (use listSubscription, or add listKeys)');
  if (typeof r.lockListSource === 'boolean') m.lockListSource = r.lockListSource;
  if (typeof r.region === 'string') {
    const region = normaliseRegionCode(r.region);
    if (region) m.region = region;
    else if (region === undefined)
      problems.push('region: not a Kemendagri code of 2, 4 or 6 digits (e.g. 18, 1811, 181101 or 18.11.01), ignored');
  }
  if (problems.length) m.problems = problems;
  return m;
}

/** Never throws: without a policy (or where storage.managed is missing) there is simply none. */
export async function loadManaged(): Promise<ManagedSettings> {
  try {
    return parseManaged(await browser.storage.managed.get());
  } catch {
    return {};
  }
}

/**
 * The list source and region in effect. A policy URL wins when the source is locked or the user
 * has not chosen one; a policy region is only a default.
 */
export function effectiveSource(
  s: Settings,
  m: ManagedSettings,
): { url: string; keys: string; region: string; allShards: boolean } {
  const policyWins = m.lockListSource === true || !s.listUrl;
  return {
    url: policyWins && m.listUrl ? m.listUrl : s.listUrl,
    keys: policyWins && m.listUrl ? (m.listKeys ?? '') : s.listKeys,
    region: s.region || m.region || '',
    allShards: s.listAllShards,
  };
}
