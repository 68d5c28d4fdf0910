/**
 * `<jaga-netral-banner>` with an open shadow root (test-contract hook), fixed to a corner so the
 * page's layout never moves. At most one per page; replaced on navigation.
 */
import { h, render } from 'preact';
import css from '../../components/PageBanner.css?inline';
import { PageBanner } from '../../components/PageBanner';
import type { TicketMatch } from '../match/types';
import type { Lang } from '../settings/settings';

export const BANNER_TAG = 'jaga-netral-banner';

export function hideBanner(doc: Document): void {
  doc.querySelector(BANNER_TAG)?.remove();
}

export function showBanner(doc: Document, lang: Lang, matches: TicketMatch[]): void {
  hideBanner(doc);
  const host = doc.createElement(BANNER_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.documentElement.append(host);
  render(h(PageBanner, { lang, matches, onClose: () => host.remove() }), mount);
}
