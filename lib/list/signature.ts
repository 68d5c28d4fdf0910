/**
 * Ed25519 detached signatures (docs/list-format.md §5): `LIST.json.sig` is
 * `{"alg":"Ed25519","key_id","sig"}` over the exact bytes of LIST.json. Verification uses
 * WebCrypto's Ed25519 where the browser has it and falls back to @noble/ed25519 (audited, small)
 * where it does not. noble's async API hashes with WebCrypto's SHA-512, so no extra hash
 * configuration is needed in a service worker or Node ≥ 20.
 */
import { verifyAsync as nobleVerify } from '@noble/ed25519';
import { decodeBase64 } from './base64';
import type { DetachedSignature, PublicKey } from './types';

export type KeysResult = { ok: true; keys: PublicKey[] } | { ok: false; errors: string[] };

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/**
 * Parse configured keys: one `key_id:base64` per line; blank lines and `#` comments are ignored.
 * Errors name the line and say what to fix.
 */
export function parseKeys(text: string): KeysResult {
  const keys: PublicKey[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const at = `line ${i + 1}`;
    const colon = line.indexOf(':');
    if (colon < 0) {
      errors.push(`${at}: expected key_id:base64key (for example "jaga-netral-2026:MCowBQ…="), found no ":"`);
      return;
    }
    const keyId = line.slice(0, colon).trim();
    const b64 = line.slice(colon + 1).trim();
    if (!KEY_ID.test(keyId)) {
      errors.push(
        `${at}: key id ${JSON.stringify(keyId.slice(0, 40))} may use letters, digits, ".", "_", "@" and "-" only`,
      );
      return;
    }
    const bytes = decodeBase64(b64);
    if (!bytes) {
      errors.push(`${at}: the key of "${keyId}" is not valid base64`);
      return;
    }
    if (bytes.length !== 32) {
      errors.push(`${at}: the key of "${keyId}" is ${bytes.length} bytes; an Ed25519 public key is 32 bytes`);
      return;
    }
    if (seen.has(keyId)) {
      errors.push(`${at}: key id "${keyId}" appears twice`);
      return;
    }
    seen.add(keyId);
    keys.push({ key_id: keyId, public_key: b64 });
  });
  return errors.length ? { ok: false, errors } : { ok: true, keys };
}

/** Keys as the `list_key` text field and the CLI write them. */
export const formatKey = (k: PublicKey): string => `${k.key_id}:${k.public_key}`;

export type SigFileResult = { ok: true; sig: DetachedSignature; bytes: Uint8Array } | { ok: false; reason: string };

/** Parse and check the shape of a `.sig` file (text or bytes). */
export function parseSignatureFile(raw: string | Uint8Array): SigFileResult {
  let v: unknown;
  try {
    const text = typeof raw === 'string' ? raw : new TextDecoder('utf-8', { fatal: true }).decode(raw);
    if (text.length > 4096) return { ok: false, reason: 'the signature file is larger than 4 KiB' };
    v = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the signature file is not JSON like {"alg":"Ed25519","key_id":…,"sig":…}' };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { ok: false, reason: 'the signature file is not a JSON object' };
  const o = v as Record<string, unknown>;
  const alg = Object.hasOwn(o, 'alg') ? o.alg : undefined;
  const keyId = Object.hasOwn(o, 'key_id') ? o.key_id : undefined;
  const sig = Object.hasOwn(o, 'sig') ? o.sig : undefined;
  if (alg !== 'Ed25519')
    return { ok: false, reason: `unsupported signature alg ${JSON.stringify(alg)}; expected "Ed25519"` };
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId))
    return { ok: false, reason: 'the signature has no valid key_id' };
  const bytes = typeof sig === 'string' ? decodeBase64(sig) : undefined;
  if (bytes?.length !== 64) return { ok: false, reason: 'the signature "sig" is not the base64 of 64 bytes' };
  return { ok: true, sig: { alg: 'Ed25519', key_id: keyId, sig: sig as string }, bytes: bytes as Uint8Array };
}

export type VerifyResult = { ok: true; keyId: string } | { ok: false; reason: string };

export interface VerifyOptions {
  /** force the library path (tests; browsers without WebCrypto Ed25519) */
  implementation?: 'auto' | 'webcrypto' | 'noble';
}

/**
 * Verify a detached signature over the exact bytes of a document with one of the configured keys.
 * Unknown key ids and bad signatures are refused with a reason meant for the options page.
 */
export async function verifyDetached(
  doc: Uint8Array,
  sigFile: string | Uint8Array,
  keys: readonly PublicKey[],
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const parsed = parseSignatureFile(sigFile);
  if (!parsed.ok) return parsed;
  const key = keys.find((k) => k.key_id === parsed.sig.key_id);
  if (!key)
    return {
      ok: false,
      reason: `signed with key "${parsed.sig.key_id}", which is not a configured key (configured: ${keys.map((k) => `"${k.key_id}"`).join(', ') || 'none'})`,
    };
  const pub = decodeBase64(key.public_key);
  if (pub?.length !== 32) return { ok: false, reason: `configured key "${key.key_id}" is not a 32-byte key` };
  const good = await ed25519Verify(pub, parsed.bytes, doc, opts.implementation ?? 'auto');
  return good
    ? { ok: true, keyId: key.key_id }
    : {
        ok: false,
        reason: `the signature does not match the document for key "${key.key_id}" (altered or wrongly signed)`,
      };
}

// RFC 8032 test vector 1 public key: a known-valid key for probing support.
const PROBE_KEY = new Uint8Array([
  0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a, 0x0e, 0xe1, 0x72,
  0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
]);
let webCryptoEd25519: Promise<boolean> | undefined;

/** Is WebCrypto's Ed25519 usable here? Probed once (Chrome ≥ 137, Firefox ≥ 129, Safari 17, Node ≥ 20). */
const hasWebCryptoEd25519 = (): Promise<boolean> => {
  webCryptoEd25519 ??= (async () => {
    try {
      await globalThis.crypto.subtle.importKey('raw', PROBE_KEY, { name: 'Ed25519' }, false, ['verify']);
      return true;
    } catch {
      return false;
    }
  })();
  return webCryptoEd25519;
};

export async function ed25519Verify(
  pub: Uint8Array,
  sig: Uint8Array,
  msg: Uint8Array,
  implementation: 'auto' | 'webcrypto' | 'noble' = 'auto',
): Promise<boolean> {
  const useWeb = implementation === 'webcrypto' || (implementation === 'auto' && (await hasWebCryptoEd25519()));
  if (useWeb) {
    try {
      const key = await crypto.subtle.importKey('raw', pub as BufferSource, { name: 'Ed25519' }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'Ed25519' }, key, sig as BufferSource, msg as BufferSource);
    } catch {
      return false; // a key WebCrypto refuses (not a valid curve point) verifies nothing
    }
  }
  try {
    // zip215: false = RFC 8032 rules, the same ones WebCrypto applies.
    return await nobleVerify(sig, msg, pub, { zip215: false });
  } catch {
    return false;
  }
}
