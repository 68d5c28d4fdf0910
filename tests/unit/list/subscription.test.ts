import { describe, expect, it } from 'vitest';
import { runCli } from '../../../scripts/list-cli';
import { formatKey, parseKeys } from '../../../lib/list/signature';
import { generateSigningKey } from '../../../lib/list/sign-node';
import { formatSubscription, isSubscription, parseSubscription } from '../../../lib/list/subscription';

const a = generateSigningKey('bkpsdm-2026').publicKey;
const b = generateSigningKey('bkpsdm@2027').publicKey;
const URL1 = 'https://bkpsdm.example.go.id/jn/LIST.json?edisi=2&x=1';

describe('subscription code', () => {
  it('round-trips a URL with a query and several keys', () => {
    const keys = `${formatKey(a)}\n${formatKey(b)}`;
    const code = formatSubscription(URL1, keys)!;
    expect(code).toMatch(
      /^jaga-netral:list\?url=https%3A%2F%2Fbkpsdm\.example\.go\.id%2Fjn%2FLIST\.json%3Fedisi%3D2%26x%3D1&key=bkpsdm-2026:[A-Za-z0-9_-]{43}&key=bkpsdm%402027:[A-Za-z0-9_-]{43}$/,
    );
    expect(parseSubscription(`  ${code}\n`)).toEqual({ ok: true, url: URL1, keys });
    expect(isSubscription(code)).toBe(true);
    expect(isSubscription(URL1)).toBe(false);
  });

  it('takes standard base64 too, also when a form turned "+" into a space', () => {
    const b64 = a.public_key;
    const code = `JAGA-NETRAL:list?url=${encodeURIComponent(URL1)}&key=bkpsdm-2026:${b64.replace(/\+/g, ' ')}`;
    const r = parseSubscription(code);
    expect(r).toEqual({ ok: true, url: URL1, keys: formatKey(a) });
    expect(r.ok && parseKeys(r.keys).ok).toBe(true);
  });

  it('takes back a leading "+" a form turned into a space (a key that starts with "+")', () => {
    // a fixed key whose standard base64 starts with "+": 1 generated key in 64 does
    const plus = { key_id: 'bkpsdm-2026', public_key: '+3gjbN9wFmKVlOUQg7I4nU0/Qr/d16pI8AQu7Au60LY=' };
    const code = `jaga-netral:list?url=${encodeURIComponent(URL1)}&key=bkpsdm-2026:${plus.public_key.replace(/\+/g, ' ')}`;
    expect(parseSubscription(code)).toEqual({ ok: true, url: URL1, keys: formatKey(plus) });
    // stray blanks around an ordinary key are still ignored
    const blanks = `jaga-netral:list?url=${encodeURIComponent(URL1)}&key=bkpsdm-2026:%20${a.public_key.replace(/^\+/, 'A')}%20`;
    expect(parseSubscription(blanks).ok).toBe(true);
  });

  it.each([
    ['https://plain.example/LIST.json', /starts with "jaga-netral:list\?"/],
    [`jaga-netral:list?url=${encodeURIComponent(URL1)}`, /no "key": a list source without a public key is never used/],
    [`jaga-netral:list?key=${formatKey(a)}`, /no "url"/],
    [`jaga-netral:list?url=http%3A%2F%2Fplain.example%2Fl.json&key=${formatKey(a)}`, /must use HTTPS/],
    [
      `jaga-netral:list?url=${encodeURIComponent(URL1)}&url=${encodeURIComponent(URL1)}&key=${formatKey(a)}`,
      /more than one "url"/,
    ],
    [`jaga-netral:list?url=${encodeURIComponent(URL1)}&key=nokeyid`, /key_id:base64key/],
    [`jaga-netral:list?url=${encodeURIComponent(URL1)}&key=k:AAAA`, /is 3 bytes; an Ed25519 public key is 32 bytes/],
    [`jaga-netral:list?url=${encodeURIComponent(URL1)}&key=k:***`, /not base64/],
    [`jaga-netral:list?url=${encodeURIComponent(URL1)}&key=${formatKey(a)}&kye=1`, /unknown parameter "kye"/],
    [`jaga-netral:list?url=%E0%A4%A&key=${formatKey(a)}`, /not valid percent-encoding/],
  ])('refuses %s', (code, why) => {
    const r = parseSubscription(code);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(why);
  });

  it('has no code for a source without keys', () => {
    expect(formatSubscription(URL1, '')).toBeUndefined();
  });
});

describe('npm run list -- subscription', () => {
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd() });
    return { code, out, err };
  };

  it('prints the code for a URL and its public key line, which parses back', async () => {
    const r = await run(['subscription', URL1, '--keys', formatKey(a)]);
    expect(r.code).toBe(0);
    expect(parseSubscription(r.out[0]!)).toEqual({ ok: true, url: URL1, keys: formatKey(a) });
  });

  it('refuses a URL without keys, and an HTTP URL', async () => {
    expect((await run(['subscription', URL1])).code).toBe(2);
    const http = await run(['subscription', 'http://plain.example/l.json', '--keys', formatKey(a)]);
    expect(http.code).toBe(2);
    expect(http.err.join('\n')).toMatch(/must use HTTPS/);
  });
});
