import { t } from '../lib/i18n';
import type { LogEntry } from '../lib/log/types';
import type { Lang } from '../lib/settings/settings';

const ACTION_KEY = {
  like: 'actionLike',
  comment: 'actionComment',
  share: 'actionShare',
  follow: 'actionFollow',
  post: 'actionPost',
} as const;

export interface HistoryTableProps {
  entries: LogEntry[];
  lang: Lang;
  onDelete(id: number): void;
  /** "report a list error" about one ticket of a row (the report page opens in a new tab) */
  onReport?(entry: LogEntry, ticketId: string): void;
}

/** One row per warning; the data-* attributes are a public hook (docs/automation.md). */
export function HistoryTable({ entries, lang, onDelete, onReport }: HistoryTableProps) {
  if (entries.length === 0) return <p class="muted">{t(lang, 'historyEmpty')}</p>;
  const fmt = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <table>
      <caption class="sr-only">{t(lang, 'pageHistoryTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'colTime')}</th>
          <th scope="col">{t(lang, 'colSite')}</th>
          <th scope="col">{t(lang, 'colAction')}</th>
          <th scope="col">{t(lang, 'colCandidates')}</th>
          <th scope="col">{t(lang, 'colDecision')}</th>
          <th scope="col">{t(lang, 'colLink')}</th>
          <th scope="col">
            <span class="sr-only">{t(lang, 'deleteOne')}</span>
          </th>
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
            <td>
              {t(lang, ACTION_KEY[e.action])}
              {e.phase === 'comment-start' && <div class="muted small">{t(lang, 'phaseCommentStart')}</div>}
            </td>
            <td>
              {e.ticketLabels.join('; ')}
              {onReport &&
                e.tickets.slice(0, 5).map((id, i) => (
                  <div key={id}>
                    <button
                      type="button"
                      name="report_list_error"
                      class="small"
                      data-ticket={id}
                      aria-label={t(lang, 'reportHistoryButtonFor', e.ticketLabels[i] ?? id)}
                      onClick={() => onReport(e, id)}
                    >
                      {t(lang, 'reportHistoryButton')}
                      {e.tickets.length > 1 && <span aria-hidden="true">: {e.ticketLabels[i] ?? id}</span>}
                    </button>
                  </div>
                ))}
            </td>
            <td>
              <strong>{t(lang, e.decision === 'proceeded' ? 'decisionProceeded' : 'decisionCancelled')}</strong>
              {e.notCampaign && <div class="muted small">{t(lang, 'markedNotCampaign')}</div>}
            </td>
            <td>
              {e.url?.startsWith('https://') ? (
                <a href={e.url} target="_blank" rel="noopener noreferrer">
                  {e.decision === 'proceeded' && !e.notCampaign ? t(lang, 'openToUndo') : t(lang, 'openPost')}
                </a>
              ) : (
                '—'
              )}
            </td>
            <td>
              <button
                type="button"
                name="delete_row"
                class="small"
                aria-label={`${t(lang, 'deleteOne')}: ${fmt.format(e.at)}`}
                onClick={() => e.id !== undefined && onDelete(e.id)}
              >
                {t(lang, 'deleteOne')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
