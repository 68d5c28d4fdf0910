import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseShards, choiceKey } from '../../../../lib/list/shards';
import { formatKey, verifyDetached } from '../../../../lib/list/signature';
import { generateSigningKey } from '../../../../lib/list/sign-node';
import type { CandidateManifest } from '../../../../lib/list/types';
import { createUpdater } from '../../../../lib/list/updater';
import { validateDocument, validateList, validateManifest } from '../../../../lib/list/validate';
import { runCli } from '../../../../scripts/list-cli';
import { MemoryStore } from '../helpers/memory-store';
import { DAPIL_CSV, DCT_CSV, PARPOL_JSON, PILPRES_CSV, PKWKK_JSON, PKWKP_JSON, WILAYAH_CSV } from './samples';

let tmp: string;
let data: string;
let out: string;
let keyFile: string;
let keyLine: string;
const lines: string[] = [];
const errs: string[] = [];
let code: number;

/** Lay the samples out like a publisher's data folder (the DCT gzipped, as KPU-sized files are). */
function writeData(dir: string) {
  const put = (p: string, body: string | Buffer) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), body);
  };
  put('wilayah/kemendagri_l1-l3.csv', WILAYAH_CSV);
  put('pileg2024/parpol.json', PARPOL_JSON);
  put('pileg2024/dct_2024.csv.gz', gzipSync(DCT_CSV));
  put('pileg2024/dapil_wilayah.csv', DAPIL_CSV);
  put('pilkada2024/sirekap_paslon_pkwkp.json', PKWKP_JSON);
  put('pilkada2024/sirekap_paslon_pkwkk.json', PKWKK_JSON);
  put('pilpres2024/paslon_pilpres2024.csv', PILPRES_CSV);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'jn-publish-'));
  data = join(tmp, 'data');
  out = join(tmp, 'site');
  writeData(data);
  const k = generateSigningKey('bkpsdm-test');
  keyFile = join(tmp, 'test.key');
  writeFileSync(keyFile, JSON.stringify(k.privateFile));
  keyLine = formatKey(k.publicKey);
  code = await runCli(
    [
      'publish',
      '--data',
      data,
      '--out',
      out,
      '--key',
      keyFile,
      '--sequence',
      '5',
      '--issued-at',
      '2024-09-24T00:00:00Z',
    ],
    { out: (l) => lines.push(l), err: (l) => errs.push(l), cwd: tmp },
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (p: string) => readFileSync(join(out, p));
const manifest = () => JSON.parse(read('LIST.json').toString('utf8')) as CandidateManifest;

describe('npm run list -- publish', () => {
  it('writes a signed, valid manifest whose shards hash and validate', async () => {
    expect(code, errs.join('\n')).toBe(0);
    const bytes = read('LIST.json');
    expect(validateManifest(bytes).ok).toBe(true);
    const v = await verifyDetached(bytes, read('LIST.json.sig'), [
      { key_id: 'bkpsdm-test', public_key: keyLine.split(':')[1]! },
    ]);
    expect(v).toEqual({ ok: true, keyId: 'bkpsdm-test' });
    const m = manifest();
    expect(m).toMatchObject({ list_id: 'id.jaga-netral/nasional', sequence: 5, expires_at: '2025-09-24' });
    expect(m.shards.map((s) => [s.path, s.scope, s.areas])).toEqual([
      ['national.json', '00', undefined],
      ['prov/18.json', '18', undefined],
      ['prov/18/dpr-1802.json', '18', ['1811']],
      ['prov/18/dprd-prov-180006.json', '18', ['1811']],
      ['kab/1811.json', '1811', undefined],
      ['kab/1811/dprd-181101.json', '1811', ['181101', '1811032001']],
      ['kab/1811/dprd-181102.json', '1811', ['181102', '1811032002']],
      ['kab/1871.json', '1871', undefined],
      ['kab/1871/dprd-187101.json', '1871', ['187101', '187102']],
    ]);
    for (const s of m.shards) {
      const body = read(s.path);
      expect(body.byteLength).toBe(s.bytes);
      const r = validateDocument(body);
      expect(r.ok && r.kind === 'list' && r.list.sequence === 5, s.path).toBe(true);
    }
  });

  it('prints the figures and every row not imported with its reason', () => {
    const text = lines.join('\n');
    expect(text).toMatch(
      /documents {2}10 \(LIST\.json \+ 9 shards: 1 national, 1 provinsi, 2 kab\/kota, 1 DPR dapil, 1 DPRD provinsi dapil, 3 DPRD kab\/kota dapil\)/,
    );
    expect(text).toContain(
      'Pilkada: 3 regions, 6 entries (1 kolom kosong); caleg and DPD: 10 in 5 dapils and 1 DPD provinces',
    );
    expect(text).toMatch(/size {7}shards [\d.]+ MiB raw, [\d.]+ MiB gzipped; LIST\.json [\d.]+ KiB raw/);
    expect(text).toMatch(
      /a person {3}set to a kecamatan: typical [\d.]+ KiB raw \/ [\d.]+ KiB gzipped in \d shards \+ LIST\.json \(median of 5,/,
    );
    expect(text).toMatch(
      /a person {3}set to a kab\/kota: typical [\d.]+ KiB raw \/ [\d.]+ KiB gzipped in \d shards \+ LIST\.json \(median of 2,/,
    );
    expect(text).toMatch(/build {6}[\d.]+ s/);
    expect(text).toContain('not imported: 13 rows');
    for (const reason of [
      'wilayah line 11: "1x" is not a 2-, 4- or 6-digit region code',
      'parpol entry 3: ballot number 4 is already Partai Golongan Karya',
      'pkwkk region 1811 entry 2000103: expected "CALON - WAKIL"',
      'pkwkk region 1899: the region code is not in the Kemendagri list',
      'dct line 10: ballot number 3 of Partai Kebangkitan Bangsa is already taken in this dapil',
      'dct line 17: no party',
      'dapil_wilayah line 14: kode_wilayah "18-11"',
    ])
      expect(text).toContain(reason);
    expect(text).toContain('dapil_wilayah: pileg-dpr-2024-1801 has no candidates in the DCT');
    // Kec. Sukarame is in no dapil of the mapping: it is given every DPRD dapil of its city
    expect(text).toContain(
      '1 kecamatan not in the dapil mapping were added to every DPRD kabupaten/kota dapil of their kabupaten/kota: 187102',
    );
  });

  it('a person set to a kecamatan gets exactly their ballots; set to a kab/kota, all its DPRD dapils', () => {
    const m = manifest();
    const elections = (region: string) =>
      chooseShards(m, { region })
        .flatMap((s) => (JSON.parse(read(s.path).toString('utf8')) as { elections: { id: string }[] }).elections)
        .map((e) => e.id);
    expect(elections('181101')).toEqual([
      'pilpres-2024',
      'pilgub-2024-18',
      'pileg-dpd-2024-18',
      'pileg-dpr-2024-1802',
      'pileg-dprd-prov-2024-180006',
      'pilbup-2024-1811',
      'pileg-dprd-kabkota-2024-181101',
    ]);
    // a split kecamatan: both dapils that hold part of it
    expect(elections('181103').filter((e) => e.startsWith('pileg-dprd-kabkota'))).toEqual([
      'pileg-dprd-kabkota-2024-181101',
      'pileg-dprd-kabkota-2024-181102',
    ]);
    expect(elections('1811').filter((e) => e.startsWith('pileg-dprd-kabkota'))).toHaveLength(2);
    expect(elections('187101')).toEqual([
      'pilpres-2024',
      'pilgub-2024-18',
      'pileg-dpd-2024-18',
      'pilwalkot-2024-1871',
      'pileg-dprd-kabkota-2024-187101',
    ]);
    // a kecamatan the mapping does not know gets every DPRD dapil of its city rather than none
    expect(elections('187102')).toContain('pileg-dprd-kabkota-2024-187101');
    expect(choiceKey({ region: '181101' })).not.toBe(choiceKey({ region: '181102' }));
    expect(choiceKey({ region: '1811' })).toBe('00,18,1811');
    // a client that does not know `areas` takes every shard of its scopes, as before
    const old: CandidateManifest = { ...m, shards: m.shards.map(({ areas: _a, ...s }) => s) };
    expect(chooseShards(old, { region: '1811' }).map((s) => s.path)).toContain('kab/1811/dprd-181102.json');
  });

  it('the updater accepts the published list (signed, hashed) for a person in Kec. Mesuji', async () => {
    const origin = 'https://list.example.go.id/jn/';
    const fetch = async (url: string) => {
      const path = url.slice(origin.length);
      try {
        return new Response(read(path), {
          status: 200,
          headers: { 'content-type': path.endsWith('.sig') ? 'application/octet-stream' : 'application/json' },
        });
      } catch {
        return new Response('not found', { status: 404 });
      }
    };
    const updater = createUpdater({
      fetch,
      store: new MemoryStore(),
      now: () => Date.parse('2024-10-01T00:00:00Z'),
      random: () => 0.5,
      loadBundled: async () =>
        JSON.parse(readFileSync(join(__dirname, '../../../../public/lists/bundled.json'), 'utf8')),
      getSource: () => ({ url: `${origin}LIST.json`, keys: keyLine, region: '181101' }),
    });
    const status = await updater.updateNow();
    expect(status.error).toBeUndefined();
    expect(status).toMatchObject({ state: 'ok', source: 'remote', signed: true, keyId: 'bkpsdm-test', sequence: 5 });
    const { list } = await updater.getActiveList();
    expect(validateList(list).ok).toBe(true);
    expect(list.elections.map((e) => e.id)).toContain('pileg-dprd-kabkota-2024-181101');
    expect(list.elections.map((e) => e.id)).not.toContain('pileg-dprd-kabkota-2024-181102');
  });

  it('--region publishes a regional list: only what a person there votes in', async () => {
    const dir = join(tmp, 'regional');
    const o: string[] = [];
    const rc = await runCli(
      ['publish', '--data', data, '--out', dir, '--key', keyFile, '--region', '1871', '--quiet'],
      {
        out: (l) => o.push(l),
        err: () => {},
        cwd: tmp,
      },
    );
    expect(rc).toBe(0);
    const m = JSON.parse(readFileSync(join(dir, 'LIST.json'), 'utf8')) as CandidateManifest;
    expect(m.shards.map((s) => s.path)).toEqual([
      'national.json',
      'prov/18.json',
      'kab/1871.json',
      'kab/1871/dprd-187101.json',
    ]);
  });

  it('verify checks the signature, then every shard beside the manifest; a changed shard fails', async () => {
    const o: string[] = [];
    const e: string[] = [];
    const io = { out: (l: string) => o.push(l), err: (l: string) => e.push(l), cwd: out };
    expect(await runCli(['verify', 'LIST.json', '--keys', keyLine], io)).toBe(0);
    expect(o.join('\n')).toContain('manifest valid, all 9 shards match their hashes and are valid');
    const path = join(out, 'kab/1811/dprd-181101.json');
    const body = readFileSync(path);
    writeFileSync(path, body.toString('utf8').replace('Suprapto', 'Suprapti'));
    try {
      expect(await runCli(['verify', 'LIST.json', '--keys', keyLine], io)).toBe(1);
      expect(e.join('\n')).toContain('kab/1811/dprd-181101.json does not match its SHA-256 in the manifest');
    } finally {
      writeFileSync(path, body);
    }
  });

  it('--layout kab keeps DPRD kab/kota dapils in their kab/kota shard (the default when dapil shards would be too many)', async () => {
    const dir = join(tmp, 'kab-layout');
    const o: string[] = [];
    const io = { out: (l: string) => o.push(l), err: () => {}, cwd: tmp };
    expect(
      await runCli(['publish', '--data', data, '--out', dir, '--key', keyFile, '--layout', 'kab', '--quiet'], io),
    ).toBe(0);
    const m = JSON.parse(readFileSync(join(dir, 'LIST.json'), 'utf8')) as CandidateManifest;
    expect(m.shards.map((s) => s.path)).toEqual([
      'national.json',
      'prov/18.json',
      'prov/18/dpr-1802.json',
      'prov/18/dprd-prov-180006.json',
      'kab/1811.json',
      'kab/1871.json',
    ]);
    expect(o.join('\n')).toContain('layout     DPRD kab/kota dapils inside their kab/kota shard');
    // the small sample stays under the updater's cap: auto gives every dapil its own shard
    expect(lines.join('\n')).toContain('layout     every dapil its own shard');
    expect(await runCli(['publish', '--data', data, '--out', dir, '--key', keyFile, '--layout', 'x'], io)).toBe(2);
  });

  it('usage errors exit 2 and say what is missing', async () => {
    const e: string[] = [];
    const rc = await runCli(['publish', '--data', data], { out: () => {}, err: (l) => e.push(l), cwd: tmp });
    expect(rc).toBe(2);
    expect(e.join('\n')).toContain('publish needs --data DIR (or per-file flags), --out DIR and --key FILE');
    const repo = join(__dirname, '../../../..');
    const inRepo = await runCli(['publish', '--data', data, '--out', join(repo, 'site'), '--key', keyFile], {
      out: () => {},
      err: (l) => e.push(l),
      cwd: tmp,
    });
    expect(inRepo).toBe(2);
    expect(e.join('\n')).toContain("refusing to write a generated list into the project's repository");
  });
});
