/**
 * The candidate-page notice outside the page: lib/background/badge.ts with a fake toolbar action and
 * a fake storage.session. A tab's notice sets the badge and is what the popup reads; null clears it;
 * a restarted background (new instance, same session storage) still knows it; junk is refused.
 */
import { describe, expect, it } from 'vitest';
import { createBadge } from '../../lib/background/badge';

function fakes() {
  const badge = new Map<number, string>();
  const titles = new Map<number, string>();
  const store: Record<string, unknown> = {};
  const action = {
    setBadgeText: ({ tabId, text }: { tabId: number; text: string }) => void badge.set(tabId, text),
    setTitle: ({ tabId, title }: { tabId: number; title: string }) => void titles.set(tabId, title),
  };
  const session = {
    get: async (k: string) => ({ [k]: structuredClone(store[k]) }),
    set: async (items: Record<string, unknown>) => void Object.assign(store, structuredClone(items)),
  };
  return { badge, titles, action, session };
}

describe('toolbar badge and popup notice', () => {
  it('sets, reads and clears one tab’s notice without touching others', async () => {
    const f = fakes();
    const b = createBadge(f.action, f.session);
    await b.set(7, { tickets: ['pilpres-2024/2'], labels: ['Prabowo – Gibran (Pilpres 2024)'] });
    await b.set(8, null);
    expect(f.badge.get(7)).toBe('!');
    expect(f.badge.get(8)).toBe('');
    expect(f.titles.get(7)).toContain('Prabowo – Gibran');
    expect(await b.get(7)).toEqual({ tickets: ['pilpres-2024/2'], labels: ['Prabowo – Gibran (Pilpres 2024)'] });
    expect(await b.get(8)).toBeNull();
    await b.set(7, null);
    expect(f.badge.get(7)).toBe('');
    expect(await b.get(7)).toBeNull();
  });

  it('survives a restarted background through storage.session; a closed tab is forgotten', async () => {
    const f = fakes();
    await createBadge(f.action, f.session).set(3, { tickets: ['t/1'], labels: ['A'] });
    const again = createBadge(f.action, f.session);
    expect(await again.get(3)).toEqual({ tickets: ['t/1'], labels: ['A'] });
    await again.forget(3);
    expect(await createBadge(f.action, f.session).get(3)).toBeNull();
  });

  it('refuses junk from a content script: no tickets means no notice, strings are capped', async () => {
    const f = fakes();
    const b = createBadge(f.action, f.session);
    await b.set(1, { tickets: [], labels: ['x'] });
    await b.set(2, { tickets: [42, 'ok/1'], labels: ['y'.repeat(500)] });
    expect(await b.get(1)).toBeNull();
    const n = await b.get(2);
    expect(n?.tickets).toEqual(['ok/1']);
    expect(n?.labels[0]).toHaveLength(200);
  });
});
