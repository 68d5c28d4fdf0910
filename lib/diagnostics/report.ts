/**
 * What the options page shows about recognition failures, and the plain-text report a person can
 * copy to a maintainer. Pure functions: no storage, no DOM, so they are unit-tested as they are.
 *
 * A miss key names a rule, never the page: `<site>:author`, `<site>:container:<kind>`,
 * `<site>:composer-item`, `<site>:control:<kind>`, `guard:exception`, or `invalid:<selector>` (a
 * selector from the site rules that no longer parses). `sanitiseMissKey` enforces that shape when a
 * miss is recorded (lib/sites/engine.ts), and the report applies it again to whatever is stored.
 */
import { PLATFORMS, type Platform } from '../list/types';

/** Why an action passed unrecognised. */
export type MissCause = 'control' | 'item' | 'author' | 'other';
export const MISS_CAUSES: readonly MissCause[] = ['control', 'item', 'author', 'other'];

/** One key's count and the last day (UTC, YYYY-MM-DD) it was seen; '' when unknown (older data). */
export interface MissRecord {
  n: number;
  day: string;
}

/** Per site, per miss key. Older versions stored a bare count per key; `readDiagnostics` accepts both. */
export type Diagnostics = Partial<Record<Platform, Record<string, MissRecord>>>;

/** The longest key kept as it is; longer ones are cut and tagged with a hash of the whole key. */
const MAX_KEY = 120;
/** A plain rule key: up to four lowercase segments (`x:container:like`). */
const RULE_KEY = /^[a-z0-9_-]{1,32}(:[a-z0-9_-]{1,32}){0,3}$/;
/** What stands in for a key that does not have a rule key's shape. */
export const UNSAFE_MISS = 'other:unsafe-key';

/** FNV-1a, 32 bits, as 8 hex digits: tells cut keys apart without keeping their text. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A miss key as it may be stored and reported: rule keys pass unchanged; an `invalid:` selector keeps
 * its text (it comes from the site rules, not the page) with any URL in it cut to its host, control
 * characters dropped and its length capped; anything else becomes `other:unsafe-key`.
 */
export function sanitiseMissKey(key: string): string {
  if (RULE_KEY.test(key)) return key;
  if (!key.startsWith('invalid:')) return UNSAFE_MISS;
  let sel = key
    .slice('invalid:'.length)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '')
    .replace(
      /\b(https?|wss?):\/\/([^/\s"'\]]*)[^\s"'\]]*/gi,
      (_, scheme: string, host: string) => `${scheme}://${host.replace(/^.*@/, '')}`,
    );
  // Idempotent: a key is sanitised where the miss is counted and again where it is stored and read;
  // a key already cut keeps its tag rather than being cut and tagged anew.
  const cut = sel.length === MAX_KEY + 10 && /…#[0-9a-f]{8}$/.test(sel);
  if (sel.length > MAX_KEY && !cut) sel = `${sel.slice(0, MAX_KEY)}…#${hash(sel)}`;
  return `invalid:${sel}`;
}

/** Which of the four causes a (sanitised) key belongs to. */
export function missCause(key: string): MissCause {
  const [, what] = key.split(':');
  if (key.startsWith('invalid:') || key.startsWith('guard:')) return 'other';
  if (what === 'author') return 'author';
  if (what === 'container' || what === 'composer-item') return 'item';
  if (what === 'control') return 'control';
  return 'other';
}

const isPlatform = (s: string): s is Platform => (PLATFORMS as readonly string[]).includes(s);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Stored diagnostics, whatever their age or state: unknown sites dropped, keys sanitised (two keys
 * that sanitise alike are merged), counts whole and positive, days well-formed or ''.
 */
export function readDiagnostics(raw: unknown): Diagnostics {
  const out: Diagnostics = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [site, keys] of Object.entries(raw as Record<string, unknown>)) {
    if (!isPlatform(site) || !keys || typeof keys !== 'object') continue;
    const mine: Record<string, MissRecord> = {};
    for (const [k, v] of Object.entries(keys as Record<string, unknown>)) {
      const rec = v as Partial<MissRecord> | number;
      const n = typeof rec === 'number' ? rec : rec && typeof rec === 'object' ? rec.n : undefined;
      const day = typeof rec === 'object' && rec && typeof rec.day === 'string' && DAY.test(rec.day) ? rec.day : '';
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) continue;
      const key = sanitiseMissKey(k);
      const prev = mine[key];
      mine[key] = { n: (prev?.n ?? 0) + Math.floor(n), day: prev && prev.day > day ? prev.day : day };
    }
    if (Object.keys(mine).length) out[site] = mine;
  }
  return out;
}

/**
 * Add counted misses (key → how many more) seen on `day` to the stored diagnostics of `site`. `stored`
 * is taken as it is found (a content script flushes with this, and carries no reader): only this
 * site's records are touched, each kept or started as {@link readDiagnostics} would read it; the
 * rest is left for the reader to clean, so reading the result equals adding to what was read.
 */
export function addMisses(
  stored: unknown,
  site: Platform,
  delta: Readonly<Record<string, number>>,
  day: string,
): Diagnostics {
  const all = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const old = all[site];
  const mine = { ...(old && typeof old === 'object' ? old : {}) } as Record<string, unknown>;
  for (const [k, d] of Object.entries(delta)) {
    const key = sanitiseMissKey(k);
    const prev = mine[key] as { n?: unknown } | number | undefined;
    const n = typeof prev === 'number' ? prev : prev?.n;
    mine[key] = { n: (typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : 0) + d, day };
  }
  return { ...all, [site]: mine } as Diagnostics;
}

/** Per cause, the total count and the latest day any of its keys was seen. */
export type CauseSummary = Record<MissCause, MissRecord>;

/** Group one site's keys into the four causes. */
export function groupByCause(keys: Readonly<Record<string, MissRecord>>): CauseSummary {
  const out = Object.fromEntries(MISS_CAUSES.map((c) => [c, { n: 0, day: '' }])) as CauseSummary;
  for (const [k, r] of Object.entries(keys)) {
    const g = out[missCause(k)];
    g.n += r.n;
    if (r.day > g.day) g.day = r.day;
  }
  return out;
}

/** The browser family from a user-agent string: only the family, never its version or platform. */
export function browserFamily(userAgent: string): 'firefox' | 'edge' | 'chromium' | 'other' {
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  if (/\bEdg(A|iOS)?\//.test(userAgent)) return 'edge';
  if (/\b(Headless)?(Chrome|Chromium)\//.test(userAgent)) return 'chromium';
  return 'other';
}

/**
 * The report a person copies for a maintainer: the extension version, the browser family and, per
 * site, the miss keys with their counts. Nothing else: no days, no page text, no URLs beyond a host.
 */
export function diagnosticReport(diag: Diagnostics, version: string, userAgent: string): string {
  const clean = readDiagnostics(diag);
  const lines = [
    'Jaga Netral diagnostic report',
    `version: ${/^[0-9A-Za-z.+-]{1,32}$/.test(version) ? version : 'unknown'}`,
    `browser: ${browserFamily(userAgent)}`,
  ];
  const sites = PLATFORMS.filter((p) => clean[p]);
  if (sites.length === 0) lines.push('no misses recorded');
  for (const site of sites) {
    lines.push(`site: ${site}`);
    const keys = Object.entries(clean[site] ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, r] of keys) lines.push(`  ${k} ${r.n}`);
  }
  return `${lines.join('\n')}\n`;
}
