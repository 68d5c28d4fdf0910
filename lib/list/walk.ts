/**
 * The structural pass of the validator: walks a parsed JSON value along a description from
 * schema-source.ts and builds a FRESH copy holding only the known fields.
 *
 * Why a fresh copy: unknown fields are dropped (docs/list-format.md §3.6), and keys such as `__proto__`,
 * `constructor` or `prototype` (JSON.parse makes `__proto__` an own property) are never copied,
 * so nothing in a list can reach a prototype. Only own properties are read.
 *
 * Recursion depth is bounded by the description (at most 7 levels), never by the data: junk nested
 * a million levels deep inside an unknown field is never visited, and inside a known field it fails
 * the type check at its first level.
 *
 * Nothing here turns list text into HTML, code or a regular expression: patterns are our own
 * constants from schema-source.ts; list strings are only compared and copied.
 */
import { parseDate } from './dates';
import { type AnyDesc, type AnyObjectDesc, MAX_STRING } from './schema-source';

export interface ValidationError {
  /** where: `elections[3].tickets[1].members`, or `(document)` */
  path: string;
  /** why, in words a publisher can act on */
  message: string;
}

export const formatError = (e: ValidationError): string => `${e.path}: ${e.message}`;

/** Returned instead of a value that failed; the error is already recorded. */
export const BAD: unique symbol = Symbol('bad');

/** Thrown to stop walking once enough errors are collected (bounded work on junk). */
export class TooManyErrors extends Error {}

export class WalkContext {
  readonly errors: ValidationError[] = [];
  /** aliases and slogans seen (docs/list-format.md §3.5 limit) */
  aliases = 0;
  /** path segments of the value being walked; rendered only when an error is reported */
  private readonly segs: (string | number)[] = [];
  constructor(private readonly maxErrors: number) {}

  push(seg: string | number): void {
    this.segs.push(seg);
  }
  pop(): void {
    this.segs.pop();
  }
  path(extra?: string | number): string {
    const all = extra === undefined ? this.segs : [...this.segs, extra];
    return renderPath(all);
  }
  fail(message: string, extra?: string | number): typeof BAD {
    this.report(this.path(extra), message);
    return BAD;
  }
  report(path: string, message: string): void {
    if (this.errors.length >= this.maxErrors) {
      this.errors.push({ path: '(document)', message: `more errors not shown (stopped after ${this.maxErrors})` });
      throw new TooManyErrors();
    }
    this.errors.push({ path, message });
  }
}

export function renderPath(segs: readonly (string | number)[]): string {
  let p = '';
  for (const s of segs) p += typeof s === 'number' ? `[${s}]` : p ? `.${s}` : s;
  return p || '(document)';
}

type Out = unknown;

const hasOwn = (o: object, k: string) => Object.hasOwn(o, k);

/** Short description of a value for messages; never echoes more than 40 characters of list text. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return `the text ${quote(v)}`;
    case 'number':
      return `the number ${v}`;
    case 'boolean':
      return `${v}`;
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

export const quote = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

const patterns = new Map<string, RegExp>();
const compiled = (p: string): RegExp => {
  let re = patterns.get(p);
  if (!re) {
    re = new RegExp(p);
    patterns.set(p, re);
  }
  return re;
};

function walkString(d: AnyDesc & { t: 'string' }, v: unknown, ctx: WalkContext): Out {
  if (typeof v !== 'string') return ctx.fail(`expected text, got ${describe(v)}`);
  if (v.length > MAX_STRING)
    return ctx.fail(`text is ${v.length} characters long; the limit is ${MAX_STRING} — shorten it`);
  if (d.minLength && v.length < d.minLength) return ctx.fail('must not be empty');
  if (d.pattern && !compiled(d.pattern).test(v)) return ctx.fail(`${quote(v)} is not valid: expected ${d.hint}`);
  return v;
}

/** Field lists are computed once per description: this loop runs for every object of the document. */
const fieldCache = new WeakMap<AnyObjectDesc, [string, AnyObjectDesc['fields'][string]][]>();
const fieldsOf = (d: AnyObjectDesc) => {
  let f = fieldCache.get(d);
  if (!f) {
    f = Object.entries(d.fields);
    fieldCache.set(d, f);
  }
  return f;
};

function walkObject(d: AnyObjectDesc, v: unknown, ctx: WalkContext): Out {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return ctx.fail(`expected an object (${d.name}), got ${describe(v)}`);
  const out: Record<string, unknown> = {};
  let bad = false;
  for (const [k, f] of fieldsOf(d)) {
    const x = hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined;
    if (x === undefined) {
      if (f.required) {
        ctx.fail('required field is missing', k);
        bad = true;
      }
      continue;
    }
    ctx.push(k);
    const r = walk(f.d, x, ctx);
    ctx.pop();
    if (r === BAD) bad = true;
    else out[k] = r;
  }
  if (d.anyOf && !d.anyOf.some((k) => out[k] !== undefined)) {
    ctx.fail(`needs at least one of ${d.anyOf.map((k) => `"${k}"`).join(', ')}`);
    bad = true;
  }
  return bad ? BAD : out;
}

export function walk(d: AnyDesc, v: unknown, ctx: WalkContext): Out {
  switch (d.t) {
    case 'string':
      return walkString(d, v, ctx);
    case 'date': {
      if (typeof v !== 'string') return ctx.fail(`expected a date as text, got ${describe(v)}`);
      if (v.length > MAX_STRING || !parseDate(v))
        return ctx.fail(
          `${quote(v)} is not an RFC 3339 date: write a day as YYYY-MM-DD or a time as YYYY-MM-DDTHH:MM:SSZ (or with an offset such as +07:00)`,
        );
      return v;
    }
    case 'const':
      if (v !== d.value) return ctx.fail(`expected ${JSON.stringify(d.value)}, got ${describe(v)}`);
      return v;
    case 'enum':
      if (typeof v !== 'string' || !d.values.includes(v))
        return ctx.fail(`${describe(v)} is not one of: ${d.values.join(', ')}`);
      return v;
    case 'integer':
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < d.min)
        return ctx.fail(`expected a whole number ≥ ${d.min}, got ${describe(v)}`);
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') return ctx.fail(`expected true or false, got ${describe(v)}`);
      return v;
    case 'array': {
      if (!Array.isArray(v)) return ctx.fail(`expected a list [ … ], got ${describe(v)}`);
      const out: unknown[] = new Array(v.length);
      let bad = false;
      for (let i = 0; i < v.length; i++) {
        ctx.push(i);
        const r = walk(d.items, v[i], ctx);
        ctx.pop();
        if (r === BAD) bad = true;
        else out[i] = r;
      }
      return bad ? BAD : out;
    }
    case 'alias':
      ctx.aliases++;
      if (typeof v === 'string') {
        if (v.length === 0) return ctx.fail('an alias must not be empty');
        if (v.length > MAX_STRING) return ctx.fail(`alias is ${v.length} characters long; the limit is ${MAX_STRING}`);
        return v;
      }
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        return ctx.fail(`expected an alias: text, or {"text": …, "strength": …}; got ${describe(v)}`);
      return walkObject(d.object, v, ctx);
    case 'object':
      return walkObject(d, v, ctx);
  }
}
