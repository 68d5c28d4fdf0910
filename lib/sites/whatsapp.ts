/**
 * WhatsApp Web (web.whatsapp.com), forwarding only, best effort: no real saved page of WhatsApp
 * Web was found, so none of these hooks is verified against the live site.
 *
 * WhatsApp never changes its URL, so "whose page is this" is the open conversation: the chat JID
 * that WhatsApp writes into every message's `data-id` (`false_<jid>_<msgid>`), or a channel link
 * in the conversation header. Per-message senders are not read (they are not in any href); a
 * message is judged by its text and by the conversation (a listed channel or group) it sits in.
 *
 * The forward gesture: a message's context-menu button (remembered as the opener), a "Forward"
 * menu item in a portal, then a forward dialog whose Send button is the action held.
 */
import type { AccountRef } from '../match/types';
import { type SiteCode, type SiteModule, siteModule, type SiteRules } from './types';

/** `(true|false)_<jid>_<msgid>[_<participant>]`; channels are `…@newsletter`. */
const DATA_ID_RE = /^(?:true|false)_([^_\s]+@(?:c\.us|g\.us|lid|newsletter|broadcast))(?:_|$)/;
const CHANNEL_RE = /^\/channel\/([A-Za-z0-9]{10,40})\/?$/;

export const whatsappRules: SiteRules = {
  site: 'whatsapp',
  version: 2,
  actions: [
    // Opening a message's menu (or its hover Forward button) only names the message to forward.
    {
      kind: 'share',
      selectors: [
        'div[data-id] [data-icon="down-context"]',
        'div[data-id] [aria-label="Context menu"]',
        'div[data-id] [aria-label="Menu konteks"]',
        'div[data-id] [role="button"][aria-label="Forward"]',
      ],
      opensMenu: true,
    },
    // The Send button of the forward dialog, away from the message (a portal).
    {
      kind: 'share',
      selectors: [
        '[role="dialog"] [data-icon="send"]',
        '[role="dialog"] [role="button"]:has([data-icon="send"])',
        '[role="dialog"] button:has([data-icon="send"])',
        '[role="dialog"] [aria-label="Send"]',
        '[role="dialog"] [aria-label="Kirim"]',
      ],
      portal: true,
    },
    // Following a channel from its header (labels only: no hook known, unverified).
    {
      kind: 'follow',
      selectors: [
        '#main header [role="button"][aria-label="Follow"]',
        '#main header [role="button"][aria-label="Ikuti"]',
      ],
      about: 'page',
    },
  ],
  containers: [
    {
      scope: 'post',
      selectors: ['div[data-id]', '.message-in', '.message-out'],
      // A forwarded channel message may link its channel; a sender is otherwise not in any href.
      author: ['a[href*="whatsapp.com/channel/"]'],
      text: ['span.selectable-text.copyable-text', '.copyable-text', 'span[dir="ltr"]', 'span[dir="auto"]'],
      alt: ['img[alt]'],
    },
  ],
  // The person's own message to a GROUP (the open chat's messages carry a `…@g.us` JID): its text is
  // judged at the send (the Send button, or Enter), like a post. Messages to one person are never
  // looked at. Status updates are not recognised (no hook known).
  postComposers: [
    {
      inputs: ['#main:has(div[data-id*="@g.us_"]) footer [contenteditable="true"][role="textbox"]'],
      submits: [
        '#main:has(div[data-id*="@g.us_"]) footer [role="button"]:has([data-icon="send"])',
        '#main:has(div[data-id*="@g.us_"]) footer button:has([data-icon="send"])',
        '#main:has(div[data-id*="@g.us_"]) footer [aria-label="Send"]',
        '#main:has(div[data-id*="@g.us_"]) footer [aria-label="Kirim"]',
      ],
      scope: ['footer'],
      enterSubmits: true,
    },
  ],
};

function accountFromHref(href: string, base: string): AccountRef | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (host === 'whatsapp.com' || host === 'www.whatsapp.com') {
    const m = CHANNEL_RE.exec(url.pathname);
    return m ? { platform: 'whatsapp', url: `https://whatsapp.com/channel/${m[1]}` } : null;
  }
  if (host === 'wa.me') {
    const digits = url.pathname.replace(/^\//, '').replace(/\/$/, '');
    return /^\d{6,16}$/.test(digits) ? { platform: 'whatsapp', id: `${digits}@c.us` } : null;
  }
  if (host === 'chat.whatsapp.com') {
    const code = url.pathname.split('/')[1] ?? '';
    return /^[A-Za-z0-9]{10,40}$/.test(code)
      ? { platform: 'whatsapp', url: `https://chat.whatsapp.com/${code}` }
      : null;
  }
  return null;
}

/** The JID in a message's `data-id`. */
export function jidFromDataId(dataId: string | null): string | null {
  const m = dataId ? DATA_ID_RE.exec(dataId) : null;
  return m?.[1] ?? null;
}

/** The site's code: all its content script bundles (its rules arrive as data, lib/site-rules/in-effect.ts). */
export const whatsappCode: SiteCode = {
  accountFromHref,
  /** The open conversation: a channel link in its header, else the JID of its messages. */
  pageAccount(_url: string, doc: Document): AccountRef | null {
    try {
      const main = doc.getElementById('main');
      if (!main) return null;
      const link = main.querySelector('header a[href*="whatsapp.com/channel/"]')?.getAttribute('href');
      const fromLink = link ? accountFromHref(link, 'https://web.whatsapp.com/') : null;
      const jid = jidFromDataId(main.querySelector('div[data-id]')?.getAttribute('data-id') ?? null);
      if (!fromLink && !jid) return null;
      return { platform: 'whatsapp', ...fromLink, ...(jid ? { id: jid } : {}) };
    } catch {
      return null;
    }
  },
};

/** The rules built in and the code: for the background, the options page, the CLI and tests. */
export const whatsapp: SiteModule = siteModule(whatsappRules, whatsappCode);
