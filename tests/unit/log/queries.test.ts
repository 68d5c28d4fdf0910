import { describe, expect, it } from 'vitest';
import { JagaDb } from '../../../lib/log/db';
import { csvCell, toCsv, toJson } from '../../../lib/log/export';
import {
  addDismissal,
  addEntry,
  applyRetention,
  checkEntry,
  dismissedKeys,
  importEntries,
  listEntries,
  matchesFilter,
  recentCounts,
  removeDismissal,
  weeklySummary,
} from '../../../lib/log/queries';
import type { LogEntry, LogEntryInput } from '../../../lib/log/types';

const base: LogEntryInput = {
  site: 'x',
  action: 'like',
  decision: 'cancelled',
  tickets: ['pilpres-2024/2'],
  ticketLabels: ['02 Prabowo Subianto – Gibran Rakabuming Raka'],
  electionIds: ['pilpres-2024'],
  strength: 'account',
  stage: 'calon',
  evidence: [],
  url: 'https://x.com/prabowo/status/1',
};

let n = 0;
const freshDb = () => new JagaDb(`q-${n++}`);

describe('checkEntry', () => {
  it('rejects junk from a content script', () => {
    expect(() => checkEntry(null)).toThrow(/not an object/);
    expect(() => checkEntry({ ...base, site: 'myspace' })).toThrow(/site/);
    expect(() => checkEntry({ ...base, action: 'delete' })).toThrow(/action/);
    expect(() => checkEntry({ ...base, decision: 'maybe' })).toThrow(/decision/);
    expect(() => checkEntry({ ...base, tickets: [1] })).toThrow(/tickets/);
    // a link that is no permalink of the site is not stored (tests/unit/log/links.test.ts)
    expect(checkEntry({ ...base, url: 'javascript:alert(1)' })).not.toHaveProperty('url');
  });
  it('accepts every action kind, the own post (`post`) included, and keeps it through the exports', () => {
    for (const action of ['like', 'comment', 'share', 'follow', 'post'] as const)
      expect(checkEntry({ ...base, action }).action).toBe(action);
    const entry = { ...checkEntry({ ...base, action: 'post' }), id: 1, at: 0 } as LogEntry;
    expect(toCsv([entry]).split('\r\n')[1]?.split(',')[2]).toBe('post');
    expect(JSON.parse(toJson([entry], 0)).entries[0].action).toBe('post');
  });
  it('drops unknown fields', () => {
    const e = checkEntry({ ...base, evil: '<script>' } as LogEntryInput);
    expect(e).not.toHaveProperty('evil');
  });
});

describe('log queries', () => {
  it('adds and lists newest first', async () => {
    const db = freshDb();
    await addEntry(db, base, { at: 1000 });
    await addEntry(db, { ...base, decision: 'proceeded' }, { at: 2000 });
    expect((await listEntries(db)).map((e) => e.decision)).toEqual(['proceeded', 'cancelled']);
  });

  it('filters by period, site, action, decision and candidate', () => {
    const e = { ...base, at: 5000 } as LogEntry;
    expect(matchesFilter(e, {})).toBe(true);
    expect(matchesFilter(e, { from: 6000 })).toBe(false);
    expect(matchesFilter(e, { until: 5000 })).toBe(false);
    expect(matchesFilter(e, { site: 'facebook' })).toBe(false);
    expect(matchesFilter(e, { action: 'like', decision: 'cancelled', ticket: 'pilpres-2024/2' })).toBe(true);
    expect(matchesFilter(e, { ticket: 'pilpres-2024/1' })).toBe(false);
  });

  it('imports an export once: a second import adds nothing', async () => {
    const a = freshDb();
    await addEntry(a, base, { at: 1000 });
    await addEntry(a, { ...base, action: 'share' }, { at: 2000 });
    const exported = JSON.parse(toJson(await listEntries(a))).entries;
    const b = freshDb();
    await addEntry(b, base, { at: 1000 });
    expect(await importEntries(b, exported)).toBe(1);
    expect(await importEntries(b, exported)).toBe(0);
    expect(await b.decisions.count()).toBe(2);
    // junk rows in an import are skipped, not fatal
    expect(await importEntries(b, [{ nonsense: true }, 42, null])).toBe(0);
  });

  it('keeps entries within the retention period only', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 10, 23);
    await addEntry(db, base, { at: now - 400 * 86_400_000 });
    await addEntry(db, base, { at: now - 10 * 86_400_000 });
    expect(await applyRetention(db, 12, now)).toBe(1);
    expect(await db.decisions.count()).toBe(1);
  });

  it('summarises the last seven days', async () => {
    const db = freshDb();
    const now = new Date(2026, 10, 23, 15).getTime();
    await addEntry(db, base, { at: now - 3600_000 });
    await addEntry(db, { ...base, decision: 'proceeded' }, { at: now - 2 * 86_400_000 });
    await addEntry(db, base, { at: now - 30 * 86_400_000 });
    const week = await weeklySummary(db, now);
    expect(week).toHaveLength(7);
    expect(week.reduce((s, d) => s + d.cancelled, 0)).toBe(1);
    expect(week[6]).toMatchObject({ cancelled: 1, proceeded: 0 });
    expect(week[4]).toMatchObject({ proceeded: 1 });
  });

  it('counts the warnings answered today (from local midnight) and in the last seven days', async () => {
    const db = freshDb();
    const now = new Date(2026, 10, 23, 9).getTime();
    const midnight = new Date(2026, 10, 23).getTime();
    await addEntry(db, base, { at: midnight + 60_000 });
    await addEntry(db, base, { at: midnight - 60_000 });
    await addEntry(db, base, { at: now - 6 * 86_400_000 });
    await addEntry(db, base, { at: now - 8 * 86_400_000 });
    expect(await recentCounts(db, now)).toEqual({ today: 1, week: 3 });
  });

  it('stores a false-positive mark once', async () => {
    const db = freshDb();
    const d = { key: 'account:x:kucing', site: 'x' as const, label: '@kucing', tickets: [], at: 1 };
    await addDismissal(db, d);
    await addDismissal(db, d);
    expect(await db.dismissals.count()).toBe(1);
  });

  it("shows a dismissed post's link as a stored link: same site, no query string", async () => {
    const db = freshDb();
    const url = 'https://www.facebook.com/p/posts/pfbid0?__cft__[0]=AZ&__tn__=R';
    await addDismissal(db, { key: `post:${url}`, site: 'facebook', label: url, tickets: [], at: 1 });
    await addDismissal(db, {
      key: 'post:https://evil.example/x?y',
      site: 'x',
      label: 'https://evil.example/x?y',
      tickets: [],
      at: 2,
    });
    expect((await db.dismissals.toArray()).map((d) => d.label)).toEqual([
      'https://www.facebook.com/p/posts/pfbid0',
      'x',
    ]);
  });

  it('removes a dismissal, and the published set no longer has it', async () => {
    const db = freshDb();
    await addDismissal(db, { key: 'account:x:kucing', site: 'x', label: '@kucing', tickets: [], at: 1 });
    await addDismissal(db, { key: 'post:https://x.com/a/status/1', site: 'x', label: 'post', tickets: [], at: 2 });
    expect(await dismissedKeys(db)).toEqual(['account:x:kucing', 'post:https://x.com/a/status/1']);
    expect(await removeDismissal(db, 'account:x:kucing')).toBe(1);
    expect(await removeDismissal(db, 'account:x:kucing')).toBe(0);
    expect(await dismissedKeys(db)).toEqual(['post:https://x.com/a/status/1']);
  });
});

describe('export', () => {
  const entries = [{ ...base, at: Date.UTC(2026, 0, 2), ticketLabels: ['=HYPERLINK("x")', 'a, "b"'] } as LogEntry];
  it('writes CSV that a spreadsheet cannot execute and that parses back', () => {
    const csv = toCsv(entries);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('time,site,action,decision,tickets,candidates,elections,stage,url');
    expect(row).toContain(`"'=HYPERLINK(""x"") | a, ""b"""`);
  });
  it.each([
    // plain text stays as it is
    ['Prabowo Subianto', 'Prabowo Subianto'],
    ['02 Prabowo – Gibran', '02 Prabowo – Gibran'],
    // formula starters at the start
    ['=1+1', "'=1+1"],
    ['+62812', "'+62812"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['  =1', "  '=1"],
    ['＝1+1', "'＝1+1"],
    // after anything a spreadsheet may split on: the semicolon-locale attack, quoted too
    ['https://x.com/a;=HYPERLINK("http://evil","klik")', `"https://x.com/a;'=HYPERLINK(""http://evil"",""klik"")"`],
    ['a,@cmd', `"a,'@cmd"`],
    ['a; +1', `"a; '+1"`],
    ['a|=1', "a|'=1"],
    ['a\n-1', `"a\n'-1"`],
    // separators alone are quoted, so they stay inside the field in comma and semicolon locales
    ['a;b', '"a;b"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['tab\there', `"tab\there"`],
  ])('csvCell(%j) = %s', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it('no exported field starts a formula at any boundary, in a comma or a semicolon locale', () => {
    const nasty = ['=1', ';=1', ',+1', 'x;@y', 'a\r\n=b', '"=c"', 'q|-1', ' ; =1'];
    const csv = toCsv(nasty.map((s, i) => ({ ...base, at: i, ticketLabels: [s], electionIds: [s] }) as LogEntry));
    // what a spreadsheet would see splitting on either separator, even ignoring quotes altogether
    for (const sep of [',', ';']) {
      for (const line of csv.split(/\r\n|\n|\r/)) {
        for (const part of line.split(sep)) {
          expect(part.replace(/^[\s"]*/, ''), `${sep} in ${JSON.stringify(line)}`).not.toMatch(/^[=+\-@]/);
        }
      }
    }
  });

  it('writes JSON with a format marker', () => {
    const doc = JSON.parse(toJson(entries, 0));
    expect(doc.format).toBe('jaga-netral/history');
    expect(doc.entries).toHaveLength(1);
  });
});

describe('storage quota', () => {
  it('turns a quota error into a message a person can act on', async () => {
    const db = freshDb();
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    db.decisions.add = (() => Promise.reject(quota)) as unknown as typeof db.decisions.add;
    await expect(addEntry(db, base)).rejects.toThrow(/penuh.*full/s);
  });
});
