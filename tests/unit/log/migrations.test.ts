/**
 * Every earlier database version, filled with fixture rows, must open with today's code and come
 * out in today's shape. Old databases are built from the recorded SCHEMAS, not by hand.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, JagaDb, SCHEMAS } from '../../../lib/log/db';
import v1Rows from './fixtures/v1-rows.json';

async function makeOldDb(name: string, version: number, rows: object[]): Promise<void> {
  const old = new Dexie(name);
  for (let v = 1; v <= version; v++) old.version(v).stores(SCHEMAS[v]!);
  await old.open();
  await old.table('decisions').bulkAdd(rows);
  old.close();
}

describe('Dexie migrations', () => {
  it('records a schema for every version up to the current one', () => {
    for (let v = 1; v <= DB_VERSION; v++) expect(SCHEMAS[v]).toBeDefined();
    expect(new JagaDb('schema-check').verno).toBe(DB_VERSION);
  });

  it.each(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1))(
    'upgrades a v%i database to the latest',
    async (version) => {
      const name = `migrate-from-v${version}`;
      await makeOldDb(name, version, v1Rows);
      const db = new JagaDb(name);
      await db.open();
      expect(db.verno).toBe(DB_VERSION);
      const rows = await db.decisions.orderBy('at').toArray();
      expect(rows).toHaveLength(2);
      // v1 rows keep their data and gain the fields later code relies on.
      expect(rows[0]).toMatchObject({
        site: 'x',
        decision: 'cancelled',
        url: 'https://x.com/prabowo/status/1',
      });
      // (rows written into a v2 database were v2-shaped already; the fixture rows are v1-shaped)
      if (version < 2) {
        expect(rows[0]).toMatchObject({ phase: 'action' });
        expect(rows[1]).toMatchObject({
          evidence: [],
          ticketLabels: ['pilpres-2024/1'],
          electionIds: [],
          phase: 'action',
        });
      }
      // tables added in v2 exist and work
      await db.dismissals.add({ key: 'account:x:prabowo', site: 'x', label: '@prabowo', tickets: [], at: 1 });
      expect(await db.dismissals.count()).toBe(1);
      db.close();
    },
  );

  it('v3 cuts links stored by earlier versions down to same-site permalinks without query or fragment', async () => {
    const name = 'migrate-links';
    const rows = [
      { ...v1Rows[0], at: 1, url: 'https://twitter.com/prabowo/status/1?s=20&t=abc#x' },
      { ...v1Rows[0], at: 2, url: 'https://evil.example/phish?x=1' },
      { ...v1Rows[0], at: 3, site: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=t' },
      { ...v1Rows[0], at: 4, url: undefined },
    ];
    await makeOldDb(name, 2, rows);
    const old = new Dexie(name);
    for (let v = 1; v <= 2; v++) old.version(v).stores(SCHEMAS[v]!);
    await old.open();
    const post = 'https://www.facebook.com/p/posts/pfbid0?__cft__[0]=AZ';
    await old.table('dismissals').add({ key: `post:${post}`, site: 'facebook', label: post, tickets: [], at: 1 });
    old.close();
    const db = new JagaDb(name);
    await db.open();
    expect((await db.decisions.orderBy('at').toArray()).map((e) => e.url)).toEqual([
      'https://x.com/prabowo/status/1',
      undefined,
      'https://youtu.be/dQw4w9WgXcQ',
      undefined,
    ]);
    expect((await db.dismissals.toArray())[0]!.label).toBe('https://www.facebook.com/p/posts/pfbid0');
    db.close();
  });
});
