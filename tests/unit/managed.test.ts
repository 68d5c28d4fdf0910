import { describe, expect, it } from 'vitest';
import { formatKey } from '../../lib/list/signature';
import { generateSigningKey } from '../../lib/list/sign-node';
import { formatSubscription } from '../../lib/list/subscription';
import { effectiveSource, effectiveSources, parseManaged, sourceSlot } from '../../lib/settings/managed';
import { DEFAULT_SETTINGS, parseSettings } from '../../lib/settings/settings';

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

  it('subscribes to several sources: listSubscriptions (a list, or one code per line)', () => {
    const nat = 'https://kpu-list.example.id/LIST.json';
    const reg = 'https://bkpsdm.example.go.id/jn/LIST.json';
    const natCode = formatSubscription(nat, formatKey(agency))!;
    const regCode = formatSubscription(reg, formatKey(agency))!;
    // the first code is the first source (as listSubscription would be), the others follow it
    const m = parseManaged({ listSubscriptions: [natCode, regCode, natCode] });
    expect(m).toEqual({
      listUrl: nat,
      listKeys: formatKey(agency),
      moreSources: [{ url: reg, keys: formatKey(agency) }],
    });
    expect(parseManaged({ listSubscriptions: `${natCode}\n${regCode}\n` })).toEqual(m);
    // with the single-source key set, every code of the list is a further source
    const both = parseManaged({ listSubscription: regCode, listSubscriptions: [natCode, 'jaga-netral:list?url=x'] });
    expect(both.listUrl).toBe(reg);
    expect(both.moreSources).toEqual([{ url: nat, keys: formatKey(agency) }]);
    expect(both.problems).toEqual(['listSubscriptions[1]: the list URL "x" is not a valid URL; ignored']);
    expect(parseManaged({ listSubscriptions: 42 }).problems).toEqual([
      'listSubscriptions: not a list of subscription codes, ignored',
    ]);
  });

  it('orders the sources in force: the first, the policy ones, then the person own (not while locked)', () => {
    const policy = parseManaged({
      listSubscriptions: [
        formatSubscription('https://nat.example/LIST.json', formatKey(agency))!,
        formatSubscription('https://reg.example/LIST.json', formatKey(agency))!,
      ],
    });
    const person = parseSettings({
      region: '3273',
      listSources: [
        { url: 'https://mine.example/LIST.json', keys: 'm:MINE' },
        { url: 'https://reg.example/LIST.json', keys: 'x:OTHER' }, // already a policy source
        { url: 42 },
      ],
    });
    const all = effectiveSources(person, policy);
    expect(all.map((s) => [s.n, s.slot, s.url, s.origin, s.region])).toEqual([
      [1, '', 'https://nat.example/LIST.json', 'policy', '3273'],
      [2, sourceSlot('https://reg.example/LIST.json'), 'https://reg.example/LIST.json', 'policy', '3273'],
      [3, sourceSlot('https://mine.example/LIST.json'), 'https://mine.example/LIST.json', 'user', '3273'],
    ]);
    expect(effectiveSources(person, { ...policy, lockListSource: true }).map((s) => s.url)).toEqual([
      'https://nat.example/LIST.json',
      'https://reg.example/LIST.json',
    ]);
    // no policy, no source of their own: one source, the bundled list
    expect(effectiveSources(DEFAULT_SETTINGS, {})).toEqual([
      { n: 1, slot: '', url: '', keys: '', region: '', allShards: false, origin: 'user' },
    ]);
    // a slot is stable for a URL and differs between URLs
    expect(sourceSlot('https://a.example/l.json')).toBe(sourceSlot('https://a.example/l.json'));
    expect(sourceSlot('https://a.example/l.json')).not.toBe(sourceSlot('https://b.example/l.json'));
  });
});
