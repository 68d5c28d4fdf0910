import { t } from '../lib/i18n';
import { PLATFORMS } from '../lib/list/types';
import type { Filter } from '../lib/log/queries';
import type { Lang } from '../lib/settings/settings';

const DAY = 86_400_000;
export type Period = '' | '7' | '30' | '365';

export function periodFilter(period: Period, now = Date.now()): Pick<Filter, 'from'> {
  return period ? { from: now - Number(period) * DAY } : {};
}

export interface HistoryFiltersProps {
  lang: Lang;
  value: Filter & { period: Period };
  tickets: Array<[id: string, label: string]>;
  onChange(v: Filter & { period: Period }): void;
}

/** Filters by period, site, action, decision and candidate; plain selects, keyboard friendly. */
export function HistoryFilters({ lang, value, tickets, onChange }: HistoryFiltersProps) {
  const set = (k: keyof HistoryFiltersProps['value']) => (e: Event) =>
    onChange({ ...value, [k]: (e.currentTarget as HTMLSelectElement).value });
  return (
    <fieldset class="filters">
      <legend>{t(lang, 'filters')}</legend>
      <label>
        {t(lang, 'filterPeriod')}
        <select name="period" value={value.period} onChange={set('period')}>
          <option value="">{t(lang, 'filterAll')}</option>
          <option value="7">{t(lang, 'period7')}</option>
          <option value="30">{t(lang, 'period30')}</option>
          <option value="365">{t(lang, 'period365')}</option>
        </select>
      </label>
      <label>
        {t(lang, 'colSite')}
        <select name="site" value={value.site ?? ''} onChange={set('site')}>
          <option value="">{t(lang, 'filterAll')}</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(lang, 'colAction')}
        <select name="action" value={value.action ?? ''} onChange={set('action')}>
          <option value="">{t(lang, 'filterAll')}</option>
          <option value="like">{t(lang, 'actionLike')}</option>
          <option value="comment">{t(lang, 'actionComment')}</option>
          <option value="share">{t(lang, 'actionShare')}</option>
          <option value="follow">{t(lang, 'actionFollow')}</option>
          <option value="post">{t(lang, 'actionPost')}</option>
        </select>
      </label>
      <label>
        {t(lang, 'colDecision')}
        <select name="decision" value={value.decision ?? ''} onChange={set('decision')}>
          <option value="">{t(lang, 'filterAll')}</option>
          <option value="cancelled">{t(lang, 'decisionCancelled')}</option>
          <option value="proceeded">{t(lang, 'decisionProceeded')}</option>
        </select>
      </label>
      <label>
        {t(lang, 'colCandidates')}
        <select name="ticket" value={value.ticket ?? ''} onChange={set('ticket')}>
          <option value="">{t(lang, 'filterAll')}</option>
          {tickets.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
