import { PLATFORMS } from '../list/types';
import type { JagaDb } from './db';
import { storedLink } from './links';
import type { AuditEvent, Dismissal, LogEntry, LogEntryInput } from './types';
import { STORAGE_KEYS } from '../storage-keys';
import { ACTION_KINDS } from '../sites/types';

const SITES = new Set<string>(PLATFORMS);
const KINDS = new Set<string>(ACTION_KINDS);
const DAY = 86_400_000;

/** Check a message payload before it reaches the database: content scripts run beside hostile pages. */
export function checkEntry(raw: unknown): LogEntryInput {
  const e = raw as LogEntryInput;
  if (typeof e !== 'object' || e === null) throw new Error('log entry: not an object');
  if (!SITES.has(e.site)) throw new Error('log entry: unknown site');
  if (!KINDS.has(e.action)) throw new Error('log entry: unknown action');
  if (e.decision !== 'cancelled' && e.decision !== 'proceeded') throw new Error('log entry: unknown decision');
  if (!Array.isArray(e.tickets) || !e.tickets.every((t) => typeof t === 'string'))
    throw new Error('log entry: tickets');
  // Only a permalink of the entry's own site, without query string or fragment (lib/log/links.ts).
  const url = storedLink(e.site, e.url);
  return {
    site: e.site,
    action: e.action,
    decision: e.decision,
    tickets: e.tickets.slice(0, 20),
    ticketLabels: Array.isArray(e.ticketLabels) ? e.ticketLabels.map(String).slice(0, 20) : [],
    electionIds: Array.isArray(e.electionIds) ? e.electionIds.map(String).slice(0, 20) : [],
    strength: e.strength,
    stage: e.stage === 'bakal_calon' ? 'bakal_calon' : 'calon',
    evidence: Array.isArray(e.evidence) ? e.evidence.slice(0, 12) : [],
    ...(url && { url }),
    phase: e.phase === 'comment-start' ? 'comment-start' : 'action',
    ...(e.notCampaign === true && { notCampaign: true }),
  };
}

/** storage.local key set while the log cannot be written because the device is full. */
export const STORAGE_FULL_KEY = STORAGE_KEYS.storageFull;

/** A storage failure said in words a person can act on. */
export class StorageFullError extends Error {
  constructor() {
    super(
      'Penyimpanan perangkat penuh: riwayat tidak dapat ditambah. Hapus riwayat lama di halaman Riwayat. / Device storage is full: export and delete old history.',
    );
    this.name = 'StorageFullError';
  }
}

function isQuota(e: unknown): boolean {
  const err = e as { name?: string; inner?: { name?: string } };
  return err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError';
}

export async function addEntry(db: JagaDb, input: LogEntryInput, meta: Partial<LogEntry> = {}): Promise<number> {
  const entry: LogEntry = { ...checkEntry(input), at: meta.at ?? Date.now() };
  if (meta.listId) entry.listId = meta.listId;
  if (meta.listSequence) entry.listSequence = meta.listSequence;
  try {
    return (await db.decisions.add(entry)) as number;
  } catch (e) {
    throw isQuota(e) ? new StorageFullError() : e;
  }
}

/** Newest first. */
export function listEntries(db: JagaDb, limit = 500): Promise<LogEntry[]> {
  return db.decisions.orderBy('at').reverse().limit(limit).toArray();
}

export interface Filter {
  from?: number;
  until?: number;
  site?: string;
  action?: string;
  decision?: string;
  ticket?: string;
}

export function matchesFilter(e: LogEntry, f: Filter): boolean {
  return (
    (f.from === undefined || e.at >= f.from) &&
    (f.until === undefined || e.at < f.until) &&
    (!f.site || e.site === f.site) &&
    (!f.action || e.action === f.action) &&
    (!f.decision || e.decision === f.decision) &&
    (!f.ticket || e.tickets.includes(f.ticket))
  );
}

/** Deletes entries older than `months`; returns how many. */
export async function applyRetention(db: JagaDb, months: number, now = Date.now()): Promise<number> {
  const cutoff = now - months * 30.44 * DAY;
  return db.decisions.where('at').below(cutoff).delete();
}

/** A stable identity for an entry across export/import, so importing twice adds nothing. */
export function entryKey(e: LogEntry): string {
  return [e.at, e.site, e.action, e.decision, e.tickets.join(' '), e.url ?? '', e.phase ?? 'action'].join('|');
}

/** Adds the entries of an export that are not already present; returns how many were added. */
export async function importEntries(db: JagaDb, entries: unknown[]): Promise<number> {
  const existing = new Set((await db.decisions.toArray()).map(entryKey));
  const fresh: LogEntry[] = [];
  for (const raw of entries) {
    const at = (raw as { at?: unknown })?.at;
    if (typeof at !== 'number' || !Number.isFinite(at)) continue;
    const entry: LogEntry = { ...checkEntry(raw), at };
    const key = entryKey(entry);
    if (existing.has(key)) continue;
    existing.add(key);
    fresh.push(entry);
  }
  await db.decisions.bulkAdd(fresh);
  return fresh.length;
}

/** How many warnings were answered today (since local midnight) and in the last 7 days. */
export async function recentCounts(db: JagaDb, now = Date.now()): Promise<{ today: number; week: number }> {
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  const [today, week] = await Promise.all([
    db.decisions.where('at').aboveOrEqual(midnight).count(),
    db.decisions
      .where('at')
      .aboveOrEqual(now - 7 * DAY)
      .count(),
  ]);
  return { today, week };
}

export interface DaySummary {
  /** local midnight, epoch ms */
  day: number;
  cancelled: number;
  proceeded: number;
}

/** The last 7 days, oldest first, for the weekly chart. */
export async function weeklySummary(db: JagaDb, now = Date.now()): Promise<DaySummary[]> {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const days: DaySummary[] = [];
  for (let i = 6; i >= 0; i--) {
    const d = new Date(today);
    d.setDate(d.getDate() - i);
    days.push({ day: d.getTime(), cancelled: 0, proceeded: 0 });
  }
  const first = days[0]!.day;
  for (const e of await db.decisions.where('at').aboveOrEqual(first).toArray()) {
    const slot = [...days].reverse().find((d) => e.at >= d.day);
    if (slot) slot[e.decision] += 1;
  }
  return days;
}

export async function addDismissal(db: JagaDb, d: Omit<Dismissal, 'id'>): Promise<void> {
  const existing = await db.dismissals.where('key').equals(d.key).first();
  if (existing) return;
  // A post's label is its link: shown in the history, so kept like a stored link (lib/log/links.ts).
  const label = d.key.startsWith('post:')
    ? (storedLink(d.site, d.label) ?? storedLink(d.site, d.key.slice(5)) ?? d.site)
    : d.label;
  await db.dismissals.add({ ...d, label });
}

/** Forget a dismissal: the account or post is warned on again. Returns how many were removed. */
export function removeDismissal(db: JagaDb, key: string): Promise<number> {
  return db.dismissals.where('key').equals(key).delete();
}

/** The keys content scripts skip (published to storage.local by the background). */
export async function dismissedKeys(db: JagaDb): Promise<string[]> {
  return (await db.dismissals.toArray()).map((d) => d.key);
}

export function logEvent(db: JagaDb, e: Omit<AuditEvent, 'id'>): Promise<number | undefined> {
  return db.events.add(e) as Promise<number | undefined>;
}
