import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../lib/i18n';
import { LIST_ERROR_TEXT, type ListStatus } from '../lib/list/status';
import { parseSubscription } from '../lib/list/subscription';
import type { TicketFacts } from '../lib/list/union';
import type { SourceStatus, SourcesStatus, UpdateRecord } from '../lib/list/updater';
import { send } from '../lib/messages';
import { loadManaged, type ManagedSettings } from '../lib/settings/managed';
import { type Lang, loadSettings, MAX_LIST_SOURCES, SETTINGS_KEY, saveSettings } from '../lib/settings/settings';

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

/** Text of the several-sources part (public/_locales: Bahasa Indonesia first). */
function sourcesText(lang: Lang) {
  return {
    heading: t(lang, 'listSourcesHeading'),
    intro: t(lang, 'listSourcesIntro'),
    bundled: t(lang, 'listSourcesBundled'),
    policy: t(lang, 'listSourcesPolicy'),
    pending: t(lang, 'listSourcesPending'),
    none: t(lang, 'listSourcesNone'),
    remove: (n: number) => t(lang, 'listSourcesRemove', n),
    add: t(lang, 'listSourcesAdd'),
    addButton: t(lang, 'listSourcesAddButton'),
    added: t(lang, 'listSourcesAdded'),
    removed: t(lang, 'listSourcesRemoved'),
    duplicate: t(lang, 'listSourcesDuplicate'),
    tooMany: t(lang, 'listSourcesTooMany', MAX_LIST_SOURCES),
    locked: t(lang, 'listSourcesLocked'),
    badCode: t(lang, 'listSourcesBadCode'),
    keepsLast: (id: string, seq: number) => t(lang, 'listSourcesKeepsLast', id, seq),
    addsNothing: t(lang, 'listSourcesAddsNothing'),
    conflicts: t(lang, 'listSourcesConflicts'),
    conflictsIntro: t(lang, 'listSourcesConflictsIntro'),
    conflictsMore: (n: number, shown: number) => t(lang, 'listSourcesConflictsMore', n, shown),
    ticket: t(lang, 'listSourcesTicket'),
    differs: t(lang, 'listSourcesDiffers'),
    says: (n: number) => t(lang, 'listSourcesSays', n),
    firstSays: t(lang, 'listSourcesFirstSays'),
    otherSays: t(lang, 'listSourcesOtherSays'),
    field: {
      names: t(lang, 'listSourcesFieldNames'),
      number: t(lang, 'listSourcesFieldNumber'),
      election: t(lang, 'listSourcesFieldElection'),
      region: t(lang, 'listSourcesFieldRegion'),
    },
    number: t(lang, 'listSourcesNumber'),
    election: t(lang, 'listSourcesElection'),
    region: t(lang, 'listSourcesRegion'),
    source: t(lang, 'listSourcesSource'),
  };
}

/** The value automation reads: `pending` for a further source not checked yet (docs/automation.md). */
function sourceState(s: SourceStatus): string {
  if (s.state === 'ok' && s.source === 'none' && s.lastCheck === undefined) return 'pending';
  return s.state;
}

function FactsCell({ f, lang }: { f: TicketFacts; lang: Lang }) {
  const x = sourcesText(lang);
  return (
    <td data-conflict-source={f.source}>
      <strong>{x.says(f.source)}</strong> ({f.listId}): {f.names.join(' & ')}
      {f.number !== undefined && ` · ${x.number} ${f.number}`} · {x.election} {f.electionId} · {x.region}{' '}
      {f.region || '00'}
    </td>
  );
}

/** Every source in force, its state and reason; add and remove the person's own sources. */
function SourcesList({ status, lang }: { status: SourcesStatus; lang: Lang }) {
  const x = sourcesText(lang);
  const [managed, setManaged] = useState<ManagedSettings>({});
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    void loadManaged().then(setManaged);
  }, []);
  const locked = managed.lockListSource === true;

  async function add(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('add_source') as HTMLInputElement;
    const sub = parseSubscription(input.value);
    setMessage('');
    if (!sub.ok) {
      setError(`${x.badCode}: ${sub.reason}`);
      return;
    }
    const settings = await loadSettings();
    if (
      status.sources.some((s) => s.configuredUrl === sub.url) ||
      settings.listSources.some((s) => s.url === sub.url)
    ) {
      setError(x.duplicate);
      return;
    }
    if (settings.listSources.length >= MAX_LIST_SOURCES) {
      setError(x.tooMany);
      return;
    }
    setError('');
    await saveSettings({ listSources: [...settings.listSources, { url: sub.url, keys: sub.keys }] });
    input.value = '';
    setMessage(x.added);
  }

  async function remove(url: string) {
    const settings = await loadSettings();
    await saveSettings({ listSources: settings.listSources.filter((s) => s.url !== url) });
    setError('');
    setMessage(x.removed);
  }

  return (
    <section aria-labelledby="list-sources-h">
      <h3 id="list-sources-h">{x.heading}</h3>
      <p class="small muted">{x.intro}</p>
      <ol data-list-sources={status.sources.length}>
        {status.sources.map((s) => (
          <li
            key={s.slot || 'first'}
            data-list-source={s.n}
            data-source-state={sourceState(s)}
            data-source-error={s.errorCode ?? ''}
            data-source-list-id={s.listId}
            data-source-sequence={s.source === 'none' ? '' : s.sequence}
            data-source-origin={s.origin}
          >
            <strong>
              {x.source} {s.n}
            </strong>
            {' · '}
            <span class="small">{s.configuredUrl || x.bundled}</span>
            {s.origin === 'policy' && <span class="small muted"> ({x.policy})</span>}
            <div>
              {sourceState(s) === 'pending' ? x.pending : t(lang, STATE_KEY[s.state])}
              {s.source === 'none' ? (
                <> · {x.none}</>
              ) : (
                <>
                  {' · '}
                  {s.listId} · {t(lang, 'listSequence')} {s.sequence} ·{' '}
                  {t(lang, s.source === 'bundled' ? 'listBundled' : s.signed ? 'listSigned' : 'listUnsigned')} ·{' '}
                  {t(lang, 'listCounts', s.counts.elections, s.counts.tickets, s.counts.people, s.counts.accounts)}
                </>
              )}
            </div>
            {s.error && (
              <div class="error" data-source-reason="">
                <strong>{LIST_ERROR_TEXT[s.errorCode ?? 'network'][lang]}</strong>{' '}
                {s.n === 1
                  ? stillInUse(s, lang)
                  : s.source === 'none'
                    ? x.addsNothing
                    : x.keepsLast(s.listId, s.sequence)}
                <div class="small">{s.error}</div>
              </div>
            )}
            {s.origin === 'user' && s.n > 1 && !locked && (
              <button
                type="button"
                class="small"
                name="remove_source"
                value={s.configuredUrl}
                aria-label={x.remove(s.n)}
                onClick={() => void remove(s.configuredUrl)}
              >
                {x.remove(s.n)}
              </button>
            )}
          </li>
        ))}
      </ol>
      {locked ? (
        <p class="small">{x.locked}</p>
      ) : (
        <form onSubmit={add} data-add-source="" aria-describedby="add-source-status">
          <div class="field">
            <label for="add_source">{x.add}</label>
            <input
              id="add_source"
              name="add_source"
              type="text"
              spellcheck={false}
              autoComplete="off"
              placeholder="jaga-netral:list?url=…&key=…"
            />
          </div>
          <button type="submit" name="add_source_save">
            {x.addButton}
          </button>
          <p id="add-source-status" role="status" class="small">
            {error ? <span class="error">{error}</span> : message}
          </p>
        </form>
      )}
      {status.conflictCount > 0 && (
        <section aria-labelledby="list-conflicts-h" data-list-conflicts={status.conflictCount}>
          <h3 id="list-conflicts-h">{x.conflicts}</h3>
          <p class="small">{x.conflictsIntro}</p>
          {status.conflictCount > status.conflicts.length && (
            <p class="small">{x.conflictsMore(status.conflictCount, status.conflicts.length)}</p>
          )}
          <table>
            <thead>
              <tr>
                <th scope="col">{x.ticket}</th>
                <th scope="col">{x.differs}</th>
                <th scope="col">{x.firstSays}</th>
                <th scope="col">{x.otherSays}</th>
              </tr>
            </thead>
            <tbody>
              {status.conflicts.map((c) => (
                <tr
                  key={`${c.ticketId}/${c.other.source}/${c.other.electionId}`}
                  data-list-conflict={c.ticketId}
                  data-conflict-sources={`${c.first.source} ${c.other.source}`}
                  data-conflict-fields={c.fields.join(' ')}
                >
                  <th scope="row">{c.ticketId}</th>
                  <td>{c.fields.map((f) => x.field[f]).join(', ')}</td>
                  <FactsCell f={c.first} lang={lang} />
                  <FactsCell f={c.other} lang={lang} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

/** The list section of the options page: status hooks of docs/automation.md. */
export function ListStatusPanel({ lang }: { lang: Lang }) {
  const [status, setStatus] = useState<SourcesStatus | null>(null);
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
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith('list.') || k === SETTINGS_KEY)) load();
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
      {status?.sources && <SourcesList status={status} lang={lang} />}
      {history.length > 0 && (
        <details>
          <summary>{t(lang, 'listHistory')}</summary>
          <table>
            <tbody>
              {history.slice(0, 20).map((r) => (
                <tr key={`${r.at}${r.outcome}`} data-update-outcome={r.outcome}>
                  <td>{fmt.format(r.at)}</td>
                  <td>{r.source !== undefined ? `${t(lang, 'listSourcesSource')} ${r.source}` : ''}</td>
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
