import { t } from '../lib/i18n';
import type { DaySummary } from '../lib/log/queries';
import type { Lang } from '../lib/settings/settings';

/** Seven days of warnings as stacked bars (cancelled / proceeded), with a text equivalent for screen readers. */
export function WeeklyChart({ days, lang }: { days: DaySummary[]; lang: Lang }) {
  const max = Math.max(1, ...days.map((d) => d.cancelled + d.proceeded));
  const fmt = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { weekday: 'short' });
  const total = days.reduce((a, d) => ({ c: a.c + d.cancelled, p: a.p + d.proceeded }), { c: 0, p: 0 });
  const W = 36;
  const H = 90;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${days.length * W} ${H + 18}`} width="100%" height="120" aria-hidden="true">
        {days.map((d, i) => {
          const hc = (d.cancelled / max) * H;
          const hp = (d.proceeded / max) * H;
          return (
            <g key={d.day} transform={`translate(${i * W + 6},0)`}>
              <rect y={H - hc} width={W - 12} height={hc} class="bar-cancelled" />
              <rect y={H - hc - hp} width={W - 12} height={hp} class="bar-proceeded" />
              <text x={(W - 12) / 2} y={H + 14} text-anchor="middle" class="axis">
                {fmt.format(d.day)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{t(lang, 'weekSummary', total.c + total.p, total.c, total.p)}</figcaption>
    </figure>
  );
}
