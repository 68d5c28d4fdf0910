/**
 * A quiet notice on pages that belong to a listed account (a candidate's profile, a campaign page
 * or group, a channel). It does not block anything; the dialog does that at action time. Plain DOM,
 * no UI framework (components/dom.ts).
 */
import { tr } from '../lib/i18n/content';
import type { TicketMatch } from '../lib/match/types';
import type { Lang } from '../lib/settings/settings';
import { dom, ticketIds } from './dom';

export function buildPageBanner(
  doc: Document,
  { lang, matches, onClose }: { lang: Lang; matches: TicketMatch[]; onClose(): void },
): HTMLElement {
  const h = dom(doc);
  const t = tr(lang);
  const close = h('button[type=button]', { 'aria-label': t('bannerClose') }, '×');
  close.addEventListener('click', onClose);
  return h(
    'aside.banner[role=note][aria-label=Jaga Netral]',
    { 'data-tickets': ticketIds(matches) },
    h('span[aria-hidden=true]', '🛡️'),
    h(
      'div',
      h('strong', t('bannerTitle')),
      h(
        'div',
        matches
          .slice(0, 2)
          .map((m) => `${m.label} (${m.electionName})`)
          .join('; '),
      ),
      h('div.small', t('bannerBody')),
    ),
    close,
  );
}
