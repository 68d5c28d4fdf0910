/**
 * Signing side of docs/list-format.md §5, for the maintainer CLI and tests only (Node: uses node:crypto).
 * Never imported by the extension: private keys must not come near the extension or the repo.
 *
 * Private key file: JSON `{"alg":"Ed25519","key_id","private_key":"<base64 PKCS#8 DER>","public_key":"<base64 raw 32 bytes>"}`.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import type { DetachedSignature, PublicKey } from './types';

export interface PrivateKeyFile {
  alg: 'Ed25519';
  key_id: string;
  private_key: string;
  public_key: string;
}

/** The 32 raw bytes of an Ed25519 public key (the SPKI DER of Ed25519 is a 12-byte header + 32 bytes). */
const rawPublic = (spkiDer: Buffer): Buffer => spkiDer.subarray(spkiDer.length - 32);

/** A default key id: `jn-` + the first 8 bytes of the key's SHA-256 (stable, unique enough to tell keys apart). */
export const defaultKeyId = (publicKeyB64: string): string =>
  `jn-${createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex').slice(0, 16)}`;

export function generateSigningKey(keyId?: string): { privateFile: PrivateKeyFile; publicKey: PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pub = rawPublic(publicKey.export({ format: 'der', type: 'spki' })).toString('base64');
  const id = keyId ?? defaultKeyId(pub);
  const priv = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  return {
    privateFile: { alg: 'Ed25519', key_id: id, private_key: priv, public_key: pub },
    publicKey: { key_id: id, public_key: pub },
  };
}

export function parsePrivateKeyFile(text: string): PrivateKeyFile {
  let v: Partial<PrivateKeyFile>;
  try {
    v = JSON.parse(text) as Partial<PrivateKeyFile>;
  } catch {
    throw new Error('the private key file is not JSON (was it written by `npm run list -- keygen`?)');
  }
  if (v.alg !== 'Ed25519' || typeof v.key_id !== 'string' || typeof v.private_key !== 'string')
    throw new Error('the private key file lacks alg "Ed25519", key_id or private_key');
  const key = createPrivateKey({ key: Buffer.from(v.private_key, 'base64'), format: 'der', type: 'pkcs8' });
  const pub = rawPublic(createPublicKey(key).export({ format: 'der', type: 'spki' })).toString('base64');
  if (v.public_key && v.public_key !== pub)
    throw new Error('the private key file is inconsistent: public_key does not match');
  return { alg: 'Ed25519', key_id: v.key_id, private_key: v.private_key, public_key: pub };
}

/** Sign the exact bytes of a document; returns the `.sig` object. */
export function signBytes(doc: Uint8Array, key: PrivateKeyFile): DetachedSignature {
  const k = createPrivateKey({ key: Buffer.from(key.private_key, 'base64'), format: 'der', type: 'pkcs8' });
  return { alg: 'Ed25519', key_id: key.key_id, sig: sign(null, doc, k).toString('base64') };
}

export const renderSignature = (s: DetachedSignature): string => `${JSON.stringify(s)}\n`;
