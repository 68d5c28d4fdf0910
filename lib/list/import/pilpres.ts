/**
 * The presidential tickets as a small CSV typed from KPU's Sirekap PPWP paslon data:
 * `election_id,sirekap_id,nomor_urut,capres,cawapres` (names as KPU prints them).
 */
import { parseCsv } from '../csv';
import type { Election, Ticket } from '../types';
import type { Calendars } from './calendar';
import { windowOf } from './calendar';
import { distinctIds, person } from './people';
import type { ImportReport } from './report';

export function importPilpres(
  text: string,
  calendars: Calendars,
  report: ImportReport,
  source = 'pilpres',
): Election[] {
  const calendar = calendars.get('pilpres');
  const t = parseCsv(text);
  const h = t.header.map((x) => x.toLowerCase());
  const col = (n: string) => h.indexOf(n);
  const [iNo, iA, iB] = [col('nomor_urut'), col('capres'), col('cawapres')];
  if (iNo < 0 || iA < 0 || iB < 0) {
    report.skip(source, 'header', `needs nomor_urut, capres, cawapres; found ${t.header.join(', ')}`);
    return [];
  }
  if (!calendar) {
    report.skip(source, '(file)', 'no calendar covers pilpres');
    return [];
  }
  const id = `pilpres-${calendar.year}`;
  const tickets: Ticket[] = [];
  for (const { line, cells } of t.rows) {
    const number = Number(cells[iNo]);
    const where = `line ${line}`;
    if (!Number.isInteger(number) || number < 1) {
      report.skip(source, where, `nomor_urut "${cells[iNo]}" is not a whole number ≥ 1`, cells.join(','));
      continue;
    }
    if (tickets.some((x) => x.number === number)) {
      report.skip(source, where, `ballot number ${number} appears twice`, cells.join(','));
      continue;
    }
    const a = person(cells[iA] ?? '', 'capres');
    const b = person(cells[iB] ?? '', 'cawapres');
    if (!a || !b) {
      report.skip(source, where, 'a name is empty', cells.join(','));
      continue;
    }
    tickets.push({
      id: `${id}/${number}`,
      number,
      label: String(number).padStart(2, '0'),
      members: distinctIds([a, b]),
    });
  }
  if (!tickets.length) return [];
  return [
    {
      id,
      type: 'pilpres',
      name: `Pemilihan Presiden dan Wakil Presiden ${calendar.year}`,
      region: { code: '00', name: 'Indonesia', level: 'nasional' },
      voting_date: calendar.phases.voting.date,
      window: windowOf(calendar),
      tickets,
    },
  ];
}
