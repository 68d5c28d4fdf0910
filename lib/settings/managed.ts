/**
 * Settings an agency sets by enterprise policy (chrome.storage.managed; Firefox: policies.json
 * "3rdparty"). Policy presets the list source and can lock it; see docs/managed-policy.md.
 * A source is a URL and its keys: `listSubscription` (one subscription code, lib/list/subscription.ts)
 * carries both; `listUrl` + `listKeys` remain for existing policies. A URL without keys is kept
 * as set, and the updater refuses it with a reason the options page shows: never used unsigned.
 * `listSubscriptions` (several codes) subscribes to further sources at once, e.g. the national list
 * and the BKPSDM's regional list; the matcher uses their union (docs/list-format.md §8.3).
 */
import browser from 'webextension-polyfill';
import { parseSubscription } from '../list/subscription';
import type { SourceConfig } from '../list/updater';
import { normaliseRegionCode } from './regions';
import { type ListSourceSetting, MAX_LIST_SOURCES, type Settings } from './settings';

export interface ManagedSettings {
  listUrl?: string;
  listKeys?: string;
  lockListSource?: boolean;
  /**
   * further policy sources from `listSubscriptions`, after the first (`listUrl`/`listKeys` above,
   * which the first code fills when no single-source key is set); the person cannot remove them
   */
  moreSources?: ListSourceSetting[];
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
  const codes =
    typeof r.listSubscriptions === 'string'
      ? r.listSubscriptions.split(/\s+/)
      : Array.isArray(r.listSubscriptions)
        ? r.listSubscriptions
        : r.listSubscriptions === undefined
          ? []
          : undefined;
  if (!codes) problems.push('listSubscriptions: not a list of subscription codes, ignored');
  const more: ListSourceSetting[] = [];
  for (const [i, code] of (codes ?? []).entries()) {
    if (typeof code !== 'string' || !code.trim()) continue;
    const sub = parseSubscription(code);
    if (!sub.ok) {
      problems.push(`listSubscriptions[${i}]: ${sub.reason}; ignored`);
      continue;
    }
    if (!m.listUrl) {
      m.listUrl = sub.url;
      m.listKeys = sub.keys;
    } else if (sub.url !== m.listUrl && !more.some((x) => x.url === sub.url))
      more.push({ url: sub.url, keys: sub.keys });
  }
  if (more.length > MAX_LIST_SOURCES)
    problems.push(`listSubscriptions: only the first ${MAX_LIST_SOURCES + 1} are used`);
  if (more.length) m.moreSources = more.slice(0, MAX_LIST_SOURCES);
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

/**
 * How long a reader waits for the browser's policy. Chromium's `storage.managed.get` can take many
 * seconds while its policy service starts (a fresh start, a loaded machine), and some builds have
 * never answered it at all; a list check or a settings change must not wait on that.
 */
export const MANAGED_WAIT_MS = 3_000;

/** the last policy this context read (null: none read yet) */
let lastRead: ManagedSettings | null = null;
/** the browser's read in progress, shared by every reader meanwhile, and when it was asked */
let reading: Promise<ManagedSettings> | null = null;
let readingSince = 0;

function readPolicy(): Promise<ManagedSettings> {
  if (!reading) readingSince = Date.now();
  reading ??= Promise.resolve()
    .then(() => browser.storage.managed.get())
    .then(parseManaged, () => ({}))
    .then((m) => {
      lastRead = m;
      reading = null;
      return m;
    });
  return reading;
}

/**
 * The managed policy. Never throws: without a policy (or where storage.managed is missing) there is
 * simply none ({}). Waits up to `waitMs` for the browser; past that, answers with the last policy
 * read here (else none) and, when the browser's answer arrives and differs, hands it to `onLate`
 * (the background runs its list check again: a policy read late must still take effect, and the
 * browser does not announce its first read as a change).
 */
export async function loadManaged(
  opts: { waitMs?: number; onLate?: (m: ManagedSettings) => void } = {},
): Promise<ManagedSettings> {
  const read = readPolicy();
  // a read already asked that long ago is not waited on again
  const waitMs = Math.max(0, readingSince + (opts.waitMs ?? MANAGED_WAIT_MS) - Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const got = await Promise.race([read, late]);
  clearTimeout(timer);
  if (got) return got;
  const used = lastRead ?? {};
  const { onLate } = opts;
  if (onLate) void read.then((m) => JSON.stringify(m) !== JSON.stringify(used) && onLate(m));
  return used;
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

export type { SourceConfig };

/**
 * The storage slot of a further source: derived from its URL (FNV-1a), so it is stable while the
 * source is configured, whatever is added or removed around it. Another URL is another source.
 */
export function sourceSlot(url: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `s${h.toString(36)}`;
}

/**
 * Every list source in force, in order: the first source as {@link effectiveSource} chooses it
 * (always present; no URL = the bundled list), then the policy's further sources, then the person's
 * own (not while the policy locks the source). A URL already in force earlier is not taken twice.
 */
export function effectiveSources(s: Settings, m: ManagedSettings): SourceConfig[] {
  const first = effectiveSource(s, m);
  const policyFirst = (m.lockListSource === true || !s.listUrl) && !!m.listUrl;
  const out: SourceConfig[] = [{ n: 1, slot: '', ...first, origin: policyFirst ? 'policy' : 'user' }];
  const seen = new Set([first.url.trim()]);
  const add = (src: ListSourceSetting, origin: SourceConfig['origin']) => {
    const url = src.url.trim();
    if (!url || seen.has(url)) return;
    seen.add(url);
    out.push({
      n: out.length + 1,
      slot: sourceSlot(url),
      url,
      keys: src.keys,
      region: first.region,
      allShards: first.allShards,
      origin,
    });
  };
  for (const src of m.moreSources ?? []) add(src, 'policy');
  if (m.lockListSource !== true) for (const src of s.listSources) add(src, 'user');
  return out;
}
