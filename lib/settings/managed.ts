/**
 * Settings an agency sets by enterprise policy (chrome.storage.managed; Firefox: policies.json
 * "3rdparty"). Policy presets the list source and can lock it; see docs/managed-policy.md.
 */
import browser from 'webextension-polyfill';
import type { Settings } from './settings';

export interface ManagedSettings {
  listUrl?: string;
  listKeys?: string;
  lockListSource?: boolean;
  region?: string;
}

export function parseManaged(raw: unknown): ManagedSettings {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const m: ManagedSettings = {};
  if (typeof r.listUrl === 'string' && r.listUrl.startsWith('https://')) m.listUrl = r.listUrl;
  if (typeof r.listKeys === 'string') m.listKeys = r.listKeys;
  if (typeof r.lockListSource === 'boolean') m.lockListSource = r.lockListSource;
  if (typeof r.region === 'string' && /^\d{2}(\d{2})?$/.test(r.region)) m.region = r.region;
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
export function effectiveSource(s: Settings, m: ManagedSettings): { url: string; keys: string; region: string } {
  const policyWins = m.lockListSource === true || !s.listUrl;
  return {
    url: policyWins && m.listUrl ? m.listUrl : s.listUrl,
    keys: policyWins && m.listUrl ? (m.listKeys ?? '') : s.listKeys,
    region: s.region || m.region || '',
  };
}
