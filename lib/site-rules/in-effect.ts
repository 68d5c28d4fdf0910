/**
 * The site rules in effect, as the background publishes them for content scripts and the options
 * page (lib/site-rules/publish.ts writes them): one storage key per site holding the rules to use
 * and where they come from, so a content script reads only its own site's. The full schema check ran in the background before anything was
 * published; a content script only checks the shape it relies on ({@link takeRules}), so it carries
 * neither the schema nor any site's selectors, only its site's code (lib/sites/<site>.ts).
 *
 * Content-script safe: no import but types and the storage key.
 */
import type { Platform } from '../list/types';
import type { SiteRules } from '../sites/types';
import { RULES_IN_EFFECT_PREFIX } from '../storage-keys';
import type { RulesSource } from './schema';

/** storage.local: one site's {@link SiteRulesInEffect} */
export const rulesInEffectKey = (site: Platform): string => RULES_IN_EFFECT_PREFIX + site;

/** One site's rules in use and where they come from (the options page shows the source). */
export interface SiteRulesInEffect {
  rules: SiteRules;
  source: RulesSource;
}

/** Every guarded site's rules in effect (the published keys read together). */
export type RulesInEffect = Partial<Record<Platform, SiteRulesInEffect>>;

/** Rules that recognise nothing: a content script's rules until the published ones are read. */
export const noRules = (site: Platform): SiteRules => ({ site, version: 0, actions: [], containers: [] });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
/** `v` is an object whose `need` fields are lists and whose `may` fields are lists or absent. */
const fits = (v: unknown, need: string[], may: string[] = []): boolean =>
  isObj(v) && need.every((k) => Array.isArray(v[k])) && may.every((k) => v[k] === undefined || Array.isArray(v[k]));
const all = (v: unknown, need: string[], may?: string[]): boolean =>
  v === undefined || (Array.isArray(v) && v.every((e) => fits(e, need, may)));

/**
 * `site`'s rules from its stored {@link SiteRulesInEffect} value, or null (keep the rules in hand)
 * when they are absent or not of the shape the engine walks: an object for exactly this site, with
 * lists where lists are expected. A cheap check only: the schema ran in the background.
 */
export function takeRules(stored: unknown, site: Platform): SiteRules | null {
  const r = isObj(stored) ? stored.rules : undefined;
  return fits(r, ['actions', 'containers'], ['composers', 'postComposers', 'shortcuts']) &&
    (r as { site?: unknown }).site === site &&
    all((r as SiteRules).actions, ['selectors'], ['gestures', 'markers']) &&
    all((r as SiteRules).containers, ['selectors', 'author', 'text'], ['alt', 'linkTitles', 'permalink', 'textSkip']) &&
    all((r as SiteRules).composers, ['inputs', 'submits'], ['dialogContext', 'context']) &&
    all((r as SiteRules).postComposers, ['inputs', 'submits'], ['scope']) &&
    all((r as SiteRules).shortcuts, [])
    ? (r as SiteRules)
    : null;
}
