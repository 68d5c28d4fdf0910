/**
 * YouTube's pre-2023 watch page (tests/fixtures/youtube/watch-2022*.html), in English and
 * Indonesian, read by structure: Like is the first toggle of the bar under the video and Share its
 * first plain button (whatever the labels say); the owner row's subscribe is a paper button;
 * comment Like and Reply (a paper button) act on the comment; the "Add a comment…" placeholder is
 * already the video's comment box.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, resolveAction } from '../../lib/sites/engine';
import type { ActionRule } from '../../lib/sites/types';
import { youtube, youtubeRules } from '../../lib/sites/youtube';
import { at } from './fixtures';

const DIR = join(import.meta.dirname, '../fixtures/youtube');
const load = (file: string) => parseHTML(readFileSync(join(DIR, file), 'utf8')).document as unknown as Document;
const HREF = { href: 'https://www.youtube.com/watch?v=kd2029aaaa' };
const OWNER = { platform: 'youtube', handle: 'kandidatduatest' };

/** The rules without label tables or label-named selectors: tags, ids and places alone. */
const structural = {
  ...youtube,
  rules: {
    ...youtubeRules,
    actions: youtubeRules.actions.map(
      (a): ActionRule => ({ ...a, labels: undefined, selectors: a.selectors.filter((s) => !s.includes('aria-label')) }),
    ),
  },
};

for (const file of ['watch-2022.html', 'watch-2022-id.html']) {
  describe(`YouTube watch page, 2022 layout (${file})`, () => {
    const doc = load(file);
    const hit = (sel: string, site = youtube) =>
      resolveAction(site, at(doc, sel).querySelector('path') ?? at(doc, sel), HREF, doc);

    it('like, share and subscribe under the video act on the video and its channel', () => {
      for (const site of [youtube, structural])
        for (const [fx, kind] of [
          ['like', 'like'],
          ['share', 'share'],
          ['subscribe', 'follow'],
        ] as const) {
          const h = hit(`[data-fx="${fx}"]`, site);
          expect(h?.kind, fx).toBe(kind);
          expect(h?.item).toMatchObject({ scope: 'post', author: OWNER });
          expect(h?.item.text).toContain('Debat Kandidat Dua');
        }
    });

    it('dislike, download and save are not actions', () => {
      for (const fx of ['dislike', 'download', 'save']) expect(hit(`[data-fx="${fx}"]`), fx).toBeNull();
    });

    it("a comment's Like and Reply act on that comment, with its author and text", () => {
      for (const site of [youtube, structural]) {
        const like = hit('[data-n="1"] #like-button', site);
        expect(like?.kind).toBe('like');
        expect(like?.item).toMatchObject({
          scope: 'comment',
          author: { platform: 'youtube', id: 'UCwargaSemarang0000000001' },
          text: 'Mantap, nomor 2!',
        });
        const reply = hit('[data-n="2"] #reply-button-end tp-yt-paper-button', site);
        expect(reply?.kind).toBe('comment');
        expect(reply?.item.author?.id).toBe('UCkucingOren00000000000002');
      }
    });

    it('the "Add a comment…" placeholder is the comment box of the video', () => {
      const c = findComposer(youtube, at(doc, '#simplebox-placeholder'));
      expect(c?.part).toBe('input');
      const h = c && composerTarget(youtube, c, HREF, doc);
      expect(h).toMatchObject({ kind: 'comment', item: { scope: 'post', author: OWNER } });
    });
  });
}
