import { describe, expect, it } from 'vitest';
import { formatKey } from '../../lib/list/signature';
import { generateSigningKey } from '../../lib/list/sign-node';
import { formatSubscription } from '../../lib/list/subscription';
import { effectiveSource, parseManaged } from '../../lib/settings/managed';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

const agency = generateSigningKey('bkpsdm-2026').publicKey;

describe('managed policy', () => {
  it('accepts only well-formed values', () => {
    expect(parseManaged({ listUrl: 'http://insecure.example/l.json', region: '32-73', lockListSource: 'yes' })).toEqual(
      {
        problems: [
          'listUrl: not an HTTPS URL, ignored',
          'region: not a Kemendagri code of 2, 4 or 6 digits (e.g. 18, 1811, 181101 or 18.11.01), ignored',
        ],
      },
    );
    expect(parseManaged(null)).toEqual({});
    expect(
      parseManaged({ listUrl: 'https://bkpsdm.example.go.id/LIST.json', listKeys: 'k:AAAA', lockListSource: true }),
    ).toEqual({
      listUrl: 'https://bkpsdm.example.go.id/LIST.json',
      listKeys: 'k:AAAA',
      lockListSource: true,
    });
  });

  it('takes URL and keys from one subscription code, over listUrl/listKeys', () => {
    const url = 'https://bkpsdm.example.go.id/jn/LIST.json';
    const code = formatSubscription(url, formatKey(agency))!;
    expect(
      parseManaged({ listSubscription: code, listUrl: 'https://old.example/l.json', lockListSource: true }),
    ).toEqual({ listUrl: url, listKeys: formatKey(agency), lockListSource: true });
  });

  it('names what it could not take: a bad code, a URL without keys', () => {
    expect(parseManaged({ listSubscription: 'jaga-netral:list?url=https%3A%2F%2Fa.example%2Fl.json' })).toEqual({
      problems: ['listSubscription: the code has no "key": a list source without a public key is never used; ignored'],
    });
    const m = parseManaged({ listUrl: 'https://agency.example/LIST.json' });
    expect(m.listUrl).toBe('https://agency.example/LIST.json');
    expect(m.problems).toEqual([
      'listUrl has no listKeys: lists from it are refused (use listSubscription, or add listKeys)',
    ]);
    // the updater gets the URL with no keys, and refuses it (tests/unit/list/updater-signed.test.ts)
    expect(effectiveSource(DEFAULT_SETTINGS, m)).toMatchObject({ url: m.listUrl, keys: '' });
  });

  it('presets the source, and a lock beats the user choice', () => {
    const policy = { listUrl: 'https://agency.example/LIST.json', listKeys: 'a:KEY' };
    expect(effectiveSource(DEFAULT_SETTINGS, policy)).toMatchObject({ url: policy.listUrl, keys: 'a:KEY' });
    const user = { ...DEFAULT_SETTINGS, listUrl: 'https://mine.example/l.json', listKeys: 'm:MINE' };
    expect(effectiveSource(user, policy)).toMatchObject({ url: user.listUrl, keys: 'm:MINE' });
    expect(effectiveSource(user, { ...policy, lockListSource: true })).toMatchObject({
      url: policy.listUrl,
      keys: 'a:KEY',
    });
  });

  it('uses the policy region only until the user chooses one', () => {
    expect(effectiveSource(DEFAULT_SETTINGS, { region: '32' }).region).toBe('32');
    expect(effectiveSource({ ...DEFAULT_SETTINGS, region: '3273' }, { region: '32' }).region).toBe('3273');
  });
});
