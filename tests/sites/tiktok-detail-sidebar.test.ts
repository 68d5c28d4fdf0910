/**
 * TikTok's video page and For You comment sidebar (tests/fixtures/tiktok/@kandidat.dua.test/video/
 * 7300000000000000011*.html, foryou-sidebar*.html), in English and Indonesian. The video page is
 * one DivVideoDetailContainer (video, author, comments, comment box); the comment icon is a comment
 * on its video; a comment's heart has no hook of its own. On For You the comment box lives in a
 * sidebar outside every feed item: it belongs to the item most in view, else to the item whose
 * comment icon was used last.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, resolveAction } from '../../lib/sites/engine';
import { tiktok } from '../../lib/sites/tiktok';
import { at } from './fixtures';

const DIR = join(import.meta.dirname, '../fixtures/tiktok');
const load = (file: string) => parseHTML(readFileSync(join(DIR, file), 'utf8')).document as unknown as Document;
const hitOf = (el: Element) => el.querySelector('path') ?? el;
const DUA = { platform: 'tiktok', handle: 'kandidat.dua.test' };

for (const sfx of ['', '-id']) {
  describe(`TikTok video page (7300000000000000011${sfx}.html)`, () => {
    const doc = load(`@kandidat.dua.test/video/7300000000000000011${sfx}.html`);
    const href = { href: 'https://www.tiktok.com/@kandidat.dua.test/video/7300000000000000011' };
    const act = (sel: string) => resolveAction(tiktok, hitOf(at(doc, sel)), href, doc);

    it('like, comment, share and follow act on the video, with its author and caption', () => {
      for (const [sel, kind] of [
        ['[data-e2e="like-icon"]', 'like'],
        ['[data-e2e="like-count"]', 'like'],
        ['[data-e2e="comment-icon"]', 'comment'],
        ['[data-e2e="share-icon"]', 'share'],
        ['[data-e2e="browse-follow"]', 'follow'],
      ] as const) {
        const hit = act(sel);
        expect(hit?.kind, sel).toBe(kind);
        expect(hit?.item).toMatchObject({ scope: 'post', author: DUA });
        expect(hit?.item.text).toContain('#KandidatDua2029');
      }
    });

    it("a comment's heart (icon or count) and Reply act on that comment", () => {
      const row = (n: number) => doc.querySelectorAll('[class*="DivCommentItemContainer"]')[n] as Element;
      const heart = row(0).querySelector('[class*="DivLikeWrapper"] svg') as Element;
      for (const target of [heart, row(0).querySelector('[data-e2e="comment-like-count"]') as Element]) {
        const hit = resolveAction(tiktok, target, href, doc);
        expect(hit?.kind).toBe('like');
        expect(hit?.item).toMatchObject({ scope: 'comment', author: { handle: 'warga.solo' }, text: 'Semangat pak!' });
      }
      expect(act('[data-e2e="comment-reply-2"]')?.item).toMatchObject({
        scope: 'comment',
        author: { handle: 'kucing.oren' },
      });
    });

    it('the comment box is a comment on the video', () => {
      const c = findComposer(tiktok, at(doc, '[data-e2e="comment-text"]'));
      expect(c?.part).toBe('input');
      expect(c && composerTarget(tiktok, c, href, doc)?.item).toMatchObject({ scope: 'post', author: DUA });
      expect(findComposer(tiktok, at(doc, '[data-e2e="comment-post"]'))?.part).toBe('submit');
    });
  });

  describe(`TikTok For You comment sidebar (foryou-sidebar${sfx}.html)`, () => {
    const href = { href: 'https://www.tiktok.com/foryou' };
    const item = (i: number, sel: string) => `[data-scroll-index="${i}"] ${sel}`;

    it('the sidebar box belongs to the item whose comment icon was used last', () => {
      const doc = load(`foryou-sidebar${sfx}.html`);
      const box = () => {
        const c = findComposer(tiktok, at(doc, '[data-e2e="comment-text"]'));
        if (!c) throw new Error('no composer');
        return composerTarget(tiktok, c, href, doc);
      };
      const opened = resolveAction(tiktok, hitOf(at(doc, item(2, '[data-e2e="comment-icon"]'))), href, doc);
      expect(opened).toMatchObject({ kind: 'comment', item: { author: DUA } });
      expect(box()).toMatchObject({ kind: 'comment', item: { scope: 'post', author: DUA } });
      expect(box()?.item.text).toContain('coblos nomor 2');
      // Another item's comment icon moves the sidebar to that item.
      resolveAction(tiktok, hitOf(at(doc, item(3, '[data-e2e="comment-icon"]'))), href, doc);
      expect(box()?.item.author?.handle).toBe('kucing.oren');
    });

    it('…unless another item is the one on screen (the sidebar follows the scroll)', () => {
      const doc = load(`foryou-sidebar${sfx}.html`);
      const win = doc.defaultView as unknown as { innerWidth: number; innerHeight: number };
      Object.assign(win, { innerWidth: 1280, innerHeight: 800 });
      // Item 1 scrolled away above, item 2 fills the screen, item 3 peeks in at the bottom.
      const boxes: Array<[number, number]> = [
        [-900, -100],
        [-50, 750],
        [760, 1560],
      ];
      boxes.forEach(([top, bottom], i) => {
        const el = at(doc, `[data-scroll-index="${i + 1}"]`);
        (el as unknown as { getBoundingClientRect: () => object }).getBoundingClientRect = () => ({
          top,
          bottom,
          left: 0,
          right: 600,
          width: 600,
          height: bottom - top,
        });
      });
      resolveAction(tiktok, hitOf(at(doc, item(3, '[data-e2e="comment-icon"]'))), href, doc);
      const c = findComposer(tiktok, at(doc, '[data-e2e="comment-text"]'));
      expect(c && composerTarget(tiktok, c, href, doc)?.item.author).toEqual(DUA);
    });

    it('a comment in the sidebar is its own item', () => {
      const doc = load(`foryou-sidebar${sfx}.html`);
      const hit = resolveAction(tiktok, at(doc, '[data-e2e="comment-reply-1"]'), href, doc);
      expect(hit?.item).toMatchObject({ scope: 'comment', author: { handle: 'warga.solo' } });
    });
  });
}
