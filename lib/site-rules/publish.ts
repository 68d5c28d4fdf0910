/**
 * The background's side of the site rules in effect (lib/site-rules/in-effect.ts): per site, the
 * accepted signed document's rules (`siteRules.active`, lib/site-rules/updater.ts) where they are
 * newer than the built-in `version` and pass the schema for exactly that site, the built-in rules
 * everywhere else. Checked here once, so content scripts carry neither the schema nor the
 * selectors. Published at background start (an extension update brings new built-in rules) and
 * whenever the accepted document changes; written only when it differs from what is stored.
 */
import type { KeyValueStore } from '../list/updater';
import type { SiteRules } from '../sites/types';
import { type RulesInEffect, rulesInEffectKey, type SiteRulesInEffect } from './in-effect';
import { checkSiteRules } from './schema';
import { type ActiveSiteRules, STORAGE_KEYS } from './updater';

/** One site's rules in effect: the document's entry for it when newer and valid, else the built-in rules. */
export function siteRulesInEffect(builtin: SiteRules, active: unknown): SiteRulesInEffect {
  const doc = (active as { doc?: { sites?: unknown; stream_id?: unknown; sequence?: unknown } } | null)?.doc;
  const entry = Array.isArray(doc?.sites)
    ? (doc.sites as unknown[]).find(
        (s) => typeof s === 'object' && s !== null && (s as { site?: unknown }).site === builtin.site,
      )
    : undefined;
  const version = (entry as { version?: unknown } | undefined)?.version;
  if (entry && typeof version === 'number' && version > builtin.version && !checkSiteRules(entry, builtin.site).length)
    return {
      rules: entry as SiteRules,
      source: {
        version,
        source: 'signed',
        stream_id: typeof doc?.stream_id === 'string' ? doc.stream_id : undefined,
        sequence: typeof doc?.sequence === 'number' ? doc.sequence : undefined,
      },
    };
  return { rules: builtin, source: { version: builtin.version, source: 'built-in' } };
}

/** Every site's rules in effect, for the accepted document `active` (undefined: none). */
export function rulesInEffect(builtin: readonly SiteRules[], active: ActiveSiteRules | undefined): RulesInEffect {
  return Object.fromEntries(builtin.map((b) => [b.site, siteRulesInEffect(b, active)]));
}

/**
 * Publish the rules in effect, one key per site; true when it wrote. Runs one at a time (a
 * start-time publish and one after an update never finish in the wrong order), each reading the
 * accepted document afresh; a site's key is written only when its rules or source changed.
 */
export function createRulesPublisher(store: KeyValueStore, builtin: readonly SiteRules[]): () => Promise<boolean> {
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (): Promise<boolean> => {
    const want = rulesInEffect(builtin, (await store.get(STORAGE_KEYS.active)) as ActiveSiteRules | undefined);
    let wrote = false;
    for (const b of builtin) {
      const key = rulesInEffectKey(b.site);
      // undefined fields (a source's missing stream) do not survive storage: compare what is stored
      const json = JSON.stringify(want[b.site]);
      if (JSON.stringify(await store.get(key)) === json) continue;
      await store.set(key, JSON.parse(json));
      wrote = true;
    }
    return wrote;
  };
  return () => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };
}
