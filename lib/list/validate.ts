/**
 * THE validator of list format v1 (docs/list-format.md §3), shared by the extension's updater and
 * the maintainer CLI. Every rejection names where (`elections[3].tickets[1].members`) and why, in
 * words a list publisher can act on.
 *
 * Safety properties (each covered by tests/unit/list):
 * - the returned object is freshly built from known fields only: unknown fields are stripped and
 *   `__proto__` / `constructor` / `prototype` keys can never pollute anything;
 * - work is bounded: the size cap is checked before parsing, recursion follows the format's fixed
 *   depth, and walking stops after `maxErrors` errors;
 * - list text stays inert text: nothing here (or anywhere in lib/list) turns it into HTML, code or a
 *   regular expression.
 */
import { parseDate } from './dates';
import { type AnyObjectDesc, CANDIDATE_LIST, CANDIDATE_MANIFEST } from './schema-source';
import {
  type CandidateList,
  type CandidateManifest,
  type Election,
  type ElectionType,
  FORMAT_VERSION,
  LIST_FORMAT,
  MANIFEST_FORMAT,
  type RegionName,
  type Ticket,
  type TicketKind,
} from './types';
import { BAD, quote, TooManyErrors, type ValidationError, WalkContext, walk } from './walk';

export { formatError, type ValidationError } from './walk';

/** docs/list-format.md §3.5 limits. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
export const MAX_ALIASES = 500_000;
/** docs/list-format.md §2.8: entries of a region directory (Indonesia has about 7,900 down to kecamatan) */
export const MAX_REGION_NAMES = 20_000;

export interface ValidateOptions {
  /** default MAX_DOCUMENT_BYTES; only checkable when given text or bytes */
  maxBytes?: number;
  /** default MAX_ALIASES (aliases and slogans counted together) */
  maxAliases?: number;
  /** stop after this many errors (default 50) */
  maxErrors?: number;
}

export type ListResult = { ok: true; list: CandidateList } | { ok: false; errors: ValidationError[] };
export type ManifestResult = { ok: true; manifest: CandidateManifest } | { ok: false; errors: ValidationError[] };
export type DocumentResult =
  | { ok: true; kind: 'list'; list: CandidateList }
  | { ok: true; kind: 'manifest'; manifest: CandidateManifest }
  | { ok: false; errors: ValidationError[] };

const HEAD_ELECTIONS: ReadonlySet<ElectionType> = new Set(['pilpres', 'pilgub', 'pilbup', 'pilwalkot']);

/** `kind` when the ticket leaves it out: a pair for president and regional heads, else one person. */
export const defaultKind = (type: ElectionType): TicketKind => (HEAD_ELECTIONS.has(type) ? 'pair' : 'individual');
export const effectiveKind = (e: Election, t: Ticket): TicketKind => t.kind ?? defaultKind(e.type);
const MEMBERS: Record<TicketKind, number> = { pair: 2, individual: 1, empty_column: 0 };

const one = (path: string, message: string): { ok: false; errors: ValidationError[] } => ({
  ok: false,
  errors: [{ path, message }],
});

const utf8Length = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
};

/**
 * Text or bytes → parsed JSON, enforcing the size cap first. Returns the value or an error result.
 * Objects are passed through (already parsed by the caller; their size cannot be known here).
 */
function parse(raw: unknown, maxBytes: number): { value: unknown } | { ok: false; errors: ValidationError[] } {
  let text: string;
  if (raw instanceof Uint8Array) {
    if (raw.byteLength > maxBytes) return tooBig(raw.byteLength, maxBytes);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return one('(document)', 'not valid UTF-8 text: save the file as UTF-8');
    }
  } else if (typeof raw === 'string') {
    // Cheap bounds first: a UTF-8 byte is at most one UTF-16 unit, and a unit at most 3 bytes.
    if (raw.length > maxBytes) return tooBig(raw.length, maxBytes);
    if (raw.length * 3 > maxBytes) {
      const n = utf8Length(raw);
      if (n > maxBytes) return tooBig(n, maxBytes);
    }
    text = raw;
  } else {
    return { value: raw };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a UTF-8 byte-order mark from some editors
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return one('(document)', jsonErrorMessage(text, e));
  }
}

const tooBig = (n: number, max: number) =>
  one(
    '(document)',
    `the document is ${n.toLocaleString('en')} bytes; the limit is ${max.toLocaleString('en')} bytes — publish a manifest with shards instead (docs/list-format.md)`,
  );

function jsonErrorMessage(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (text.trim() === '') return 'malformed JSON: the document is empty';
  if (/end of (JSON )?input|Unterminated/i.test(msg))
    return `malformed JSON: the document ends too early (truncated?) — ${msg}`;
  const pos = /position (\d+)/.exec(msg);
  if (pos) {
    const at = Number(pos[1]);
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const col = at - before.lastIndexOf('\n');
    return `malformed JSON at line ${line}, column ${col}: ${msg}`;
  }
  return `malformed JSON: ${msg}`;
}

/** Format and version are checked first so a wrong document gets one clear error, not hundreds. */
function checkFormat(v: unknown, expected: string): ValidationError | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { path: '(document)', message: 'expected a JSON object { … } at the top level' };
  const o = v as Record<string, unknown>;
  const format = Object.hasOwn(o, 'format') ? o.format : undefined;
  if (format !== expected)
    return {
      path: 'format',
      message:
        format === undefined
          ? `required field is missing; expected "${expected}"`
          : `expected "${expected}", got ${typeof format === 'string' ? quote(format) : JSON.stringify(format)}`,
    };
  const version = Object.hasOwn(o, 'format_version') ? o.format_version : undefined;
  if (version === undefined)
    return { path: 'format_version', message: `required field is missing; expected ${FORMAT_VERSION}` };
  if (typeof version !== 'number' || !Number.isInteger(version))
    return { path: 'format_version', message: `expected the whole number ${FORMAT_VERSION}` };
  if (version !== FORMAT_VERSION)
    return {
      path: 'format_version',
      message: `format_version ${version} is not supported: this extension reads version ${FORMAT_VERSION} only — update the extension, or publish a version ${FORMAT_VERSION} document`,
    };
  return undefined;
}

function structure<T>(desc: AnyObjectDesc, value: unknown, opts: ValidateOptions, ctx: WalkContext): T | undefined {
  let out: unknown;
  try {
    out = walk(desc, value, ctx);
  } catch (e) {
    if (e instanceof TooManyErrors) return undefined;
    throw e;
  }
  const maxAliases = opts.maxAliases ?? MAX_ALIASES;
  if (ctx.aliases > maxAliases)
    ctx.errors.push({
      path: '(document)',
      message: `${ctx.aliases.toLocaleString('en')} aliases and slogans in all; the limit is ${maxAliases.toLocaleString('en')} — split the list into shards`,
    });
  return out === BAD || ctx.errors.length ? undefined : (out as T);
}

/**
 * Validate a list document (docs/list-format.md §2–§3). `raw` may be text, UTF-8 bytes, or an
 * already parsed value.
 */
export function validateList(raw: unknown, opts: ValidateOptions = {}): ListResult {
  const parsed = parse(raw, opts.maxBytes ?? MAX_DOCUMENT_BYTES);
  if (!('value' in parsed)) return parsed;
  const f = checkFormat(parsed.value, LIST_FORMAT);
  if (f) return { ok: false, errors: [f] };
  const ctx = new WalkContext(opts.maxErrors ?? 50);
  const list = structure<CandidateList>(CANDIDATE_LIST as AnyObjectDesc, parsed.value, opts, ctx);
  if (!list) return { ok: false, errors: ctx.errors };
  try {
    checkListRules(list, ctx);
  } catch (e) {
    if (!(e instanceof TooManyErrors)) throw e;
  }
  return ctx.errors.length ? { ok: false, errors: ctx.errors } : { ok: true, list };
}

/** Validate a manifest (docs/list-format.md §6). */
export function validateManifest(raw: unknown, opts: ValidateOptions = {}): ManifestResult {
  const parsed = parse(raw, opts.maxBytes ?? MAX_DOCUMENT_BYTES);
  if (!('value' in parsed)) return parsed;
  const f = checkFormat(parsed.value, MANIFEST_FORMAT);
  if (f) return { ok: false, errors: [f] };
  const ctx = new WalkContext(opts.maxErrors ?? 50);
  const manifest = structure<CandidateManifest>(CANDIDATE_MANIFEST as AnyObjectDesc, parsed.value, opts, ctx);
  if (!manifest) return { ok: false, errors: ctx.errors };
  try {
    const paths = new Map<string, number>();
    manifest.shards.forEach((s, i) => {
      const prev = paths.get(s.path);
      if (prev !== undefined) ctx.report(`shards[${i}].path`, `${quote(s.path)} is already used by shards[${prev}]`);
      else paths.set(s.path, i);
    });
    checkRegionNames(manifest.regions, ctx);
  } catch (e) {
    if (!(e instanceof TooManyErrors)) throw e;
  }
  return ctx.errors.length ? { ok: false, errors: ctx.errors } : { ok: true, manifest };
}

/** A list document or a manifest, told apart by `format`. */
export function validateDocument(raw: unknown, opts: ValidateOptions = {}): DocumentResult {
  const parsed = parse(raw, opts.maxBytes ?? MAX_DOCUMENT_BYTES);
  if (!('value' in parsed)) return parsed;
  const v = parsed.value;
  const format =
    typeof v === 'object' && v !== null && Object.hasOwn(v, 'format')
      ? (v as Record<string, unknown>).format
      : undefined;
  if (format === MANIFEST_FORMAT) {
    const r = validateManifest(v, opts);
    return r.ok ? { ok: true, kind: 'manifest', manifest: r.manifest } : r;
  }
  if (format !== LIST_FORMAT && typeof v === 'object' && v !== null && !Array.isArray(v))
    return one(
      'format',
      `expected "${LIST_FORMAT}" (a list) or "${MANIFEST_FORMAT}" (a manifest), got ${format === undefined ? 'nothing' : JSON.stringify(format).slice(0, 60)}`,
    );
  const r = validateList(v, opts);
  return r.ok ? { ok: true, kind: 'list', list: r.list } : r;
}

/** A region directory: at most {@link MAX_REGION_NAMES} entries, each code once. */
function checkRegionNames(regions: readonly RegionName[] | undefined, ctx: WalkContext): void {
  if (!regions) return;
  if (regions.length > MAX_REGION_NAMES)
    ctx.report(
      'regions',
      `${regions.length.toLocaleString('en')} region names; the limit is ${MAX_REGION_NAMES.toLocaleString('en')} (provinces, kabupaten/kota and kecamatan only)`,
    );
  const seen = new Map<string, number>();
  regions.forEach((r, i) => {
    const prev = seen.get(r.code);
    if (prev !== undefined) ctx.report(`regions[${i}].code`, `${quote(r.code)} is already named by regions[${prev}]`);
    else seen.set(r.code, i);
  });
}

/** docs/list-format.md §3 rules that a JSON Schema cannot express. Runs on the already cleaned document. */
function checkListRules(list: CandidateList, ctx: WalkContext): void {
  checkRegionNames(list.regions, ctx);
  const parties = new Map<string, number>();
  list.parties?.forEach((p, i) => {
    const prev = parties.get(p.id);
    if (prev !== undefined) ctx.report(`parties[${i}].id`, `${quote(p.id)} is already used by parties[${prev}]`);
    else parties.set(p.id, i);
  });
  const elections = new Map<string, number>();
  const tickets = new Map<string, [number, number]>();
  // Paths are built only when something is wrong: this loop visits every ticket of the document.
  list.elections.forEach((e, ei) => {
    const ep = () => `elections[${ei}]`;
    const prev = elections.get(e.id);
    if (prev !== undefined) ctx.report(`${ep()}.id`, `${quote(e.id)} is already used by elections[${prev}]`);
    else elections.set(e.id, ei);
    const from = parseDate(e.window.from);
    const until = parseDate(e.window.until);
    if (from && until && from.start >= until.end)
      ctx.report(`${ep()}.window`, `from (${e.window.from}) is after until (${e.window.until}); swap them`);
    e.tickets.forEach((t, ti) => {
      const tp = () => `${ep()}.tickets[${ti}]`;
      const prevT = tickets.get(t.id);
      if (prevT !== undefined)
        ctx.report(`${tp()}.id`, `${quote(t.id)} is already used by elections[${prevT[0]}].tickets[${prevT[1]}]`);
      else tickets.set(t.id, [ei, ti]);
      const kind = effectiveKind(e, t);
      const want = MEMBERS[kind];
      if (t.members.length !== want) {
        const why = t.kind
          ? `kind "${kind}"`
          : `kind "${kind}" (the default for ${e.type}; set "kind" if this is not one)`;
        ctx.report(
          `${tp()}.members`,
          `expected ${want} member${want === 1 ? '' : 's'} for ${why}, found ${t.members.length}`,
        );
      }
      if (t.members.length > 1) {
        const persons = new Map<string, number>();
        t.members.forEach((m, mi) => {
          const pm = persons.get(m.id);
          if (pm !== undefined)
            ctx.report(`${tp()}.members[${mi}].id`, `${quote(m.id)} is already used by members[${pm}] of this ticket`);
          else persons.set(m.id, mi);
        });
      }
      t.party_ids?.forEach((pid, pi) => {
        if (!parties.has(pid))
          ctx.report(
            `${tp()}.party_ids[${pi}]`,
            `${quote(pid)} is not the id of any party in "parties"${parties.size ? '' : ' (the document has no parties)'}`,
          );
      });
    });
  });
}

export type SequenceCheck = { ok: true } | { ok: false; reason: string };

/**
 * docs/list-format.md §8: `sequence` strictly increases per `list_id`; a value ≤ the last accepted
 * one for the same list_id is refused (no rollback). `lastAccepted` maps list_id → last accepted sequence.
 */
export function checkSequence(
  listId: string,
  sequence: number,
  lastAccepted: ReadonlyMap<string, number> | undefined,
): SequenceCheck {
  const last = lastAccepted?.get(listId);
  if (last === undefined || sequence > last) return { ok: true };
  return {
    ok: false,
    reason:
      sequence === last
        ? `sequence ${sequence} of "${listId}" is already the active one`
        : `rollback refused: "${listId}" sequence ${sequence} is older than the accepted sequence ${last}`,
  };
}
