/**
 * User settings live in storage.local under one key, so content scripts can read them without
 * waking the service worker and react to changes (consent withdrawn → stop at once).
 */
import browser from 'webextension-polyfill';
import { PLATFORMS, type Platform } from '../list/types';
import { SETTINGS_KEY } from '../storage-keys';
import { normaliseRegionCode } from './regions';

export type Role = 'pns' | 'pppk' | 'non_asn';
export type Lang = 'id' | 'en';

export interface Settings {
  /** the opt-in: false = the extension does nothing on any site */
  consent: boolean;
  consentAt?: number;
  role: Role | '';
  /**
   * Kemendagri code (no dots) of the home province (`18`), regency/city (`1811`) or kecamatan
   * (`181101`; a desa `1811012001` is kept too), or ''. Stored dotted forms are read without dots.
   */
  region: string;
  sites: Record<Platform, boolean>;
  lang: Lang;
  /** use the clearly labelled demo list (today inside its window) */
  demo: boolean;
  /** keep post links in the history */
  storeLinks: boolean;
  /** HTTPS URL of a list or manifest; '' = the default source */
  listUrl: string;
  /** `key_id:base64key` lines */
  listKeys: string;
  /**
   * The person's further list sources, after the first one (`listUrl` + `listKeys`), in the order
   * they were added; each an HTTPS URL and its `key_id:base64key` lines (docs/list-format.md §8.3).
   */
  listSources: ListSourceSetting[];
  /**
   * Take every shard of a manifest, not only those of the home region: the list host then cannot
   * tell the region from the files requested (PRIVACY.md), at the cost of a larger download.
   */
  listAllShards: boolean;
  retentionMonths: number;
  /**
   * Automation switch, off by default: while on, the warning dialog and the in-page notice use open
   * shadow roots with the documented automation names (docs/automation.md). Lives only in extension
   * storage, which no web page can write.
   */
  automation: boolean;
  /** Also show the candidate-page notice inside the page (which the page can see); off by default. */
  pageBanner: boolean;
}

/** A further list source as stored: a URL and the keys that must sign what it serves. */
export interface ListSourceSetting {
  url: string;
  keys: string;
}

/** Further sources a person may add (beyond the first): each is fetched on every check. */
export const MAX_LIST_SOURCES = 8;

export { SETTINGS_KEY };

/**
 * The settings a content script acts on (lib/guard/runtime.ts): the opt-in, the site switches, the
 * dialog's language and role, the region, link keeping, the automation switch and the in-page notice.
 * Parsed on their own so that a content script carries no list-source or retention code.
 */
export type GuardSettings = Pick<
  Settings,
  'consent' | 'role' | 'region' | 'sites' | 'lang' | 'storeLinks' | 'automation' | 'pageBanner'
>;

const GUARD_DEFAULTS: GuardSettings = {
  consent: false,
  role: '',
  region: '',
  sites: Object.fromEntries(PLATFORMS.map((p) => [p, true])) as Record<Platform, boolean>,
  lang: 'id',
  storeLinks: true,
  automation: false,
  pageBanner: false,
};

export const DEFAULT_SETTINGS: Settings = {
  ...GUARD_DEFAULTS,
  demo: false,
  listUrl: '',
  listKeys: '',
  listSources: [],
  listAllShards: false,
  retentionMonths: 12,
};

/** {@link parseSettings} of the fields a content script reads, with the same rules. */
export function parseGuardSettings(raw: unknown): GuardSettings {
  const s: GuardSettings = { ...GUARD_DEFAULTS, sites: { ...GUARD_DEFAULTS.sites } };
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.consent === 'boolean') s.consent = r.consent;
  if (r.role === 'pns' || r.role === 'pppk' || r.role === 'non_asn' || r.role === '') s.role = r.role;
  if (typeof r.region === 'string') s.region = normaliseRegionCode(r.region) ?? s.region;
  if (r.lang === 'id' || r.lang === 'en') s.lang = r.lang;
  if (typeof r.storeLinks === 'boolean') s.storeLinks = r.storeLinks;
  if (typeof r.automation === 'boolean') s.automation = r.automation;
  if (typeof r.pageBanner === 'boolean') s.pageBanner = r.pageBanner;
  if (typeof r.sites === 'object' && r.sites !== null) {
    for (const p of PLATFORMS) {
      const v = (r.sites as Record<string, unknown>)[p];
      if (typeof v === 'boolean') s.sites[p] = v;
    }
  }
  return s;
}

/** Merge stored values over the defaults, ignoring anything of the wrong type. */
export function parseSettings(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, ...parseGuardSettings(raw), listSources: [] };
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.consentAt === 'number') s.consentAt = r.consentAt;
  if (typeof r.demo === 'boolean') s.demo = r.demo;
  if (typeof r.listUrl === 'string') s.listUrl = r.listUrl;
  if (typeof r.listKeys === 'string') s.listKeys = r.listKeys;
  if (Array.isArray(r.listSources))
    s.listSources = r.listSources
      .filter(
        (x): x is ListSourceSetting =>
          typeof x === 'object' && x !== null && typeof x.url === 'string' && typeof x.keys === 'string',
      )
      .map((x) => ({ url: x.url, keys: x.keys }))
      .slice(0, MAX_LIST_SOURCES);
  if (typeof r.listAllShards === 'boolean') s.listAllShards = r.listAllShards;
  if (typeof r.retentionMonths === 'number' && r.retentionMonths >= 1)
    s.retentionMonths = Math.floor(r.retentionMonths);
  return s;
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(got[SETTINGS_KEY]);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  if (patch.consent === true && !next.consentAt) next.consentAt = Date.now();
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Call `fn` with fresh settings whenever they change. Returns the unsubscribe function. */
export function onSettingsChanged(fn: (s: Settings) => void): () => void {
  return watchSettings(parseSettings, fn);
}

/** {@link onSettingsChanged} with only what a content script acts on ({@link parseGuardSettings}). */
export function onGuardSettingsChanged(fn: (s: GuardSettings) => void): () => void {
  return watchSettings(parseGuardSettings, fn);
}

function watchSettings<T>(parse: (raw: unknown) => T, fn: (s: T) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) fn(parse(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
