/**
 * X site rules against the hand-written fixtures (tests/fixtures/x), in a linkedom DOM: identity
 * from relative and absolute hrefs; every post's like/reply/repost resolves to the post with its
 * author and text; a saved-page layout (every link absolute) with a long-form Article (no
 * `tweetText`), account cells whose Follow follows that account, a profile-header Follow that
 * follows the page, and the inline reply box of a status page; in the English and Indonesian UI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, resolveAction } from '../../lib/sites/engine';
import { x, xRules } from '../../lib/sites/x';
import { at } from './fixtures';

const DIR = join(import.meta.dirname, '../fixtures/x');
const ORIGIN = 'https://x.com';
const load = (file: string) => parseHTML(readFileSync(join(DIR, file), 'utf8')).document as unknown as Document;
const hitOf = (el: Element) => el.querySelector('path') ?? el;
const act = (doc: Document, selector: string, path: string) =>
  resolveAction(x, hitOf(at(doc, selector)), { href: ORIGIN + path }, doc);

describe('X identity', () => {
  const base = `${ORIGIN}/home`;
  it('reads handles from relative and absolute links, never from app routes or other hosts', () => {
    for (const href of ['/Kandidat_Dua', 'https://x.com/kandidat_dua', 'https://twitter.com/kandidat_dua/status/1'])
      expect(x.accountFromHref(href, base)).toEqual({ platform: 'x', handle: 'kandidat_dua' });
    for (const href of [
      '/home',
      '/i/flow/login',
      '/hashtag/Pemilu',
      '/search?q=a',
      'https://example.com/kandidat_dua',
      '/',
    ])
      expect(x.accountFromHref(href, base), href).toBeNull();
  });

  it('gives the page account on profiles and their tabs, not on a status page', () => {
    const doc = load('saved-en.html');
    expect(x.pageAccount(`${ORIGIN}/kandidat_dua`, doc)?.handle).toBe('kandidat_dua');
    expect(x.pageAccount(`${ORIGIN}/kandidat_dua/with_replies`, doc)?.handle).toBe('kandidat_dua');
    expect(x.pageAccount(`${ORIGIN}/kandidat_dua/status/1900000000000000001`, doc)).toBeNull();
  });
});

describe('X home timeline (relative links)', () => {
  const doc = load('home.html');
  it('every like, reply and repost resolves to its own post, author and text', () => {
    const posts = Array.from(doc.querySelectorAll('article[data-testid="tweet"][data-post]'));
    expect(posts.length).toBeGreaterThan(3);
    for (const post of posts) {
      const id = post.getAttribute('data-post');
      for (const [testid, kind] of [
        ['like', 'like'],
        ['reply', 'comment'],
        ['retweet', 'share'],
      ] as const) {
        const sel = `article[data-post="${id}"] [data-testid="${testid}"]`;
        if (!doc.querySelector(sel)) continue;
        const hit = act(doc, sel, '/home');
        expect(hit?.kind, `${id} ${testid}`).toBe(kind);
        expect(hit?.item.scope).toBe('post');
        expect(hit?.item.author?.platform).toBe('x');
        expect(hit?.item.text.trim().length, `${id} text`).toBeGreaterThan(0);
      }
    }
    expect(act(doc, 'article[data-post="p1"] [data-testid="like"]', '/home')?.item.author?.handle).toBe('prabowo');
  });
});

for (const lang of ['en', 'id'] as const) {
  describe(`X saved page, absolute links (${lang})`, () => {
    const doc = load(`saved-${lang}.html`);
    const article = 'article[aria-labelledby="id-1900000000000000001"]';
    const plain = 'article[aria-labelledby="id-1900000000000000002"]';

    it("an Article's actions carry its author and its long-form body (there is no tweetText)", () => {
      for (const [testid, kind] of [
        ['like', 'like'],
        ['reply', 'comment'],
        ['retweet', 'share'],
      ] as const) {
        const hit = act(doc, `${article} [data-testid="${testid}"]`, '/home');
        expect(hit?.kind).toBe(kind);
        expect(hit?.item.author).toEqual({ platform: 'x', handle: 'kandidat_dua' });
        expect(hit?.item.text).toContain('Bersama Kandidat Dua');
        expect(hit?.item.permalink).toBe(`${ORIGIN}/kandidat_dua/status/1900000000000000001`);
      }
    });

    it('an ordinary post names its author from the absolute link', () => {
      const hit = act(doc, `${plain} [data-testid="like"]`, '/home');
      expect(hit?.item.author).toEqual({ platform: 'x', handle: 'warga_semarang' });
      expect(hit?.item.text).toContain('Simpang Lima');
    });

    it("a Follow in a 'Who to follow' cell follows that cell's account, not the page", () => {
      const hit = act(doc, '[data-testid="1700000000000000001-follow"]', '/home');
      expect(hit?.kind).toBe('follow');
      expect(hit?.item.scope).toBe('post');
      expect(hit?.item.author).toEqual({ platform: 'x', handle: 'kandidat_satu' });
      expect(act(doc, '[data-testid="1700000000000000009-follow"]', '/home')?.item.author?.handle).toBe('kucing_oren');
    });

    it("the profile header's Follow follows the page's account", () => {
      const hit = act(doc, '[data-testid="1700000000000000002-follow"]', '/kandidat_dua');
      expect(hit?.kind).toBe('follow');
      expect(hit?.item.scope).toBe('page');
      expect(hit?.page).toEqual({ platform: 'x', handle: 'kandidat_dua' });
    });

    it('the inline reply box of a status page answers the focused post', () => {
      const c = findComposer(x, at(doc, '[data-testid="tweetTextarea_0"]'));
      expect(c?.part).toBe('input');
      const hit = c && composerTarget(x, c, { href: `${ORIGIN}/kandidat_dua/status/1900000000000000001` }, doc);
      expect(hit?.kind).toBe('comment');
      expect(hit?.item.author?.handle).toBe('kandidat_dua');
      expect(findComposer(x, at(doc, '[data-testid="tweetButtonInline"]'))?.part).toBe('submit');
    });

    it('an already-liked post ("unlike") and the cell around a Follow are not actions', () => {
      expect(resolveAction(x, at(doc, '[data-testid="UserDescription"]'), { href: `${ORIGIN}/home` }, doc)).toBeNull();
      expect(xRules.actions.some((a) => a.selectors.some((s) => s.includes('"unlike"')))).toBe(false);
    });
  });
}
