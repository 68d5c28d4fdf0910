/**
 * A quiet notice on pages that belong to a listed account (a candidate's profile, a campaign page
 * or group, a channel). It does not block anything; the dialog does that at action time. Plain DOM,
 * no UI framework (components/dom.ts).
 */
import { t } from '../lib/i18n/content';
import type { TicketMatch } from '../lib/match/types';
import type { Lang } from '../lib/settings/settings';
import { el } from './dom';

export function buildPageBanner(
  doc: Document,
  { lang, matches, onClose }: { lang: Lang; matches: TicketMatch[]; onClose(): void },
): HTMLElement {
  const close = el(doc, 'button', { type: 'button', 'aria-label': t(lang, 'bannerClose') }, '×');
  close.addEventListener('click', onClose);
  return el(
    doc,
    'aside',
    {
      class: 'banner',
      role: 'note',
      'aria-label': 'Jaga Netral',
      'data-tickets': matches.map((m) => m.ticketId).join(' '),
    },
    el(doc, 'span', { 'aria-hidden': 'true' }, '🛡️'),
    el(
      doc,
      'div',
      null,
      el(doc, 'strong', null, t(lang, 'bannerTitle')),
      el(
        doc,
        'div',
        null,
        matches
          .slice(0, 2)
          .map((m) => `${m.label} (${m.electionName})`)
          .join('; '),
      ),
      el(doc, 'div', { class: 'small' }, t(lang, 'bannerBody')),
    ),
    close,
  );
}
