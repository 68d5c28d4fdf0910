import { describe, expect, it } from 'vitest';
import { generateSigningKey, renderSignature, signBytes } from '../../lib/list/sign-node';
import { facebook } from '../../lib/sites/facebook';
import { instagram } from '../../lib/sites/instagram';
import { threads } from '../../lib/sites/threads';
import { tiktok } from '../../lib/sites/tiktok';
import type { SiteRules } from '../../lib/sites/types';
import { whatsapp } from '../../lib/sites/whatsapp';
import { x } from '../../lib/sites/x';
import { youtube } from '../../lib/sites/youtube';
import { acceptSiteRules, layerSiteRules, validateSiteRulesDocument } from '../../lib/site-rules/document';

const BUILTIN: SiteRules[] = [facebook, instagram, threads, tiktok, whatsapp, x, youtube].map((m) => m.rules);
const STREAM = 'jaga-netral.site-rules';
const key = generateSigningKey('rules-a');
const other = generateSigningKey('rules-b');

/** X's rules where a post is a `[data-testid="postCell"]` (the "changed" fixture's markup). */
const xChanged = (version: number): SiteRules => ({
  ...x.rules,
  version,
  containers: x.rules.containers.map((c) =>
    c.scope === 'post' ? { ...c, selectors: ['[data-testid="postCell"]', ...c.selectors] } : c,
  ),
});
const docOf = (sequence: number, sites: SiteRules[], extra: Record<string, unknown> = {}) => ({
  format: 'jaga-netral-site-rules',
  format_version: 1,
  stream_id: STREAM,
  sequence,
  issued_at: '2026-12-02T00:00:00Z',
  sites,
  ...extra,
});
const bytesOf = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const signed = (v: unknown, k = key) => {
  const bytes = bytesOf(v);
  return { bytes, sig: renderSignature(signBytes(bytes, k.privateFile)) };
};

describe('site rules document: schema', () => {
  it('accepts every built-in site rule set as it is', () => {
    const r = validateSiteRulesDocument(JSON.parse(JSON.stringify(docOf(1, BUILTIN))));
    expect(r.ok ? r.doc.sites.map((s) => s.site).sort() : r.errors).toEqual(
      ['facebook', 'instagram', 'threads', 'tiktok', 'whatsapp', 'x', 'youtube'].sort(),
    );
  });

  it('refuses unknown fields, wrong kinds, duplicate sites and other formats, naming the path', () => {
    const bad = (v: unknown) => {
      const r = validateSiteRulesDocument(v);
      return r.ok ? [] : r.errors;
    };
    expect(bad(docOf(1, [{ ...x.rules, script: 'alert(1)' } as SiteRules]))).toEqual([
      '(document).sites[0].script: unknown field',
    ]);
    expect(bad(docOf(1, [{ ...x.rules, actions: [{ kind: 'retweet', selectors: ['a'] }] } as never]))[0]).toMatch(
      /^\(document\)\.sites\[0\]\.actions\[0\]\.kind: expected one of "like"/,
    );
    expect(bad(docOf(1, [x.rules, x.rules]))).toEqual(['sites[1].site: "x" appears twice']);
    expect(bad(docOf(1, [{ ...x.rules, site: 'myspace' } as never]))[0]).toMatch(/sites\[0\]\.site: expected one of/);
    expect(bad(docOf(1, [{ ...x.rules, actions: [] }]))).toEqual(['sites[0].actions: expected at least one rule']);
    expect(bad(docOf(1, [x.rules], { format_version: 2 }))).toEqual(['format_version 2 is not supported (expected 1)']);
    expect(bad(docOf(0, [x.rules]))).toEqual(['sequence: expected 1 or more']);
    expect(bad({ ...docOf(1, [x.rules]), format: 'jaga-netral-list' })[0]).toMatch(/^\(document\)\.format/);
    expect(bad(null)).toEqual(['(document): expected an object']);
  });
});

describe('site rules document: the signed channel', () => {
  it('accepts a signed, valid, newer document', async () => {
    const { bytes, sig } = signed(docOf(2, [xChanged(x.rules.version + 1)]));
    const r = await acceptSiteRules(bytes, sig, [key.publicKey], { streamId: STREAM, lastGood: null });
    expect(r.ok && { keyId: r.keyId, seq: r.doc.sequence }).toEqual({ keyId: 'rules-a', seq: 2 });
  });

  it('refuses unsigned, wrongly signed, altered, broken, foreign and older documents, keeping the last good one', async () => {
    const good = signed(docOf(5, [xChanged(x.rules.version + 1)]));
    const first = await acceptSiteRules(good.bytes, good.sig, [key.publicKey], { streamId: STREAM, lastGood: null });
    if (!first.ok) throw new Error(first.reason);
    const lastGood = first.doc;
    const opts = { streamId: STREAM, lastGood };
    const keys = [key.publicKey];
    const refusal = async (bytes: Uint8Array, sig: string | null, k = keys, o = opts) => {
      const r = await acceptSiteRules(bytes, sig, k, o);
      return r.ok ? 'accepted' : { code: r.code, kept: r.keep?.sequence ?? null };
    };
    const newer = docOf(6, [xChanged(x.rules.version + 2)]);
    expect(await refusal(bytesOf(newer), null)).toEqual({ code: 'unsigned', kept: 5 });
    expect(await refusal(bytesOf(newer), signed(newer, other).sig)).toEqual({ code: 'bad-signature', kept: 5 });
    const altered = bytesOf({ ...newer, sequence: 7 });
    expect(await refusal(altered, signed(newer).sig)).toEqual({ code: 'bad-signature', kept: 5 });
    const broken = new TextEncoder().encode('{"format": "jaga-netral-site-rules",');
    expect(await refusal(broken, renderSignature(signBytes(broken, key.privateFile)))).toEqual({
      code: 'invalid',
      kept: 5,
    });
    const invalid = signed(docOf(6, [{ ...x.rules, actions: 'all' } as never]));
    expect(await refusal(invalid.bytes, invalid.sig)).toEqual({ code: 'invalid', kept: 5 });
    const foreign = signed({ ...newer, stream_id: 'someone-else' });
    expect(await refusal(foreign.bytes, foreign.sig)).toEqual({ code: 'wrong-stream', kept: 5 });
    const replay = signed(docOf(5, [xChanged(x.rules.version + 3)]));
    expect(await refusal(replay.bytes, replay.sig)).toEqual({ code: 'rollback', kept: 5 });
    const huge = new Uint8Array(300 * 1024).fill(0x20);
    expect(await refusal(huge, renderSignature(signBytes(huge, key.privateFile)))).toEqual({
      code: 'too-large',
      kept: 5,
    });
    // and the next good one is taken
    const next = signed(newer);
    expect(await refusal(next.bytes, next.sig)).toBe('accepted');
  });
});

describe('site rules document: layering over the built-in rules', () => {
  it('uses a site from the document only when its version is higher; other sites keep the built-in rules', () => {
    const doc = validateSiteRulesDocument(
      docOf(3, [xChanged(x.rules.version + 1), { ...youtube.rules, version: youtube.rules.version }]),
    );
    if (!doc.ok) throw new Error(doc.errors.join('; '));
    const { rules, sources } = layerSiteRules(BUILTIN, doc.doc);
    expect(
      rules.find((r) => r.site === 'x')?.containers.some((c) => c.selectors.includes('[data-testid="postCell"]')),
    ).toBe(true);
    expect(sources.x).toEqual({ version: x.rules.version + 1, source: 'signed', stream_id: STREAM, sequence: 3 });
    // same version as built in: the built-in rules stay (an extension update may already carry them)
    expect(rules.find((r) => r.site === 'youtube')).toBe(youtube.rules);
    expect(sources.youtube).toEqual({ version: youtube.rules.version, source: 'built-in' });
    expect(rules.find((r) => r.site === 'facebook')).toBe(facebook.rules);
    expect(layerSiteRules(BUILTIN, null).rules).toEqual(BUILTIN);
  });
});
