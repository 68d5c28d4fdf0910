/**
 * `npm run list -- rules …`: the maintainer side of the signed site-rules channel
 * (docs/site-rules.md). Built on the extension's own schema, signature and layering code, so what
 * `check` passes is what the extension accepts.
 *
 *   rules init  --stream ID --sequence N [--site x,facebook…] [--out FILE]
 *   rules check FILE [--keys "id:base64" | --keys-file FILE] [--sig FILE.sig]
 *   rules sign  FILE --key FILE [--out FILE.sig]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseKeys, verifyDetached } from '../../lib/list/signature';
import { parsePrivateKeyFile, renderSignature, signBytes } from '../../lib/list/sign-node';
import { PLATFORMS, type Platform } from '../../lib/list/types';
import { BUILTIN_RULES } from '../../lib/site-rules/builtin';
import {
  layerSiteRules,
  SITE_RULES_FORMAT,
  SITE_RULES_FORMAT_VERSION,
  SITE_RULES_MAX_BYTES,
  type SiteRulesDocument,
  validateSiteRulesDocument,
} from '../../lib/site-rules/schema';

export interface RulesIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

export const RULES_USAGE = `  rules init  --stream ID --sequence N [--site x,facebook…] [--out FILE]
                                                     a site-rules document from the built-in rules (versions + 1) to edit
  rules check FILE [--keys "id:base64" | --keys-file FILE] [--sig FILE.sig]
                                                     validate site rules; per site: used or not; with keys: the signature
  rules sign  FILE --key FILE [--out FILE.sig]       validate, then sign site rules (detached .sig)`;

class RulesUsage extends Error {}

function read(io: RulesIo, file: string): Buffer {
  const p = resolve(io.cwd, file);
  if (!existsSync(p)) throw new RulesUsage(`no such file: ${file}`);
  return readFileSync(p);
}

/** Validate the bytes as the extension does (size, JSON, schema); print every error. */
function validate(io: RulesIo, file: string, bytes: Uint8Array): SiteRulesDocument | null {
  if (bytes.byteLength > SITE_RULES_MAX_BYTES) {
    io.err(`${file}: INVALID: larger than ${SITE_RULES_MAX_BYTES / 1024} KiB, the most the extension accepts`);
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    io.err(`${file}: INVALID: not UTF-8 JSON`);
    return null;
  }
  const r = validateSiteRulesDocument(parsed);
  if (!r.ok) {
    io.err(`${file}: INVALID`);
    for (const e of r.errors) io.err(`  ${e}`);
    return null;
  }
  return r.doc;
}

/** Per site in the document: whether the extension will use it (its version above the built-in one). */
function report(io: RulesIo, doc: SiteRulesDocument): number {
  const { sources } = layerSiteRules(BUILTIN_RULES, doc);
  let used = 0;
  for (const s of doc.sites) {
    const builtin = BUILTIN_RULES.find((b) => b.site === s.site);
    if (sources[s.site]?.source === 'signed') {
      used++;
      io.out(`  ${s.site}: version ${s.version} replaces the built-in version ${builtin?.version}`);
    } else
      io.out(
        `  ${s.site}: version ${s.version} is NOT used: not above the built-in version ${builtin?.version} (raise "version")`,
      );
  }
  return used;
}

function init(args: string[], io: RulesIo): number {
  const { values } = parseArgs({
    args,
    options: {
      stream: { type: 'string' },
      sequence: { type: 'string' },
      site: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const sequence = Number(values.sequence);
  if (!values.stream || !Number.isSafeInteger(sequence) || sequence < 1)
    throw new RulesUsage('rules init needs --stream ID and --sequence N (a whole number, 1 or more)');
  const sites = values.site ? values.site.split(',').map((s) => s.trim()) : [...PLATFORMS];
  const unknown = sites.filter((s) => !PLATFORMS.includes(s as Platform));
  if (unknown.length) throw new RulesUsage(`unknown site(s): ${unknown.join(', ')} (known: ${PLATFORMS.join(', ')})`);
  const doc: SiteRulesDocument = {
    format: SITE_RULES_FORMAT,
    format_version: SITE_RULES_FORMAT_VERSION,
    stream_id: values.stream,
    sequence,
    issued_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    sites: BUILTIN_RULES.filter((b) => sites.includes(b.site)).map((b) => ({ ...b, version: b.version + 1 })),
  };
  const v = validateSiteRulesDocument(JSON.parse(JSON.stringify(doc)));
  if (!v.ok) {
    for (const e of v.errors) io.err(`  ${e}`);
    return 1;
  }
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  if (values.out) {
    const out = resolve(io.cwd, values.out);
    if (existsSync(out)) throw new RulesUsage(`refusing to overwrite ${out}`);
    writeFileSync(out, text);
    io.err(`site rules for ${doc.sites.map((s) => s.site).join(', ')} written to ${out}; edit, then check and sign`);
  } else io.out(text.trimEnd());
  return 0;
}

async function check(args: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { keys: { type: 'string' }, 'keys-file': { type: 'string' }, sig: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file) throw new RulesUsage('rules check needs FILE');
  const bytes = read(io, file);
  const keyText = values.keys ?? (values['keys-file'] ? read(io, values['keys-file']).toString('utf8') : undefined);
  let signedBy: string | undefined;
  if (keyText !== undefined) {
    const keys = parseKeys(keyText);
    if (!keys.ok) throw new RulesUsage(`bad keys: ${keys.errors.join('; ')}`);
    const sigPath = values.sig ?? `${file}.sig`;
    if (!existsSync(resolve(io.cwd, sigPath))) {
      io.err(`${file}: REFUSED: not signed (no ${sigPath}); the extension only uses signed site rules`);
      return 1;
    }
    const v = await verifyDetached(bytes, read(io, sigPath), keys.keys);
    if (!v.ok) {
      io.err(`${file}: signature REFUSED: ${v.reason}`);
      return 1;
    }
    signedBy = v.keyId;
  }
  const doc = validate(io, file, bytes);
  if (!doc) return 1;
  io.out(
    `${file}: valid site rules, stream "${doc.stream_id}" sequence ${doc.sequence}${signedBy ? `, signature OK (key "${signedBy}")` : ' (signature not checked: pass --keys)'}`,
  );
  const used = report(io, doc);
  if (!used) io.err(`${file}: no site in it would be used (every version is at or below the built-in one)`);
  return 0;
}

function sign(args: string[], io: RulesIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { key: { type: 'string' }, out: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || !values.key) throw new RulesUsage('rules sign needs FILE and --key FILE');
  const bytes = read(io, file);
  const doc = validate(io, file, bytes);
  if (!doc) return 1; // never sign something the extension would refuse
  const key = parsePrivateKeyFile(read(io, values.key).toString('utf8'));
  const out = resolve(io.cwd, values.out ?? `${file}.sig`);
  writeFileSync(out, renderSignature(signBytes(bytes, key)));
  io.out(`signed ${file} (stream "${doc.stream_id}" sequence ${doc.sequence}) with key "${key.key_id}" → ${out}`);
  report(io, doc);
  return 0;
}

const SUB: Record<string, (args: string[], io: RulesIo) => number | Promise<number>> = { init, check, sign };

/** Exit codes as the rest of the CLI: 0 success, 1 the input was rejected, 2 usage error. */
export async function rules(args: string[], io: RulesIo): Promise<number> {
  const [sub, ...rest] = args;
  const run = sub ? SUB[sub] : undefined;
  if (!run) {
    io.err(`rules: ${sub ? `unknown subcommand "${sub}"` : 'a subcommand is needed'}\n${RULES_USAGE}`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (
      e instanceof RulesUsage ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`rules ${sub}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
