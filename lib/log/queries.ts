import type { JagaDb } from './db';
import type { LogEntry, LogEntryInput } from './types';

const SITES = new Set(['facebook', 'instagram', 'x', 'tiktok', 'youtube', 'threads', 'whatsapp']);
const KINDS = new Set(['like', 'comment', 'share', 'follow']);

/** Check a message payload before it reaches the database: content scripts run beside hostile pages. */
export function checkEntry(raw: unknown): LogEntryInput {
  const e = raw as LogEntryInput;
  if (typeof e !== 'object' || e === null) throw new Error('log entry: not an object');
  if (!SITES.has(e.site)) throw new Error('log entry: unknown site');
  if (!KINDS.has(e.action)) throw new Error('log entry: unknown action');
  if (e.decision !== 'cancelled' && e.decision !== 'proceeded') throw new Error('log entry: unknown decision');
  if (!Array.isArray(e.tickets) || !e.tickets.every((t) => typeof t === 'string'))
    throw new Error('log entry: tickets');
  return e;
}

export async function addEntry(db: JagaDb, input: LogEntryInput, meta: Partial<LogEntry> = {}): Promise<number> {
  const entry: LogEntry = { ...checkEntry(input), ...meta, at: meta.at ?? Date.now() };
  delete entry.id;
  return (await db.decisions.add(entry)) as number;
}

/** Newest first. */
export function listEntries(db: JagaDb, limit = 500): Promise<LogEntry[]> {
  return db.decisions.orderBy('at').reverse().limit(limit).toArray();
}
