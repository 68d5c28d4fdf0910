/**
 * Maintainer CLI for candidate lists: `npm run list -- <command> …` (documented in docs/list-cli.md).
 * Built on the same validator, signature and shard code as the extension, so what passes here is
 * what the extension accepts. Exit codes: 0 success, 1 the input was rejected, 2 usage error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { fromKpuCsv } from '../lib/list/from-kpu';
import { renderJsonSchema } from '../lib/list/schema-source';
import { checkShardBytes, checkShardHead, sha256Hex, splitIntoShards } from '../lib/list/shards';
import { formatKey, parseKeys, verifyDetached } from '../lib/list/signature';
import { generateSigningKey, parsePrivateKeyFile, renderSignature, signBytes } from '../lib/list/sign-node';
import { listStats } from '../lib/list/stats';
import { formatSubscription, parseSubscription } from '../lib/list/subscription';
import type { CandidateManifest } from '../lib/list/types';
import { formatError, validateDocument, validateList } from '../lib/list/validate';
import { publish as publishNational, UsageError } from './list/publish';
import { RULES_USAGE, rules } from './list/rules';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

class Usage extends Error {}

const USAGE = `usage: npm run list -- <command> [options]

  keygen   [--out FILE] [--key-id ID] [--force]      new Ed25519 key pair; prints the public key line
  sign     LIST.json --key FILE [--out FILE.sig]     detached signature over the exact bytes
  verify   LIST.json --keys "id:base64" | --keys-file FILE [--sig FILE.sig]   (a manifest: its shards too)
  validate FILE…                                     check lists/manifests against format v1
  stats    LIST.json                                 counts (elections, tickets, people, aliases…)
  shard    LIST.json --out DIR [--key FILE]          manifest + shards by region, sha256 and bytes
  from-kpu FILE.csv --list-id ID --publisher NAME --from DATE --until DATE
           [--determined-at DATE] [--voting-date DATE] [--sequence N] [--expires DATE] [--out FILE]
  publish  --data DIR --out DIR --key FILE [--sequence N] [--region CODE] [--list-id ID] [--publisher NAME]
           [--expires DATE] [--issued-at TS] [--calendars DIR] [--layout auto|dapil|kab] [--force] [--wilayah|--parties|--pkwkp|--pkwkk|--pilpres|
           --dct|--dapil|--kpu-region-names FILE]      KPU exports → signed manifest + region shards
  schema   [--check]                                 regenerate (or check) lib/list/schema.json
  subscription URL --keys "id:base64" | --key FILE   the one-line subscription code (URL + keys) people paste
${RULES_USAGE}
`;

const HERE = dirname(new URL(import.meta.url).pathname);
const REPO = resolve(HERE, '..');

function read(io: Io, file: string): Buffer {
  const p = resolve(io.cwd, file);
  if (!existsSync(p)) throw new Usage(`no such file: ${file}`);
  return readFileSync(p);
}

/** Inside a git work tree and not ignored by it → would be committable: refuse private keys there. */
function committable(path: string): boolean {
  const dir = dirname(path);
  try {
    execFileSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { stdio: 'pipe' });
  } catch {
    return false; // not in a repository (or git missing)
  }
  try {
    execFileSync('git', ['-C', dir, 'check-ignore', '-q', path], { stdio: 'pipe' });
    return false; // ignored (keys/, *.key)
  } catch {
    return true;
  }
}

function keygen(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, 'key-id': { type: 'string' }, force: { type: 'boolean' } },
  });
  const { privateFile, publicKey } = generateSigningKey(values['key-id']);
  const out = resolve(
    io.cwd,
    values.out ?? join(homedir(), '.config', 'jaga-netral', 'keys', `${privateFile.key_id}.key`),
  );
  if (existsSync(out)) throw new Usage(`refusing to overwrite ${out}`);
  mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
  if (!values.force && committable(out))
    throw new Usage(
      `refusing to write a private key to ${out}: it is inside a git work tree and not ignored. Use a path outside the repository (default ~/.config/jaga-netral/keys/), or keys/ or *.key, or --force`,
    );
  writeFileSync(out, `${JSON.stringify(privateFile, null, 2)}\n`, { mode: 0o600 });
  io.err(`private key written to ${out} (mode 600). Keep it secret; never commit it.`);
  io.err('public key line for the options page, a managed policy or the default source:');
  io.out(formatKey(publicKey));
  return 0;
}

function check(io: Io, file: string, bytes: Uint8Array): ReturnType<typeof validateDocument> {
  const r = validateDocument(bytes);
  if (!r.ok) {
    io.err(`${file}: INVALID`);
    for (const e of r.errors) io.err(`  ${formatError(e)}`);
  }
  return r;
}

function sign(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { key: { type: 'string' }, out: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || !values.key) throw new Usage('sign needs LIST.json and --key FILE');
  const bytes = read(io, file);
  if (!check(io, file, bytes).ok) return 1; // never sign something the extension would refuse
  const key = parsePrivateKeyFile(read(io, values.key).toString('utf8'));
  const out = resolve(io.cwd, values.out ?? `${file}.sig`);
  writeFileSync(out, renderSignature(signBytes(bytes, key)));
  io.out(`signed ${file} with key "${key.key_id}" → ${out}`);
  return 0;
}

async function verify(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { keys: { type: 'string' }, 'keys-file': { type: 'string' }, sig: { type: 'string' } },
  });
  const [file] = positionals;
  const keyText = values.keys ?? (values['keys-file'] ? read(io, values['keys-file']).toString('utf8') : undefined);
  if (!file || keyText === undefined)
    throw new Usage('verify needs LIST.json and --keys "id:base64" or --keys-file FILE');
  const keys = parseKeys(keyText);
  if (!keys.ok) throw new Usage(`bad keys: ${keys.errors.join('; ')}`);
  const bytes = read(io, file);
  const sig = read(io, values.sig ?? `${file}.sig`);
  const v = await verifyDetached(bytes, sig, keys.keys);
  if (!v.ok) {
    io.err(`${file}: signature REFUSED: ${v.reason}`);
    return 1;
  }
  const doc = check(io, file, bytes);
  if (!doc.ok) return 1;
  if (doc.kind === 'manifest') return verifyShards(file, doc.manifest, v.keyId, io);
  io.out(`${file}: signature OK (key "${v.keyId}"), document valid`);
  return 0;
}

/** A manifest's shards, read beside it: size, SHA-256, format, list_id and sequence, as the extension checks them. */
async function verifyShards(file: string, manifest: CandidateManifest, keyId: string, io: Io): Promise<number> {
  const base = dirname(resolve(io.cwd, file));
  let bad = 0;
  for (const ref of manifest.shards) {
    const path = join(base, ref.path);
    if (!existsSync(path)) {
      io.err(`  ${ref.path}: missing`);
      bad++;
      continue;
    }
    const body = new Uint8Array(readFileSync(path));
    const wrong = await checkShardBytes(ref, body);
    const v = wrong ? undefined : validateList(body);
    const why = wrong ?? (v && !v.ok ? v.errors.slice(0, 3).map(formatError).join('; ') : undefined);
    const head = v?.ok ? checkShardHead(manifest, ref, v.list) : undefined;
    if (why || head) {
      io.err(`  ${ref.path}: ${why ?? head}`);
      bad++;
    }
  }
  if (bad) {
    io.err(`${file}: signature OK (key "${keyId}"), but ${bad} of ${manifest.shards.length} shards would be refused`);
    return 1;
  }
  io.out(
    `${file}: signature OK (key "${keyId}"), manifest valid, all ${manifest.shards.length} shards match their hashes and are valid`,
  );
  return 0;
}

function validate(args: string[], io: Io): number {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  if (!positionals.length) throw new Usage('validate needs one or more files');
  let bad = 0;
  for (const file of positionals) {
    const t0 = performance.now();
    const r = check(io, file, read(io, file));
    if (!r.ok) bad++;
    else {
      const head = r.kind === 'list' ? r.list : r.manifest;
      const ms = Math.round(performance.now() - t0);
      io.out(`${file}: OK (${r.kind} "${head.list_id}" sequence ${head.sequence}, ${ms} ms)`);
    }
  }
  return bad ? 1 : 0;
}

function stats(args: string[], io: Io): number {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [file] = positionals;
  if (!file) throw new Usage('stats needs LIST.json');
  const bytes = read(io, file);
  const r = check(io, file, bytes);
  if (!r.ok) return 1;
  if (r.kind === 'manifest') {
    io.out(`manifest "${r.manifest.list_id}" sequence ${r.manifest.sequence}: ${r.manifest.shards.length} shards`);
    for (const s of r.manifest.shards) io.out(`  ${s.scope.padEnd(5)} ${s.path} ${s.bytes ?? '?'} bytes`);
    return 0;
  }
  const s = listStats(r.list);
  io.out(`list "${r.list.list_id}" sequence ${r.list.sequence}, ${bytes.byteLength.toLocaleString('en')} bytes`);
  io.out(`  publisher  ${r.list.publisher.name}`);
  io.out(`  valid      ${r.list.issued_at} → ${r.list.expires_at}`);
  for (const k of ['elections', 'tickets', 'people', 'accounts', 'parties', 'aliases', 'hashtags'] as const)
    io.out(`  ${k.padEnd(10)} ${s[k].toLocaleString('en')}`);
  io.out(
    `  tickets by type: ${Object.entries(s.byType)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  return 0;
}

async function shard(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, key: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || !values.out) throw new Usage('shard needs LIST.json and --out DIR');
  const r = check(io, file, read(io, file));
  if (!r.ok) return 1;
  if (r.kind !== 'list') throw new Usage(`${file} is already a manifest`);
  const dir = resolve(io.cwd, values.out);
  const refs: CandidateManifest['shards'] = [];
  for (const s of splitIntoShards(r.list)) {
    const body = new TextEncoder().encode(JSON.stringify(s.list));
    mkdirSync(dirname(join(dir, s.path)), { recursive: true });
    writeFileSync(join(dir, s.path), body);
    refs.push({ path: s.path, scope: s.scope, sha256: await sha256Hex(body), bytes: body.byteLength });
  }
  const { format: _f, parties: _p, elections: _e, keywords: _k, ...head } = r.list;
  const manifest: CandidateManifest = {
    ...head,
    format: 'jaga-netral/candidate-manifest',
    format_version: 1,
    shards: refs,
  };
  const mb = new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`);
  writeFileSync(join(dir, 'LIST.json'), mb);
  if (values.key) {
    const key = parsePrivateKeyFile(read(io, values.key).toString('utf8'));
    writeFileSync(join(dir, 'LIST.json.sig'), renderSignature(signBytes(mb, key)));
  }
  const total = refs.reduce((n, s) => n + (s.bytes ?? 0), 0);
  io.out(
    `${refs.length} shards, ${total.toLocaleString('en')} bytes in all → ${dir}/LIST.json${values.key ? ' (signed)' : ''}`,
  );
  for (const s of refs)
    io.out(`  ${s.scope.padEnd(5)} ${s.path.padEnd(18)} ${String(s.bytes).padStart(11)}  ${s.sha256}`);
  return 0;
}

function fromKpu(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'list-id': { type: 'string' },
      publisher: { type: 'string' },
      sequence: { type: 'string', default: '1' },
      from: { type: 'string' },
      until: { type: 'string' },
      'determined-at': { type: 'string' },
      'voting-date': { type: 'string' },
      'issued-at': { type: 'string' },
      expires: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file || !values['list-id'] || !values.publisher || !values.from || !values.until)
    throw new Usage('from-kpu needs FILE.csv --list-id ID --publisher NAME --from DATE --until DATE');
  const now = new Date();
  const result = fromKpuCsv(read(io, file).toString('utf8'), {
    listId: values['list-id'],
    publisher: values.publisher,
    sequence: Number(values.sequence),
    issuedAt: values['issued-at'] ?? now.toISOString().replace(/\.\d+Z$/, 'Z'),
    expiresAt: values.expires ?? new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10),
    votingDate: values['voting-date'],
    from: values.from,
    until: values.until,
    determinedAt: values['determined-at'],
  });
  if (!result.ok) {
    io.err(`${file}: cannot convert`);
    for (const e of result.errors) io.err(`  ${e}`);
    return 1;
  }
  const text = `${JSON.stringify(result.list, null, 2)}\n`;
  if (!check(io, values.out ?? '(output)', new TextEncoder().encode(text)).ok) return 1;
  if (values.out) {
    writeFileSync(resolve(io.cwd, values.out), text);
    io.err(`${result.notes.join('; ')} → ${values.out}`);
  } else io.out(text.trimEnd());
  return 0;
}

function schema(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { check: { type: 'boolean' } } });
  const path = join(REPO, 'lib', 'list', 'schema.json');
  const want = renderJsonSchema();
  if (values.check) {
    const same = existsSync(path) && readFileSync(path, 'utf8') === want;
    (same ? io.out : io.err)(
      same ? 'lib/list/schema.json is up to date' : 'lib/list/schema.json is out of date: run npm run list -- schema',
    );
    return same ? 0 : 1;
  }
  writeFileSync(path, want);
  io.out(`wrote ${path}`);
  return 0;
}

async function publish(args: string[], io: Io): Promise<number> {
  try {
    return (await publishNational(args, io, REPO)).code;
  } catch (e) {
    if (e instanceof UsageError) throw new Usage(e.message);
    throw e;
  }
}

/** The code people paste on the options page and agencies put in a policy (lib/list/subscription.ts). */
function subscription(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { keys: { type: 'string' }, key: { type: 'string', multiple: true } },
  });
  const [url] = positionals;
  if (!url || (!values.keys && !values.key))
    throw new Usage('subscription needs URL and --keys "id:base64" or --key FILE');
  const lines = [
    ...(values.keys ? [values.keys] : []),
    // a private key file (keygen) holds the public key too; only that is used
    ...(values.key ?? []).map((f) => formatKey(parsePrivateKeyFile(read(io, f).toString('utf8')))),
  ].join('\n');
  const code = formatSubscription(url, lines);
  if (!code) {
    const bad = parseSubscription(
      `jaga-netral:list?url=${encodeURIComponent(url)}${lines
        .split('\n')
        .map((l) => `&key=${encodeURIComponent(l.trim())}`)
        .join('')}`,
    );
    throw new Usage(`no subscription code: ${bad.ok ? 'invalid keys' : bad.reason}`);
  }
  io.out(code);
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  subscription,
  keygen,
  sign,
  verify,
  validate,
  stats,
  shard,
  'from-kpu': fromKpu,
  publish,
  schema,
  rules,
};

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  const run = cmd ? COMMANDS[cmd] : undefined;
  if (!run) {
    (cmd && cmd !== 'help' && cmd !== '--help' ? io.err : io.out)(
      cmd && !['help', '--help'].includes(cmd) ? `unknown command "${cmd}"\n${USAGE}` : USAGE,
    );
    return cmd && !['help', '--help'].includes(cmd) ? 2 : 0;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    const usage =
      e instanceof Usage || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'));
    io.err(`${cmd}: ${e instanceof Error ? e.message : String(e)}`);
    return usage ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const io: Io = {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
