/**
 * Every key the extension keeps in browser storage, in one place. Modules name their keys from
 * here (STORAGE_KEYS.list.pointer, or the single exports below, …) so two features can never share a key by accident;
 * tests/unit/storage-keys.test.ts checks that the keys are distinct and that no module defines a
 * storage key of its own. All of it lives in the extension's storage, which no web page can read.
 */
/*
 * The keys content scripts read are also exported one by one: a bundler cannot drop the unused
 * properties of an object, so a content script that named STORAGE_KEYS would carry every key.
 */
/** storage.local: the person's settings (lib/settings/settings.ts) */
export const SETTINGS_KEY = 'settings';
/** storage.local: the compiled match index the background publishes for content scripts */
export const INDEX_KEY = 'matchIndex';
/** storage.local: keys of the person's "not campaign" dismissals (the value is the older name) */
export const DISMISSED_KEY = 'dismissed';
/** storage.local: per-site pauses until a time */
export const PAUSES_KEY = 'pauses';
/** storage.local: per-site counts of actions that could not be resolved */
export const DIAGNOSTICS_KEY = 'diagnostics';
/** storage.local: the dialog's and banner's strings in both languages, for content scripts (lib/i18n/content.ts) */
export const UI_STRINGS_KEY = 'uiStrings';
/** storage.local: prefix of the site rules in effect, one key per site (lib/site-rules/in-effect.ts) */
export const RULES_IN_EFFECT_PREFIX = 'siteRules.inEffect.';
/** storage.local: the dialog's and banner's style sheets, for content scripts (lib/guard/ui-styles.ts) */
export const UI_STYLES_KEY = 'uiStyles';

export const STORAGE_KEYS = {
  settings: SETTINGS_KEY,
  matchIndex: INDEX_KEY,
  dismissals: DISMISSED_KEY,
  pauses: PAUSES_KEY,
  diagnostics: DIAGNOSTICS_KEY,
  /** storage.local: set while the history database is out of space */
  storageFull: 'storageFull',
  /** storage.local: the candidate list updater's records (lib/list/updater.ts) */
  list: {
    /** the ONE pointer whose flip activates a list */
    pointer: 'list.pointer',
    /** prefix of the stored list documents; the pointer names the active one */
    dataPrefix: 'list.data.',
    /** {newKey, oldKey} of a swap in progress, for cleanup after a crash */
    pending: 'list.pending',
    /** last/next check, failures, last error */
    meta: 'list.meta',
    /** the last 50 checks, newest first */
    history: 'list.history',
    /** what was ever accepted (sequences per list_id, issue dates per key), shared by every source */
    seen: 'list.seen',
    /**
     * prefix of the records of the second and further sources (the first source keeps the keys
     * above): `list.src.<slot>.pointer`, `….data.<id>`, `….pending`, `….meta`, `….history`
     * ({@link listSourceKeys})
     */
    sourcePrefix: 'list.src.',
    /** the slots of further sources that have records in storage (to forget a removed source) */
    slots: 'list.slots',
  },
  /** storage.local: the signed site-rules channel (lib/site-rules/updater.ts, docs/site-rules.md) */
  siteRules: {
    /**
     * the accepted document and where it came from (ONE key: one atomic write); the background
     * publishes the rules in effect from it
     */
    active: 'siteRules.active',
    /** last check, failures, last error */
    meta: 'siteRules.meta',
    /** the last 20 checks, newest first */
    history: 'siteRules.history',
    /** what was ever accepted (sequence per stream_id, issue date per key) */
    seen: 'siteRules.seen',
    /**
     * prefix of the rules in effect, one key per site (`siteRules.inEffect.x`: the accepted
     * document's where newer and valid, else the built-in ones, and where they come from); the
     * background publishes them, a content script reads only its own site's, the options page all
     * (lib/site-rules/in-effect.ts)
     */
    inEffectPrefix: RULES_IN_EFFECT_PREFIX,
  },
  uiStrings: UI_STRINGS_KEY,
  uiStyles: UI_STYLES_KEY,
  /** storage.session (cleared when the browser closes): the candidate-page notice per tab */
  pageNotices: 'pageNotices',
} as const;

/**
 * The updater's keys for one list source. The first source (slot '') keeps the keys a single
 * subscription always had, so an existing installation's list, sequence and ETag carry over as they
 * are; a further source's slot (lib/settings/managed.ts, `sourceSlot`) names keys of its own under
 * `list.src.`. What was ever accepted (`list.seen`) is shared: a rollback is refused whichever
 * source brings it.
 */
export function listSourceKeys(slot: string): {
  pointer: string;
  dataPrefix: string;
  pending: string;
  meta: string;
  history: string;
  seen: string;
} {
  const L = STORAGE_KEYS.list;
  if (!slot)
    return {
      pointer: L.pointer,
      dataPrefix: L.dataPrefix,
      pending: L.pending,
      meta: L.meta,
      history: L.history,
      seen: L.seen,
    };
  const p = `${L.sourcePrefix}${slot}.`;
  return {
    pointer: `${p}pointer`,
    dataPrefix: `${p}data.`,
    pending: `${p}pending`,
    meta: `${p}meta`,
    history: `${p}history`,
    seen: L.seen,
  };
}
