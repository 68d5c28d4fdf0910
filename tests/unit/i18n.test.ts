import { describe, expect, it } from 'vitest';
import { LOCALES, t } from '../../lib/i18n';

const placeholders = (s: string) => [...s.matchAll(/\$(\d)/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has every key in both Bahasa Indonesia and English', () => {
    const id = Object.keys(LOCALES.id).sort();
    const en = Object.keys(LOCALES.en).sort();
    expect(en).toEqual(id);
  });
  it('uses the same placeholders in both languages, and no empty message', () => {
    for (const key of Object.keys(LOCALES.id)) {
      const a = LOCALES.id[key]!.message;
      const b = LOCALES.en[key]!.message;
      expect(a.trim(), key).not.toBe('');
      expect(b.trim(), key).not.toBe('');
      expect(placeholders(b), key).toEqual(placeholders(a));
    }
  });
  it('substitutes placeholders', () => {
    expect(t('en', 'countToday', 3)).toBe('Today: 3 warnings');
    expect(t('id', 'countToday', 3)).toBe('Hari ini: 3 peringatan');
  });
  it('never says the user violated a rule, only that it "may" lead to sanctions', () => {
    for (const key of ['ruleCalon', 'ruleBakalCalon'] as const) {
      expect(t('id', key)).toMatch(/dapat dikenai/);
      expect(t('en', key)).toMatch(/may lead to/);
      expect(t('id', key)).not.toMatch(/Anda (telah )?melanggar/i);
    }
  });
});
