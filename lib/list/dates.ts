/**
 * RFC 3339 dates as the list format uses them: a full-date (`2024-11-27`) or a date-time with an
 * offset (`2024-09-24T00:00:00Z`, `2024-09-24T07:00:00+07:00`). Date.parse alone is too lenient
 * (it accepts `2024-02-30` and many non-RFC forms), so the fields are range-checked here.
 *
 * A bare day is read in WIB (UTC+7, Jakarta), the zone KPU schedules are written in, and the same
 * reading lib/match uses: `from` days start at 00:00 WIB, `until`/`expires_at` days end at 24:00 WIB.
 */

const RE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/;
const WIB_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

const daysIn = (y: number, m: number) =>
  m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

export interface ParsedDate {
  /** epoch ms of the instant (a bare day: its start, 00:00 WIB) */
  start: number;
  /** epoch ms just after the instant (a bare day: the next midnight WIB) */
  end: number;
  dayOnly: boolean;
}

/** Parse an RFC 3339 full-date or date-time; undefined when it is not one (or names an impossible day). */
export function parseDate(s: string): ParsedDate | undefined {
  const m = RE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return undefined;
  if (m[4] === undefined) {
    const start = Date.UTC(y, mo - 1, d) - WIB_OFFSET_MS;
    return { start, end: start + DAY_MS, dayOnly: true };
  }
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const sec = Number(m[6]);
  // RFC 3339 allows a leap second (60); it is read as the next second.
  if (h > 23 || mi > 59 || sec > 60) return undefined;
  const zone = m[8] ?? 'Z';
  let offset = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offset = (oh * 60 + om) * 60_000 * (zone[0] === '-' ? -1 : 1);
  }
  const frac = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const start = Date.UTC(y, mo - 1, d, h, mi, sec, frac) - offset;
  return { start, end: start + 1, dayOnly: false };
}

/** The instant a list stops being current: the end of `expires_at` (a bare day lasts until its midnight WIB). */
export function expiryInstant(expiresAt: string): number | undefined {
  return parseDate(expiresAt)?.end;
}
