import { describe, expect, it } from 'vitest';
import { cleanName } from '../../../../lib/list/import/names';

const texts = (c: ReturnType<typeof cleanName>) => c.aliases.map((a) => (typeof a === 'string' ? a : a.text));

describe('cleanName: names as KPU prints them → name, official_name, nickname aliases', () => {
  it.each([
    ['H. SUPARMAN, S.Sos.', 'Suparman'],
    ['Hi. RUSLAN EFENDI, S.E.', 'Ruslan Efendi'],
    ['drh. WAYAN SUDARSA', 'Wayan Sudarsa'],
    ['Pdt. YOHANES LAKA, M.Th.', 'Yohanes Laka'],
    ['Apt. DEWI LESTARI, S.Farm.', 'Dewi Lestari'],
    ['TGH. ZAINUL ARIFIN', 'Zainul Arifin'],
    ['NY. RATNA SARI', 'Ratna Sari'],
    ['Prof. Dr. H. M. AGUS SANTOSO MD', 'M. Agus Santoso MD'],
    ['Dr. (H.C.) H. A. BUDI SAMPEL', 'A. Budi Sampel'],
    ['Komjen Pol. (Purn). HENDRA WIJAYA, S.I.K., M.Hum.', 'Hendra Wijaya'],
    ['Dr., Drs. AGUS PRATAMA, S.H.', 'Agus Pratama'],
    ['Dr.ROBERTUS KAWENG, S.KM.', 'Robertus Kaweng'],
    ['Dr. H.M. DADANG SUHENDAR, M.Si.', 'M. Dadang Suhendar'],
    ['BUDI SANTOSO SH', 'Budi Santoso'],
    ['Ir. ALIAS SAMSUDIN', 'Alias Samsudin'],
    ['SUPRAPTO', 'Suprapto'],
    ['ANDI MAPPARENTA', 'Andi Mapparenta'],
  ])('%s → %s', (printed, name) => {
    expect(cleanName(printed).name).toBe(name);
  });

  it('turns nicknames in parentheses, after ALIAS and a trailing GUS name into medium aliases', () => {
    const a = cleanName('H. RAHMAT HIDAYAT, S.IP. (BANG RAHMAT)');
    expect(a.name).toBe('Rahmat Hidayat');
    expect(a.aliases).toEqual([{ text: 'Bang Rahmat', strength: 'medium' }]);
    expect(texts(cleanName('Dr. H. HENDRA PRATAMA ALIAS HENDI, S.E., M.M.'))).toEqual(['Hendi']);
    const g = cleanName('ZAINAL ABIDIN ASYARI GUS ZAIN, S.IP.');
    expect(g.name).toBe('Zainal Abidin Asyari');
    expect(texts(g)).toEqual(['Gus Zain']);
    // a nickname printed after the degrees is still a nickname; an initialism stays in capitals
    expect(texts(cleanName('H. ISMAIL JALIL, S.E., M.M. (AYAH WA)'))).toEqual(['Ayah Wa']);
    expect(texts(cleanName('H. RUSLI DAUD (HRD)'))).toEqual(['HRD']);
  });

  it('does not take qualifiers for nicknames: (Purn.), (P), (H.C), (K), (Hons), (C)', () => {
    for (const printed of [
      'Brigjen (P) Hj. SRI MULYANI',
      'dr. H. AMIR HASAN, Sp.OG (K)',
      'RINA KARTIKA, B.A. (Hons), M.Sc.',
      'Dr.(C) ERWIN SAPUTRA, S.E.',
      'Mayor Inf. (Purn.) ABDUL HAMID',
    ])
      expect(cleanName(printed).aliases, printed).toEqual([]);
    expect(cleanName('Mayor Inf. (Purn.) ABDUL HAMID').name).toBe('Abdul Hamid');
  });

  it('keeps the printed form only when it says more than the name in capitals', () => {
    expect(cleanName('SUPRAPTO').official_name).toBeUndefined();
    expect(cleanName('SRI  WULANDARI').official_name).toBeUndefined();
    expect(cleanName('Hi. ISMAIL, S.H.').official_name).toBe('Hi. ISMAIL, S.H.');
  });
});
