/**
 * Instagram posts and reels opened as their own page, 2025 markup (tests/fixtures/instagram/p/
 * CkDua25*.html, reel/CkDua26*.html), in English and Indonesian: no <article>, no <header>, comment
 * rows are divs. The action bar is read by position (Like, Comment, then Share; Repost before
 * Share; Save last), comment rows by their permalink and 16 px heart, the caption and comment text
 * without the author's name, the time or the buttons; the comment box is the post's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, resolveAction } from '../../lib/sites/engine';
import { instagram, instagramRules } from '../../lib/sites/instagram';
import type { ActionRule } from '../../lib/sites/types';
import { at } from './fixtures';

const DIR = join(import.meta.dirname, '../fixtures/instagram');
const load = (file: string) => parseHTML(readFileSync(join(DIR, file), 'utf8')).document as unknown as Document;
const hitOf = (el: Element) => el.querySelector('path') ?? el;
const DUA = { platform: 'instagram', handle: 'kandidat.dua.test' };

/** The same rules with every label table and label-named selector removed: structure alone. */
const structural = {
  ...instagram,
  rules: {
    ...instagramRules,
    actions: instagramRules.actions.map(
      (a): ActionRule => ({ ...a, labels: undefined, selectors: a.selectors.filter((s) => !s.includes('aria-label')) }),
    ),
  },
};

const PAGES = [
  ['p/CkDua25.html', '/p/CkDua25/', false],
  ['p/CkDua25-id.html', '/p/CkDua25/', false],
  ['reel/CkDua26.html', '/reel/CkDua26/', true],
  ['reel/CkDua26-id.html', '/reel/CkDua26/', true],
] as const;

for (const [file, path, reel] of PAGES) {
  describe(`Instagram 2025 page (${file})`, () => {
    const doc = load(file);
    const href = { href: `https://www.instagram.com${path}` };
    const act = (sel: string, site = instagram) => resolveAction(site, hitOf(at(doc, sel)), href, doc);

    it('the bar resolves by position, labels or not: like, comment, share (and repost)', () => {
      const bar: Array<[string, string]> = [
        ['like', 'like'],
        ['comment', 'comment'],
        ['share', 'share'],
        ...(reel ? ([['repost', 'share']] as Array<[string, string]>) : []),
      ];
      for (const site of [instagram, structural])
        for (const [fx, kind] of bar) {
          const hit = act(`section [data-fx="${fx}"]`, site);
          expect(hit?.kind, fx).toBe(kind);
          expect(hit?.control).toBe(at(doc, `[data-fx="${fx}"]`));
          expect(hit?.item.scope).toBe('post');
          expect(hit?.item.author).toEqual(DUA);
        }
    });

    it('Save, the More menu, the emoji button and a like count are not actions', () => {
      for (const fx of ['save', 'more', 'emoji']) expect(act(`[data-fx="${fx}"]`), fx).toBeNull();
      expect(act('[data-row="warga.semarang"] [data-fx="likes"]')).toBeNull();
    });

    it('the post text is the caption, without the username or the time (the reel audio link neither)', () => {
      const text = act('[data-fx="like"]')?.item.text ?? '';
      expect(text.startsWith('Terima kasih warga Semarang!')).toBe(true);
      expect(text).toContain('#KandidatDua2029');
      expect(text).not.toContain('kandidat.dua.test');
      expect(text).not.toMatch(/9 h|Original audio|Audio asli/);
    });

    it("a comment row's heart and Reply act on that comment, with its own author and text", () => {
      for (const site of [instagram, structural]) {
        const hit = act('[data-row="warga.semarang"] [data-fx="heart"]', site);
        expect(hit?.kind).toBe('like');
        expect(hit?.item.scope).toBe('comment');
        expect(hit?.item.author).toEqual({ platform: 'instagram', handle: 'warga.semarang' });
        expect(hit?.item.text).toBe('Mantap, saya ikut di Simpang Lima');
      }
      // Reply is text only: the first text button without a count, labels or not.
      for (const site of [instagram, structural])
        for (const row of ['kucing.oren', 'warga.semarang']) {
          const reply = act(`[data-row="${row}"] [data-fx="reply"]`, site);
          expect(reply?.kind, row).toBe('comment');
          expect(reply?.item).toMatchObject({ scope: 'comment', author: { handle: row } });
        }
      expect(act('[data-row="kucing.oren"] [data-fx="reply"]')?.item.text).toBe('😂😂😂');
    });

    it('"See translation" and the like count of a comment are not actions', () => {
      const row = at(doc, '[data-row="warga.semarang"]');
      const buttons = Array.from(row.querySelectorAll('[role="button"]:not([data-fx])'));
      expect(buttons.length).toBe(1);
      for (const site of [instagram, structural]) {
        expect(resolveAction(site, buttons[0] as Element, href, doc)).toBeNull();
        expect(act('[data-row="warga.semarang"] [data-fx="likes"]', site)).toBeNull();
      }
    });

    it("the Follow in the post's header block follows the post's author", () => {
      for (const site of [instagram, structural]) {
        const hit = act('[data-fx="follow"]', site);
        expect(hit?.kind).toBe('follow');
        expect(hit?.item).toMatchObject({ scope: 'post', author: DUA });
      }
    });

    it('the comment box is a comment on the post; Post sends it', () => {
      const c = findComposer(instagram, at(doc, 'form textarea'));
      expect(c?.part).toBe('input');
      const hit = c && composerTarget(instagram, c, href, doc);
      expect(hit?.item).toMatchObject({ scope: 'post', author: DUA });
      expect(findComposer(instagram, at(doc, '[data-fx="send"]'))?.part).toBe('submit');
    });

    it('the "more posts" grid below is not part of the post', () => {
      const grid = at(doc, 'a[href="/warga.semarang/p/CkWarga1/"]');
      expect(resolveAction(instagram, grid, href, doc)).toBeNull();
    });
  });
}
