/**
 * The self-audit log: Dexie in the extension's own origin (background and extension pages only;
 * content scripts send messages instead, so nothing lands in a site's storage).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { LogEntry } from './types';

export const DB_NAME = 'jaga-netral';

export class JagaDb extends Dexie {
  decisions!: EntityTable<LogEntry, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // v1: the walking skeleton's log. Later versions add migrations here, never edit this one.
    this.version(1).stores({ decisions: '++id, at, site, action, decision, *tickets' });
  }
}

let db: JagaDb | null = null;
export function getDb(): JagaDb {
  db ??= new JagaDb();
  return db;
}
