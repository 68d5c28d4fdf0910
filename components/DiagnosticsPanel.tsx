import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  type Diagnostics,
  diagnosticReport,
  groupByCause,
  MISS_CAUSES,
  type MissCause,
  readDiagnostics,
} from '../lib/diagnostics/report';
import { DIAGNOSTICS_KEY } from '../lib/guard/diagnostics';
import { type MessageKey, t } from '../lib/i18n';
import { PLATFORMS } from '../lib/list/types';
import type { Lang } from '../lib/settings/settings';

const CAUSE_LABEL: Record<MissCause, MessageKey> = {
  control: 'diagCauseControl',
  item: 'diagCauseItem',
  author: 'diagCauseAuthor',
  other: 'diagCauseOther',
};

/**
 * Which sites' markup no longer matched our selectors: per site, how many actions passed because a
 * control, an item or an author could not be resolved (with the day last seen), the rule keys behind
 * those counts, and a report of rule keys and counts a person can copy for a maintainer.
 */
export function DiagnosticsPanel({ lang }: { lang: Lang }) {
  const [diag, setDiag] = useState<Diagnostics>({});
  const [report, setReport] = useState<{ text: string; copied: boolean } | null>(null);
  useEffect(() => {
    void browser.storage.local.get(DIAGNOSTICS_KEY).then((r) => setDiag(readDiagnostics(r[DIAGNOSTICS_KEY])));
  }, []);
  const sites = PLATFORMS.filter((p) => diag[p]);
  const rows = sites.flatMap((site) => Object.entries(diag[site] ?? {}).map(([k, r]) => [site, k, r.n] as const));
  const copy = async () => {
    const text = diagnosticReport(diag, browser.runtime.getManifest().version, navigator.userAgent);
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      // No clipboard access (permission, focus): the report is shown below to select and copy.
    }
    setReport({ text, copied });
  };
  return (
    <section class="card" aria-labelledby="diag-h">
      <h2 id="diag-h">{t(lang, 'diagTitle')}</h2>
      <p class="muted small">{t(lang, 'diagHelp')}</p>
      {rows.length === 0 ? (
        <p class="small" data-diagnostics="0">
          {t(lang, 'diagNone')}
        </p>
      ) : (
        <>
          <table data-diagnostic-causes={sites.length}>
            <caption class="small">{t(lang, 'diagCausesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'diagColSite')}</th>
                {MISS_CAUSES.map((c) => (
                  <th scope="col" key={c}>
                    {t(lang, CAUSE_LABEL[c])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => {
                const g = groupByCause(diag[site] ?? {});
                return (
                  <tr key={site} data-diagnostic-site={site}>
                    <th scope="row">{site}</th>
                    {MISS_CAUSES.map((c) => (
                      <td key={c} data-cause={c} data-count={g[c].n} data-last-seen={g[c].day}>
                        {g[c].n}
                        {g[c].n > 0 && g[c].day && (
                          <span class="muted small"> ({t(lang, 'diagLastSeen', g[c].day)})</span>
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <table data-diagnostics={rows.length}>
            <caption class="small">{t(lang, 'diagKeys')}</caption>
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
        </>
      )}
      <p class="muted small">{t(lang, 'diagReportHelp')}</p>
      <button type="button" name="copy_diagnostics" onClick={() => void copy()}>
        {t(lang, 'diagCopy')}
      </button>
      {rows.length > 0 && (
        <button
          type="button"
          name="clear_diagnostics"
          onClick={async () => {
            await browser.storage.local.remove(DIAGNOSTICS_KEY);
            setDiag({});
            setReport(null);
          }}
        >
          {t(lang, 'diagClear')}
        </button>
      )}
      <p
        class="small"
        role="status"
        aria-live="polite"
        data-diagnostic-copy={report ? (report.copied ? 'copied' : 'shown') : ''}
      >
        {report ? t(lang, report.copied ? 'diagCopied' : 'diagCopyFailed') : ''}
      </p>
      {report && <pre data-diagnostic-report>{report.text}</pre>}
    </section>
  );
}
