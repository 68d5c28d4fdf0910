/**
 * A list source is a URL *and* the public keys that must sign what it serves. A subscription code
 * carries both on one line, so a person (or an agency's policy) pastes one thing and cannot end up
 * with a URL whose keys were forgotten:
 *
 *     jaga-netral:list?url=https%3A%2F%2Fbkpsdm.example.go.id%2Fjn%2FLIST.json&key=bkpsdm-2026:Base64urlKey
 *
 * - `jaga-netral:list?` is the fixed prefix (case-insensitive);
 * - `url` (exactly one): the HTTPS URL of the list or manifest, percent-encoded;
 * - `key` (one or more): `key_id:` followed by the 32-byte Ed25519 public key in base64url (`-` `_`,
 *   no padding) or standard base64 (percent-encode `+`, `/` and `=` then);
 * - parameters are separated by `&`; unknown parameters are refused, so a typo is never ignored.
 *
 * The format is documented in docs/list-format.md ("Subscription code") and docs/managed-policy.md.
 * Pure functions, no browser API: used by the options page, the managed policy and tests.
 */
import { decodeBase64, encodeBase64 } from './base64';
import { checkHttpsUrl } from './fetch-capped';
import { parseKeys } from './signature';

export const SUBSCRIPTION_PREFIX = 'jaga-netral:list?';

export type SubscriptionResult = { ok: true; url: string; keys: string } | { ok: false; reason: string };

/** base64url or base64 (a `+` turned into a space by a form or a URL decoder is taken back) → base64. */
function toStandardBase64(text: string): string | undefined {
  let s = text.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/');
  if (/[^A-Za-z0-9+/=]/.test(s)) return undefined;
  s = s.replace(/=+$/, '');
  if (s.length % 4 === 1) return undefined;
  s += '='.repeat((4 - (s.length % 4)) % 4);
  return decodeBase64(s) ? s : undefined;
}

/**
 * The key part of `key=id:…`. Blanks around it are usually stray, but a space at its very start can
 * also be a leading `+` that a form turned into a space (1 key in 64 starts with `+`): the reading
 * that gives a 32-byte Ed25519 key wins.
 */
function keyBase64(text: string): string | undefined {
  const trimmed = toStandardBase64(text.trim());
  if (trimmed && decodeBase64(trimmed)?.length === 32) return trimmed;
  const kept = toStandardBase64(text.replace(/[\t\r\n]/g, '').trimEnd());
  return kept && decodeBase64(kept)?.length === 32 ? kept : trimmed;
}

/** Does this text look like a subscription code (so a form can tell it from a plain URL)? */
export const isSubscription = (text: string): boolean => text.trim().toLowerCase().startsWith(SUBSCRIPTION_PREFIX);

/**
 * Parse a subscription code into the URL and the `key_id:base64` key lines the updater takes.
 * Every error says what to fix, in English (the options page wraps it in a bilingual sentence).
 */
export function parseSubscription(raw: string): SubscriptionResult {
  const text = raw.trim();
  if (!isSubscription(text)) return { ok: false, reason: `a subscription code starts with "${SUBSCRIPTION_PREFIX}"` };
  const query = text.slice(SUBSCRIPTION_PREFIX.length);
  let url: string | undefined;
  const keys: string[] = [];
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).toLowerCase();
    let value: string;
    try {
      value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
    } catch {
      return { ok: false, reason: `the "${name.slice(0, 20)}" parameter is not valid percent-encoding` };
    }
    if (name === 'url') {
      if (url !== undefined) return { ok: false, reason: 'the code has more than one "url"' };
      url = value.trim();
    } else if (name === 'key') {
      const colon = value.indexOf(':');
      if (colon < 1) return { ok: false, reason: 'a "key" must be key_id:base64key' };
      const b64 = keyBase64(value.slice(colon + 1));
      if (!b64) return { ok: false, reason: `the key of "${value.slice(0, colon).slice(0, 40)}" is not base64` };
      keys.push(`${value.slice(0, colon).trim()}:${b64}`);
    } else {
      return { ok: false, reason: `unknown parameter "${name.slice(0, 20)}" (only "url" and "key")` };
    }
  }
  if (!url) return { ok: false, reason: 'the code has no "url"' };
  const badUrl = checkHttpsUrl(url, 'the list');
  if (badUrl) return { ok: false, reason: badUrl };
  if (!keys.length)
    return { ok: false, reason: 'the code has no "key": a list source without a public key is never used' };
  const parsed = parseKeys(keys.join('\n'));
  if (!parsed.ok) return { ok: false, reason: parsed.errors.join('; ') };
  return { ok: true, url, keys: keys.join('\n') };
}

/** The subscription code of a source (keys in base64url, so the code survives any copy and paste). */
export function formatSubscription(url: string, keyLines: string): string | undefined {
  const keys = parseKeys(keyLines);
  if (!keys.ok || !keys.keys.length || checkHttpsUrl(url, 'the list')) return undefined;
  const b64url = (b64: string) => {
    const bytes = decodeBase64(b64);
    return bytes ? encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : b64;
  };
  return `${SUBSCRIPTION_PREFIX}url=${encodeURIComponent(url)}${keys.keys
    .map((k) => `&key=${encodeURIComponent(k.key_id)}:${b64url(k.public_key)}`)
    .join('')}`;
}
