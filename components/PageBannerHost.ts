/**
 * The opt-in in-page notice (`page_banner`): `<jaga-netral-banner>`, fixed to a corner so the
 * page's layout never moves; closed shadow root unless the automation switch is on. At most one per
 * page; we only ever remove our own host, never an element the page named like ours.
 */
import { registerOwnHost } from '../lib/guard/own-ui';
import { uiStyle } from '../lib/guard/ui-styles';
import type { GuardUi } from '../lib/guard/ui';
import type { TicketMatch } from '../lib/match/types';
import type { Lang } from '../lib/settings/settings';
import { buildPageBanner } from './PageBanner';

export const BANNER_TAG = 'jaga-netral-banner';

let current: Element | null = null;

export function hideBanner(): void {
  current?.remove();
  current = null;
}

export function showBanner(doc: Document, data: { lang: Lang; matches: TicketMatch[] }, opts: { open: boolean }): void {
  hideBanner();
  const host = doc.createElement(BANNER_TAG);
  registerOwnHost(host);
  const shadow = host.attachShadow({ mode: opts.open ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = uiStyle('banner');
  const mount = doc.createElement('div');
  mount.append(buildPageBanner(doc, { lang: data.lang, matches: data.matches, onClose: hideBanner }));
  shadow.append(style, mount);
  doc.documentElement.append(host);
  current = host;
}

export const PageBannerUi: Pick<GuardUi, 'showBanner' | 'hideBanner'> = { showBanner, hideBanner };
