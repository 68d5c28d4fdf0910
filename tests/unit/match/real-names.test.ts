/**
 * Recognition that survives ordinary names (the regional fixture's invented candidates): legislative
 * candidates need campaign context and the user's ballots, one-word names never warn alone, names
 * written together and initials make no strong one-word entries, everyday words and street names
 * are not candidates, a party's ballot number resolves to its candidate, titles come off, and the
 * rule text follows the race.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileIndex, decide } from '../../../lib/match';
import { ruleKey } from '../../../lib/match/rule';
import { nameVariants, stripTitles } from '../../../lib/match/titles';
import type { TicketMatch } from '../../../lib/match/types';
import { t } from '../../../lib/i18n';
import { AT, PERSON, REGIONAL_LIST } from '../../corpus/regional-list';

const idx = compileIndex([REGIONAL_LIST]);
const run = (text: string, region: string = PERSON.mesuji, now = AT.pileg): TicketMatch[] =>
  decide(idx, { site: 'facebook', text, region, now }).matches;
const ids = (text: string, region?: string, now?: number): string[] => run(text, region, now).map((m) => m.ticketId);

const MESUJI_GOLKAR_2 = 'pileg_dprd_kabkota-181101/golkar/2'; // Tri Wahyuni
const BANDUNG_DEMOKRAT_3 = 'pileg_dprd_kabkota-327301/demokrat/3'; // Tri Wahyuni too

describe('legislative candidates', () => {
  it('need campaign context beyond a bare two-word name', () => {
    expect(ids('Selamat pagi Tri Wahyuni, apa kabar?')).toEqual([]);
    expect(ids('Tri Wahyuni terpilih lagi, periode kedua, menang telak')).toEqual([]);
    expect(ids('Dukung Tri Wahyuni caleg Golkar dapil Mesuji 1')[0]).toBe(MESUJI_GOLKAR_2);
    expect(ids('Tri Wahyuni, pemilu 14 Februari')[0]).toBe(MESUJI_GOLKAR_2);
  });

  it("match only on the user's own ballots (a namesake candidate elsewhere does not)", () => {
    const mesuji = ids('Tri Wahyuni caleg untuk DPRD, coblos!', PERSON.mesuji);
    expect(mesuji).toContain(MESUJI_GOLKAR_2);
    expect(mesuji).not.toContain(BANDUNG_DEMOKRAT_3);
    const bandung = ids('Tri Wahyuni caleg untuk DPRD, coblos!', PERSON.bandung);
    expect(bandung).toContain(BANDUNG_DEMOKRAT_3);
    expect(bandung).not.toContain(MESUJI_GOLKAR_2);
  });

  it('say in the evidence which context made it campaign content', () => {
    const m = run('Tri Wahyuni caleg dapil Mesuji 1')[0]!;
    expect(m.ticketId).toBe(MESUJI_GOLKAR_2);
    expect(m.evidence).toContainEqual(expect.objectContaining({ kind: 'context', term: 'caleg' }));
    expect(m.electionType).toBe('pileg_dprd_kabkota');
  });
});

describe('property: a legislative name alone', () => {
  // every legislative candidate of the fixture, written as the list prints their natural name
  const names = REGIONAL_LIST.elections
    .filter((e) => e.type.startsWith('pileg'))
    .flatMap((e) => e.tickets.map((t) => t.members[0]!.name));
  const words = ['hari', 'ini', 'cuaca', 'cerah', 'makan', 'siang', 'bersama', 'teman', 'kantor', 'sehat', 'pak', 'bu'];
  it('never warns in a post without campaign context, whoever it names and wherever', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 20 }),
        fc.constantFrom(...names),
        fc.nat(),
        fc.constantFrom(...Object.values(PERSON), ''),
        (ws, name, at, region) => {
          const i = ws.length === 0 ? 0 : at % (ws.length + 1);
          const text = [...ws.slice(0, i), name, ...ws.slice(i)].join(' ');
          expect(ids(text, region)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('one-word names', () => {
  it('never warn with only a generic word (terpilih, periode, menang) or private-life news', () => {
    expect(ids('Bapak Sumarno terpilih sebagai ketua RT 03 periode 2024-2027', PERSON.mesuji, AT.pilkada)).toEqual([]);
    expect(ids('Pak Sumarno menang lagi, periode kedua', PERSON.mesuji, AT.pilkada)).toEqual([]);
    expect(ids('Erwin terpilih, menang telak')).toEqual([]);
  });

  it('warn with campaign context, on the own ballots only', () => {
    expect(ids('Sumarno calon bupati, pilkada Mesuji', PERSON.mesuji, AT.pilkada)[0]).toBe('pilbup-2024-1811/1');
    expect(ids('Sumarno calon bupati, pilkada Mesuji', PERSON.bandung, AT.pilkada)).toEqual([]);
    // a caleg's one-word name needs legislative context, its party or its number
    expect(ids('Erwin, pemilu sudah dekat')).toEqual([]);
    expect(ids('Erwin caleg PKS dapil Lampung 6')[0]).toBe('pileg_dprd_prov-180006/pks/1');
  });

  it('that are everyday words count only beside the candidate’s party and number', () => {
    expect(ids('Warga masih menunggu, selamat hari juara untuk kita semua, kampanye caleg dimulai')).toEqual([]);
    expect(ids('Terima kasih atas kasih sayangnya, caleg DPR')).toEqual([]);
    const m = run('Coblos NasDem nomor 2 Warga untuk DPR RI')[0]!;
    expect(m.ticketId).toBe('pileg_dpr-1802/nasdem/2');
    expect(m.evidence.map((e) => e.term)).toContain('Warga');
  });
});

describe('compile: joined forms, initials and titles', () => {
  it('make no strong one-word entry of `Lulus S.`, `M. Muslim`, `Nur Hayati`, `Silatur Rahmi`', () => {
    for (const text of [
      'Alhamdulillah anak kami lulus SMA, pemilu kemarin juga lancar',
      'Lulus S.Pd tahun ini, alhamdulillah, dapil kami aman',
      'Alhamdulillah lulus S. Kom, pemilu kemarin lancar',
      'Sebagai muslim kita wajib jujur, pemilu damai',
      'Silaturahmi keluarga besar setelah pemilu',
      'Silaturrahmi caleg dengan warga',
      'Nurhayati datang ke pemilu',
    ])
      expect(ids(text, PERSON.mesuji), text).toEqual([]);
  });

  it('keep a name written together strong inside a hashtag', () => {
    expect(ids('#NurHayatiUntukLampung coblos', PERSON.mesuji)).toContain('pileg_dprd_prov-180006/pkb/2');
  });

  it('strip Hi., Pdt., drh., Apt., Tgh. and Ny., and never index the name with its title', () => {
    expect(stripTitles('Hi. ISMAIL')).toEqual(['ismail']);
    expect(stripTitles('Pdt. MARKUS SIHOMBING, S.Th.')).toEqual(['markus', 'sihombing']);
    expect(stripTitles('drh. BUDI SANTOSO')).toEqual(['budi', 'santoso']);
    expect(stripTitles('Apt. RINA MARLINA, S.Farm.')).toEqual(['rina', 'marlina']);
    expect(stripTitles('Tgh. MUHAMMAD ZAINI')).toEqual(['muhammad', 'zaini']);
    expect(stripTitles('Ny. SRI WAHYUNI')).toEqual(['sri', 'wahyuni']);
    expect(nameVariants('Hi. ISMAIL').map((v) => v.join(' '))).toEqual(['ismail']);
    expect(ids('Hi Ismail, apa kabar? Hari ini pemilu')).toEqual([]);
  });
});

describe('places and party numbers', () => {
  it('do not read a street named after a person as the person', () => {
    expect(ids('Macet di Jl. Ahmad Yani, ada kampanye caleg')).toEqual([]);
    expect(ids('Ahmad Yani caleg PKB DPR RI dapil Lampung II')[0]).toBe('pileg_dpr-1802/pkb/3');
  });

  it('resolve "Coblos Golkar nomor 2 untuk DPRD Mesuji" to the Golkar candidate no. 2, not Pilpres 02', () => {
    const got = ids('Coblos Golkar nomor 2 untuk DPRD Mesuji');
    expect(got).toEqual([MESUJI_GOLKAR_2]);
    expect(ids('Coblos Golkar nomor 2 untuk DPRD Provinsi')).toEqual(['pileg_dprd_prov-180006/golkar/2']);
    expect(ids('Coblos Golkar nomor 2 untuk DPR RI')).toEqual(['pileg_dpr-1802/golkar/2']);
    // without a party the number is still the paslon's
    expect(ids('Coblos nomor 2!')).toContain('pilpres-2024/2');
    // in the Pilkada window, a party's number is not the Pilbup ticket's
    expect(ids('Coblos Golkar nomor 2 untuk DPRD Mesuji', PERSON.mesuji, AT.pilkada)).toEqual([]);
  });

  it('give the party number match as medium with the number and party as evidence', () => {
    const m = run('Coblos PKB nomor 1 untuk DPRD Mesuji')[0]!;
    expect(m.ticketId).toBe('pileg_dprd_kabkota-181101/pkb/1');
    expect(m.strength).toBe('medium');
    expect(m.evidence.map((e) => e.kind)).toEqual(expect.arrayContaining(['number', 'party']));
  });
});

describe('rule text', () => {
  const leg = { stage: 'calon', electionType: 'pileg_dpr' } as const;
  const pas = { stage: 'calon', electionType: 'pilbup' } as const;
  it('names caleg for legislative races and calon otherwise', () => {
    expect(ruleKey([leg])).toBe('ruleCaleg');
    expect(ruleKey([{ ...leg, stage: 'bakal_calon' }])).toBe('ruleBakalCaleg');
    expect(ruleKey([pas])).toBe('ruleCalon');
    expect(ruleKey([leg, pas])).toBe('ruleCalon');
    expect(ruleKey([{ stage: 'bakal_calon' }])).toBe('ruleBakalCalon');
    expect(ruleKey(run('Dukung Tri Wahyuni caleg Golkar dapil Mesuji 1'))).toBe('ruleCaleg');
  });

  it('exists in both languages, says peserta pemilu / DPRD, and only "may" sanction', () => {
    for (const key of ['ruleCaleg', 'ruleBakalCaleg'] as const) {
      expect(t('id', key)).toMatch(/DPRD/);
      expect(t('id', key)).toMatch(/dapat dikenai/);
      expect(t('en', key)).toMatch(/may lead/);
    }
    expect(t('id', 'ruleCaleg')).toMatch(/peserta pemilu/);
  });
});
