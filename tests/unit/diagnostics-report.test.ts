import { describe, expect, it } from 'vitest';
import {
  addMisses,
  browserFamily,
  diagnosticReport,
  groupByCause,
  missCause,
  readDiagnostics,
  sanitiseMissKey,
  UNSAFE_MISS,
} from '../../lib/diagnostics/report';
import { missCounts, recordMiss } from '../../lib/sites/engine';

const CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('miss keys', () => {
  it('keeps rule keys and invalid selectors as they are', () => {
    for (const k of [
      'x:author',
      'x:container:like',
      'tiktok:composer-item',
      'facebook:control:share',
      'guard:exception',
    ])
      expect(sanitiseMissKey(k)).toBe(k);
    expect(sanitiseMissKey('invalid:[role="button"]:has(svg[aria-label="Like"')).toBe(
      'invalid:[role="button"]:has(svg[aria-label="Like"',
    );
  });

  it('never keeps page text, a URL path or a handle', () => {
    expect(sanitiseMissKey('x:author:@prabowo')).toBe(UNSAFE_MISS);
    expect(sanitiseMissKey('x:text:Coblos nomor 2!')).toBe(UNSAFE_MISS);
    expect(sanitiseMissKey('https://x.com/prabowo/status/1')).toBe(UNSAFE_MISS);
    expect(sanitiseMissKey('x:container:like\nCoblos')).toBe(UNSAFE_MISS);
    const url = sanitiseMissKey('invalid:a[href^="https://user@www.facebook.com/groups/123/user/456"]');
    expect(url).toBe('invalid:a[href^="https://www.facebook.com"]');
    const long = sanitiseMissKey(`invalid:${'div > '.repeat(60)}\u0007x`);
    expect(long.length).toBeLessThan(150);
    expect(long).toMatch(/^invalid:div > .*…#[0-9a-f]{8}$/);
    expect(long).not.toContain('\u0007');
    // counted, stored and read: sanitised three times, the same key each time
    expect(sanitiseMissKey(sanitiseMissKey(long))).toBe(long);
    expect(sanitiseMissKey(url)).toBe(url);
  });

  it('are sanitised when the engine records them', () => {
    const before = missCounts().get(UNSAFE_MISS) ?? 0;
    recordMiss('x:author:@someone_with_a_name');
    recordMiss('Coblos nomor 2 https://x.com/a/status/1');
    expect(missCounts().get(UNSAFE_MISS)).toBe(before + 2);
    expect([...missCounts().keys()].join(' ')).not.toMatch(/someone|Coblos|status/);
  });
});

describe('grouping by cause', () => {
  it('puts each key under control, item, author or other', () => {
    expect(missCause('x:author')).toBe('author');
    expect(missCause('x:container:like')).toBe('item');
    expect(missCause('tiktok:composer-item')).toBe('item');
    expect(missCause('facebook:control:share')).toBe('control');
    expect(missCause('invalid:article:has(')).toBe('other');
    expect(missCause('guard:exception')).toBe('other');
    expect(missCause(UNSAFE_MISS)).toBe('other');
  });

  it('sums the counts and keeps the latest day per cause', () => {
    const g = groupByCause({
      'x:container:like': { n: 3, day: '2026-11-30' },
      'x:container:share': { n: 2, day: '2026-12-01' },
      'x:composer-item': { n: 1, day: '2026-11-02' },
      'x:author': { n: 4, day: '2026-11-29' },
      'guard:exception': { n: 1, day: '' },
    });
    expect(g).toEqual({
      control: { n: 0, day: '' },
      item: { n: 6, day: '2026-12-01' },
      author: { n: 4, day: '2026-11-29' },
      other: { n: 1, day: '' },
    });
  });

  it('reads old bare counts and drops junk', () => {
    const d = readDiagnostics({
      x: { 'x:author': 2, 'x:container:like': { n: 1, day: '2026-12-01' }, 'x:bad key': 5, 'x:zero': 0 },
      myspace: { 'myspace:author': 1 },
      youtube: 'nope',
    });
    expect(d).toEqual({
      x: {
        'x:author': { n: 2, day: '' },
        'x:container:like': { n: 1, day: '2026-12-01' },
        [UNSAFE_MISS]: { n: 5, day: '' },
      },
    });
    expect(readDiagnostics(null)).toEqual({});
  });

  it('adds flushed misses with the day they were seen', () => {
    const a = addMisses({}, 'x', { 'x:author': 2 }, '2026-12-01');
    const b = addMisses(a, 'x', { 'x:author': 1, 'x:container:like': 1 }, '2026-12-02');
    expect(b.x).toEqual({ 'x:author': { n: 3, day: '2026-12-02' }, 'x:container:like': { n: 1, day: '2026-12-02' } });
  });

  it('adds to whatever is stored as if to what the reader reads (a content script carries no reader)', () => {
    const delta = { 'x:author': 2, 'x:bad key': 1, 'invalid:a[href="https://u:p@evil.example/x?q=1"]': 1 };
    const stored: unknown[] = [
      undefined,
      null,
      'junk',
      [],
      { x: 'nope' },
      {
        x: {
          'x:author': 2,
          'x:container:like': { n: 1, day: '2026-12-01' },
          'x:bad key': 5,
          [UNSAFE_MISS]: { n: 2.5, day: '2026-11-30' },
          'x:zero': 0,
        },
        myspace: { 'myspace:author': 1 },
        youtube: { 'youtube:author': { n: 4, day: '2026-11-02' } },
      },
      { x: { 'x:author': { n: -3, day: 'yesterday' }, [UNSAFE_MISS]: { n: Number.NaN } } },
    ];
    for (const raw of stored) {
      expect(readDiagnostics(addMisses(raw, 'x', delta, '2026-12-02'))).toEqual(
        readDiagnostics(addMisses(readDiagnostics(raw), 'x', delta, '2026-12-02')),
      );
    }
  });
});

describe('the diagnostic report', () => {
  it('holds the version, the browser family and per site the keys and counts, nothing else', () => {
    const text = diagnosticReport(
      {
        x: { 'x:container:like': { n: 3, day: '2026-12-01' }, 'x:author': { n: 1, day: '2026-11-30' } },
        tiktok: { 'tiktok:composer-item': { n: 2, day: '2026-12-01' } },
      },
      '0.4.0',
      CHROME_UA,
    );
    expect(text).toBe(
      [
        'Jaga Netral diagnostic report',
        'version: 0.4.0',
        'browser: chromium',
        'site: x',
        '  x:author 1',
        '  x:container:like 3',
        'site: tiktok',
        '  tiktok:composer-item 2',
        '',
      ].join('\n'),
    );
    // no day, no user-agent detail
    expect(text).not.toMatch(/2026|Linux|131/);
  });

  it('sanitises stored keys again and says when nothing was recorded', () => {
    const raw = { x: { 'x:author:@candidate': { n: 1, day: '2026-12-01' } } } as never;
    expect(diagnosticReport(raw, '0.4.0', CHROME_UA)).toContain(`  ${UNSAFE_MISS} 1`);
    expect(diagnosticReport(raw, '0.4.0', CHROME_UA)).not.toContain('candidate');
    expect(diagnosticReport({}, 'x y', '')).toBe(
      'Jaga Netral diagnostic report\nversion: unknown\nbrowser: other\nno misses recorded\n',
    );
  });

  it('names only the browser family', () => {
    expect(browserFamily(CHROME_UA)).toBe('chromium');
    expect(browserFamily(`${CHROME_UA} Edg/131.0.0.0`)).toBe('edge');
    expect(browserFamily('Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0')).toBe('firefox');
    expect(browserFamily(CHROME_UA.replace('Chrome/', 'HeadlessChrome/'))).toBe('chromium');
    expect(browserFamily('curl/8')).toBe('other');
  });
});
