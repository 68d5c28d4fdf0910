import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../lib/list/base64';
import { formatKey, parseKeys, parseSignatureFile, verifyDetached } from '../../../lib/list/signature';
import { generateSigningKey, parsePrivateKeyFile, renderSignature, signBytes } from '../../../lib/list/sign-node';

// Keys are generated at test time; no private key is ever committed.
const a = generateSigningKey('publisher-a');
const b = generateSigningKey('publisher-b');
const doc = new TextEncoder().encode('{"format":"jaga-netral/candidate-list","sequence":1}\n');
const sigA = renderSignature(signBytes(doc, a.privateFile));

describe('verifyDetached', () => {
  for (const implementation of ['auto', 'webcrypto', 'noble'] as const) {
    it(`accepts a good signature (${implementation})`, async () => {
      expect(await verifyDetached(doc, sigA, [b.publicKey, a.publicKey], { implementation })).toEqual({
        ok: true,
        keyId: 'publisher-a',
      });
    });
    it(`refuses a wrong signature: altered bytes, or signed by another key under the same id (${implementation})`, async () => {
      const altered = doc.slice();
      altered[altered.length - 3] = altered[altered.length - 3]! ^ 1;
      const r = await verifyDetached(altered, sigA, [a.publicKey], { implementation });
      expect(r).toEqual({
        ok: false,
        reason: 'the signature does not match the document for key "publisher-a" (altered or wrongly signed)',
      });
      const forged = renderSignature({ ...signBytes(doc, b.privateFile), key_id: 'publisher-a' });
      expect((await verifyDetached(doc, forged, [a.publicKey], { implementation })).ok).toBe(false);
    });
  }

  it('refuses a signature by an unknown key, naming it and the configured ones', async () => {
    expect(await verifyDetached(doc, sigA, [b.publicKey])).toEqual({
      ok: false,
      reason: 'signed with key "publisher-a", which is not a configured key (configured: "publisher-b")',
    });
  });

  it('refuses malformed signature files', async () => {
    for (const [sig, why] of [
      ['not json', /not JSON/],
      ['[]', /not a JSON object/],
      ['{"alg":"RSA","key_id":"publisher-a","sig":"AA=="}', /unsupported signature alg "RSA"/],
      ['{"alg":"Ed25519","key_id":"publisher-a","sig":"AAAA"}', /base64 of 64 bytes/],
      ['{"alg":"Ed25519","sig":"AAAA"}', /no valid key_id/],
    ] as const) {
      const r = await verifyDetached(doc, sig, [a.publicKey]);
      expect(r.ok ? '' : r.reason).toMatch(why);
    }
    expect(parseSignatureFile(new TextEncoder().encode(sigA)).ok).toBe(true);
  });
});

describe('parseKeys', () => {
  it('reads key_id:base64 lines, skipping blanks and comments', () => {
    const text = `# project key\n${formatKey(a.publicKey)}\n\n  ${formatKey(b.publicKey)}  \r\n`;
    expect(parseKeys(text)).toEqual({ ok: true, keys: [a.publicKey, b.publicKey] });
    expect(parseKeys('')).toEqual({ ok: true, keys: [] });
  });
  it('says which line is wrong and why', () => {
    const short = encodeBase64(new Uint8Array(31));
    const r = parseKeys(
      [
        'nocolon',
        `bad id!:${a.publicKey.public_key}`,
        'k1:not*base64',
        `k2:${short}`,
        formatKey(a.publicKey),
        formatKey(a.publicKey),
      ].join('\n'),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        'line 1: expected key_id:base64key (for example "jaga-netral-2026:MCowBQ…="), found no ":"',
        'line 2: key id "bad id!" may use letters, digits, ".", "_", "@" and "-" only',
        'line 3: the key of "k1" is not valid base64',
        'line 4: the key of "k2" is 31 bytes; an Ed25519 public key is 32 bytes',
        'line 6: key id "publisher-a" appears twice',
      ],
    });
  });
});

describe('private key files', () => {
  it('round-trip and reject inconsistent files', () => {
    const text = JSON.stringify(a.privateFile);
    expect(parsePrivateKeyFile(text)).toEqual(a.privateFile);
    expect(() => parsePrivateKeyFile(JSON.stringify({ ...a.privateFile, public_key: b.publicKey.public_key }))).toThrow(
      /inconsistent/,
    );
    expect(() => parsePrivateKeyFile('nope')).toThrow(/not JSON/);
  });
});
