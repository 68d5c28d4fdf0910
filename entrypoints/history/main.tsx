import '../../components/page.css';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { HistoryFilters, type Period, periodFilter } from '../../components/HistoryFilters';
import { HistoryTable } from '../../components/HistoryTable';
import { usePageSettings } from '../../components/usePageSettings';
import { WeeklyChart } from '../../components/WeeklyChart';
import { t } from '../../lib/i18n';
import { getDb } from '../../lib/log/db';
import { toCsv, toJson } from '../../lib/log/export';
import {
  type DaySummary,
  type Filter,
  importEntries,
  listEntries,
  logEvent,
  matchesFilter,
  weeklySummary,
} from '../../lib/log/queries';
import type { Dismissal, LogEntry } from '../../lib/log/types';
import { send } from '../../lib/messages';

/** The dismissals list's own words (Bahasa Indonesia first). */
const DISMISSAL_TEXT = {
  id: {
    note: 'Akun dan kiriman yang Anda tandai "bukan kampanye" tidak diperingatkan lagi. Hapus tanda agar diperingatkan kembali.',
    remove: 'Hapus tanda',
    removed: (label: string) => `Tanda "bukan kampanye" untuk ${label} dihapus: peringatan berlaku lagi.`,
  },
  en: {
    note: 'Accounts and posts you marked "not campaign" are not warned on again. Remove a mark to be warned again.',
    remove: 'Remove mark',
    removed: (label: string) => `The "not campaign" mark for ${label} was removed: warnings apply again.`,
  },
} as const;

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function History() {
  const settings = usePageSettings();
  const [entries, setEntries] = useState<LogEntry[] | null>(null);
  const [week, setWeek] = useState<DaySummary[]>([]);
  const [dismissals, setDismissals] = useState<Dismissal[]>([]);
  const [filter, setFilter] = useState<Filter & { period: Period }>({ period: '' });
  const [message, setMessage] = useState('');

  const reload = () => {
    const db = getDb();
    void listEntries(db, 10_000).then(setEntries);
    void weeklySummary(db).then(setWeek);
    void db.dismissals.orderBy('at').reverse().toArray().then(setDismissals);
  };
  useEffect(reload, []);

  const tickets = useMemo(() => {
    const seen = new Map<string, string>();
    for (const e of entries ?? []) {
      for (const [i, id] of e.tickets.entries()) seen.set(id, e.ticketLabels[i] ?? id);
    }
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [entries]);

  if (!settings || !entries) return null;
  const lang = settings.lang;
  const stamp = new Date().toISOString().slice(0, 10);
  const shown = entries.filter((e) => matchesFilter(e, { ...filter, ...periodFilter(filter.period) }));

  async function deleteAll() {
    if (!confirm(t(lang, 'deleteAllConfirm'))) return;
    const db = getDb();
    await db.decisions.clear();
    await logEvent(db, { at: Date.now(), type: 'delete_all' });
    reload();
  }

  async function onImport(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const doc = JSON.parse(await file.text());
      if (doc?.format !== 'jaga-netral/history' || !Array.isArray(doc.entries)) throw new Error('format');
      const added = await importEntries(getDb(), doc.entries);
      await logEvent(getDb(), { at: Date.now(), type: 'import', detail: `${added} added` });
      setMessage(t(lang, 'imported', added));
      reload();
    } catch {
      setMessage(t(lang, 'importFailed'));
    } finally {
      input.value = '';
    }
  }

  return (
    <main>
      <h1>🛡️ {t(lang, 'pageHistoryTitle')}</h1>
      <p class="muted">{t(lang, 'privacyNote')}</p>
      <section class="card" aria-labelledby="week-h">
        <h2 id="week-h">{t(lang, 'weekTitle')}</h2>
        <WeeklyChart days={week} lang={lang} />
      </section>
      <div class="toolbar">
        <button
          type="button"
          name="export_json"
          onClick={() => download(`jaga-netral-riwayat-${stamp}.json`, 'application/json', toJson(entries))}
        >
          {t(lang, 'exportJson')}
        </button>
        <button
          type="button"
          name="export_csv"
          onClick={() => download(`jaga-netral-riwayat-${stamp}.csv`, 'text/csv', toCsv(entries))}
        >
          {t(lang, 'exportCsv')}
        </button>
        <label class="button">
          {t(lang, 'importJson')}
          <input type="file" name="import_json" accept="application/json,.json" class="sr-only" onChange={onImport} />
        </label>
        <button type="button" name="delete_all" class="danger" onClick={deleteAll}>
          {t(lang, 'deleteAll')}
        </button>
      </div>
      <p role="status">{message}</p>
      <HistoryFilters lang={lang} value={filter} tickets={tickets} onChange={setFilter} />
      <section class="card">
        <HistoryTable
          entries={shown}
          lang={lang}
          onDelete={async (id) => {
            await getDb().decisions.delete(id);
            reload();
          }}
          onReport={(e, ticketId) =>
            void send('dispute:open', {
              ticketId,
              from: 'history',
              ...(e.listId ? { listId: e.listId } : {}),
              ...(e.listSequence ? { listSequence: e.listSequence } : {}),
            })
          }
        />
      </section>
      {dismissals.length > 0 && (
        <section class="card" aria-labelledby="fp-h">
          <h2 id="fp-h">{t(lang, 'dismissalsTitle')}</h2>
          <p class="muted small">{DISMISSAL_TEXT[lang].note}</p>
          <ul>
            {dismissals.map((d) => (
              <li key={d.key} data-dismissal={d.key}>
                {d.label} <span class="muted">({d.site})</span>{' '}
                <button
                  type="button"
                  name="remove_dismissal"
                  class="small"
                  aria-label={`${DISMISSAL_TEXT[lang].remove}: ${d.label}`}
                  onClick={async () => {
                    await send('dismissal:remove', { key: d.key });
                    setMessage(DISMISSAL_TEXT[lang].removed(d.label));
                    reload();
                  }}
                >
                  {DISMISSAL_TEXT[lang].remove}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

render(<History />, document.getElementById('app')!);
