/**
 * The bundled list (public/lists/bundled.json, compiled by hand) checked against KPU's own data
 * wherever the data folder is present: every Pilpres and Pilgub election it holds has exactly KPU's
 * ballot entries, under the same ballot numbers, with the same people (names compared word by word
 * after stripping titles; an abbreviated first name such as `Moh.` or `A.` matches the full one), and kolom
 * kosong where KPU has it. Party ballot numbers are checked against KPU's party list.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanName } from '../../lib/list/import/names';
import type { CandidateList } from '../../lib/list/types';

const REPO = resolve(__dirname, '../..');
const DATA = process.env.JN_REAL_DATA ?? resolve(REPO, '../shared/data');
const present = existsSync(join(DATA, 'pilkada2024/sirekap_paslon_pkwkp.json'));
if (!present) console.log('skipped: ../shared/data absent');

const words = (s: string) =>
  cleanName(s)
    .name.toLowerCase()
    .replace(/[.']/g, '')
    .split(/[\s-]+/)
    .filter(Boolean);
/** Abbreviated first names KPU prints (`Moh.` Mohammad, `A.` Abdul): they match the spelled-out word. */
const ABBREVIATIONS = new Set(['moh', 'muh', 'mhd', 'abd', 'moch']);
const same = (a: string, b: string) => {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return (short.length === 1 || ABBREVIATIONS.has(short)) && long.startsWith(short.slice(0, 1));
};
/** every word of the shorter name is in the longer one, in order */
function sameName(x: string, y: string): boolean {
  const [a, b] = [words(x), words(y)].sort((p, q) => p.length - q.length) as [string[], string[]];
  let j = 0;
  for (const w of a) {
    while (j < b.length && !same(w, b[j]!)) j++;
    if (j === b.length) return false;
    j++;
  }
  return true;
}

describe.skipIf(!present)('the bundled list against KPU’s data', () => {
  const bundled = JSON.parse(readFileSync(join(REPO, 'public/lists/bundled.json'), 'utf8')) as CandidateList;
  type Paslon = Record<string, Record<string, { nama: string; nomor_urut: number }>>;
  // read only when the tier runs (a skipped describe still collects its body)
  let pkwkp: Paslon;
  let pilpres: string[][];
  beforeAll(() => {
    pkwkp = JSON.parse(readFileSync(join(DATA, 'pilkada2024/sirekap_paslon_pkwkp.json'), 'utf8')) as Paslon;
    pilpres = readFileSync(join(DATA, 'pilpres2024/paslon_pilpres2024.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.match(/("([^"]*)"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')));
  });

  it('Pilpres: three tickets, KPU’s numbers and people', () => {
    const e = bundled.elections.find((x) => x.id === 'pilpres-2024')!;
    expect(e.tickets.map((t) => t.number)).toEqual(pilpres.map((r) => Number(r[2])));
    for (const t of e.tickets) {
      const row = pilpres.find((r) => Number(r[2]) === t.number)!;
      expect(sameName(t.members[0]!.name, row[3]!), `${t.id} ${row[3]}`).toBe(true);
      expect(sameName(t.members[1]!.name, row[4]!), `${t.id} ${row[4]}`).toBe(true);
      expect(t.members.map((m) => m.official_name)).toEqual([row[3], row[4]]);
    }
  });

  for (const e of bundled.elections.filter((x) => x.type === 'pilgub')) {
    it(`${e.id} (${e.region.name}): KPU’s ballot entries, numbers and people`, () => {
      const kpu = Object.values(pkwkp[e.region.code] ?? {}).sort((a, b) => a.nomor_urut - b.nomor_urut);
      expect(e.tickets.map((t) => t.number)).toEqual(kpu.map((k) => k.nomor_urut));
      for (const t of e.tickets) {
        const k = kpu.find((x) => x.nomor_urut === t.number)!;
        if (/^KOLOM KOSONG/i.test(k.nama)) {
          expect(t.kind).toBe('empty_column');
          continue;
        }
        const [calon, wakil] = k.nama.split(' - ') as [string, string];
        expect(sameName(t.members[0]!.name, calon), `${t.id}: ${t.members[0]!.name} / ${calon}`).toBe(true);
        expect(sameName(t.members[1]!.name, wakil), `${t.id}: ${t.members[1]!.name} / ${wakil}`).toBe(true);
      }
    });
  }

  it('party ballot numbers are KPU’s', () => {
    const parpol = JSON.parse(readFileSync(join(DATA, 'pileg2024/parpol.json'), 'utf8')) as {
      nomor_urut: number;
      nama: string;
    }[];
    for (const p of bundled.parties ?? []) {
      const k = parpol.find((x) => x.nomor_urut === p.number);
      expect(k, p.id).toBeDefined();
      expect(
        sameName(p.name.replace(/^Partai /i, ''), k!.nama.replace(/^Partai /i, '')) ||
          p.abbrev === 'Perindo' ||
          p.id === 'golkar',
        `${p.id}: ${k!.nama}`,
      ).toBe(true);
    }
  });
});
