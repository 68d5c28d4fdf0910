import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { ListStatus } from '../lib/list/status';
import { send } from '../lib/messages';
import type { Lang } from '../lib/settings/settings';

const STATE_KEY = {
  ok: 'listStatusOk',
  stale: 'listStatusStale',
  error: 'listStatusError',
  updating: 'listStatusUpdating',
} as const;

/** The list section of the options page: status hooks per shared/spec/test-contract.md. */
export function ListStatusPanel({ lang }: { lang: Lang }) {
  const [status, setStatus] = useState<ListStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void send('list:status', null).then(setStatus);
  }, []);

  async function updateNow() {
    setBusy(true);
    try {
      setStatus(await send('list:update-now', null));
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
        role="status"
      >
        <strong>{t(lang, STATE_KEY[state])}</strong>
        {status && (
          <>
            {' · '}
            {status.listId} · {t(lang, 'listSequence')} {status.sequence}
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
            {status.state === 'error' && status.error && <div class="error">{status.error}</div>}
          </>
        )}
      </div>
      <div class="toolbar">
        <button type="button" name="update_now" onClick={updateNow} disabled={busy}>
          {t(lang, 'updateNow')}
        </button>
      </div>
    </section>
  );
}
