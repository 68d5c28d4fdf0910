/** The background's part of "report a list error": which page it opens, and what it answers the page. */
import { describe, expect, it, vi } from 'vitest';
import { createDisputeLookup, createDisputeOpener } from '../../../lib/background/dispute';
import type { ReportQuery } from '../../../lib/dispute/query';
import { createRouter, type Handlers } from '../../../lib/messages';
import { minimalList } from '../list/fixtures';

function opener() {
  const opened: string[] = [];
  const open = createDisputeOpener({
    activeList: async () => ({ list_id: 'id.contoh/aktif', sequence: 9 }),
    pageUrl: (p) => `chrome-extension://abc${p}`,
    openTab: async (url) => opened.push(url),
  });
  return { open, opened };
}

describe('dispute:open', () => {
  it('from a warning: the report page with the active list filled in', async () => {
    const { open, opened } = opener();
    await expect(open({ ticketId: 'pilgub-2024-32/4', from: 'warning' })).resolves.toEqual({ ok: true });
    expect(opened).toEqual([
      'chrome-extension://abc/report.html?ticket=pilgub-2024-32%2F4&list=id.contoh%2Faktif&seq=9&from=warning',
    ]);
  });

  it('from history: the list the row was recorded with', async () => {
    const { open, opened } = opener();
    await open({ ticketId: 't/1', from: 'history', listId: 'id.contoh/lama', listSequence: 4 });
    expect(opened).toEqual([
      'chrome-extension://abc/report.html?ticket=t%2F1&list=id.contoh%2Flama&seq=4&from=history',
    ]);
  });

  it('refuses a malformed request and opens nothing; carries no other field', async () => {
    const { open, opened } = opener();
    for (const bad of [null, {}, { ticketId: '', from: 'warning' }, { ticketId: 'a', from: 'elsewhere' }]) {
      await expect(open(bad as unknown as ReportQuery)).rejects.toThrow('bad request');
    }
    expect(opened).toEqual([]);
    await open({ ticketId: 'a', from: 'warning', url: 'https://site.example/post/1' } as ReportQuery);
    expect(opened[0]).not.toContain('site.example');
  });

  it('is a message content scripts may send (the dialog sends it)', async () => {
    const calls: unknown[] = [];
    const handlers = new Proxy({} as Handlers, {
      get: (_t, k) => async (p: unknown) => calls.push([k, p]),
      has: () => true,
    });
    vi.stubGlobal('location', { origin: 'chrome-extension://ext' });
    const route = createRouter(handlers, 'ext');
    const tab = { id: 1 } as never;
    await route(
      { type: 'dispute:open', payload: { ticketId: 'a', from: 'warning' } },
      { id: 'ext', tab, url: 'https://x.com/' },
    );
    await expect(
      route({ type: 'dispute:entry', payload: { ticketId: 'a' } }, { id: 'ext', tab, url: 'https://x.com/' }),
    ).rejects.toThrow('not allowed from a content script');
    expect(calls).toEqual([['dispute:open', { ticketId: 'a', from: 'warning' }]]);
    vi.unstubAllGlobals();
  });
});

describe('dispute:entry', () => {
  const list = minimalList({ publisher: { name: 'Contoh', contact: 'laporan@daftar.example' } });
  const find = createDisputeLookup(async () => list);

  it('answers the entry and the list, or a null entry', async () => {
    const r = await find({ ticketId: 'pilgub-2024-32/2' });
    expect(r.list).toEqual({
      id: 'test/pilkada',
      sequence: 3,
      publisher: { name: 'Contoh', contact: 'laporan@daftar.example' },
    });
    expect(r.entry?.names.map((n) => n.name)).toEqual(['Jeje Wiradinata', 'Ronal Surapradja']);
    expect((await find({ ticketId: 'nope' })).entry).toBeNull();
  });

  it('refuses a bad ticket id', async () => {
    await expect(find({ ticketId: '' })).rejects.toThrow('bad ticket id');
    await expect(find({ ticketId: 'x'.repeat(201) })).rejects.toThrow('bad ticket id');
  });
});
