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
        phase: 'action',
      });
      expect(rows[1]).toMatchObject({
        evidence: [],
        ticketLabels: ['pilpres-2024/1'],
        electionIds: [],
        phase: 'action',
      });
      // tables added in v2 exist and work
      await db.dismissals.add({ key: 'account:x:prabowo', site: 'x', label: '@prabowo', tickets: [], at: 1 });
      expect(await db.dismissals.count()).toBe(1);
      db.close();
    },
  );
});
