/**
 * Site rules through the signed channel: a "site rules" document carries newer `SiteRules` (the
 * selector data of lib/sites/*.ts) so a site that changed its markup can be followed without a
 * store release. Like a candidate list it has its own stream id and a sequence, is checked against a
 * strict schema, is signed with Ed25519 (a detached `.sig`, verified by lib/list/signature.ts) and
 * never replaces the last good document with a broken, unsigned, foreign or older one.
 *
 * The document:
 *   { "format": "jaga-netral-site-rules", "format_version": 1, "stream_id": "…", "sequence": 7,
 *     "issued_at": "2026-12-02T00:00:00Z", "sites": [ SiteRules, … ] }
 *
 * Layering: per site, the document's rules are used only when their `version` is higher than the
 * built-in rules' version; otherwise (an older document after an extension update) the built-in
 * rules stay. Sites the document does not name keep their built-in rules.
 *
 * A selector that does not parse cannot be caught here (no DOM); the engine skips it and counts
 * it as an `invalid:` miss (lib/sites/engine.ts), so a bad selector degrades, never breaks a page.
 *
 * The format, schema and layering are in lib/site-rules/schema.ts (re-exported here); the updater
 * that fetches and stores a document is lib/site-rules/updater.ts, and the background publishes the
 * rules in effect from it for content scripts (lib/site-rules/publish.ts). docs/site-rules.md
 * describes the whole channel.
 */
import { verifyDetached } from '../list/signature';
import type { PublicKey } from '../list/types';
import { SITE_RULES_MAX_BYTES, type SiteRulesDocument, validateSiteRulesDocument } from './schema';

export * from './schema';

export type RefusalCode = 'too-large' | 'unsigned' | 'invalid' | 'bad-signature' | 'wrong-stream' | 'rollback';

export type AcceptResult =
  | { ok: true; doc: SiteRulesDocument; keyId: string }
  /** refused: `keep` is the last good document, still in use (or null: the built-in rules) */
  | { ok: false; code: RefusalCode; reason: string; keep: SiteRulesDocument | null };

/**
 * Accept a downloaded document only if it is signed by a configured key, well-formed, of the
 * expected stream and newer than the last good one; otherwise say why and keep the last good one.
 */
export async function acceptSiteRules(
  bytes: Uint8Array,
  sigFile: string | Uint8Array | null,
  keys: readonly PublicKey[],
  opts: { streamId?: string; lastGood: SiteRulesDocument | null },
): Promise<AcceptResult> {
  const keep = opts.lastGood;
  const refuse = (code: RefusalCode, reason: string): AcceptResult => ({ ok: false, code, reason, keep });
  if (bytes.length > SITE_RULES_MAX_BYTES)
    return refuse('too-large', `the site rules are larger than ${SITE_RULES_MAX_BYTES / 1024} KiB`);
  if (!sigFile)
    return refuse('unsigned', 'the site rules are not signed (no .sig file beside them); only signed rules are used');
  // The signature first: nothing of an unsigned document is even parsed.
  const sig = await verifyDetached(bytes, sigFile, keys);
  if (!sig.ok) return refuse('bad-signature', sig.reason);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse('invalid', '(document): malformed JSON');
  }
  const valid = validateSiteRulesDocument(parsed);
  if (!valid.ok) return refuse('invalid', valid.errors.join('; '));
  const doc = valid.doc;
  if (opts.streamId !== undefined && doc.stream_id !== opts.streamId)
    return refuse('wrong-stream', `stream_id "${doc.stream_id}" is not the configured "${opts.streamId}"`);
  if (keep && keep.stream_id === doc.stream_id && doc.sequence <= keep.sequence)
    return refuse('rollback', `sequence ${doc.sequence} is not newer than the accepted ${keep.sequence}`);
  return { ok: true, doc, keyId: sig.keyId };
}
