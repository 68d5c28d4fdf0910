import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DIAGNOSTICS_KEY, type Diagnostics } from '../lib/guard/diagnostics';
import { t } from '../lib/i18n';
import type { Lang } from '../lib/settings/settings';

/** Which sites' markup no longer matched our selectors: a hint that a site changed. */
export function DiagnosticsPanel({ lang }: { lang: Lang }) {
  const [diag, setDiag] = useState<Diagnostics>({});
  useEffect(() => {
    void browser.storage.local.get(DIAGNOSTICS_KEY).then((r) => setDiag((r[DIAGNOSTICS_KEY] ?? {}) as Diagnostics));
  }, []);
  const rows = Object.entries(diag).flatMap(([site, m]) =>
    Object.entries(m ?? {}).map(([k, n]) => [site, k, n] as const),
  );
  return (
    <section class="card" aria-labelledby="diag-h">
      <h2 id="diag-h">{t(lang, 'diagTitle')}</h2>
      <p class="muted small">{t(lang, 'diagHelp')}</p>
      {rows.length === 0 ? (
        <p class="small" data-diagnostics="0">
          {t(lang, 'diagNone')}
        </p>
      ) : (
        <table data-diagnostics={rows.length}>
          <tbody>
            {rows.map(([site, key, n]) => (
              <tr key={`${site}${key}`}>
                <td>{site}</td>
                <td>
                  <code>{key}</code>
                </td>
                <td>{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > 0 && (
        <button
          type="button"
          name="clear_diagnostics"
          onClick={async () => {
            await browser.storage.local.remove(DIAGNOSTICS_KEY);
            setDiag({});
          }}
        >
          {t(lang, 'diagClear')}
        </button>
      )}
    </section>
  );
}
