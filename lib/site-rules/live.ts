/**
 * The content-script side of the signed site-rules channel: a site module whose `rules` follow the
 * accepted document in extension storage (STORAGE_KEYS.siteRules.active), so an already open tab
 * uses a rules update at once, without a reload or a rebuild. The guard and the engine read
 * `site.rules` on every event, so swapping the object is all it takes.
 *
 * Only selector data can change: the module's code (href parsing, the page's account) stays the
 * built-in one, the site's hosts come from the manifest (lib/sites/registry.ts), and the rules are
 * re-checked here against the document schema for exactly this site (lib/site-rules/schema.ts:
 * strings, numbers, true/false and the listed enums; an unknown field refuses the whole entry).
 * The signature and the sequence were checked by the background before anything was stored.
 */
import type { Platform } from '../list/types';
import type { SiteModule, SiteRules } from '../sites/types';
import { STORAGE_KEYS } from '../storage-keys';
import { checkSiteRules, type RulesSource } from './schema';

/** Where the background keeps the accepted document (lib/site-rules/updater.ts). */
export const SITE_RULES_KEY = STORAGE_KEYS.siteRules.active;

/** The rules for `site` in a stored `siteRules.active` value, when newer than `builtin` and well-formed. */
export function signedRulesFor(stored: unknown, builtin: SiteRules): { rules: SiteRules; source: RulesSource } | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const doc = (stored as { doc?: unknown }).doc as
    | { sites?: unknown; stream_id?: unknown; sequence?: unknown }
    | undefined;
  if (!doc || !Array.isArray(doc.sites)) return null;
  const site: Platform = builtin.site;
  const entry = (doc.sites as unknown[]).find(
    (s) => typeof s === 'object' && s !== null && (s as { site?: unknown }).site === site,
  ) as SiteRules | undefined;
  if (!entry || typeof entry.version !== 'number' || entry.version <= builtin.version) return null;
  if (checkSiteRules(entry, site).length) return null;
  return {
    rules: entry,
    source: {
      version: entry.version,
      source: 'signed',
      stream_id: typeof doc.stream_id === 'string' ? doc.stream_id : undefined,
      sequence: typeof doc.sequence === 'number' ? doc.sequence : undefined,
    },
  };
}

export interface LiveSite {
  /** hand this to the guard: its `rules` are swapped in place */
  site: SiteModule;
  /** take the stored `siteRules.active` value (undefined: none → the built-in rules) */
  apply(stored: unknown): RulesSource;
}

export function liveSite(builtin: SiteModule): LiveSite {
  const site: SiteModule = { ...builtin };
  return {
    site,
    apply(stored) {
      const signed = signedRulesFor(stored, builtin.rules);
      site.rules = signed?.rules ?? builtin.rules;
      return signed?.source ?? { version: builtin.rules.version, source: 'built-in' };
    },
  };
}
