/**
 * The site-rules document's format, its schema check and its layering over the built-in rules: pure
 * data code with no signature or network dependency. It runs in the background, the options page and
 * the maintainer CLI, never in a content script: the background checks each site's rules once before
 * publishing them (lib/site-rules/publish.ts). The signed channel
 * around it is lib/site-rules/document.ts (accept), lib/site-rules/updater.ts (fetch, store).
 */
import { PLATFORMS, type Platform } from '../list/types';
import { ACTION_KINDS, type SiteRules } from '../sites/types';

export const SITE_RULES_FORMAT = 'jaga-netral-site-rules';
export const SITE_RULES_FORMAT_VERSION = 1;
/** The largest document accepted: rules for every site fit in a few tens of KiB. */
export const SITE_RULES_MAX_BYTES = 256 * 1024;

export interface SiteRulesDocument {
  format: typeof SITE_RULES_FORMAT;
  format_version: typeof SITE_RULES_FORMAT_VERSION;
  stream_id: string;
  sequence: number;
  issued_at: string;
  sites: SiteRules[];
}

const MAX_LIST = 64;
const MAX_STRING = 400;
const STREAM_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

type Shape =
  | 'string'
  | 'strings'
  | 'boolean'
  | 'int'
  | { enum: readonly string[] }
  | { object: Record<string, [Shape, boolean]> }
  | { list: Shape };

const str = (required = false): [Shape, boolean] => ['string', required];
const strs = (required = false): [Shape, boolean] => ['strings', required];
const bool: [Shape, boolean] = ['boolean', false];

const LABELS: Shape = {
  object: {
    attr: [{ enum: ['aria-label', 'text'] }, true],
    en: strs(true),
    id: strs(true),
    match: [{ enum: ['exact', 'prefix', 'suffix', 'contains'] }, false],
    closest: str(),
  },
};
const ACTION: Shape = {
  object: {
    kind: [{ enum: ACTION_KINDS }, true],
    selectors: strs(true),
    labels: [LABELS, false],
    about: [{ enum: ['item', 'page'] }, false],
    portal: bool,
    opensMenu: bool,
    gestures: [{ list: { enum: ['dblclick'] } }, false],
    longPressMenu: bool,
    markers: strs(),
    markerControl: str(),
    position: [
      {
        object: { bar: str(true), item: str(true), index: ['int', true], not: str(), noDigits: bool },
      },
      false,
    ],
  },
};
const CONTAINER: Shape = {
  object: {
    scope: [{ enum: ['post', 'comment'] }, true],
    selectors: strs(true),
    author: strs(true),
    text: strs(true),
    alt: strs(),
    linkTitles: strs(),
    permalink: strs(),
    textSkip: strs(),
    textSkipAuthor: bool,
    textAfter: str(),
    textAll: bool,
  },
};
const COMPOSER: Shape = {
  object: {
    inputs: strs(true),
    submits: strs(true),
    enterSubmits: bool,
    dialogContext: strs(),
    context: strs(),
    owner: [{ object: { inView: strs(), opener: bool } }, false],
  },
};
const POST_COMPOSER: Shape = {
  object: {
    inputs: strs(true),
    submits: strs(true),
    submitLabels: [LABELS, false],
    scope: strs(),
    enterSubmits: bool,
  },
};
const SITE: Shape = {
  object: {
    site: [{ enum: PLATFORMS }, true],
    version: ['int', true],
    actions: [{ list: ACTION }, true],
    containers: [{ list: CONTAINER }, true],
    composers: [{ list: COMPOSER }, false],
    postComposers: [{ list: POST_COMPOSER }, false],
    shortcuts: [{ list: { object: { key: str(true), kind: [{ enum: ACTION_KINDS }, true] } } }, false],
  },
};

/** Check `v` against `shape`; errors name the path and say what was expected. */
function check(v: unknown, shape: Shape, path: string, errors: string[]): void {
  if (errors.length >= 20) return;
  if (shape === 'string') {
    if (typeof v !== 'string' || v.length === 0 || v.length > MAX_STRING)
      errors.push(`${path}: expected a non-empty string of at most ${MAX_STRING} characters`);
  } else if (shape === 'strings') {
    check(v, { list: 'string' }, path, errors);
  } else if (shape === 'boolean') {
    if (typeof v !== 'boolean') errors.push(`${path}: expected true or false`);
  } else if (shape === 'int') {
    if (!Number.isSafeInteger(v)) errors.push(`${path}: expected a whole number`);
  } else if ('enum' in shape) {
    if (typeof v !== 'string' || !shape.enum.includes(v))
      errors.push(`${path}: expected one of ${shape.enum.map((e) => `"${e}"`).join(', ')}`);
  } else if ('list' in shape) {
    if (!Array.isArray(v) || v.length > MAX_LIST) {
      errors.push(`${path}: expected a list of at most ${MAX_LIST} entries`);
      return;
    }
    v.forEach((e, i) => {
      check(e, shape.list, `${path}[${i}]`, errors);
    });
  } else {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      errors.push(`${path}: expected an object`);
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!Object.hasOwn(shape.object, k)) errors.push(`${path}.${k}: unknown field`);
    for (const [k, [s, required]] of Object.entries(shape.object)) {
      if (!Object.hasOwn(o, k) || o[k] === undefined) {
        if (required) errors.push(`${path}.${k}: missing`);
      } else check(o[k], s, `${path}.${k}`, errors);
    }
  }
}

export type ValidateResult = { ok: true; doc: SiteRulesDocument } | { ok: false; errors: string[] };

/** Validate a parsed document: exact format, a stream id, a sequence, and well-formed rules per site. */
export function validateSiteRulesDocument(v: unknown): ValidateResult {
  const errors: string[] = [];
  check(
    v,
    {
      object: {
        format: [{ enum: [SITE_RULES_FORMAT] }, true],
        format_version: ['int', true],
        stream_id: str(true),
        sequence: ['int', true],
        issued_at: str(true),
        sites: [{ list: SITE }, true],
      },
    },
    '(document)',
    errors,
  );
  if (errors.length) return { ok: false, errors };
  const d = v as SiteRulesDocument;
  if (d.format_version !== SITE_RULES_FORMAT_VERSION)
    errors.push(`format_version ${d.format_version} is not supported (expected ${SITE_RULES_FORMAT_VERSION})`);
  if (!STREAM_ID.test(d.stream_id)) errors.push('stream_id: expected lowercase letters, digits, ".", "_" or "-"');
  if (d.sequence < 1) errors.push('sequence: expected 1 or more');
  if (Number.isNaN(Date.parse(d.issued_at))) errors.push('issued_at: expected an ISO 8601 date-time');
  const seen = new Set<Platform>();
  d.sites.forEach((s, i) => {
    if (seen.has(s.site)) errors.push(`sites[${i}].site: "${s.site}" appears twice`);
    seen.add(s.site);
    if (s.version < 1) errors.push(`sites[${i}].version: expected 1 or more`);
    if (s.actions.length === 0) errors.push(`sites[${i}].actions: expected at least one rule`);
    if (s.containers.length === 0) errors.push(`sites[${i}].containers: expected at least one rule`);
  });
  return errors.length ? { ok: false, errors } : { ok: true, doc: d };
}

/**
 * Check one site's rules before they are published to content scripts: the same schema as in a document, for
 * exactly `site`. Empty when they are fit to use. Only data passes (strings, numbers, true/false and
 * the listed enums); a field the schema does not know is an error, so nothing else can ride along.
 */
export function checkSiteRules(v: unknown, site: Platform): string[] {
  const errors: string[] = [];
  check(v, SITE, '(rules)', errors);
  if (errors.length) return errors;
  const r = v as SiteRules;
  if (r.site !== site) errors.push(`(rules).site: "${r.site}" is not "${site}"`);
  if (r.version < 1) errors.push('(rules).version: expected 1 or more');
  if (r.actions.length === 0 || r.containers.length === 0) errors.push('(rules): expected actions and containers');
  return errors;
}

/** Where a site's rules in use come from. */
export interface RulesSource {
  version: number;
  source: 'built-in' | 'signed';
  /** with `signed`: the document's stream and sequence */
  stream_id?: string;
  sequence?: number;
}

/**
 * The rules in use per site: the document's where its `version` is higher than the built-in one,
 * the built-in rules everywhere else.
 */
export function layerSiteRules(
  builtin: readonly SiteRules[],
  doc: SiteRulesDocument | null,
): { rules: SiteRules[]; sources: Partial<Record<Platform, RulesSource>> } {
  const sources: Partial<Record<Platform, RulesSource>> = {};
  const rules = builtin.map((b) => {
    const update = doc?.sites.find((s) => s.site === b.site);
    if (doc && update && update.version > b.version) {
      sources[b.site] = {
        version: update.version,
        source: 'signed',
        stream_id: doc.stream_id,
        sequence: doc.sequence,
      };
      return update;
    }
    sources[b.site] = { version: b.version, source: 'built-in' };
    return b;
  });
  return { rules, sources };
}
