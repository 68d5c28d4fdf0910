import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../lib/i18n';
import { LIST_ERROR_TEXT, type ListStatus } from '../lib/list/status';
import type { UpdateRecord } from '../lib/list/updater';
import { send } from '../lib/messages';
import type { Lang } from '../lib/settings/settings';

const STATE_KEY = {
  ok: 'listStatusOk',
  stale: 'listStatusStale',
  error: 'listStatusError',
  updating: 'listStatusUpdating',
} as const;
const OUTCOME_KEY = {
  updated: 'outcomeUpdated',
  unchanged: 'outcomeUnchanged',
  failed: 'outcomeFailed',
  refused: 'outcomeRefused',
} as const;

/** What stays active after a refusal: the last good list of the source, or the bundled one. */
function stillInUse(s: ListStatus, lang: Lang): string {
  if (s.source === 'bundled') return t(lang, 'listStillBundled');
  return t(lang, 'listStillLastGood', s.listId, s.sequence);
}

/** The list section of the options page: status hooks of docs/automation.md. */
export function ListStatusPanel({ lang }: { lang: Lang }) {
  const [status, setStatus] = useState<ListStatus | null>(null);
  const [history, setHistory] = useState<UpdateRecord[]>([]);
  const [busy, setBusy] = useState(false);
  const fmt = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      clearTimeout(timer);
      void send('list:status', null).then((s) => {
        setStatus(s);
        // A check in flight ends without a storage change we would hear of: look again shortly.
        if (s.state === 'updating') timer = setTimeout(load, 500);
      });
      void send('list:history', null).then(setHistory);
    };
    load();
    // The background updates the list on its own (alarm, saved settings): follow its storage keys.
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith('list.'))) load();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => {
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onChange);
    };
  }, []);

  async function updateNow() {
    setBusy(true);
    try {
      setStatus(await send('list:update-now', null));
      setHistory(await send('list:history', null));
    } finally {
      setBusy(false);
    }
  }

  const state = busy ? 'updating' : (status?.state ?? 'updating');
  return (
    <section class="card" aria-labelledby="list-h">
      <h2 id="list-h">{t(lang, 'listSection')}</h2>
      <div
        class="status"
        data-list-status={state}
        data-list-sequence={status?.sequence ?? ''}
        data-list-id={status?.listId ?? ''}
        data-list-error={status?.errorCode ?? ''}
        role="status"
      >
        <strong>{t(lang, STATE_KEY[state])}</strong>
        {status && (
          <>
            {' · '}
            {status.listId} · {t(lang, 'listSequence')} {status.sequence} ·{' '}
            {t(lang, status.source === 'bundled' ? 'listBundled' : status.signed ? 'listSigned' : 'listUnsigned')}
            <div class="muted">
              {t(lang, 'listPublisher')}: {status.publisher}
            </div>
            <div class="muted">
              {t(
                lang,
                'listCounts',
                status.counts.elections,
                status.counts.tickets,
                status.counts.people,
                status.counts.accounts,
              )}
            </div>
            {status.lastCheck && (
              <div class="muted">
                {t(lang, 'listLastCheck')}: {fmt.format(status.lastCheck)}
                {status.nextCheck && (
                  <>
                    {' · '}
                    {t(lang, 'listNextCheck')}: {fmt.format(status.nextCheck)}
                  </>
                )}
              </div>
            )}
            {status.error && (
              <div class="error" data-list-reason="">
                <strong>{LIST_ERROR_TEXT[status.errorCode ?? 'network'][lang]}</strong> {stillInUse(status, lang)}
                <div class="small">{status.error}</div>
              </div>
            )}
          </>
        )}
      </div>
      <div class="toolbar">
        <button type="button" name="update_now" onClick={updateNow} disabled={busy}>
          {t(lang, 'updateNow')}
        </button>
      </div>
      {history.length > 0 && (
        <details>
          <summary>{t(lang, 'listHistory')}</summary>
          <table>
            <tbody>
              {history.slice(0, 20).map((r) => (
                <tr key={`${r.at}${r.outcome}`} data-update-outcome={r.outcome}>
                  <td>{fmt.format(r.at)}</td>
                  <td>{t(lang, OUTCOME_KEY[r.outcome])}</td>
                  <td>{r.sequence ?? ''}</td>
                  <td>
                    {r.code && <strong>{LIST_ERROR_TEXT[r.code][lang]} </strong>}
                    {r.reason ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
