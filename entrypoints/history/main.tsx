import '../../components/page.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { HistoryTable } from '../../components/HistoryTable';
import { usePageSettings } from '../../components/usePageSettings';
import { t } from '../../lib/i18n';
import { getDb } from '../../lib/log/db';
import { toCsv, toJson } from '../../lib/log/export';
import { listEntries } from '../../lib/log/queries';
import type { LogEntry } from '../../lib/log/types';

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
  const reload = () => void listEntries(getDb(), 10_000).then(setEntries);
  useEffect(reload, []);
  if (!settings || !entries) return null;
  const lang = settings.lang;
  const stamp = new Date().toISOString().slice(0, 10);

  async function deleteAll() {
    if (!confirm(t(lang, 'deleteAllConfirm'))) return;
    await getDb().decisions.clear();
    reload();
  }

  return (
    <main>
      <h1>🛡️ {t(lang, 'pageHistoryTitle')}</h1>
      <p class="muted">{t(lang, 'privacyNote')}</p>
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
        <button type="button" name="delete_all" class="danger" onClick={deleteAll}>
          {t(lang, 'deleteAll')}
        </button>
      </div>
      <section class="card">
        <HistoryTable entries={entries} lang={lang} />
      </section>
    </main>
  );
}

render(<History />, document.getElementById('app')!);
