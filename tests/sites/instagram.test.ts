/**
 * Instagram site rules against the hand-written fixtures (tests/fixtures/instagram), in a linkedom
 * DOM: every control resolves to the right action kind, post vs comment scope (16 px comment
 * hearts vs 24 px post hearts), author (from hrefs) and text, in the English and the Indonesian
 * UI; neutral controls resolve to nothing; a DOM without the hooks degrades to null without
 * throwing; and every selector in the rules is valid and in use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, missCounts, resolveAction } from '../../lib/sites/engine';
import { instagram, instagramDoubleTap } from '../../lib/sites/instagram';
import type { SiteModule } from '../../lib/sites/types';
import { at, fixtureFiles } from './fixtures';

const DIR = join(import.meta.dirname, '../fixtures/instagram');
const ORIGIN = 'https://www.instagram.com';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const load = (file: string) => parse(readFileSync(join(DIR, file), 'utf8'));

const allFixtures = () => fixtureFiles(DIR);

/** The event target a person hits: the icon's <path> if there is one, else the element itself. */
const hitOf = (el: Element) => el.querySelector('path') ?? el;

const act = (doc: Document, selector: string, path: string, site: SiteModule = instagram) =>
  resolveAction(site, hitOf(at(doc, selector)), { href: ORIGIN + path }, doc);

const VARIANTS = [
  { lang: 'en', feed: 'feed.html', post: 'p/CkDua01.html', feedPath: '/', postPath: '/p/CkDua01/' },
  { lang: 'id', feed: 'feed-id.html', post: 'p/CkDua01-id.html', feedPath: '/', postPath: '/p/CkDua01/' },
] as const;

const FEED_AUTHORS: Record<string, string> = {
  f1: 'kandidat.dua.test',
  f2: 'warga.semarang',
  f3: 'kucingoren',
  f4: 'resepnusantara',
  f5: 'kandidat.satu.test',
};

describe('Instagram identity', () => {
  const base = `${ORIGIN}/`;
  it('reads accounts from profile and post hrefs, never from app routes', () => {
    expect(instagram.accountFromHref('/Kandidat.Dua.Test/', base)).toEqual({
      platform: 'instagram',
      handle: 'kandidat.dua.test',
    });
    expect(instagram.accountFromHref('https://instagram.com/user_1/p/Abc123/', base)?.handle).toBe('user_1');
    for (const href of [
      '/p/CkDua01/',
      '/reel/Xyz/',
      '/explore/tags/PrabowoGibran2024/',
      '/stories/kandidat.dua.test/1/',
      '/direct/inbox/',
      '/accounts/edit/',
      'https://example.com/kandidat.dua.test/',
      '/',
      '/has-hyphen/',
      `/${'a'.repeat(31)}/`,
      'http://[::1',
    ])
      expect(instagram.accountFromHref(href, base)).toBeNull();
  });

  it('gives the page account on profiles only, not on post pages', () => {
    const doc = load('kandidat.dua.test.html');
    expect(instagram.pageAccount(`${ORIGIN}/kandidat.dua.test/`, doc)?.handle).toBe('kandidat.dua.test');
    expect(instagram.pageAccount(`${ORIGIN}/kandidat.dua.test/reels/`, doc)?.handle).toBe('kandidat.dua.test');
    expect(instagram.pageAccount(`${ORIGIN}/kandidat.dua.test/p/CkDua01/`, doc)).toBeNull();
    expect(instagram.pageAccount(`${ORIGIN}/p/CkDua01/`, doc)).toBeNull();
    expect(instagram.pageAccount('not a url', doc)).toBeNull();
  });
});

for (const v of VARIANTS) {
  describe(`Instagram feed (${v.lang})`, () => {
    const doc = load(v.feed);
    const post = (id: string, inner: string) => `[data-post="${id}"] ${inner}`;

    it('resolves like, comment, share and repost on every post, with author, text and permalink', () => {
      for (const [id, handle] of Object.entries(FEED_AUTHORS)) {
        for (const [fx, kind] of [
          ['like', 'like'],
          ['comment', 'comment'],
          ['share', 'share'],
          ['repost', 'share'],
        ] as const) {
          const hit = act(doc, post(id, `[data-fx="${fx}"]`), v.feedPath);
          expect(hit, `${id} ${fx}`).not.toBeNull();
          expect(hit?.kind).toBe(kind);
          expect(hit?.control).toBe(at(doc, post(id, `[data-fx="${fx}"]`)));
          expect(hit?.item.scope).toBe('post');
          expect(hit?.item.author).toEqual({ platform: 'instagram', handle });
          expect(hit?.item.permalink).toMatch(/^https:\/\/www\.instagram\.com\/p\/\w+\/$/);
        }
      }
      const f2 = act(doc, post('f2', '[data-fx="like"]'), v.feedPath);
      expect(f2?.item.text).toContain('Prabowo Subianto');
      expect(f2?.item.text).toContain('#PrabowoGibran2024');
      expect(act(doc, post('f3', '[data-fx="like"]'), v.feedPath)?.item.text).toContain('Aamiin');
      expect(act(doc, post('f1', '[data-fx="like"]'), v.feedPath)?.item.altText).toContain(
        'Photo of a crowd in a town square',
      );
    });

    it('a click on the button itself (not its icon) resolves too, as Enter/Space on a focused button does', () => {
      const el = at(doc, post('f1', '[data-fx="like"]'));
      expect(resolveAction(instagram, el, { href: ORIGIN + v.feedPath }, doc)?.kind).toBe('like');
    });

    it("a Follow in a post header follows that post's author, not the page", () => {
      const hit = act(doc, post('f1', '[data-fx="follow"]'), v.feedPath);
      expect(hit?.kind).toBe('follow');
      expect(hit?.item.scope).toBe('post');
      expect(hit?.item.author?.handle).toBe('kandidat.dua.test');
      expect(act(doc, post('f3', '[data-fx="follow"]'), v.feedPath)?.item.author?.handle).toBe('kucingoren');
    });

    it('Save, More options, the author link and a single click on the media are not actions', () => {
      for (const inner of ['[data-fx="save"]', 'header svg', 'header a', '[data-fx="media"] img', 'time'])
        expect(act(doc, post('f1', inner), v.feedPath), inner).toBeNull();
    });

    it('a double-tap (dblclick) on the media is a like on its post; on a control it is nothing', () => {
      const dbl = (sel: string) =>
        resolveAction(instagram, at(doc, sel), { href: ORIGIN + v.feedPath }, doc, null, 'dblclick');
      const hit = dbl(post('f1', '[data-fx="media"] img'));
      expect(hit?.kind).toBe('like');
      expect(hit?.item.scope).toBe('post');
      expect(hit?.item.author?.handle).toBe('kandidat.dua.test');
      expect(dbl(post('f4', '[data-fx="media"] img'))?.item.author?.handle).toBe('resepnusantara');
      expect(dbl(post('f1', '[data-fx="comment"]'))).toBeNull();
      expect(instagramDoubleTap.gestures).toEqual(['dblclick']);
    });

    it('the comment box and its Post button target the post, Enter sends', () => {
      const box = at(doc, post('f2', 'textarea'));
      const c = findComposer(instagram, box);
      expect(c?.part).toBe('input');
      expect(c?.rule.enterSubmits).toBe(true);
      const target = c ? composerTarget(instagram, c, { href: ORIGIN + v.feedPath }, doc) : null;
      expect(target?.kind).toBe('comment');
      expect(target?.item.author?.handle).toBe('warga.semarang');
      const send = findComposer(instagram, at(doc, post('f2', '[data-fx="send"]')));
      expect(send?.part).toBe('submit');
      // the emoji button in the same form is not a submit
      expect(findComposer(instagram, hitOf(at(doc, post('f2', 'form [role="button"]:not([data-fx])'))))).toBeNull();
    });
  });

  describe(`Instagram post page with comments (${v.lang})`, () => {
    const doc = load(v.post);

    it('the 24 px post heart is the post', () => {
      const hit = act(doc, '[data-post="p1"] section [data-fx="like"]', v.postPath);
      expect(hit?.kind).toBe('like');
      expect(hit?.item.scope).toBe('post');
      expect(hit?.item.author?.handle).toBe('kandidat.dua.test');
      expect(hit?.item.text).toContain('Semarang');
      expect(hit?.page).toBeUndefined();
    });

    it("a comment's 16 px heart and its Reply are the comment's, with the comment's author and text", () => {
      const expected = {
        c1: ['warga.biasa', 'Mantap'],
        c2: ['relawan.kota', '#AniesMuhaimin'],
        c3: ['kandidat.satu.test', 'Makassar'],
      };
      for (const [id, [handle, text]] of Object.entries(expected)) {
        for (const [fx, kind] of [
          ['like', 'like'],
          ['comment', 'comment'],
        ] as const) {
          const hit = act(doc, `[data-comment="${id}"] [data-fx="${fx}"]`, v.postPath);
          expect(hit?.kind, `${id} ${fx}`).toBe(kind);
          expect(hit?.item.scope).toBe('comment');
          expect(hit?.item.author?.handle).toBe(handle);
          expect(hit?.item.text).toContain(text);
        }
      }
    });

    it('the comment form on the post page belongs to the post', () => {
      const c = findComposer(instagram, at(doc, 'textarea'));
      const target = c ? composerTarget(instagram, c, { href: ORIGIN + v.postPath }, doc) : null;
      expect(target?.item.scope).toBe('post');
      expect(target?.item.author?.handle).toBe('kandidat.dua.test');
    });
  });
}

describe('Instagram profile pages', () => {
  it('Follow on a candidate profile is about the page (EN)', () => {
    const doc = load('kandidat.dua.test.html');
    const hit = act(doc, '[data-fx="page-follow"] div', '/kandidat.dua.test/');
    expect(hit?.kind).toBe('follow');
    expect(hit?.item.scope).toBe('page');
    expect(hit?.page?.handle).toBe('kandidat.dua.test');
    // Message and the options icon are not actions
    for (const sel of ['header [role="button"]:not([data-fx])', 'h2'])
      expect(act(doc, sel, '/kandidat.dua.test/'), sel).toBeNull();
  });

  it('"Ikuti" on a candidate profile is about the page (ID)', () => {
    const doc = load('kandidat.satu.test.html');
    const hit = act(doc, '[data-fx="page-follow"]', '/kandidat.satu.test/');
    expect(hit?.kind).toBe('follow');
    expect(hit?.page?.handle).toBe('kandidat.satu.test');
  });
});

describe('Instagram: a changed DOM degrades to "not recognised"', () => {
  it('without labels, articles and forms nothing resolves and nothing throws', () => {
    const html = readFileSync(join(DIR, 'feed.html'), 'utf8')
      .replace(/aria-label="[^"]*"/g, '')
      .replace(/<title>[^<]*<\/title>/g, '')
      .replace(/<(\/?)article/g, '<$1div')
      .replace(/<(\/?)header/g, '<$1div')
      .replace(/<(\/?)form/g, '<$1div');
    const doc = parse(html);
    for (const el of Array.from(doc.querySelectorAll('[data-fx]'))) {
      expect(() => resolveAction(instagram, hitOf(el), { href: `${ORIGIN}/` }, doc)).not.toThrow();
      const hit = resolveAction(instagram, hitOf(el), { href: `${ORIGIN}/` }, doc);
      // The only survivor is the text-labelled Follow, read as the page's Follow: on the feed the
      // page has no account, so it carries nothing to match and passes.
      if (hit) expect([hit.kind, hit.item.author, hit.page], el.outerHTML).toEqual(['follow', undefined, undefined]);
    }
    expect(
      Array.from(doc.querySelectorAll('[data-fx="like"],[data-fx="comment"],[data-fx="share"]')).map((el) =>
        resolveAction(instagram, hitOf(el), { href: `${ORIGIN}/` }, doc),
      ),
    ).toEqual(Array(15).fill(null));
    expect(findComposer(instagram, at(doc, 'textarea'))).toBeNull();
  });

  it('an invalid selector from a bad data update is skipped and counted', () => {
    const broken: SiteModule = {
      ...instagram,
      rules: {
        ...instagram.rules,
        actions: [
          { kind: 'like', selectors: ['[role="button"]:has(svg[aria-label="Like"'] },
          ...instagram.rules.actions,
        ],
      },
    };
    const doc = load('feed.html');
    const before = missCounts().get('invalid:[role="button"]:has(svg[aria-label="Like"') ?? 0;
    expect(act(doc, '[data-post="f1"] [data-fx="like"]', '/', broken)?.kind).toBe('like');
    expect(missCounts().get('invalid:[role="button"]:has(svg[aria-label="Like"')).toBe(before + 1);
  });
});

describe('Instagram selectors as data', () => {
  const docs = allFixtures().map((f) => ({ f, doc: load(f) }));
  const rules = instagram.rules;
  const everySelector = [
    ...rules.actions.flatMap((a) => [...a.selectors, ...(a.labels?.closest ? [a.labels.closest] : [])]),
    ...rules.containers.flatMap((c) => [
      ...c.selectors,
      ...c.author,
      ...c.text,
      ...(c.alt ?? []),
      ...(c.linkTitles ?? []),
      ...(c.permalink ?? []),
    ]),
    ...(rules.composers ?? []).flatMap((c) => [
      ...c.inputs,
      ...c.submits,
      ...(c.dialogContext ?? []),
      ...(c.context ?? []),
    ]),
  ];

  it('every selector parses', () => {
    const doc = docs[0]?.doc ?? parse('<p></p>');
    for (const sel of everySelector) expect(() => doc.querySelector(sel), sel).not.toThrow();
  });

  it("each rule's first selector (or its label table) matches in some fixture", () => {
    const count = (sel: string) => docs.reduce((n, { doc }) => n + doc.querySelectorAll(sel).length, 0);
    for (const a of rules.actions) {
      const first = a.selectors[0];
      if (first) expect(count(first), first).toBeGreaterThan(0);
      else if (a.position) expect(count(a.position.bar), a.position.bar).toBeGreaterThan(0);
      else {
        const labels = [...(a.labels?.en ?? []), ...(a.labels?.id ?? [])];
        const found = docs.some(({ doc }) =>
          Array.from(doc.querySelectorAll('button,[role="button"]')).some((el) =>
            labels.includes((el.textContent ?? '').trim()),
          ),
        );
        expect(found, `labels ${labels.join('/')}`).toBe(true);
      }
    }
    for (const c of rules.containers)
      for (const sel of [c.selectors[0], c.author[0], c.text[0]]) expect(count(sel ?? ''), sel).toBeGreaterThan(0);
    for (const c of rules.composers ?? [])
      for (const sel of [c.inputs[0], c.submits[0]]) expect(count(sel ?? ''), sel).toBeGreaterThan(0);
  });

  it('expected counts per fixture: 5 posts with 24 px hearts in each feed, 3 comment rows on each post page', () => {
    const like = rules.actions[0]?.selectors ?? [];
    for (const { f, doc } of docs) {
      // The 2025 standalone post/reel pages have their own counts (instagram-2025.test.ts).
      if (/CkDua2[56]/.test(f)) continue;
      const hearts = doc.querySelectorAll(`${like[0]}, ${like[2]}`).length;
      const posts = doc.querySelectorAll(rules.containers[1]?.selectors[0] ?? '').length;
      const comments = doc.querySelectorAll(rules.containers[0]?.selectors[0] ?? '').length;
      if (f.startsWith('feed')) expect([hearts, posts, comments], f).toEqual([5, 5, 0]);
      else if (f.startsWith('p/')) expect([hearts, comments], f).toEqual([4, 3]);
      else expect([hearts, comments], f).toEqual([0, 0]);
    }
  });
});
