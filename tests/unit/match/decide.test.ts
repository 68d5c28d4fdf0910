import { describe, expect, it } from 'vitest';
import type { CandidateList, Election } from '../../../lib/list/types';
import { compileIndex, decide, loadIndex, serializeIndex } from '../../../lib/match';
import type { MatchInput } from '../../../lib/match/types';
import { NOW, TEST_LIST } from '../../corpus/list';

const idx = compileIndex([TEST_LIST]);
const run = (text: string, now: number, extra: Partial<MatchInput> = {}) =>
  decide(idx, { site: 'x', text, now, ...extra });
const ids = (text: string, now: number, extra: Partial<MatchInput> = {}) =>
  run(text, now, extra).matches.map((m) => m.ticketId);
const P = NOW.pilpresCampaign;
const K = NOW.pilkadaCampaign;

describe('decide: names and aliases', () => {
  it('matches a strong name with its label, number, stage and evidence offsets', () => {
    const text = 'Ayo dukung Prabowo Subianto!';
    const d = run(text, P);
    expect(d.matches).toHaveLength(1);
    const m = d.matches[0]!;
    expect(m).toMatchObject({
      ticketId: 'pilpres-2024/2',
      electionId: 'pilpres-2024',
      label: '02 Prabowo Subianto – Gibran Rakabuming Raka',
      number: 2,
      strength: 'strong',
      stage: 'calon',
    });
    const name = m.evidence.find((e) => e.kind === 'name')!;
    expect(name).toMatchObject({ term: 'Prabowo Subianto', strength: 'strong', source: 'text' });
    expect(text.slice(name.start, name.end)).toBe('Prabowo Subianto');
  });

  it('is bakal calon before determined_at', () => {
    expect(run('Anies Baswedan', NOW.pilpresBakal).matches[0]?.stage).toBe('bakal_calon');
  });

  it('matches names in any region (not scoped)', () => {
    expect(ids('Semangat Bu Khofifah!', K, { region: '31' })).toEqual(['pilgub-2024-35/2']);
  });

  it('needs context or a second name for a medium alias', () => {
    expect(ids('Kang Dedi lagi makan sate', K)).toEqual([]);
    expect(ids('Kang Dedi calon gubernur pilihan rakyat', K)).toEqual(['pilgub-2024-32/4']);
    expect(ids('Kang Dedi dan Kang Erwan mampir ke pasar', K)).toEqual(['pilgub-2024-32/4']);
    expect(run('Kang Dedi calon gubernur', K).matches[0]?.strength).toBe('medium');
  });

  it('uses a one-word person name as medium', () => {
    expect(ids('Suswono datang ke pasar', K)).toEqual([]);
    expect(ids('Suswono datang kampanye ke pasar', K)).toEqual(['pilgub-2024-31/1']);
  });

  it('never warns on a weak alias alone, even with context', () => {
    expect(ids('Aamiin ya Allah, semoga lancar', P)).toEqual([]);
    expect(ids('AMIN', P)).toEqual([]);
    expect(ids('Yasinan malam Jumat, baca surat Yasin bersama', K)).toEqual([]);
    expect(ids('RIDO Allah menyertai kita, hari pemilu nanti', K)).toEqual([]);
  });

  it('counts a weak alias beside a stronger hit or a number call of the same ticket', () => {
    const d = run('Timnas AMIN solid! AMIN!', P);
    expect(d.matches[0]?.evidence.map((e) => e.term)).toEqual(expect.arrayContaining(['Timnas AMIN', 'AMIN']));
    const n = run('AMIN, coblos nomor 1', P);
    expect(n.matches[0]).toMatchObject({ ticketId: 'pilpres-2024/1', strength: 'medium' });
  });

  it('finds leet and hashtag forms', () => {
    expect(ids('#R1DOSolusiJakarta', K)).toEqual(['pilgub-2024-31/1']);
    expect(ids('R1DO menang!', K)).toEqual(['pilgub-2024-31/1']);
    expect(ids('#prabowogibran2024', P)).toEqual(['pilpres-2024/2']);
    expect(ids('#DukungAniesMuhaimin', P)).toEqual(['pilpres-2024/1']);
    expect(ids('#dukungkhofifah', K)).toEqual(['pilgub-2024-35/2']);
  });

  it('counts names inside a hashtag body, but not party names', () => {
    const parties = (text: string) =>
      run(text, P)
        .matches.filter((m) => m.ticketId === 'pilpres-2024/2')
        .flatMap((m) => m.evidence.filter((e) => e.kind === 'party').map((e) => e.source));
    expect(parties('Prabowo Subianto, Gerindra')).toEqual(['text']);
    expect(parties('Prabowo Subianto #dukunggerindrajaya')).toEqual([]);
    expect(ids('#dukunggerindrajaya', P)).toEqual([]);
    expect(ids('#dukungprabowosubiantojaya', P)).toEqual(['pilpres-2024/2']);
  });

  it('remembers hashtags without names per index only', () => {
    // a tag with nothing in it is remembered; the same tag is searched again for another index
    const other = compileIndex([
      {
        ...TEST_LIST,
        elections: [
          {
            ...TEST_LIST.elections[0]!,
            tickets: [
              {
                id: 'x/9',
                number: 9,
                kind: 'pair',
                members: [{ id: 'p9', role: 'capres', name: 'Sukarjo Wiranata' }],
              },
            ],
          },
        ],
      },
    ]);
    for (let k = 0; k < 2; k++) expect(ids('#sukarjowiranatahebat', P)).toEqual([]);
    const inOther = () => decide(other, { site: 'x', text: '#sukarjowiranatahebat', now: P });
    expect(inOther().matches.map((m) => m.ticketId)).toEqual(['x/9']);
    expect(inOther().matches.map((m) => m.ticketId)).toEqual(['x/9']);
    expect(ids('#sukarjowiranatahebat', P)).toEqual([]);
  });

  it('finds titles, initials and spelling variants', () => {
    expect(ids('Prof. Dr. H. M. Mahfud MD', P)).toEqual(['pilpres-2024/3']);
    expect(ids('A. Muhaimin Iskandar', P)).toEqual(['pilpres-2024/1']);
    expect(ids('Mochamad Ridwan Kamil', K)).toEqual(['pilgub-2024-31/1']);
    expect(ids('Kun Wardhana', K)).toEqual(['pilgub-2024-31/2']);
    expect(ids('Wayan Koster', K)).toEqual(['pilgub-2024-51/2']);
    expect(ids('Wayan Sudirta pulang kampung', K)).toEqual([]);
  });

  it('finds fancy Unicode and elongated names', () => {
    expect(ids('𝐏𝐫𝐚𝐛𝐨𝐰𝐨 𝐒𝐮𝐛𝐢𝐚𝐧𝐭𝐨', P)).toEqual(['pilpres-2024/2']);
    expect(ids('Khofifaaaah', K)).toEqual(['pilgub-2024-35/2']);
    expect(ids('Pra\u200bbowo', P)).toEqual(['pilpres-2024/2']);
  });

  it('reads alt text and link titles, with their source', () => {
    const d = run('', P, { altText: ['Foto bersama Ganjar Pranowo'], linkTitles: ['Berita hari ini'] });
    expect(d.matches[0]?.evidence[0]).toMatchObject({ source: 'alt', term: 'Ganjar Pranowo' });
    const l = run('', P, { linkTitles: ['Anies Baswedan kampanye di Medan'] });
    expect(l.matches[0]?.evidence[0]?.source).toBe('link');
  });

  it('treats a listed @handle in the text as a strong mention', () => {
    const d = run('cek IG @ridwankamil ya', K);
    expect(d.matches[0]).toMatchObject({ ticketId: 'pilgub-2024-31/1', strength: 'strong' });
    expect(d.matches[0]?.evidence[0]?.kind).toBe('account');
  });

  it('returns several tickets strongest first', () => {
    const d = run('Prabowo vs Ganjar, mana yang lebih baik? Pak 03!', P);
    expect(d.matches.map((m) => m.ticketId).sort()).toEqual(['pilpres-2024/2', 'pilpres-2024/3']);
    const mixed = run('Anies Baswedan. Nomor urut 3 siap menang', P);
    expect(mixed.matches.map((m) => m.strength)).toEqual(['strong', 'low']);
  });
});

describe('decide: accounts', () => {
  it('an author or page account is decisive', () => {
    const a = decide(idx, { site: 'instagram', author: { platform: 'instagram', handle: 'DediMulyadi71' }, now: K });
    expect(a.matches[0]).toMatchObject({ ticketId: 'pilgub-2024-32/4', strength: 'account' });
    expect(a.matches[0]?.evidence[0]).toMatchObject({ kind: 'account', source: 'author' });
    const p = decide(idx, { site: 'youtube', page: { platform: 'youtube', id: 'UCprabowoExampleChannel01' }, now: P });
    expect(p.matches[0]).toMatchObject({ ticketId: 'pilpres-2024/2', strength: 'account' });
    expect(p.matches[0]?.evidence[0]?.source).toBe('page');
  });

  it('matches a profile URL to a listed handle and needs the same platform', () => {
    const u = decide(idx, {
      site: 'instagram',
      page: { platform: 'instagram', url: 'https://www.instagram.com/ridwankamil/' },
      now: K,
    });
    expect(u.matches[0]?.strength).toBe('account');
    const other = decide(idx, { site: 'tiktok', author: { platform: 'tiktok', handle: 'ridwankamil' }, now: K });
    expect(other.matches).toEqual([]);
  });
});

describe('decide: ballot numbers', () => {
  it('resolves a number call within national elections, at low strength', () => {
    const d = run('Jangan lupa coblos no 2 ya!', P);
    expect(d.matches).toHaveLength(1);
    expect(d.matches[0]).toMatchObject({ ticketId: 'pilpres-2024/2', strength: 'low' });
    expect(d.matches[0]?.evidence[0]?.kind).toBe('number');
  });

  it('resolves regional numbers only in the user region (province prefix match)', () => {
    expect(ids('coblos nomor 4!', K)).toEqual([]);
    expect(ids('coblos nomor 4!', K, { region: '32' })).toEqual(['pilgub-2024-32/4']);
    expect(ids('coblos nomor 4!', K, { region: '3273' })).toEqual(['pilgub-2024-32/4']);
    expect(ids('coblos nomor 4!', K, { region: '32.73' })).toEqual(['pilgub-2024-32/4']);
    expect(ids('coblos nomor 4!', K, { region: '31' })).toEqual([]);
    expect(ids('Paslon 02 pasti menang', K, { region: '33' })).toEqual(['pilgub-2024-33/2']);
  });

  it('reads number forms: 02, nomer dua, Javanese/Sundanese words, keycaps, hashtags', () => {
    for (const t of [
      'paslon 02',
      'coblos nomer dua',
      'coblos nomor loro',
      'pilih nomor urut dua',
      'nyoblos no.2',
      '#coblos02',
      'coblos 2️⃣',
      'Pak 02 mantap, all in!',
      'vote 02',
    ]) {
      expect(ids(t, P), t).toEqual(['pilpres-2024/2']);
    }
    expect(ids('coblos nomor tilu', K, { region: '32' })).toEqual(['pilgub-2024-32/3']);
  });

  it('needs election context for a bare nomor or 02', () => {
    expect(ids('Nomor 2 di hati', P)).toEqual([]);
    expect(ids('Nomor 2 di hati, pemilu 14 Februari', P)).toEqual(['pilpres-2024/2']);
    expect(ids('ke TPS 14 Februari, 03 di hati', P)).toEqual(['pilpres-2024/3']);
    expect(ids('pilih 2 aja, yang lain jelek', P)).toEqual([]);
    expect(ids('pilih nomor 2', P)).toEqual([]);
    expect(ids('pilih nomor 2 di pemilu nanti', P)).toEqual(['pilpres-2024/2']);
    expect(ids('pilih 02', P)).toEqual(['pilpres-2024/2']);
  });

  it('does not read quantities, dates and scores as calls', () => {
    for (const t of [
      'dukung 2 periode',
      'coblos dua kali',
      'menang 2-1 lawan Persib',
      'coblos tanggal 02 Desember',
      'rapat jam 02 pagi, kampanye',
      'pilih 1 dari 3 hadiah',
      'tim kami menang 3 gol',
    ]) {
      expect(ids(t, P), t).toEqual([]);
    }
  });

  it('reads numbers apart by whitespace alike, however much of it (found by the property test)', () => {
    const one = ids('coblos 2 2', P);
    expect(one).toEqual(['pilpres-2024/2']);
    for (const t of ['coblos 2  2 ', 'coblos 2\n2', 'coblos 2\t\t2']) expect(ids(t, P), JSON.stringify(t)).toEqual(one);
    // one non-space character between them still makes one figure
    expect(ids('coblos 2/2', P)).toEqual([]);
  });
});

describe('decide: windows and ticket status', () => {
  it('gives nothing outside the window', () => {
    expect(ids('Prabowo Subianto', NOW.between)).toEqual([]);
    expect(ids('Prabowo Subianto', NOW.after)).toEqual([]);
    expect(ids('Ridwan Kamil', P)).toEqual([]);
  });

  it('treats a plain-day until as inclusive to the end of that day in WIB', () => {
    const endDay = Date.parse('2024-04-22T23:59:59+07:00');
    expect(ids('Prabowo Subianto', endDay)).toEqual(['pilpres-2024/2']);
    expect(ids('Prabowo Subianto', endDay + 1000)).toEqual([]);
    const start = Date.parse('2023-10-19T00:00:00+07:00');
    expect(ids('Prabowo Subianto', start)).toEqual(['pilpres-2024/2']);
    expect(ids('Prabowo Subianto', start - 1)).toEqual([]);
  });

  it('skips withdrawn, disqualified, warn:false and empty-column tickets', () => {
    const el: Election = {
      id: 'pilbup-2024-9999',
      type: 'pilbup',
      name: 'Pilbup Contoh',
      region: { code: '9999', name: 'Contoh', level: 'kabupaten' },
      voting_date: '2024-11-27',
      window: { from: '2024-08-27', until: '2024-12-31' },
      tickets: [
        {
          id: 'a',
          number: 1,
          status: 'withdrawn',
          members: [{ id: 'p1', role: 'cabup', name: 'Zulkarnain Wibisono' }],
        },
        {
          id: 'b',
          number: 2,
          status: 'disqualified',
          members: [{ id: 'p2', role: 'cabup', name: 'Yohanes Kurniawan' }],
        },
        { id: 'c', number: 3, warn: false, members: [{ id: 'p3', role: 'cabup', name: 'Xaverius Tanoto' }] },
        { id: 'd', number: 4, kind: 'empty_column', members: [], aliases: ['Kotak Kosong'] },
        { id: 'e', number: 5, members: [{ id: 'p5', role: 'cabup', name: 'Wulan Sagitarius' }] },
      ],
    };
    const list: CandidateList = { ...TEST_LIST, elections: [el] };
    const i = compileIndex([list]);
    const at = (text: string) => decide(i, { site: 'x', text, now: K, region: '9999' }).matches.map((m) => m.ticketId);
    expect(at('Zulkarnain Wibisono Yohanes Kurniawan Xaverius Tanoto Kotak Kosong')).toEqual([]);
    expect(at('coblos 1, coblos 2, coblos 3, coblos 4')).toEqual([]);
    expect(at('Wulan Sagitarius')).toEqual(['e']);
  });
});

describe('serialize / load', () => {
  it('round-trips through JSON and decides the same', () => {
    const loaded = loadIndex(JSON.parse(JSON.stringify(serializeIndex(idx))));
    for (const text of ['Prabowo Subianto', 'coblos 2', 'Kang Dedi calon gubernur', '#R1DOSolusiJakarta']) {
      for (const now of [P, K]) {
        expect(decide(loaded, { site: 'x', text, now, region: '32' })).toEqual(
          decide(idx, { site: 'x', text, now, region: '32' }),
        );
      }
    }
  });

  it('throws a clear error on junk', () => {
    expect(() => loadIndex(null)).toThrow(/match index/);
    expect(() => loadIndex({})).toThrow(/bad format$/);
    expect(() => loadIndex({ v: 0, entries: [] })).toThrow(/match index/);
    const good = JSON.parse(JSON.stringify(serializeIndex(idx)));
    // an index stored by an earlier release (format versions 1 to 5) is refused, to be rebuilt
    for (const v of [1, 2, 3, 4, 5])
      expect(() => loadIndex({ ...good, v })).toThrow(new RegExp(`bad version ${v} \\(rebuild it\\)$`));
    expect(() => loadIndex({ ...good, v: 7 })).toThrow(/version/);
    expect(() => loadIndex({ ...good, entries: { ...good.entries, hi: 'not base64!' } })).toThrow(/bad entries\.hi$/);
    expect(() => loadIndex({ ...good, entries: { ...good.entries, kind: good.tickets.number } })).toThrow(
      /match index/,
    );
    // entries must be in bucket order (lookups read one contiguous run per bucket)
    const lo = Uint32Array.from(loadIndex(good).eLo);
    const reversed = lo.slice().reverse();
    const b64 = (a: Uint32Array) => Buffer.from(a.buffer).toString('base64');
    expect(() => loadIndex({ ...good, entries: { ...good.entries, lo: b64(reversed) } })).toThrow(/bucket order/);
  });

  it('is compact', () => {
    expect(JSON.stringify(serializeIndex(idx)).length).toBeLessThan(200_000);
  });
});

describe('decide: bad input', () => {
  it('never throws and returns a result', () => {
    const junk: unknown[] = [
      { site: 'x', now: P, text: '\ud800'.repeat(1000) },
      { site: 'x', now: P, text: '😀'.repeat(500_000) },
      { site: 'x', now: P, text: '\u0000\u0001\u0002'.repeat(10_000) },
      { site: 'x', now: P, text: 42, altText: 'x', linkTitles: [null, 3] },
      { site: 'x', now: Number.NaN, text: 'Prabowo' },
      { site: 'x', now: P, author: 'prabowo', page: { platform: 7, handle: {} } },
      null,
      undefined,
      {},
    ];
    for (const j of junk) {
      const d = decide(idx, j as MatchInput);
      expect(Array.isArray(d.matches)).toBe(true);
    }
    // a broken index also yields no match rather than an exception
    expect(decide({} as never, { site: 'x', now: P, text: 'Prabowo' })).toEqual({ matches: [] });
  });

  // How fast is `npm run bench`'s business; here: 1 MB of emoji is read through and names nobody.
  it('reads 1 MB of emoji through, finding nobody', () => {
    expect(decide(idx, { site: 'x', now: P, text: '🗳️😀'.repeat(250_000) })).toEqual({ matches: [] });
  });
});
