import { describe, expect, it } from 'vitest';
import { effectiveSource, parseManaged } from '../../lib/settings/managed';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

describe('managed policy', () => {
  it('accepts only well-formed values', () => {
    expect(parseManaged({ listUrl: 'http://insecure.example/l.json', region: '32.73', lockListSource: 'yes' })).toEqual(
      {},
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
