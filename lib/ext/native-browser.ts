/**
 * The `browser` that content scripts get: the browser's own promise-based extension API in place
 * of webextension-polyfill, which would add ~10 KB to every content script. Firefox has `browser`;
 * Chrome MV3's `chrome` returns promises for everything a content script here uses (storage.local
 * get/set, storage.onChanged, runtime.sendMessage). Only content-script builds resolve
 * `webextension-polyfill` to this file (wxt.config.ts); the background and the extension pages keep
 * the polyfill.
 *
 * One difference is bridged: when a background handler rejects, the polyfill answers a native
 * Chrome sender with a marker object instead of an error, so sendMessage turns it back into one.
 */
import type Browser from 'webextension-polyfill';

interface PolyfillRejection {
  __mozWebExtensionPolyfillReject__: true;
  message: string;
}

const isRejection = (v: unknown): v is PolyfillRejection =>
  typeof v === 'object' && v !== null && (v as PolyfillRejection).__mozWebExtensionPolyfillReject__ === true;

const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
const native = (g.browser?.runtime?.id ? g.browser : g.chrome) as typeof Browser;

async function sendMessage(...args: unknown[]): Promise<unknown> {
  const answer = await (native.runtime.sendMessage as (...a: unknown[]) => Promise<unknown>)(...args);
  if (isRejection(answer)) throw new Error(answer.message);
  return answer;
}

const runtime = new Proxy(native.runtime, {
  get: (target, key) => (key === 'sendMessage' ? sendMessage : Reflect.get(target, key)),
});

const browser = new Proxy(native, {
  get: (target, key) => (key === 'runtime' ? runtime : Reflect.get(target, key)),
}) as typeof Browser;

export default browser;
