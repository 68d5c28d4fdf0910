import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../lib/list/csv';
import { fromKpuCsv } from '../../../lib/list/from-kpu';
import { naturalName } from '../../../lib/list/titles';
import { validateList } from '../../../lib/list/validate';
import { runCli } from '../../../scripts/list-cli';

describe('naturalName: KPU-printed names → natural names', () => {
  it.each([
    ['H. DEDI MULYADI, S.H., M.M.', 'Dedi Mulyadi'],
    ['H. GANJAR PRANOWO, S.H., M.I.P.', 'Ganjar Pranowo'],
    ['Prof. Dr. H. M. MAHFUD MD', 'M. Mahfud MD'],
    ['Dr. (H.C.) H. A. MUHAIMIN ISKANDAR', 'A. Muhaimin Iskandar'],
    ['H. ANIES RASYID BASWEDAN, Ph.D.', 'Anies Rasyid Baswedan'],
    ['Dra. Ir. Hj. ENI SUMARNI, M.Kes.', 'Eni Sumarni'],
    ['Dr. Drs. SONNY HERSONA GW, M.M', 'Sonny Hersona GW'],
    ['dr. SITI NURHALIZA', 'Siti Nurhaliza'],
    ['K. H. ABDUL HAMID', 'Abdul Hamid'],
    ['Jenderal TNI (Purn.) H. PRABOWO SUBIANTO', 'Prabowo Subianto'],
    ["Ir. H. RUDY MAS'UD, S.E., M.E.", "Rudy Mas'ud"],
    ['ANDI SUDIRMAN SULAIMAN, S.T.', 'Andi Sudirman Sulaiman'],
    ['I WAYAN KOSTER', 'I Wayan Koster'],
    ['BUDI SANTOSO SH', 'Budi Santoso'],
    ['SURYA, B.Sc.', 'Surya'],
    ['Tri Rismaharini', 'Tri Rismaharini'],
  ])('%s → %s', (printed, natural) => {
    expect(naturalName(printed)).toBe(natural);
  });
});

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, CRLF, a BOM and ; as delimiter', () => {
    const t = parseCsv('\uFEFFa;b;c\r\n1;"x; ""y""";3\r\n\r\n4;"multi\nline";6');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['1', 'x; "y"', '3'] },
      { line: 4, cells: ['4', 'multi\nline', '6'] },
    ]);
  });
});

const CSV = `election,region_code,region_name,nomor_urut,nama,jabatan,partai
pilgub-2024-32,32,Jawa Barat,4,"H. DEDI MULYADI, S.H., M.M.",Calon Gubernur,Gerindra;Golkar
pilgub-2024-32,32,Jawa Barat,4,"ERWAN SETIAWAN, S.E.",calon wakil gubernur,Gerindra;Golkar
pilgub-2024-32,32,Jawa Barat,2,JEJE WIRADINATA,cagub,PDI-P
pilgub-2024-32,32,Jawa Barat,2,RONAL SURAPRADJA,cawagub,PDI-P
pileg-dpr-2024-3201,3201,Jawa Barat I,1,"Dr. H. BUDI SANTOSO, M.Si.",caleg,Partai Gerindra
pileg-dpr-2024-3201,3201,Jawa Barat I,1,"Hj. SITI AMINAH",caleg,PDI Perjuangan
`;
const OPTS = {
  listId: 'test/kpu',
  publisher: 'Uji',
  sequence: 1,
  issuedAt: '2024-09-24T00:00:00Z',
  expiresAt: '2025-01-31',
  votingDate: '2024-11-27',
  from: '2024-08-27',
  until: '2024-12-31',
  determinedAt: '2024-09-22',
};

describe('fromKpuCsv', () => {
  it('builds a valid list: pairs with running mates second, titles into official_name, parties', () => {
    const r = fromKpuCsv(CSV, OPTS);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(validateList(r.list).ok).toBe(true);
    const [gub, dpr] = r.list.elections;
    expect(gub!.tickets.map((t) => t.id)).toEqual(['pilgub-2024-32/4', 'pilgub-2024-32/2']);
    expect(gub!.tickets[0]).toMatchObject({
      number: 4,
      label: '04',
      party_ids: ['gerindra', 'golkar'],
      members: [
        { id: 'dedi-mulyadi', role: 'cagub', name: 'Dedi Mulyadi', official_name: 'H. DEDI MULYADI, S.H., M.M.' },
        { id: 'erwan-setiawan', role: 'cawagub', name: 'Erwan Setiawan' },
      ],
    });
    expect(gub!.window).toEqual({ from: '2024-08-27', until: '2024-12-31', determined_at: '2024-09-22' });
    // legislative numbers repeat per party: the party is part of the ticket id
    expect(dpr!.tickets.map((t) => t.id)).toEqual(['pileg-dpr-2024-3201/gerindra/1', 'pileg-dpr-2024-3201/pdip/1']);
    expect(dpr!.region).toEqual({ code: '3201', name: 'Jawa Barat I', level: 'dapil' });
    expect(r.list.parties!.map((p) => p.id)).toEqual(['gerindra', 'golkar', 'pdip']);
  });

  it('says which line and column is wrong', () => {
    const bad = `${CSV}pilgub-2024-32,32,Jawa Barat,x,NAMA,cagub,\npilkades-1,32,,1,NAMA,cagub,\npilgub-2024-32,32,,5,NAMA,lurah,\n`;
    const r = fromKpuCsv(bad, OPTS);
    expect(r.ok ? [] : r.errors).toEqual([
      'line 8: ballot number "x" is not a whole number',
      'line 9: cannot tell the election type of "pilkades-1"; add a "type" column or use an id such as pilgub-2024-32',
      'line 10: role "lurah" is not one of capres, cawapres, cagub, cawagub, cabup, cawabup, cawalkot, cawawalkot, caleg, calon_dpd (or their Indonesian names)',
    ]);
    const noCol = fromKpuCsv('election,nama\nx,y\n', OPTS);
    expect(noCol.ok ? [] : noCol.errors[0]).toMatch(/^header: no "region_code" column/);
  });
});

describe('list CLI (in process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jn-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('from-kpu → keygen → sign → verify → shard → validate, with exit codes', async () => {
    writeFileSync(join(dir, 'kpu.csv'), CSV);
    const conv = await run(
      'from-kpu',
      'kpu.csv',
      '--list-id',
      'test/kpu',
      '--publisher',
      'Uji',
      '--from',
      '2024-08-27',
      '--until',
      '2024-12-31',
      '--voting-date',
      '2024-11-27',
      '--out',
      'LIST.json',
    );
    expect(conv.code).toBe(0);
    const key = await run('keygen', '--out', join(dir, 'k.key'), '--key-id', 'uji');
    expect(key.code).toBe(0);
    expect(key.out).toMatch(/^uji:[A-Za-z0-9+/]{43}=$/);
    expect((await run('sign', 'LIST.json', '--key', 'k.key')).code).toBe(0);
    expect((await run('verify', 'LIST.json', '--keys', key.out)).out).toMatch(
      /signature OK \(key "uji"\), document valid/,
    );
    writeFileSync(join(dir, 'LIST.json'), readFileSync(join(dir, 'LIST.json'), 'utf8').replace('Uji', 'Ubah'));
    const tampered = await run('verify', 'LIST.json', '--keys', key.out);
    expect(tampered).toMatchObject({ code: 1, err: expect.stringMatching(/signature REFUSED/) });
    const sh = await run('shard', 'LIST.json', '--out', 'out', '--key', 'k.key');
    expect(sh.code).toBe(0);
    expect(sh.out).toMatch(/^2 shards/); // national + province 32 (the DPR dapil 3201 lies in it)
    const v = await run('validate', 'out/LIST.json', 'out/national.json', 'out/prov/32.json');
    expect(v.out).toMatch(/out\/prov\/32\.json: OK/);
    expect(v.code).toBe(0);
    expect((await run('verify', 'out/LIST.json', '--keys', key.out)).code).toBe(0);
    expect((await run('stats', 'LIST.json')).out).toMatch(/tickets {4}4/);
  });

  it('rejects bad input with exit 1 and usage errors with exit 2', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"format":"jaga-netral/candidate-list","format_version":3}');
    const bad = await run('validate', 'bad.json');
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.err).toMatch(/format_version 3 is not supported/);
    expect((await run('validate')).code).toBe(2);
    expect((await run('nope')).code).toBe(2);
    expect((await run('sign', 'bad.json')).code).toBe(2);
    expect((await run('validate', 'missing.json')).err).toMatch(/no such file: missing\.json/);
  });

  it('keygen refuses to write into the repository unless ignored or forced', async () => {
    const r = await runCli(['keygen', '--out', 'lib/list/never.json'], {
      out: () => {},
      err: () => {},
      cwd: process.cwd(),
    });
    expect(r).toBe(2);
  });
});
