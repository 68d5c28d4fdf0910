/**
 * "Laporkan kesalahan daftar / Report a list error": prepares a message to the list publisher about
 * one list entry, named in this page's address (lib/dispute/query.ts). The entry is read from the
 * active list through the background; the message is built by lib/dispute/message.ts from that
 * entry, the reasons ticked and the details typed, and nothing else. It opens in the person's mail
 * app (a mailto: link they press) or is copied: nothing is sent and no request is made.
 * Automation names: docs/automation.md ("Report a list error").
 */
import '../../components/page.css';
import './report.css';
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { usePageSettings } from '../../components/usePageSettings';
import { parseContact } from '../../lib/dispute/contact';
import type { DisputeLookup } from '../../lib/dispute/entry';
import {
  buildMailto,
  buildReport,
  MAX_DETAILS,
  REASON_TEXT,
  REASONS,
  type Reason,
  reportText,
} from '../../lib/dispute/message';
import { parseReportSearch } from '../../lib/dispute/query';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';

const query = parseReportSearch(location.search);

function Report() {
  const settings = usePageSettings();
  const [found, setFound] = useState<DisputeLookup | null | 'failed'>(null);
  const [reasons, setReasons] = useState<Reason[]>([]);
  const [details, setDetails] = useState('');
  const [copy, setCopy] = useState<'' | 'copied' | 'shown'>('');
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (query) send('dispute:entry', { ticketId: query.ticketId }).then(setFound, () => setFound('failed'));
  }, []);

  const lookup = found === 'failed' ? null : found;
  const input = query && { query, found: lookup, reasons, details };
  const contact = parseContact(lookup?.list.publisher.contact);
  const prepared = useMemo(() => {
    if (!input) return null;
    const report = buildReport(input);
    return { text: reportText(report, contact), mail: buildMailto(input, contact.email) };
  }, [found, reasons, details]);

  if (!settings) return null;
  const lang = settings.lang;
  if (!query || !prepared) {
    return (
      <main data-report="" data-report-entry="bad">
        <h1>🛡️ {t(lang, 'reportTitle')}</h1>
        <p class="error">{t(lang, 'reportBadLink')}</p>
      </main>
    );
  }
  const entry = lookup?.entry;
  const loaded = found !== null;
  const recorded =
    lookup &&
    query.listId !== undefined &&
    (query.listId !== lookup.list.id || query.listSequence !== lookup.list.sequence);

  async function onCopy() {
    if (!prepared) return;
    try {
      await navigator.clipboard.writeText(prepared.text);
      setCopy('copied');
    } catch {
      // No clipboard access (permission, focus): select the text so Ctrl+C copies it.
      textRef.current?.focus();
      textRef.current?.select();
      setCopy('shown');
    }
  }

  const toggle = (r: Reason) => (e: Event) => {
    const on = (e.currentTarget as HTMLInputElement).checked;
    setReasons((rs) => (on ? [...rs.filter((x) => x !== r), r] : rs.filter((x) => x !== r)));
    setCopy('');
  };

  return (
    <main
      data-report=""
      data-ticket={query.ticketId}
      data-list-id={query.listId ?? ''}
      data-list-sequence={query.listSequence ?? ''}
      data-from={query.from}
      data-report-entry={!loaded ? 'loading' : entry ? 'found' : 'missing'}
    >
      <h1>🛡️ {t(lang, 'reportTitle')}</h1>
      <p>{t(lang, 'reportIntro')}</p>
      <p class="muted" id="report-privacy" data-report-privacy="">
        {t(lang, 'reportPrivacy')}
      </p>

      <section class="card" aria-labelledby="entry-h">
        <h2 id="entry-h">{t(lang, 'reportEntryTitle')}</h2>
        <dl class="entry">
          {lookup && (
            <>
              <dt>{t(lang, 'reportList')}</dt>
              <dd>
                {lookup.list.id}, {t(lang, 'reportSequence', lookup.list.sequence)}
              </dd>
              <dt>{t(lang, 'reportPublisher')}</dt>
              <dd>{lookup.list.publisher.name}</dd>
            </>
          )}
          <dt>{t(lang, 'reportTicket')}</dt>
          <dd>
            <code>{query.ticketId}</code>
            {entry?.label && <> — {entry.label}</>}
          </dd>
          {entry && (
            <>
              {entry.number !== undefined && (
                <>
                  <dt>{t(lang, 'reportNumber')}</dt>
                  <dd>{entry.number}</dd>
                </>
              )}
              <dt>{t(lang, 'reportNames')}</dt>
              <dd>
                <ul>
                  {entry.names.map((n) => (
                    <li key={`${n.role}${n.name}`}>
                      {n.name}
                      {n.officialName && <> ({n.officialName})</>} — {n.role}
                    </li>
                  ))}
                </ul>
              </dd>
              <dt>{t(lang, 'reportElection')}</dt>
              <dd>{entry.election.name}</dd>
              <dt>{t(lang, 'reportRegion')}</dt>
              <dd>
                {entry.region.name}
                {entry.region.code && <> ({entry.region.code})</>}
              </dd>
            </>
          )}
        </dl>
        {found === 'failed' && <p class="error">{t(lang, 'reportLoadFailed')}</p>}
        {lookup && !entry && <p class="error">{t(lang, 'reportMissing')}</p>}
        {recorded && (
          <p class="muted small">{t(lang, 'reportRecorded', query.listId ?? '', query.listSequence ?? '?')}</p>
        )}
      </section>

      <section class="card" aria-labelledby="reasons-h">
        <h2 id="reasons-h">{t(lang, 'reportReasons')}</h2>
        <form onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend class="sr-only">{t(lang, 'reportReasons')}</legend>
            {REASONS.map((r) => (
              <label class="check" key={r}>
                <input type="checkbox" name="reason" value={r} checked={reasons.includes(r)} onChange={toggle(r)} />
                {REASON_TEXT[r][lang === 'id' ? 0 : 1]}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="details">{t(lang, 'reportDetails')}</label>
            <textarea
              id="details"
              name="details"
              rows={5}
              maxLength={MAX_DETAILS}
              aria-describedby="details-help"
              value={details}
              onInput={(e) => {
                setDetails((e.currentTarget as HTMLTextAreaElement).value);
                setCopy('');
              }}
            />
            <p id="details-help" class="muted small">
              {t(lang, 'reportDetailsHelp', MAX_DETAILS)}
            </p>
          </div>
        </form>
      </section>

      <section class="card" aria-labelledby="preview-h">
        <h2 id="preview-h">{t(lang, 'reportPreview')}</h2>
        <p data-report-to={contact.email ?? ''}>
          <strong>{t(lang, 'reportTo')}:</strong> {contact.email && <span>{contact.email}</span>}
          {contact.email && contact.url && ' · '}
          {contact.url && (
            <a href={contact.url} target="_blank" rel="noopener noreferrer" data-report-contact-url="">
              {t(lang, 'reportContactUrl')}
            </a>
          )}
          {!contact.email && !contact.url && <span>{t(lang, 'reportNoContact')}</span>}
        </p>
        <textarea
          ref={textRef}
          name="report_text"
          readOnly
          rows={22}
          aria-labelledby="preview-h"
          aria-describedby="report-privacy"
          value={prepared.text}
        />
        <div class="actions">
          <a
            class="button"
            href={prepared.mail.href}
            data-report-mail=""
            data-truncated={String(prepared.mail.truncated)}
          >
            {t(lang, 'reportMail')}
          </a>
          <button type="button" name="copy_report" onClick={() => void onCopy()}>
            {t(lang, 'reportCopy')}
          </button>
        </div>
        {prepared.mail.truncated && <p class="muted small">{t(lang, 'reportTruncated')}</p>}
        <p role="status" data-report-copy={copy}>
          {copy && t(lang, copy === 'copied' ? 'reportCopied' : 'reportShown')}
        </p>
        <p class="muted small">{t(lang, 'reportNothingSent')}</p>
      </section>
    </main>
  );
}

document.title = 'Jaga Netral — Laporkan kesalahan daftar / Report a list error';
render(<Report />, document.getElementById('app')!);
