import { describe, expect, it } from 'vitest';
import { JagaDb } from '../../../lib/log/db';
import { toCsv, toJson } from '../../../lib/log/export';
import {
  addDismissal,
  addEntry,
  applyRetention,
  checkEntry,
  importEntries,
  listEntries,
  matchesFilter,
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
    expect(() => checkEntry({ ...base, url: 'javascript:alert(1)' })).toThrow(/url/);
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

  it('stores a false-positive mark once', async () => {
    const db = freshDb();
    const d = { key: 'account:x:kucing', site: 'x' as const, label: '@kucing', tickets: [], at: 1 };
    await addDismissal(db, d);
    await addDismissal(db, d);
    expect(await db.dismissals.count()).toBe(1);
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
