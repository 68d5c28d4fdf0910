import type { LogEntry } from './types';

export const EXPORT_FORMAT = 'jaga-netral/history';

export function toJson(entries: LogEntry[], now = Date.now()): string {
  return JSON.stringify(
    { format: EXPORT_FORMAT, version: 1, exported_at: new Date(now).toISOString(), entries },
    null,
    2,
  );
}

/**
 * A formula starter (`=`, `+`, `-`, `@`, tab, CR, and their full-width forms) at the start of the
 * field or right after anything a spreadsheet may split cells on (`,` `;` tab, line breaks, `|`)
 * or a `"` (a reader that drops quotes), with optional spaces in between. Excel in the Indonesian locale splits on `;`, so a stored
 * `…;=HYPERLINK(…)` must be defused inside the field, not only at its start.
 */
const FORMULA_AT = /(^|[,;\t\r\n|"])( *)(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * One CSV field, safe in comma and semicolon locales: every formula starter at a cell boundary is
 * prefixed with an apostrophe (the spreadsheet shows it as text), and a field holding `,` `;` `"`,
 * a tab or a line break is quoted, with `"` doubled.
 */
export function csvCell(value: string): string {
  const safe = value.replace(FORMULA_AT, "$1$2'");
  return /[",;\t\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
const cell = csvCell;

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
