/**
 * The "report a list error" message, built from the list entry (lib/dispute/entry.ts), the reasons
 * the person ticked and the details they typed — and from nothing else: no address of the post, no
 * account, no history, no browser or device facts. The text is bilingual (Bahasa Indonesia first),
 * so a publisher can read it whatever language the person uses the extension in.
 *
 * Two outputs: a `mailto:` link (RFC 6068: percent-encoded, CRLF line breaks) that opens the
 * person's mail client, kept under MAILTO_MAX characters because mail clients and operating systems
 * cut longer links; and the full plain text for the clipboard. Nothing is ever sent by the extension.
 */
import type { Contact } from './contact';
import type { DisputeLookup } from './entry';
import type { ReportQuery } from './query';

export const REASONS = ['not_candidate', 'name', 'account', 'number', 'election', 'status', 'other'] as const;
export type Reason = (typeof REASONS)[number];

/** Each reason in both languages: [Bahasa Indonesia, English]. The page shows the person's language. */
export const REASON_TEXT: Record<Reason, readonly [string, string]> = {
  not_candidate: ['Orang ini bukan calon (atau tidak mencalonkan diri)', 'This person is not a candidate'],
  name: ['Nama atau ejaannya salah', 'A name or its spelling is wrong'],
  account: ['Akun media sosial yang dicantumkan bukan milik calon ini', 'A listed account is not this candidate’s'],
  number: ['Nomor urutnya salah', 'The ballot number is wrong'],
  election: ['Pemilihan atau wilayahnya salah', 'The election or its region is wrong'],
  status: ['Calon ini sudah mundur atau didiskualifikasi', 'This candidate withdrew or was disqualified'],
  other: ['Hal lain (lihat keterangan)', 'Something else (see the details)'],
};

/** Longest details text kept (characters); the page's text area has the same limit. */
export const MAX_DETAILS = 1500;
/**
 * Longest `mailto:` link produced. About 2,000 characters is what every common mail client and
 * operating system hands over whole (older Windows and Outlook cut at 2,083); the clipboard text has
 * no such limit.
 */
export const MAILTO_MAX = 2000;
export const CUT_MARK = '[… terpotong / cut short]';

export interface ReportInput {
  query: ReportQuery;
  /** the active list and the entry in it; null while unknown (the background did not answer) */
  found: DisputeLookup | null;
  reasons: readonly Reason[];
  details: string;
}

export interface Report {
  subject: string;
  /** the body, lines joined with `\n` */
  body: string;
}

/** One line of text: control characters (line breaks included) become spaces. */
const oneLine = (s: string, max = 512): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  Array.from(s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim())
    .slice(0, max)
    .join('');

/** The person's text: line breaks kept (as `\n`), other control characters dropped, at most MAX_DETAILS. */
export function cleanDetails(s: string): string {
  return (
    Array.from(
      s
        .replace(/\r\n?/g, '\n')
        // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '')
        .trim(),
    )
      .slice(0, MAX_DETAILS)
      .join('')
      // never more than one blank line in a row
      .replace(/\n{3,}/g, '\n\n')
  );
}

export function reportSubject(q: ReportQuery): string {
  return `Laporan kesalahan daftar / List error report: ${oneLine(q.ticketId, 200)}`;
}

/**
 * The wording: bilingual (`Bahasa Indonesia / English`) in full; Bahasa Indonesia only in the
 * compact form a mail link falls back to when the full text would not fit (the entry and the
 * person's details matter more than the second language; the clipboard always has the full text).
 */
type Words = (id: string, en: string) => string;
const FULL: Words = (id, en) => `${id} / ${en}`;
const COMPACT: Words = (id) => id;

/** The body without the details and the closing note: the list entry and the reasons. */
function head(input: ReportInput, w: Words): string[] {
  const { query: q, found } = input;
  const lines =
    w === COMPACT
      ? ['Laporan kemungkinan kesalahan pada satu entri daftar calon.', '']
      : [
          'Saya melaporkan kemungkinan kesalahan pada satu entri daftar calon.',
          'I am reporting a possible error in one entry of the candidate list.',
          '',
        ];
  if (found) {
    lines.push(`${w('Penerbit', 'Publisher')}: ${oneLine(found.list.publisher.name)}`);
    lines.push(`${w('Daftar', 'List')}: ${oneLine(found.list.id)}, ${w('urutan', 'sequence')} ${found.list.sequence}`);
  }
  const recorded = q.listId !== undefined && (!found || q.listId !== found.list.id);
  const olderSeq =
    found && q.listId === found.list.id && q.listSequence !== undefined && q.listSequence !== found.list.sequence;
  if (recorded || olderSeq) {
    const seq = q.listSequence !== undefined ? `, ${w('urutan', 'sequence')} ${q.listSequence}` : '';
    lines.push(`${w('Tercatat dengan daftar', 'Recorded with list')}: ${oneLine(q.listId ?? '')}${seq}`);
  }
  const entry = found?.entry;
  if (!entry) {
    lines.push(`${w('Tiket', 'Ticket')}: ${oneLine(q.ticketId, 200)}`);
    lines.push(
      `(${w('Entri ini tidak ada di daftar yang sedang dipakai', 'This entry is not in the list in use now')}.)`,
    );
  } else {
    const num = entry.number !== undefined ? `, ${w('nomor urut', 'ballot number')} ${entry.number}` : '';
    const status = entry.status && entry.status !== 'active' ? `, status: ${oneLine(entry.status)}` : '';
    lines.push(`${w('Tiket', 'Ticket')}: ${oneLine(entry.ticketId, 200)}${num}${status}`);
    if (entry.label) lines.push(`Label: ${oneLine(entry.label)}`);
    lines.push(`${w('Nama sebagaimana tertulis', 'Names as listed')}:`);
    if (entry.names.length === 0) lines.push(`- (${w('tidak ada', 'none')})`);
    for (const n of entry.names.slice(0, 20)) {
      const official = n.officialName ? ` (${oneLine(n.officialName)})` : '';
      lines.push(`- ${oneLine(n.name)}${official} — ${oneLine(n.role, 40)}`);
    }
    lines.push(`${w('Pemilihan', 'Election')}: ${oneLine(entry.election.name)} (${oneLine(entry.election.id)})`);
    const code = entry.region.code ? ` (${oneLine(entry.region.code, 20)})` : '';
    lines.push(`${w('Wilayah', 'Region')}: ${oneLine(entry.region.name)}${code}`);
  }
  lines.push('', `${w('Yang menurut saya salah', 'What I think is wrong')}:`);
  const reasons = REASONS.filter((r) => input.reasons.includes(r));
  if (reasons.length === 0) lines.push(`- (${w('tidak dipilih', 'not chosen')})`);
  for (const r of reasons) lines.push(`- ${w(REASON_TEXT[r][0], REASON_TEXT[r][1])}`);
  return lines;
}

const FOOT: Record<'full' | 'compact', string[]> = {
  full: [
    '—',
    'Disiapkan dengan Jaga Netral. Pesan ini hanya memuat entri daftar di atas dan keterangan yang saya tulis.',
    'Prepared with Jaga Netral. This message holds only the list entry above and the details I wrote.',
  ],
  compact: ['—', 'Disiapkan dengan Jaga Netral: hanya entri daftar di atas dan keterangan saya.'],
};

function compose(headLines: string[], details: string, cut: boolean, w: Words): string {
  const lines = [...headLines, '', `${w('Keterangan', 'Details')}:`];
  lines.push(details ? details + (cut ? ` ${CUT_MARK}` : '') : cut ? CUT_MARK : `(${w('tidak ada', 'none')})`);
  return [...lines, '', ...FOOT[w === COMPACT ? 'compact' : 'full']].join('\n');
}

export function buildReport(input: ReportInput): Report {
  return {
    subject: reportSubject(input.query),
    body: compose(head(input, FULL), cleanDetails(input.details), false, FULL),
  };
}

/** The clipboard text: who it is for, the subject, the body. */
export function reportText(r: Report, to: Contact): string {
  const recipient =
    [to.email, to.url].filter(Boolean).join(' · ') ||
    '(daftar ini tidak mencantumkan kontak / this list gives no contact)';
  return `Kepada / To: ${recipient}\nPerihal / Subject: ${r.subject}\n\n${r.body}\n`;
}

/** `local@domain` for a mailto: link, each side percent-encoded (the `@` stays). */
function mailtoAddress(email: string | undefined): string {
  if (!email) return '';
  const at = email.lastIndexOf('@');
  return `${encodeURIComponent(email.slice(0, at))}@${encodeURIComponent(email.slice(at + 1))}`;
}

function href(email: string | undefined, subject: string, body: string): string {
  return `mailto:${mailtoAddress(email)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}`;
}

export interface Mailto {
  href: string;
  /** the short Bahasa Indonesia wording was used to fit MAILTO_MAX (the clipboard has the full text) */
  compact: boolean;
  /** the details (or, failing that, the body) were cut to fit MAILTO_MAX; the clipboard has it all */
  truncated: boolean;
}

/**
 * The `mailto:` link for this report, at most `max` characters. When the full bilingual text does
 * not fit, the compact wording is used; when that does not fit either, the details are cut (at a
 * character boundary, marked CUT_MARK) as little as needed; if the entry alone is too long, the
 * body itself is cut.
 */
export function buildMailto(input: ReportInput, email: string | undefined, max = MAILTO_MAX): Mailto {
  const subject = reportSubject(input.query);
  const details = Array.from(cleanDetails(input.details));
  const full = href(email, subject, compose(head(input, FULL), details.join(''), false, FULL));
  if (full.length <= max) return { href: full, compact: false, truncated: false };
  const headLines = head(input, COMPACT);
  const compact = (n: number, cut: boolean) =>
    href(email, subject, compose(headLines, details.slice(0, n).join('').trimEnd(), cut, COMPACT));
  const whole = compact(details.length, false);
  if (whole.length <= max) return { href: whole, compact: true, truncated: false };
  if (compact(0, true).length > max) {
    // Even without details: cut the body itself.
    const body = Array.from(compose(headLines, '', true, COMPACT));
    let a = 0;
    let b = body.length;
    while (a < b) {
      const mid = Math.ceil((a + b) / 2);
      if (href(email, subject, `${body.slice(0, mid).join('')}\n${CUT_MARK}`).length <= max) a = mid;
      else b = mid - 1;
    }
    return { href: href(email, subject, `${body.slice(0, a).join('')}\n${CUT_MARK}`), compact: true, truncated: true };
  }
  // The longest prefix of the details that fits (binary search over characters).
  let lo = 0;
  let hi = details.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (compact(mid, true).length <= max) lo = mid;
    else hi = mid - 1;
  }
  return { href: compact(lo, true), compact: true, truncated: true };
}
