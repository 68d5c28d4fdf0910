import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../lib/settings/settings';

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
});
