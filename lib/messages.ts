/**
 * The one typed message protocol between content scripts, extension pages and the background.
 * A wrong payload or response type is a compile error on both sides.
 */
import browser from 'webextension-polyfill';
import type { ReportQuery } from './dispute/query';
import type { LogEntryInput } from './log/types';
import type { ListStatus } from './list/status';
import type { UpdateRecord } from './list/updater';
import type { Platform } from './list/types';
import type { NamedRegion } from './settings/regions';

export interface Protocol {
  /** content script → background: the user decided on a warning */
  'log:decision': { req: LogEntryInput; res: { id: number } };
  /** page → background: current list status */
  'list:status': { req: null; res: ListStatus };
  /** page → background: fetch the configured list now */
  'list:update-now': { req: null; res: ListStatus };
  /** content script → background: how many warnings recently (shown in the dialog against habituation) */
  'log:recent': { req: null; res: { today: number; week: number } };
  /**
   * content script → background: a dismissal — the person chose "not campaign" (`not_campaign` in the
   * dialog) for this account or post; the one name for the concept in code is "dismissal"
   */
  'dismissal:add': { req: DismissalInput; res: { ok: true } };
  /** page → background: the active list's elections and whether each is in its warning window now */
  'list:elections': { req: null; res: ElectionWindowInfo[] };
  /**
   * page → background: the named regions (provinsi, kabupaten/kota, kecamatan; never dapil codes)
   * the active list knows, for the region picker of onboarding and options
   */
  'list:regions': { req: null; res: NamedRegion[] };
  /** page → background: the list update history, newest first */
  'list:history': { req: null; res: UpdateRecord[] };
  /** history page → background: forget a "not campaign" dismissal and republish the dismissed set */
  'dismissal:remove': { req: { key: string }; res: { removed: number } };
  /** popup → background: pause the guard on one site for a while (logged) */
  'site:pause': { req: { site: Platform; minutes: number }; res: { until: number } };
  /** content script → background: the listed account this tab's page belongs to (badge, popup), or null */
  'page:notice': { req: PageNotice | null; res: { ok: true } };
  /** popup → background: the notice of one tab */
  'page:notice:get': { req: { tabId: number }; res: PageNotice | null };
  /**
   * warning dialog or history page → background: open the "report a list error" page in a new tab
   * for one list entry (lib/dispute/); nothing is sent anywhere, the page only prepares a message
   */
  'dispute:open': { req: ReportQuery; res: { ok: true } };
}

/** A candidate-page notice: shown in the toolbar badge and the popup, never in the page by default. */
export interface PageNotice {
  tickets: string[];
  /** "label (election)" per ticket */
  labels: string[];
}

export interface ElectionWindowInfo {
  id: string;
  name: string;
  from: string;
  until: string;
  open: boolean;
}

export interface DismissalInput {
  site: Platform;
  /** `account:<platform>:<handle or id>` or `post:<permalink>` */
  key: string;
  label: string;
  tickets: string[];
}

export type MessageType = keyof Protocol;
export interface Message<K extends MessageType = MessageType> {
  type: K;
  payload: Protocol[K]['req'];
}

export type Handlers = {
  [K in MessageType]: (
    payload: Protocol[K]['req'],
    sender: browser.Runtime.MessageSender,
  ) => Promise<Protocol[K]['res']>;
};

export function send<K extends MessageType>(type: K, payload: Protocol[K]['req']): Promise<Protocol[K]['res']> {
  const msg: Message<K> = { type, payload };
  return browser.runtime.sendMessage(msg) as Promise<Protocol[K]['res']>;
}

/** Messages a content script (a sender with a tab) may send; everything else needs an extension page. */
const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set([
  'log:decision',
  'log:recent',
  'dismissal:add',
  'page:notice',
  'dispute:open',
]);

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Build the background's onMessage listener. Validates the sender: only our own extension may
 * talk to us, and content scripts only with the messages meant for them.
 */
export function createRouter(handlers: Handlers, extensionId: string) {
  return (raw: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isMessage(raw) || !(raw.type in handlers)) return undefined;
    if (sender.id !== extensionId) return Promise.reject(new Error('unknown sender'));
    const fromContentScript = sender.tab !== undefined && !sender.url?.startsWith(`${location.origin}/`);
    if (fromContentScript && !CONTENT_SCRIPT_MESSAGES.has(raw.type)) {
      return Promise.reject(new Error(`${raw.type} is not allowed from a content script`));
    }
    const handler = handlers[raw.type] as (p: unknown, s: browser.Runtime.MessageSender) => Promise<unknown>;
    return handler(raw.payload, sender);
  };
}
