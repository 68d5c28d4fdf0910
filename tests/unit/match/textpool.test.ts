import { describe, expect, it } from 'vitest';
import type { CandidateList } from '../../../lib/list/types';
import { compileIndex, decide, loadIndex, serializeIndex } from '../../../lib/match';
import { TextPool } from '../../../lib/match/textpool';
import { minimalList } from '../list/fixtures';

describe('TextPool', () => {
  it('returns each string at its offset, one byte per unit while ASCII', () => {
    const p = new TextPool(4);
    const at = ['Budi', ' ', 'Santoso', '', '#Budi2024'].map((s) => p.add(s));
    expect(at).toEqual([0, 4, 5, 12, 12]);
    expect(p.toString()).toBe('Budi Santoso#Budi2024');
    expect(p.length).toBe(21);
  });

  it('widens in the middle of a string and keeps what came before', () => {
    const p = new TextPool(16);
    p.add('abc');
    expect(p.add('dé€f')).toBe(3);
    p.add('g');
    expect(p.toString()).toBe('abcdé€fg');
    expect(p.length).toBe(8);
  });

  it('grows past its capacity, narrow and wide', () => {
    const narrow = new TextPool(16);
    const wide = new TextPool(16);
    wide.add('–');
    let expectN = '';
    let expectW = '–';
    for (let i = 0; i < 500; i++) {
      const s = `kandidat${i} `;
      narrow.add(s);
      wide.add(s);
      expectN += s;
      expectW += s;
    }
    expect(narrow.toString()).toBe(expectN);
    expect(wide.toString()).toBe(expectW);
  });

  it('cuts a string at max units', () => {
    const p = new TextPool();
    p.add('instagram:', 4);
    p.add('@budi');
    expect(p.toString()).toBe('inst@budi');
  });

  it('compares ranges, moves them down and truncates (compaction)', () => {
    const p = new TextPool();
    p.add('Budi');
    p.add('xx');
    p.add('Budi');
    expect(p.same(0, 6, 4)).toBe(true);
    expect(p.same(0, 4, 2)).toBe(false);
    p.moveDown(4, 6, 4);
    p.truncate(8);
    expect(p.toString()).toBe('BudiBudi');
  });

  it('keeps offsets when a lone surrogate is read back (one unit for one)', () => {
    const p = new TextPool();
    p.add('a\ud800b');
    p.add('c');
    const s = p.toString();
    expect(s).toHaveLength(4);
    expect(s[3]).toBe('c');
  });

  it('is empty when nothing was added', () => {
    expect(new TextPool().toString()).toBe('');
  });
});

describe('display terms written through the pool', () => {
  // a small valid list (its header from the list tests' fixture), with non-ASCII names
  const list: CandidateList = minimalList({
    list_id: 'test/pool',
    parties: undefined,
    keywords: undefined,
    elections: [
      {
        id: 'pilkada-x',
        type: 'pilbup',
        name: 'Pilbup X',
        region: { code: '3201', name: 'Kab. X', level: 'kabupaten' },
        voting_date: '2024-11-27',
        window: { from: '2024-09-01', until: '2024-12-31', determined_at: '2024-09-22' },
        tickets: [
          {
            id: 'x/1',
            number: 1,
            kind: 'pair',
            members: [
              {
                id: 'a',
                role: 'cabup',
                name: 'José Ramírez',
                aliases: ['Bang José'],
                accounts: [{ platform: 'instagram', handle: 'joseramirez' }],
              },
              { id: 'b', role: 'cawabup', name: 'Siti Aminah' },
            ],
            hashtags: ['#JoséMenang'],
          },
          // a namesake in the same list: its evidence reads the same place in the pool
          {
            id: 'x/2',
            number: 2,
            kind: 'individual',
            members: [{ id: 'c', role: 'cabup', name: 'Siti Aminah' }],
          },
        ],
      },
    ],
  });
  const now = Date.parse('2024-10-01T10:00:00+07:00');

  it('reads back non-ASCII names, labels and account labels, also after serializing', () => {
    const built = compileIndex([list]);
    for (const idx of [built, loadIndex(JSON.parse(JSON.stringify(serializeIndex(built))))]) {
      const d = decide(idx, { site: 'x', text: 'Ayo dukung José Ramírez #JoséMenang', now });
      expect(d.matches[0]).toMatchObject({ ticketId: 'x/1', label: '1 José Ramírez – Siti Aminah' });
      const terms = d.matches[0]!.evidence.map((e) => e.term);
      expect(terms).toContain('José Ramírez');
      expect(terms).toContain('#JoséMenang');
      const author = decide(idx, {
        site: 'instagram',
        text: '',
        author: { platform: 'instagram', handle: 'JoseRamirez' },
        now,
      });
      expect(author.matches[0]?.evidence[0]).toMatchObject({ kind: 'account', term: 'instagram:@joseramirez' });
      const both = decide(idx, { site: 'x', text: 'Siti Aminah datang kampanye', now });
      expect(both.matches.map((m) => m.ticketId).sort()).toEqual(['x/1', 'x/2']);
      expect(both.matches.map((m) => m.evidence[0]?.term)).toEqual(['Siti Aminah', 'Siti Aminah']);
    }
  });
});
