import { describe, expect, it } from 'vitest';
import { campaignVerbOf } from '../../../lib/match/affixes';
import { normalise, normaliseLanes, normaliseTokens } from '../../../lib/match/normalise';

describe('normalise', () => {
  it('folds case, NFKC forms and diacritics', () => {
    expect(normalise('PRABOWO Gánjar Ａｎｉｅｓ ⓐⓜⓘⓝ Éöü')).toBe('prabowo ganjar anies amin eou');
  });

  it('folds fancy Unicode letters (math bold/italic/script, small caps, enclosed, fullwidth)', () => {
    expect(normalise('𝗣𝗿𝗮𝗯𝗼𝘄𝗼 𝑨𝒏𝒊𝒆𝒔 𝓖𝓪𝓷𝓳𝓪𝓻 ᴋʜᴏғɪғᴀʜ 🅡🅘🅓🅞 Ｒ１ＤＯ')).toBe('prabowo anies ganjar khofifah rido r1do');
  });

  it('removes zero-width and bidi characters without splitting the word', () => {
    expect(normalise('Pra\u200bbo\u200dwo \u202eGib\u2066ran\ufeff')).toBe('prabowo gibran');
  });

  it('maps Cyrillic and Greek homoglyphs', () => {
    // Р, а, о are Cyrillic; Α and Ν are Greek capitals
    expect(normalise('Рrаbоwо ΑΝΙΕS')).toBe('prabowo anies');
  });

  it('drops apostrophes inside words and treats dashes as separators', () => {
    expect(normalise("Mas'ud Mas’ud Masud")).toBe('masud masud masud');
    expect(normalise('Anies-Muhaimin Anies–Muhaimin Anies — Muhaimin')).toBe(
      'anies muhaimin anies muhaimin anies muhaimin',
    );
    expect(normalise("Prabowo's program")).toBe('prabowo program');
  });

  it('collapses elongation but keeps real double letters', () => {
    expect(normalise('coblooos pilihhhh menaaang')).toBe('coblos pilih menang');
    expect(normalise('Allah saat aamiin')).toBe('allah saat aamiin');
  });

  it('keeps hashtags and handles whole, and splits them into parts lanes', () => {
    expect(normaliseTokens('#R1DOSolusiJakarta @ridwan_kamil')).toEqual(['#r1dosolusijakarta', '@ridwan_kamil']);
    const lanes = normaliseLanes('#R1DOSolusiJakarta');
    expect(lanes).toContainEqual(['r1do', 'solusi', 'jakarta']);
    expect(lanes).toContainEqual(['r', '1', 'do', 'solusi', 'jakarta']);
    expect(normaliseLanes('#PrabowoGibran2024')).toContainEqual(['prabowo', 'gibran', '2024']);
    expect(normaliseLanes('@ridwan_kamil')).toContainEqual(['ridwan', 'kamil']);
    expect(normaliseLanes('coblos02')).toContainEqual(['coblos', '02']);
  });

  it('reads keycap digits and № as numbers', () => {
    expect(normalise('coblos 2️⃣ № 3')).toBe('coblos 2 no 3');
  });

  it('survives lone surrogates, control characters and emoji', () => {
    expect(normalise('\ud800abc\udfff\u0000\u0007def 😀😀 ghi')).toBe('abc def ghi');
    expect(normalise('')).toBe('');
  });
});

describe('campaign verb affixes', () => {
  it.each([
    ['coblos', 'coblos'],
    ['nyoblos', 'coblos'],
    ['mencoblos', 'coblos'],
    ['dicoblos', 'coblos'],
    ['coblosan', 'coblos'],
    ['cobloslah', 'coblos'],
    ['pilih', 'pilih'],
    ['milih', 'pilih'],
    ['memilih', 'pilih'],
    ['pilihlah', 'pilih'],
    ['dipilih', 'pilih'],
    ['dukung', 'dukung'],
    ['mendukung', 'dukung'],
    ['dukungan', 'dukung'],
    ['menang', 'menang'],
    ['menangkan', 'menang'],
    ['menangin', 'menang'],
    ['memenangkan', 'menang'],
    ['kemenangan', 'menang'],
    ['menangkanlah', 'menang'],
  ])('%s → %s', (form, base) => {
    expect(campaignVerbOf(form)).toBe(base);
  });

  it('does not claim unrelated words', () => {
    for (const w of ['pilot', 'dukun', 'coba', 'menantu', 'pilar']) expect(campaignVerbOf(w)).toBeUndefined();
  });
});
