import type { LogEntry } from './types';

export const EXPORT_FORMAT = 'jaga-netral/history';

export function toJson(entries: LogEntry[], now = Date.now()): string {
  return JSON.stringify(
    { format: EXPORT_FORMAT, version: 1, exported_at: new Date(now).toISOString(), entries },
    null,
    2,
  );
}

/** A spreadsheet must never execute a cell: prefix formula starters with an apostrophe. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = ['time', 'site', 'action', 'decision', 'tickets', 'candidates', 'elections', 'stage', 'url'];

export function toCsv(entries: LogEntry[]): string {
  const rows = entries.map((e) =>
    [
      new Date(e.at).toISOString(),
      e.site,
      e.action,
      e.decision,
      e.tickets.join(' '),
      e.ticketLabels.join(' | '),
      e.electionIds.join(' '),
      e.stage,
      e.url ?? '',
    ]
      .map(cell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
