/**
 * The background's message router (lib/messages.ts createRouter): who may send what. Content
 * scripts run beside hostile pages, so they get only the messages meant for them; nothing from
 * another extension is answered; unknown messages are left to other listeners.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../lib/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

beforeAll(() => vi.stubGlobal('location', { origin: ORIGIN }));
afterAll(() => vi.unstubAllGlobals());

function setup() {
  const calls: string[] = [];
  const handler = (name: string) => async (): Promise<never> => {
    calls.push(name);
    return { ok: true } as never;
  };
  const handlers = new Proxy({} as Handlers, {
    get: (_t, k) => handler(String(k)),
    has: (_t, k) =>
      [
        'log:decision',
        'log:recent',
        'dismissal:add',
        'dismissal:remove',
        'page:notice',
        'list:status',
        'list:update-now',
        'site:pause',
      ].includes(String(k)),
  });
  return { route: createRouter(handlers, ID), calls };
}

const contentScript = { id: ID, tab: { id: 7 }, url: 'https://x.com/home' } as never;
const extensionPage = { id: ID, url: `${ORIGIN}/options.html` } as never;
const popupInTab = { id: ID, tab: { id: 8 }, url: `${ORIGIN}/popup.html?tab=7` } as never;
const otherExtension = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzz/x.html' } as never;

describe('message router: sender rules', () => {
  it.each(['log:decision', 'log:recent', 'dismissal:add', 'page:notice'])(
    'a content script may send %s',
    async (type) => {
      const { route, calls } = setup();
      await expect(route({ type, payload: null }, contentScript)).resolves.toEqual({ ok: true });
      expect(calls).toEqual([type]);
    },
  );

  it.each(['list:status', 'list:update-now', 'site:pause', 'dismissal:remove'])(
    'a content script may not send %s',
    async (type) => {
      const { route, calls } = setup();
      await expect(route({ type, payload: null }, contentScript)).rejects.toThrow(/not allowed from a content script/);
      expect(calls).toEqual([]);
    },
  );

  it('extension pages may send page messages, also when open in a tab', async () => {
    const { route, calls } = setup();
    await route({ type: 'list:update-now', payload: null }, extensionPage);
    await route({ type: 'dismissal:remove', payload: null }, popupInTab);
    expect(calls).toEqual(['list:update-now', 'dismissal:remove']);
  });

  it('another extension gets nothing', async () => {
    const { route, calls } = setup();
    await expect(route({ type: 'log:recent', payload: null }, otherExtension)).rejects.toThrow(/unknown sender/);
    expect(calls).toEqual([]);
  });

  it('leaves junk and unknown messages to other listeners', () => {
    const { route, calls } = setup();
    expect(route(null, extensionPage)).toBeUndefined();
    expect(route('log:recent', extensionPage)).toBeUndefined();
    expect(route({ type: 'tabs:close', payload: null }, extensionPage)).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
