import { t } from '../lib/i18n';
import type { LogEntry } from '../lib/log/types';
import type { Lang } from '../lib/settings/settings';

const ACTION_KEY = {
  like: 'actionLike',
  comment: 'actionComment',
  share: 'actionShare',
  follow: 'actionFollow',
} as const;

/** One row per warning; the data-* attributes are a public hook (shared/spec/test-contract.md). */
export function HistoryTable({ entries, lang }: { entries: LogEntry[]; lang: Lang }) {
  if (entries.length === 0) return <p class="muted">{t(lang, 'historyEmpty')}</p>;
  const fmt = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'colTime')}</th>
          <th scope="col">{t(lang, 'colSite')}</th>
          <th scope="col">{t(lang, 'colAction')}</th>
          <th scope="col">{t(lang, 'colCandidates')}</th>
          <th scope="col">{t(lang, 'colDecision')}</th>
          <th scope="col">{t(lang, 'colLink')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr
            key={e.id}
            data-log-row=""
            data-site={e.site}
            data-action-kind={e.action}
            data-decision={e.decision}
            data-tickets={e.tickets.join(' ')}
          >
            <td>
              <time dateTime={new Date(e.at).toISOString()}>{fmt.format(e.at)}</time>
            </td>
            <td>{e.site}</td>
            <td>{t(lang, ACTION_KEY[e.action])}</td>
            <td>{e.ticketLabels.join('; ')}</td>
            <td>
              <strong>{t(lang, e.decision === 'proceeded' ? 'decisionProceeded' : 'decisionCancelled')}</strong>
            </td>
            <td>
              {e.url?.startsWith('https://') ? (
                <a href={e.url} target="_blank" rel="noopener noreferrer">
                  {t(lang, 'openPost')}
                </a>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
