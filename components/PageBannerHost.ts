/**
 * The opt-in in-page notice (`page_banner`): `<jaga-netral-banner>`, fixed to a corner so the
 * page's layout never moves; closed shadow root unless the automation switch is on. At most one per
 * page; we only ever remove our own host, never an element the page named like ours.
 */
import type { TicketMatch } from '../lib/match/types';
import type { Lang } from '../lib/settings/settings';
import { mountHost } from './dom';
import { buildPageBanner } from './PageBanner';

export const BANNER_TAG = 'jaga-netral-banner';

let current: Element | null = null;

export function hideBanner(): void {
  current?.remove();
  current = null;
}

export function showBanner(doc: Document, data: { lang: Lang; matches: TicketMatch[] }, opts: { open: boolean }): void {
  hideBanner();
  current = mountHost(
    doc,
    doc.createElement(BANNER_TAG),
    'banner',
    opts.open,
    buildPageBanner(doc, { lang: data.lang, matches: data.matches, onClose: hideBanner }),
  );
}
