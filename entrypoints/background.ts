/**
 * Composition root: the message router, the log writer, and the list → index pipeline.
 * Everything here is wiring; the logic lives in lib/.
 */
import browser from 'webextension-polyfill';
import { loadBundledList } from '../lib/background/bundled';
import { publishIndex } from '../lib/background/index-builder';
import type { ListStatus } from '../lib/list/status';
import type { CandidateList } from '../lib/list/types';
import { getDb } from '../lib/log/db';
import { addEntry } from '../lib/log/queries';
import { createRouter, type Handlers } from '../lib/messages';
import { loadSettings, onSettingsChanged, type Settings } from '../lib/settings/settings';

export default defineBackground(() => {
  let listPromise: Promise<CandidateList> | null = null;
  const activeList = () => {
    listPromise ??= loadBundledList().catch((e) => {
      listPromise = null;
      throw e;
    });
    return listPromise;
  };

  let lastIndexKey = '';
  async function rebuild(settings: Settings): Promise<void> {
    const key = `${settings.demo}`;
    const list = await activeList();
    await publishIndex(list, settings);
    lastIndexKey = key;
  }

  async function status(): Promise<ListStatus> {
    const list = await activeList();
    const tickets = list.elections.flatMap((e) => e.tickets);
    const people = tickets.flatMap((t) => t.members);
    return {
      state: 'ok',
      listId: list.list_id,
      sequence: list.sequence,
      publisher: list.publisher.name,
      source: 'bundled',
      signed: false,
      counts: {
        elections: list.elections.length,
        tickets: tickets.length,
        people: people.length,
        accounts:
          people.reduce((n, p) => n + (p.accounts?.length ?? 0), 0) +
          tickets.reduce((n, t) => n + (t.accounts?.length ?? 0), 0),
      },
      expiresAt: list.expires_at,
    };
  }

  const handlers: Handlers = {
    'log:decision': async (payload) => {
      const list = await activeList();
      const id = await addEntry(getDb(), payload, { listId: list.list_id, listSequence: list.sequence });
      return { id };
    },
    'list:status': () => status(),
    'list:update-now': () => status(),
  };
  browser.runtime.onMessage.addListener(createRouter(handlers, browser.runtime.id));

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    await rebuild(await loadSettings());
  });
  browser.runtime.onStartup.addListener(async () => rebuild(await loadSettings()));
  onSettingsChanged((s) => {
    if (`${s.demo}` !== lastIndexKey) void rebuild(s);
  });
});
