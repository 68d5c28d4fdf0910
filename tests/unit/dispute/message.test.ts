/**
 * The "report a list error" message (lib/dispute/): what it holds (the list entry, the reasons, the
 * person's details) and what it never holds (anything about the person or the post), the mailto:
 * encoding and its length limit, the page address, and the publisher's contact in the list format.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../lib/dispute/contact';
import { findEntry, lookup } from '../../../lib/dispute/entry';
import {
  buildMailto,
  buildReport,
  CUT_MARK,
  cleanDetails,
  MAILTO_MAX,
  MAX_DETAILS,
  type ReportInput,
  reportText,
} from '../../../lib/dispute/message';
import { checkReportQuery, parseReportSearch, reportSearch } from '../../../lib/dispute/query';
import { validateList } from '../../../lib/list/validate';
import { loose, minimalList } from '../list/fixtures';

const CONTACT = 'laporan@daftar.example https://daftar.example/lapor';
const list = minimalList({ publisher: { name: 'Contoh BKPSDM', contact: CONTACT } });
const TICKET = 'pilgub-2024-32/4';

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    query: { ticketId: TICKET, from: 'warning', listId: list.list_id, listSequence: list.sequence },
    found: lookup(list, TICKET),
    reasons: ['name'],
    details: 'Nama wakilnya ditulis salah.',
    ...over,
  };
}

/** The body a mailto: link carries, decoded. */
const mailBody = (href: string) => decodeURIComponent(/[?&]body=([^&]*)/.exec(href)?.[1] ?? '');

describe('the list entry', () => {
  it('finds a ticket with its names as listed, election and region', () => {
    expect(findEntry(list, TICKET)).toEqual({
      ticketId: TICKET,
      number: 4,
      label: '04',
      names: [
        { name: 'Dedi Mulyadi', role: 'cagub' },
        { name: 'Erwan Setiawan', role: 'cawagub' },
      ],
      election: { id: 'pilgub-2024-32', name: 'Pemilihan Gubernur Jawa Barat 2024' },
      region: { code: '32', name: 'Jawa Barat' },
    });
    expect(findEntry(list, 'pilgub-2024-32/9')).toBeNull();
  });

  it('answers with the list id, sequence and publisher (only name, url, contact)', () => {
    const l = loose(list);
    l.publisher.extra = 'x';
    const r = lookup(l, TICKET);
    expect(r.list).toEqual({ id: 'test/pilkada', sequence: 3, publisher: { name: 'Contoh BKPSDM', contact: CONTACT } });
  });
});

describe('the message', () => {
  it('holds the entry, the reasons in both languages and the details', () => {
    const { subject, body } = buildReport(input({ reasons: ['other', 'name'] }));
    expect(subject).toBe(`Laporan kesalahan daftar / List error report: ${TICKET}`);
    for (const s of [
      'Penerbit / Publisher: Contoh BKPSDM',
      'Daftar / List: test/pilkada, urutan / sequence 3',
      `Tiket / Ticket: ${TICKET}, nomor urut / ballot number 4`,
      'Label: 04',
      '- Dedi Mulyadi — cagub',
      '- Erwan Setiawan — cawagub',
      'Pemilihan / Election: Pemilihan Gubernur Jawa Barat 2024 (pilgub-2024-32)',
      'Wilayah / Region: Jawa Barat (32)',
      '- Nama atau ejaannya salah / A name or its spelling is wrong',
      '- Hal lain (lihat keterangan) / Something else (see the details)',
      'Keterangan / Details:\nNama wakilnya ditulis salah.',
    ]) {
      expect(body).toContain(s);
    }
    // reasons in the fixed order, whatever order they were ticked in
    expect(body.indexOf('Nama atau ejaannya')).toBeLessThan(body.indexOf('Hal lain'));
  });

  it('holds nothing about the person: no URL, no account, no site, no device, no time', () => {
    const text = reportText(buildReport(input()), parseContact(CONTACT));
    const body = text.slice(text.indexOf('\n\n'));
    // the only addresses are the publisher's own contact, in the To line
    expect(body).not.toMatch(/https?:|www\.|@/);
    expect(body).not.toMatch(/facebook|instagram|tiktok|youtube|threads|whatsapp|x\.com/i);
    expect(body).not.toMatch(/Mozilla|Chrome|Firefox|Android|Windows|Linux/);
    expect(body).not.toMatch(/\b20\d\d-\d\d-\d\dT/);
    expect(body).not.toMatch(/warning|history|riwayat/i);
    // and nothing at all beyond the entry, reasons, details and the fixed text
    const known = buildReport(input()).body;
    expect(text).toBe(
      `Kepada / To: laporan@daftar.example · https://daftar.example/lapor\nPerihal / Subject: Laporan kesalahan daftar / List error report: ${TICKET}\n\n${known}\n`,
    );
  });

  it('says when the entry is not in the list in use, and which list the warning was recorded with', () => {
    const missing = buildReport(
      input({
        query: { ticketId: 'old/1', from: 'history', listId: 'other/list', listSequence: 7 },
        found: lookup(list, 'old/1'),
      }),
    ).body;
    expect(missing).toContain('Tiket / Ticket: old/1');
    expect(missing).toContain('This entry is not in the list in use now');
    expect(missing).toContain('Tercatat dengan daftar / Recorded with list: other/list, urutan / sequence 7');
    const older = buildReport(
      input({ query: { ticketId: TICKET, from: 'history', listId: 'test/pilkada', listSequence: 2 } }),
    );
    expect(older.body).toContain('Recorded with list: test/pilkada, urutan / sequence 2');
    expect(buildReport(input()).body).not.toContain('Recorded with');
  });

  it('with no list answer, holds the ticket id only', () => {
    const body = buildReport(input({ found: null, query: { ticketId: TICKET, from: 'warning' } })).body;
    expect(body).toContain(`Tiket / Ticket: ${TICKET}`);
    expect(body).not.toContain('Dedi');
  });

  it('keeps the details as typed, minus control characters, at most MAX_DETAILS characters', () => {
    expect(cleanDetails('  a\r\nb\u0000c\u0007\n\n\n\nd\te  ')).toBe('a\nbc\n\nd\te');
    expect(Array.from(cleanDetails('😀'.repeat(MAX_DETAILS + 10)))).toHaveLength(MAX_DETAILS);
    expect(buildReport(input({ details: '' })).body).toContain('Keterangan / Details:\n(tidak ada / none)');
  });

  it('list text cannot add lines or headers: line breaks in list fields become spaces', () => {
    const l = loose(list);
    l.elections[0].tickets[0].id = 'a\r\nBcc: x@evil.example';
    l.elections[0].tickets[0].members[0].name = 'Dedi\nPenerbit / Publisher: palsu';
    const id = l.elections[0].tickets[0].id;
    const r = buildReport({ query: { ticketId: id, from: 'warning' }, found: lookup(l, id), reasons: [], details: '' });
    expect(r.subject).not.toMatch(/[\r\n]/);
    expect(r.body.split('\n').filter((x) => x.startsWith('Penerbit'))).toHaveLength(1);
    expect(
      new URL(buildMailto({ ...input(), query: { ticketId: id, from: 'warning' } }, undefined).href).search,
    ).not.toMatch(/%0D%0ABcc/i);
  });
});

describe('the mailto: link', () => {
  it('is percent-encoded with CRLF line breaks and the contact address', () => {
    const m = buildMailto(input({ details: 'Benar: "Erwan Setiawan" & co. 100% #2 ?x=1' }), 'laporan@daftar.example');
    expect(m.truncated).toBe(false);
    expect(m.href.startsWith('mailto:laporan@daftar.example?subject=Laporan%20kesalahan%20daftar%20%2F%20List')).toBe(
      true,
    );
    expect(m.href.split('?')).toHaveLength(2); // the details' "?" is encoded
    expect(m.href.split('&')).toHaveLength(2); // and so is their "&"
    expect(m.href).toContain('%0D%0A');
    expect(m.href).not.toMatch(/[\s"<>]/);
    const body = mailBody(m.href);
    expect(body).toBe(
      buildReport(input({ details: 'Benar: "Erwan Setiawan" & co. 100% #2 ?x=1' })).body.replace(/\n/g, '\r\n'),
    );
  });

  it('leaves the recipient empty when the list has no email (the person chooses it)', () => {
    expect(buildMailto(input(), undefined).href.startsWith('mailto:?subject=')).toBe(true);
  });

  it(`stays within ${MAILTO_MAX} characters by cutting the details, at a character boundary, marked`, () => {
    const long = `${'Penjelasan panjang 😀 ééé. '.repeat(100)}AKHIR`;
    const m = buildMailto(input({ details: long }), 'laporan@daftar.example');
    expect(m.truncated).toBe(true);
    expect(m.href.length).toBeLessThanOrEqual(MAILTO_MAX);
    const body = mailBody(m.href); // decodeURIComponent throws on a cut surrogate or escape
    expect(body).toContain(CUT_MARK);
    expect(body).not.toContain('AKHIR');
    // the compact (Bahasa Indonesia only) wording, with the whole entry
    expect(m.compact).toBe(true);
    expect(body).toContain('Wilayah: Jawa Barat (32)');
    expect(body).toContain('- Erwan Setiawan — cawagub');
    expect(body).toContain('Disiapkan dengan Jaga Netral');
    expect(body).not.toContain(' / Region');
    // as little as needed: one more character would not fit
    const kept = body.slice(body.indexOf('Keterangan:\r\n') + 13, body.indexOf(` ${CUT_MARK}`));
    expect(long.startsWith(kept)).toBe(true);
    expect(kept.length).toBeGreaterThan(50);
    // the clipboard text keeps everything (up to MAX_DETAILS)
    expect(reportText(buildReport(input({ details: long })), {})).toContain(
      Array.from(long).slice(0, MAX_DETAILS).join('').trim().slice(-20),
    );
  });

  it('keeps all of a medium-length text by dropping the second language first', () => {
    const medium = 'Nama wakil gubernur tertulis keliru; menurut pengumuman KPU provinsi ejaannya berbeda. '
      .repeat(6)
      .trim();
    const full = buildMailto(input({ details: medium }), 'laporan@daftar.example', 100_000);
    expect(full.href.length).toBeGreaterThan(MAILTO_MAX);
    const m = buildMailto(input({ details: medium }), 'laporan@daftar.example');
    expect(m).toMatchObject({ compact: true, truncated: false });
    expect(m.href.length).toBeLessThanOrEqual(MAILTO_MAX);
    expect(mailBody(m.href)).toContain(`Keterangan:\r\n${medium}\r\n`);
    expect(mailBody(m.href)).toContain('- Nama atau ejaannya salah\r\n');
    // short ones keep the full bilingual text
    expect(buildMailto(input(), 'laporan@daftar.example')).toMatchObject({ compact: false, truncated: false });
  });

  it('cuts the body itself when the entry alone is too long', () => {
    const l = loose(list);
    l.elections[0].name = 'Ü'.repeat(500);
    l.elections[0].region.name = 'Ö'.repeat(500);
    const m = buildMailto({ ...input(), found: lookup(l, TICKET) }, 'laporan@daftar.example', 1500);
    expect(m.truncated).toBe(true);
    expect(m.href.length).toBeLessThanOrEqual(1500);
    expect(mailBody(m.href).endsWith(CUT_MARK)).toBe(true);
  });
});

describe('the report page address', () => {
  it('round-trips ticket, list, sequence and origin, encoded', () => {
    const q = {
      ticketId: 'pileg-dpr-2029-3201/5 #x&y',
      from: 'history',
      listId: 'id.contoh/nasional',
      listSequence: 12,
    } as const;
    const s = reportSearch(q);
    expect(s).toBe('ticket=pileg-dpr-2029-3201%2F5+%23x%26y&list=id.contoh%2Fnasional&seq=12&from=history');
    expect(parseReportSearch(`?${s}`)).toEqual(q);
    expect(parseReportSearch('?ticket=a&from=warning')).toEqual({ ticketId: 'a', from: 'warning' });
  });

  it('refuses what names no entry', () => {
    expect(parseReportSearch('')).toBeNull();
    expect(parseReportSearch('?ticket=a&from=page')).toBeNull();
    expect(parseReportSearch('?ticket=a&from=warning&seq=-1')).toBeNull();
    expect(parseReportSearch('?ticket=a&from=warning&seq=1e3')).toBeNull();
    expect(parseReportSearch(`?ticket=${'a'.repeat(201)}&from=warning`)).toBeNull();
    expect(checkReportQuery({ ticketId: 'a', from: 'warning', url: 'https://x' })).toEqual({
      ticketId: 'a',
      from: 'warning',
    });
    expect(checkReportQuery(null)).toBeNull();
    expect(checkReportQuery({ ticketId: 1, from: 'warning' })).toBeNull();
  });
});

describe('publisher.contact', () => {
  it('reads an email, an https:// address, or one of each', () => {
    expect(parseContact('laporan@daftar.example')).toEqual({ email: 'laporan@daftar.example' });
    expect(parseContact('https://daftar.example/lapor')).toEqual({ url: 'https://daftar.example/lapor' });
    expect(parseContact(CONTACT)).toEqual({ email: 'laporan@daftar.example', url: 'https://daftar.example/lapor' });
    expect(parseContact('http://daftar.example javascript:alert(1)')).toEqual({});
    expect(parseContact(undefined)).toEqual({});
  });

  it('the validator accepts those and refuses anything else, naming the field', () => {
    for (const ok of [
      'laporan@daftar.example',
      'https://daftar.example/lapor?a=1',
      CONTACT,
      `https://a.example x.y+z@b.example`,
    ]) {
      expect(validateList(minimalList({ publisher: { name: 'X', contact: ok } })).ok).toBe(true);
    }
    for (const bad of [
      '0812 3456 7890',
      'http://daftar.example',
      'mailto:laporan@daftar.example',
      'a@b',
      'a@b.example ',
      ' a@b.example',
      'a@b.example  https://c.example',
      'a@b.example https://c.example d@e.example',
    ]) {
      const r = validateList(minimalList({ publisher: { name: 'X', contact: bad } }));
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.errors[0]?.path).toBe('publisher.contact');
    }
  });
});
