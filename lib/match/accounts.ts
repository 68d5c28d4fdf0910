/**
 * Account keys. A list account (handle, stable id, URL) and an account a site adapter reads from
 * the page are reduced to the same keys, hashed into the index's key space under a prefix that no
 * text token can produce, so that an author/page lookup is one table probe.
 *
 * Handles compare case-insensitively without `@`; ids compare exactly (YouTube `UC…` ids are
 * case-sensitive); URLs compare without scheme, `www.`/`m.` host prefixes, query (except
 * Facebook's `profile.php?id=`), fragment and trailing slash, with the host lower-cased. A URL of
 * a platform whose profile URLs carry the handle (`instagram.com/name`, `x.com/name`,
 * `tiktok.com/@name`, `youtube.com/@name`, `threads.net/@name`) also yields the handle key.
 */
import type { Account, Platform } from '../list/types';
import {
  fin,
  H1_SEED,
  H2_SEED,
  P1_SEED,
  P2_SEED,
  phraseKey,
  phraseStep1,
  phraseStep2,
  step1,
  step2,
  stringKey,
} from './hash';
import type { AccountRef } from './types';
import { PROFILE_HOSTS } from '../sites/registry';

const NOT_HANDLES = new Set([
  'p',
  'reel',
  'reels',
  'stories',
  'explore',
  'watch',
  'channel',
  'c',
  'user',
  'groups',
  'pages',
  'profile.php',
  'i',
  'home',
  'search',
  'hashtag',
  'status',
  'share',
  'video',
  'shorts',
  'people',
  'events',
  'tv',
]);

export interface ParsedUrl {
  /** normalised host + path (+ profile id) */
  norm: string;
  host: string;
  path: string[];
}

/** Normalise a URL without the URL class (not every content-script realm has it cheaply; and it must never throw). */
export function parseUrl(raw: string): ParsedUrl | null {
  let s = raw.trim();
  if (!s) return null;
  const scheme = s.indexOf('://');
  if (scheme >= 0 && scheme < 12) s = s.slice(scheme + 3);
  const hashAt = s.indexOf('#');
  if (hashAt >= 0) s = s.slice(0, hashAt);
  let query = '';
  const q = s.indexOf('?');
  if (q >= 0) {
    query = s.slice(q + 1);
    s = s.slice(0, q);
  }
  const slash = s.indexOf('/');
  let host = (slash >= 0 ? s.slice(0, slash) : s).toLowerCase();
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  host = host.replace(/:\d+$/, '');
  for (const p of ['www.', 'm.', 'mobile.', 'web.', 'mbasic.']) if (host.startsWith(p)) host = host.slice(p.length);
  const path = (slash >= 0 ? s.slice(slash + 1) : '').split('/').filter(Boolean);
  let norm = [host, ...path].join('/');
  if (path[0] === 'profile.php') {
    const m = /(?:^|&)id=(\d+)/.exec(query);
    if (m) norm += `?id=${m[1]}`;
  }
  return { norm, host, path };
}

/** The handle a profile URL names, if the platform puts it in the path. */
export function handleFromUrl(u: ParsedUrl): { platform: Platform; handle: string } | null {
  const platform = PROFILE_HOSTS.get(u.host);
  const first = u.path[0];
  if (!platform || !first) return null;
  if (u.path.length > 2) return null;
  let h = first;
  if (h.startsWith('@')) h = h.slice(1);
  else if (platform === 'tiktok' || platform === 'youtube' || platform === 'threads') return null;
  if (!h || NOT_HANDLES.has(h.toLowerCase())) return null;
  return { platform, handle: h.toLowerCase() };
}

/** Key of a handle: stringKey(`\u0001${platform}\u0001h\u0001${handle without '@', lower-cased}`). */
export const handleKey = (platform: string, handle: string): number =>
  stringKey(`\u0001${platform}\u0001h\u0001${handle.slice(handle.charCodeAt(0) === 0x40 ? 1 : 0).toLowerCase()}`);

/**
 * handleKey for the list side (compile): ASCII handles (nearly all) are hashed straight from their
 * characters, without building the string: a 250,000-alias list has tens of thousands of them.
 * The content script looks up a few accounts per decision and keeps to handleKey.
 */
export function fastHandleKey(platform: string, handle: string): number {
  const from = handle.charCodeAt(0) === 0x40 ? 1 : 0;
  for (let i = from; i < handle.length; i++) if (handle.charCodeAt(i) >= 0x80) return handleKey(platform, handle);
  let a = step1(H1_SEED, 1);
  let b = step2(H2_SEED, 1);
  for (let i = 0; i < platform.length; i++) {
    const c = platform.charCodeAt(i);
    a = step1(a, c);
    b = step2(b, c);
  }
  a = step1(step1(step1(a, 1), 0x68), 1); // \u0001 h \u0001
  b = step2(step2(step2(b, 1), 0x68), 1);
  for (let i = from; i < handle.length; i++) {
    let c = handle.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    a = step1(a, c);
    b = step2(b, c);
  }
  return phraseKey(phraseStep1(P1_SEED, fin(a)), phraseStep2(P2_SEED, fin(b)));
}
const idKey = (platform: string, id: string) => stringKey(`\u0001${platform}\u0001i\u0001${id}`);
const urlKey = (norm: string) => stringKey(`\u0001u\u0001${norm}`);

/** High 21 bits of a 53-bit key (keyLow: the low 32). */
export const keyHigh = (k: number): number => Math.floor(k / 4294967296);
export const keyLow = (k: number): number => k >>> 0;

/** All 53-bit keys of an account (list side or page side). Never throws. */
export function accountKeys(a: Account | AccountRef, keyOfHandle = handleKey): number[] {
  const out: number[] = [];
  const platform = typeof a?.platform === 'string' ? a.platform : '';
  if (typeof a?.handle === 'string' && a.handle.length > (a.handle.charCodeAt(0) === 0x40 ? 1 : 0))
    out.push(keyOfHandle(platform, a.handle));
  if (typeof a?.id === 'string' && a.id) out.push(idKey(platform, a.id));
  if (typeof a?.url === 'string' && a.url) {
    const u = parseUrl(a.url);
    if (u) {
      out.push(urlKey(u.norm));
      const h = handleFromUrl(u);
      if (h) out.push(keyOfHandle(h.platform, h.handle));
    }
  }
  return out;
}
