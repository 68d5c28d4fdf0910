import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseGuardSettings, parseSettings } from '../../lib/settings/settings';

describe('parseSettings', () => {
  it('starts opted out', () => {
    expect(parseSettings(undefined).consent).toBe(false);
    expect(DEFAULT_SETTINGS.consent).toBe(false);
  });
  it('keeps valid values and drops wrong types', () => {
    const s = parseSettings({
      consent: true,
      role: 'pppk',
      region: '3273',
      lang: 'en',
      sites: { x: false, facebook: 'no' },
    });
    expect(s).toMatchObject({ consent: true, role: 'pppk', region: '3273', lang: 'en' });
    expect(s.sites.x).toBe(false);
    expect(s.sites.facebook).toBe(true);
    expect(parseSettings({ role: 'admin', region: '32-73', retentionMonths: -1 })).toMatchObject({
      role: '',
      region: '',
      retentionMonths: 12,
    });
  });
  it('keeps the automation switch and the in-page banner off unless stored as booleans', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ automation: false, pageBanner: false });
    expect(parseSettings({ automation: 'yes', pageBanner: 1 })).toMatchObject({ automation: false, pageBanner: false });
    expect(parseSettings({ automation: true, pageBanner: true })).toMatchObject({ automation: true, pageBanner: true });
  });
  it('a content script reads the same values as the pages (parseGuardSettings: only its fields)', () => {
    const fields = ['consent', 'role', 'region', 'sites', 'lang', 'storeLinks', 'automation', 'pageBanner'] as const;
    const cases: unknown[] = [
      undefined,
      null,
      'settings',
      [],
      {},
      { consent: true, role: 'non_asn', region: '32.73', lang: 'en', storeLinks: false, automation: true },
      {
        consent: 'yes',
        role: 'admin',
        region: 7,
        lang: 'fr',
        storeLinks: 0,
        pageBanner: true,
        sites: { tiktok: false },
      },
      { sites: { x: 'no', youtube: false, other: false }, listUrl: 'https://l.example/x.json', retentionMonths: 3 },
      { ...DEFAULT_SETTINGS, consent: true, region: '181101', sites: null },
    ];
    for (const raw of cases) {
      const full = parseSettings(raw);
      const guard = parseGuardSettings(raw);
      expect(Object.keys(guard).sort()).toEqual([...fields].sort());
      expect(guard).toEqual(Object.fromEntries(fields.map((f) => [f, full[f]])));
    }
    // the rest of the settings keep their own rules
    expect(parseSettings({ demo: true, retentionMonths: 3.7, consentAt: 5 })).toMatchObject({
      demo: true,
      retentionMonths: 3,
      consentAt: 5,
    });
  });
});
