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

/** The body without the details and the closing note: the list entry and the reasons. */
function head(input: ReportInput): string[] {
  const { query: q, found } = input;
  const lines = ['Saya melaporkan kemungkinan kesalahan pada satu entri daftar calon.'];
  lines.push('I am reporting a possible error in one entry of the candidate list.', '');
  if (found) {
    lines.push(`Penerbit / Publisher: ${oneLine(found.list.publisher.name)}`);
    lines.push(`Daftar / List: ${oneLine(found.list.id)}, urutan / sequence ${found.list.sequence}`);
  }
  const recorded = q.listId !== undefined && (!found || q.listId !== found.list.id);
  const olderSeq =
    found && q.listId === found.list.id && q.listSequence !== undefined && q.listSequence !== found.list.sequence;
  if (recorded || olderSeq) {
    const seq = q.listSequence !== undefined ? `, urutan / sequence ${q.listSequence}` : '';
    lines.push(`Tercatat dengan daftar / Recorded with list: ${oneLine(q.listId ?? '')}${seq}`);
  }
  const entry = found?.entry;
  if (!entry) {
    lines.push(`Tiket / Ticket: ${oneLine(q.ticketId, 200)}`);
    lines.push('(Entri ini tidak ada di daftar yang sedang dipakai / This entry is not in the list in use now.)');
  } else {
    const num = entry.number !== undefined ? `, nomor urut / ballot number ${entry.number}` : '';
    const status = entry.status && entry.status !== 'active' ? `, status: ${oneLine(entry.status)}` : '';
    lines.push(`Tiket / Ticket: ${oneLine(entry.ticketId, 200)}${num}${status}`);
    if (entry.label) lines.push(`Label: ${oneLine(entry.label)}`);
    lines.push('Nama sebagaimana tertulis / Names as listed:');
    if (entry.names.length === 0) lines.push('- (tidak ada / none)');
    for (const n of entry.names.slice(0, 20)) {
      const official = n.officialName ? ` (${oneLine(n.officialName)})` : '';
      lines.push(`- ${oneLine(n.name)}${official} — ${oneLine(n.role, 40)}`);
    }
    lines.push(`Pemilihan / Election: ${oneLine(entry.election.name)} (${oneLine(entry.election.id)})`);
    const code = entry.region.code ? ` (${oneLine(entry.region.code, 20)})` : '';
    lines.push(`Wilayah / Region: ${oneLine(entry.region.name)}${code}`);
  }
  lines.push('', 'Yang menurut saya salah / What I think is wrong:');
  const reasons = REASONS.filter((r) => input.reasons.includes(r));
  if (reasons.length === 0) lines.push('- (tidak dipilih / not chosen)');
  for (const r of reasons) lines.push(`- ${REASON_TEXT[r][0]} / ${REASON_TEXT[r][1]}`);
  return lines;
}

const FOOT = [
  '—',
  'Disiapkan dengan Jaga Netral. Pesan ini hanya memuat entri daftar di atas dan keterangan yang saya tulis.',
  'Prepared with Jaga Netral. This message holds only the list entry above and the details I wrote.',
];

function compose(headLines: string[], details: string, cut: boolean): string {
  const lines = [...headLines, '', 'Keterangan / Details:'];
  lines.push(details ? details + (cut ? ` ${CUT_MARK}` : '') : cut ? CUT_MARK : '(tidak ada / none)');
  return [...lines, '', ...FOOT].join('\n');
}

export function buildReport(input: ReportInput): Report {
  return { subject: reportSubject(input.query), body: compose(head(input), cleanDetails(input.details), false) };
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
  /** the details (or, failing that, the body) were cut to fit MAILTO_MAX; the clipboard has it all */
  truncated: boolean;
}

/**
 * The `mailto:` link for this report, at most `max` characters. When the whole text does not fit,
 * the details are cut (at a character boundary, marked CUT_MARK) as little as needed; if the entry
 * alone is too long, the body itself is cut.
 */
export function buildMailto(input: ReportInput, email: string | undefined, max = MAILTO_MAX): Mailto {
  const subject = reportSubject(input.query);
  const headLines = head(input);
  const details = Array.from(cleanDetails(input.details));
  const full = href(email, subject, compose(headLines, details.join(''), false));
  if (full.length <= max) return { href: full, truncated: false };
  // The longest prefix of the details that fits (binary search over characters).
  let lo = 0;
  let hi = details.length - 1;
  const fits = (n: number) =>
    href(email, subject, compose(headLines, details.slice(0, n).join('').trimEnd(), true)).length <= max;
  if (!fits(0)) {
    // Even without details: cut the body itself.
    const body = Array.from(compose(headLines, '', true));
    let a = 0;
    let b = body.length;
    while (a < b) {
      const mid = Math.ceil((a + b) / 2);
      if (href(email, subject, `${body.slice(0, mid).join('')}\n${CUT_MARK}`).length <= max) a = mid;
      else b = mid - 1;
    }
    return { href: href(email, subject, `${body.slice(0, a).join('')}\n${CUT_MARK}`), truncated: true };
  }
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return {
    href: href(email, subject, compose(headLines, details.slice(0, lo).join('').trimEnd(), true)),
    truncated: true,
  };
}
