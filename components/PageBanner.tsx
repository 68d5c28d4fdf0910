/**
 * A quiet notice on pages that belong to a listed account (a candidate's profile, a campaign page
 * or group, a channel). It does not block anything; the dialog does that at action time.
 */
import { t } from '../lib/i18n';
import type { TicketMatch } from '../lib/match/types';
import type { Lang } from '../lib/settings/settings';

export function PageBanner({ lang, matches, onClose }: { lang: Lang; matches: TicketMatch[]; onClose(): void }) {
  return (
    <aside class="banner" role="note" aria-label="Jaga Netral" data-tickets={matches.map((m) => m.ticketId).join(' ')}>
      <span aria-hidden="true">🛡️</span>
      <div>
        <strong>{t(lang, 'bannerTitle')}</strong>
        <div>
          {matches
            .slice(0, 2)
            .map((m) => `${m.label} (${m.electionName})`)
            .join('; ')}
        </div>
        <div class="small">{t(lang, 'bannerBody')}</div>
      </div>
      <button type="button" aria-label={t(lang, 'bannerClose')} onClick={onClose}>
        ×
      </button>
    </aside>
  );
}
