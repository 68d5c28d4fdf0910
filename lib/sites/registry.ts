/**
 * The one place that says which sites Jaga Netral guards and where they live. Everything else is
 * derived from it: each content script's `matches`, each site module's own host check, the popup's
 * "which site is this tab", the matcher's profile-URL hosts, the settings page's site names and the
 * e2e fixture server's hostnames. tests/unit/site-registry.test.ts fails when a site in here lacks
 * its site module, content script, fixtures or test file (docs/adding-a-site.md).
 *
 * Pure data: no DOM, no browser API, so the background, the pages, the matcher and Node tests can
 * all import it.
 */
import type { Platform } from '../list/types';

export interface SiteEntry {
  platform: Platform;
  /** shown to the person (settings, popup) */
  name: string;
  /** every host the content script runs on, exactly (no wildcards) */
  hosts: readonly string[];
  /**
   * Hosts (lower-case, without `www.`) whose `/<handle>` or `/@<handle>` paths name an account, for
   * reading account URLs in lists and pages. Empty where the site has no such URLs.
   */
  profileHosts: readonly string[];
}

export const SITES: Readonly<Record<Platform, SiteEntry>> = {
  facebook: {
    platform: 'facebook',
    name: 'Facebook',
    hosts: [
      'facebook.com',
      'www.facebook.com',
      'web.facebook.com',
      'm.facebook.com',
      'mbasic.facebook.com',
      'touch.facebook.com',
    ],
    profileHosts: ['facebook.com'],
  },
  instagram: {
    platform: 'instagram',
    name: 'Instagram',
    hosts: ['instagram.com', 'www.instagram.com', 'm.instagram.com'],
    profileHosts: ['instagram.com'],
  },
  x: {
    platform: 'x',
    name: 'X (Twitter)',
    hosts: ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
    profileHosts: ['x.com', 'twitter.com'],
  },
  tiktok: {
    platform: 'tiktok',
    name: 'TikTok',
    hosts: ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com'],
    profileHosts: ['tiktok.com'],
  },
  youtube: {
    platform: 'youtube',
    name: 'YouTube',
    hosts: ['youtube.com', 'www.youtube.com', 'm.youtube.com'],
    profileHosts: ['youtube.com'],
  },
  threads: {
    platform: 'threads',
    name: 'Threads',
    hosts: ['threads.com', 'www.threads.com', 'threads.net', 'www.threads.net'],
    profileHosts: ['threads.com', 'threads.net'],
  },
  whatsapp: {
    platform: 'whatsapp',
    name: 'WhatsApp Web',
    hosts: ['web.whatsapp.com'],
    profileHosts: [],
  },
};

export const SITE_LIST: readonly SiteEntry[] = Object.values(SITES);

/** The content script's match patterns for a site: every host, any scheme the browser allows, any path. */
export const matchPatternsOf = (p: Platform): string[] => SITES[p].hosts.map((h) => `*://${h}/*`);

const BY_HOST = new Map(SITE_LIST.flatMap((s) => s.hosts.map((h) => [h, s.platform] as const)));

/** The guarded site a hostname belongs to, or null (exact hosts only, as the content scripts run). */
export const siteOfHost = (host: string): Platform | null => BY_HOST.get(host.toLowerCase()) ?? null;

/** Profile-URL host (lower-case, `www.` removed) → platform. */
export const PROFILE_HOSTS: ReadonlyMap<string, Platform> = new Map(
  SITE_LIST.flatMap((s) => s.profileHosts.map((h) => [h, s.platform] as const)),
);
