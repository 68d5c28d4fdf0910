/**
 * Facebook's late-2025 Comet markup (tests/fixtures/facebook/groups-2025*.html), in English and
 * Indonesian: the like/comment/share markers sit INSIDE each button, so the button is derived from
 * the marker wherever the click lands (icon, label, the marker itself); a group post's author is
 * the `/groups/<g>/user/<id>/` link outside the name block; a post whose markers are gone still
 * resolves through the label tables; the comment box in a post is that post's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, resolveAction } from '../../lib/sites/engine';
import { facebook } from '../../lib/sites/facebook';
import { at } from './fixtures';

const DIR = join(import.meta.dirname, '../fixtures/facebook');
const HREF = { href: 'https://www.facebook.com/' };
const load = (file: string) => parseHTML(readFileSync(join(DIR, file), 'utf8')).document as unknown as Document;

const BUDI = {
  platform: 'facebook',
  id: '100000000000007',
  url: 'https://www.facebook.com/profile.php?id=100000000000007',
};

for (const file of ['groups-2025.html', 'groups-2025-id.html']) {
  describe(`Facebook 2025 feed (${file})`, () => {
    const doc = load(file);
    const post = (n: number, inner: string) => `[data-post="g${n}"] ${inner}`;
    const act = (el: Element) => resolveAction(facebook, el, HREF, doc);

    it('like, comment and share resolve from every part of the button: icon, label, the marker', () => {
      for (const [fx, kind, marker] of [
        ['like', 'like', 'like_button'],
        ['comment', 'comment', 'comment_button'],
        ['share', 'share', 'share_button'],
      ] as const) {
        const button = doc.querySelectorAll(post(1, '[data-fx]'))[['like', 'comment', 'share'].indexOf(fx)];
        if (!button) throw new Error(`fixture has no ${fx} button`);
        for (const target of [
          at(doc, `${post(1, '[data-fx]')}[aria-label="${button.getAttribute('aria-label')}"] i`),
          at(doc, `${post(1, '[data-fx]')}[aria-label="${button.getAttribute('aria-label')}"] span`),
          at(doc, post(1, `[data-ad-rendering-role="${marker}"]`)),
        ]) {
          const hit = act(target);
          expect(hit?.kind, `${fx} via ${target.tagName}`).toBe(kind);
          expect(hit?.control).toBe(button);
          expect(hit?.item.scope).toBe('post');
          expect(hit?.item.author).toEqual(BUDI);
          expect(hit?.item.text).toContain('Kandidat Dua');
        }
      }
    });

    it("a group post's author is the member link, never the group in the name block", () => {
      const hit = act(at(doc, post(1, '[data-ad-rendering-role="like_button"]')));
      expect(hit?.item.author?.id).toBe('100000000000007');
      expect(hit?.item.author?.url).not.toContain('/groups/');
    });

    it("a person's own post on web.facebook.com names that person", () => {
      const hit = act(at(doc, post(2, '[data-ad-rendering-role="share_button"]')));
      expect(hit?.kind).toBe('share');
      expect(hit?.item.author).toMatchObject({ platform: 'facebook', handle: 'kandidat.dua.test' });
    });

    it('without the markers, the label tables (EN and ID) still find like, comment and share', () => {
      const buttons = Array.from(doc.querySelectorAll(post(3, '[data-fx]')));
      expect(buttons.map((b) => act(b.querySelector('i') ?? b)?.kind)).toEqual(['like', 'comment', 'share']);
      expect(act(buttons[0] as Element)?.item.author?.id).toBe('100000000000009');
    });

    it('the reaction-dock opener and the post menu are not actions', () => {
      expect(act(at(doc, post(1, '[role="button"]:not([data-fx])[aria-haspopup="menu"]')))).toBeNull();
      const react = doc.querySelectorAll(post(1, '.bar > [role="button"]:not([data-fx])'))[0];
      expect(react && act(react)).toBeNull();
    });

    it('the comment box inside a post is a comment on that post', () => {
      const c = findComposer(facebook, at(doc, post(1, '[role="textbox"]')));
      expect(c?.part).toBe('input');
      const hit = c && composerTarget(facebook, c, HREF, doc);
      expect(hit?.item.author).toEqual(BUDI);
      expect(hit?.item.text).toContain('coblos nomor 2');
    });
  });
}
