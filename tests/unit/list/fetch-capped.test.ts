import { describe, expect, it } from 'vitest';
import { checkHttpsUrl, fetchCapped, isJsonType } from '../../../lib/list/fetch-capped';

describe('isJsonType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON', true],
    ['application/vnd.jaga-netral+json', true],
    ['text/json', true],
    ['text/html; charset=utf-8', false],
    ['application/jsonp', false],
    ['text/plain', false],
    ['', false],
    [null, false],
  ])('%s → %s', (ct, ok) => expect(isJsonType(ct)).toBe(ok));
});

describe('checkHttpsUrl', () => {
  it('refuses anything but plain HTTPS URLs, saying why', () => {
    expect(checkHttpsUrl('https://lists.example.id/LIST.json', 'the list')).toBeUndefined();
    expect(checkHttpsUrl('http://lists.example.id/LIST.json', 'the list')).toMatch(/must use HTTPS; http is refused/);
    expect(checkHttpsUrl('ftp://x/LIST.json', 'the list')).toMatch(/ftp is refused/);
    expect(checkHttpsUrl('lists.example.id/LIST.json', 'the list')).toMatch(/is not a valid URL/);
    expect(checkHttpsUrl('https://user:pw@lists.example.id/', 'the list')).toMatch(/user name or password/);
  });

  it('never calls fetch for a refused URL', async () => {
    let called = false;
    const r = await fetchCapped({
      fetch: async () => {
        called = true;
        return new Response('{}');
      },
      url: 'http://lists.example.id/LIST.json',
      maxBytes: 100,
      timeoutMs: 100,
      requireJson: true,
      what: 'the list',
    });
    expect(r.status).toBe('error');
    expect(called).toBe(false);
  });
});
