/**
 * The self-audit log: Dexie in the extension's own origin (background and extension pages only;
 * content scripts send messages instead, so nothing lands in a site's storage).
 *
 * Versions are append-only: never edit a shipped version's stores, add a new one with an
 * upgrade. tests/unit/log/migrations.test.ts opens a fixture database of every earlier version.
 */
import Dexie, { type EntityTable } from 'dexie';
import { storedLink } from './links';
import type { AuditEvent, Dismissal, LogEntry } from './types';

export const DB_NAME = 'jaga-netral';
export const DB_VERSION = 3;

/** Each version's stores, kept as data so the migration test can build old databases from it. */
export const SCHEMAS: Record<number, Record<string, string>> = {
  1: { decisions: '++id, at, site, action, decision, *tickets' },
  2: {
    decisions: '++id, at, site, action, decision, *tickets',
    dismissals: '++id, &key, at',
    events: '++id, at, type',
  },
  3: {
    decisions: '++id, at, site, action, decision, *tickets',
    dismissals: '++id, &key, at',
    events: '++id, at, type',
  },
};

export class JagaDb extends Dexie {
  decisions!: EntityTable<LogEntry, 'id'>;
  dismissals!: EntityTable<Dismissal, 'id'>;
  events!: EntityTable<AuditEvent, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMAS[1]!);
    // v2: false-positive marks and audit events; v1 rows get the fields v2 code expects.
    this.version(2)
      .stores(SCHEMAS[2]!)
      .upgrade((tx) =>
        tx
          .table('decisions')
          .toCollection()
          .modify((e: Partial<LogEntry>) => {
            e.phase ??= 'action';
            e.evidence ??= [];
            e.ticketLabels ??= e.tickets ?? [];
            e.electionIds ??= [];
          }),
      );
    // v3: links stored by earlier versions are cut down to what is stored today (lib/log/links.ts):
    // a same-site permalink without query string or fragment, or nothing.
    this.version(3)
      .stores(SCHEMAS[3]!)
      .upgrade(async (tx) => {
        await tx
          .table('decisions')
          .toCollection()
          .modify((e: Partial<LogEntry>) => {
            if (e.url === undefined) return;
            const url = e.site ? storedLink(e.site, e.url) : undefined;
            if (url) e.url = url;
            else delete e.url;
          });
        await tx
          .table('dismissals')
          .toCollection()
          .modify((d: Partial<Dismissal>) => {
            if (d.key?.startsWith('post:') && d.site)
              d.label = storedLink(d.site, d.label) ?? storedLink(d.site, d.key.slice(5)) ?? d.site;
          });
      });
  }
}

let db: JagaDb | null = null;
export function getDb(): JagaDb {
  db ??= new JagaDb();
  return db;
}
