/**
 * The comment-start warning through the guard, on the comment boxes that live away from their post:
 * TikTok's For You sidebar, Instagram's 2025 post page, YouTube's "Add a comment…" placeholder, X's
 * inline reply box. Focusing the box of flagged content warns once (phase `comment-start`); a send
 * (Enter) is held every time; the same box on unflagged content passes. linkedom DOM, the guard's
 * own event handler fed directly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { type Choice, createGuard, type WarningRequest } from '../../lib/guard/guard';
import type { Decision, TicketMatch } from '../../lib/match/types';
import { resolveAction } from '../../lib/sites/engine';
import { instagram } from '../../lib/sites/instagram';
import { tiktok } from '../../lib/sites/tiktok';
import type { ActionHit, SiteModule } from '../../lib/sites/types';
import { x } from '../../lib/sites/x';
import { youtube } from '../../lib/sites/youtube';
import { at } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const TICKET = { ticketId: 't2', label: '02 Kandidat Dua' } as unknown as TicketMatch;

function setup(site: SiteModule, file: string, href: string, flagged: (hit: ActionHit) => boolean) {
  const { document: doc, window: win } = parseHTML(readFileSync(join(FIXTURES, file), 'utf8'));
  Object.defineProperty(win, 'location', { value: { href }, configurable: true });
  const warn = vi.fn(async (_req: WarningRequest): Promise<Choice> => 'proceed');
  const guard = createGuard({
    site,
    win: win as unknown as Window,
    evaluate: (hit): Decision => ({ matches: flagged(hit) ? [TICKET] : [] }),
    warn,
    isOwnUi: () => false,
    // The person is acting: the guard holds only trusted input given with a user activation.
    enabled: () => true,
    userActive: () => true,
  });
  const fire = (type: string, target: Element, init: Record<string, unknown> = {}) => {
    const e = { type, target, isTrusted: true, defaultPrevented: false, repeat: false, ...init } as Record<
      string,
      unknown
    >;
    e.preventDefault = () => {
      e.defaultPrevented = true;
    };
    e.stopImmediatePropagation = () => {};
    guard.handleEvent(e as unknown as Event);
    return e;
  };
  return { doc: doc as unknown as Document, warn, fire };
}

const byDua = (hit: ActionHit) => hit.item.author?.handle === 'kandidat.dua.test';

describe('comment-start warning on detached comment boxes', () => {
  it('TikTok For You: the sidebar box of the flagged video warns on focus, once; Enter is held', async () => {
    const { doc, warn, fire } = setup(tiktok, 'tiktok/foryou-sidebar-id.html', 'https://www.tiktok.com/foryou', byDua);
    const href = { href: 'https://www.tiktok.com/foryou' };
    // The person opened the comments of the candidate's video (item 2)…
    resolveAction(tiktok, at(doc, '[data-scroll-index="2"] [data-e2e="comment-icon"]'), href, doc);
    const box = at(doc, '[data-e2e="comment-text"]');
    fire('focusin', box);
    await Promise.resolve();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatchObject({ phase: 'comment-start', hit: { kind: 'comment' } });
    expect(warn.mock.calls[0]?.[0].hit.item.author?.handle).toBe('kandidat.dua.test');
    await new Promise((r) => setTimeout(r, 0));
    fire('focusin', box);
    expect(warn).toHaveBeenCalledTimes(1);
    const enter = fire('keydown', box, { key: 'Enter', shiftKey: false, ctrlKey: false, metaKey: false });
    expect(enter.defaultPrevented).toBe(true);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[1]?.[0].phase).toBe('action');
  });

  it("TikTok For You: the same box on an ordinary video's comments passes", () => {
    const { doc, warn, fire } = setup(tiktok, 'tiktok/foryou-sidebar.html', 'https://www.tiktok.com/foryou', byDua);
    resolveAction(tiktok, at(doc, '[data-scroll-index="3"] [data-e2e="comment-icon"]'), { href: '' }, doc);
    fire('focusin', at(doc, '[data-e2e="comment-text"]'));
    expect(warn).not.toHaveBeenCalled();
  });

  it('Instagram 2025 post page: focusing the comment box of a flagged post warns', () => {
    const { doc, warn, fire } = setup(
      instagram,
      'instagram/reel/CkDua26-id.html',
      'https://www.instagram.com/reel/CkDua26/',
      byDua,
    );
    fire('focusin', at(doc, 'form textarea'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatchObject({ phase: 'comment-start', hit: { item: { scope: 'post' } } });
  });

  it('YouTube: focusing the "Add a comment…" placeholder under a flagged video warns', () => {
    const { doc, warn, fire } = setup(
      youtube,
      'youtube/watch-2022-id.html',
      'https://www.youtube.com/watch?v=kd2029aaaa',
      (hit) => hit.item.author?.handle === 'kandidatduatest',
    );
    fire('focusin', at(doc, '#simplebox-placeholder'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0].phase).toBe('comment-start');
  });

  it("X: the inline reply box of a flagged post's status page warns on focus", () => {
    const { doc, warn, fire } = setup(
      x,
      'x/saved-id.html',
      'https://x.com/kandidat_dua/status/1900000000000000001',
      (hit) => hit.item.author?.handle === 'kandidat_dua',
    );
    fire('focusin', at(doc, '[data-testid="tweetTextarea_0"]'));
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
