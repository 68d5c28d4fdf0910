/**
 * Threads site rules against the hand-written fixtures (tests/fixtures/threads), in a linkedom
 * DOM: pressable containers, Like/Reply/Repost/Share with the Repost/Quote portal menu, the avatar
 * "+" follow vs the profile Follow, replies as items of their own, the reply dialog composer; EN
 * and ID UI. The Indonesian labels are unverified (U), so the tests also show that the positional
 * action-bar fallback works with every label stripped; without the container hook nothing resolves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, resolveAction } from '../../lib/sites/engine';
import { threads } from '../../lib/sites/threads';
import { at, fixtureFiles } from './fixtures';

const DIR = join(import.meta.dirname, '../fixtures/threads');
const ORIGIN = 'https://www.threads.com';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const load = (file: string) => parse(read(file));

const allFixtures = () => fixtureFiles(DIR);

const hitOf = (el: Element) => el.querySelector('path') ?? el;
const act = (doc: Document, selector: string, path: string, opener?: Element) =>
  resolveAction(threads, hitOf(at(doc, selector)), { href: ORIGIN + path }, doc, opener);

const FEED_AUTHORS: Record<string, string> = {
  t1: 'kandidat.dua.test',
  t2: 'warga.semarang',
  t3: 'kucingoren',
  t4: 'resepnusantara',
  t5: 'kandidat.satu.test',
};
const POST_PATH = '/@kandidat.dua.test/post/DuaPost01';

/** Put the Repost menu in the portal as the page does (same markup as app.js). */
function openMenu(doc: Document, lang: 'en' | 'id'): void {
  const [repost, quote] = lang === 'id' ? ['Posting ulang', 'Kutip'] : ['Repost', 'Quote'];
  at(doc, '#portal').innerHTML = `<div role="menu">
    <div role="menuitem" tabindex="0" data-fx="do-repost"><span>${repost}</span><svg aria-label="${repost}"><path d="M0 0"></path></svg></div>
    <div role="menuitem" tabindex="0" data-fx="do-quote"><span>${quote}</span><svg aria-label="${quote}"><path d="M0 0"></path></svg></div></div>`;
}

describe('Threads identity', () => {
  it('reads accounts from /@handle and post hrefs on both hosts', () => {
    const base = `${ORIGIN}/`;
    expect(threads.accountFromHref('/@Kandidat.Dua.Test', base)).toEqual({
      platform: 'threads',
      handle: 'kandidat.dua.test',
    });
    expect(threads.accountFromHref('https://www.threads.net/@user_1/post/C0de', base)?.handle).toBe('user_1');
    for (const href of [
      '/',
      '/search?q=x',
      '/kandidat.dua.test',
      '/@',
      `/@${'a'.repeat(31)}`,
      'https://www.instagram.com/@kandidat.dua.test',
      'http://[::1',
    ])
      expect(threads.accountFromHref(href, base)).toBeNull();
  });

  it('gives the page account on profiles only, not on post pages', () => {
    const doc = load('feed.html');
    expect(threads.pageAccount(`${ORIGIN}/@kandidat.dua.test`, doc)?.handle).toBe('kandidat.dua.test');
    expect(threads.pageAccount('https://www.threads.net/@kandidat.dua.test/replies', doc)?.handle).toBe(
      'kandidat.dua.test',
    );
    expect(threads.pageAccount(`${ORIGIN}${POST_PATH}`, doc)).toBeNull();
    expect(threads.pageAccount(`${ORIGIN}/`, doc)).toBeNull();
  });
});

for (const lang of ['en', 'id'] as const) {
  const sfx = lang === 'id' ? '-id' : '';
  describe(`Threads feed (${lang})`, () => {
    const doc = load(`feed${sfx}.html`);
    const post = (id: string, inner: string) => `[data-post="${id}"] ${inner}`;

    it('resolves like, reply and share on every post, with author, text and permalink', () => {
      for (const [id, handle] of Object.entries(FEED_AUTHORS)) {
        for (const [fx, kind] of [
          ['like', 'like'],
          ['reply', 'comment'],
          ['share', 'share'],
        ] as const) {
          const hit = act(doc, post(id, `[data-fx="${fx}"]`), '/');
          expect(hit?.kind, `${id} ${fx}`).toBe(kind);
          expect(hit?.control).toBe(at(doc, post(id, `[data-fx="${fx}"]`)));
          expect(hit?.item.scope).toBe('post');
          expect(hit?.item.author).toEqual({ platform: 'threads', handle });
          expect(hit?.item.permalink).toMatch(new RegExp(`^${ORIGIN}/@${handle}/post/\\w+$`));
        }
      }
      const t2 = act(doc, post('t2', '[data-fx="like"]'), '/');
      expect(t2?.item.text).toContain('Prabowo Subianto');
      expect(t2?.item.text).toContain('#PrabowoGibran2024');
      expect(act(doc, post('t3', '[data-fx="like"]'), '/')?.item.text).toContain('Aamiin');
      expect(act(doc, post('t1', '[data-fx="like"]'), '/')?.item.altText).toEqual([
        'Photo of a crowd in a town square',
      ]);
    });

    it('Repost only opens the menu; Repost and Quote in the portal belong to the opener post', () => {
      const opener = at(doc, post('t5', '[data-fx="repost"]'));
      const open = act(doc, post('t5', '[data-fx="repost"]'), '/');
      expect(open?.kind).toBe('share');
      openMenu(doc, lang);
      for (const fx of ['do-repost', 'do-quote']) {
        const hit = act(doc, `#portal [data-fx="${fx}"]`, '/', opener);
        expect(hit?.kind, fx).toBe('share');
        expect(hit?.item.author?.handle).toBe('kandidat.satu.test');
      }
      // Without a live opener the menu item has no post and passes.
      expect(act(doc, '#portal [data-fx="do-repost"]', '/')).toBeNull();
      at(doc, '#portal').innerHTML = '';
    });

    it("the avatar's + follows that post's author", () => {
      const hit = act(doc, post('t1', '[data-fx="follow"]'), '/');
      expect(hit?.kind).toBe('follow');
      expect(hit?.item.scope).toBe('post');
      expect(hit?.item.author?.handle).toBe('kandidat.dua.test');
    });

    it('More, the author link and the time are not actions', () => {
      for (const inner of ['.head > [role="button"]', '.head a[role="link"] span', 'time', 'div[dir="auto"] span'])
        expect(act(doc, post('t1', inner), '/'), inner).toBeNull();
    });
  });

  describe(`Threads post page with replies (${lang})`, () => {
    const doc = load(`@kandidat.dua.test/post/DuaPost01${sfx}.html`);

    it("the main post is the candidate's; each reply is its own item with its own author", () => {
      expect(act(doc, '[data-post="m1"] [data-fx="like"]', POST_PATH)?.item.author?.handle).toBe('kandidat.dua.test');
      const expected = { r1: 'warga.biasa', r2: 'relawan.kota', r3: 'kandidat.satu.test' };
      for (const [id, handle] of Object.entries(expected)) {
        for (const fx of ['like', 'reply']) {
          const hit = act(doc, `[data-post="${id}"] [data-fx="${fx}"]`, POST_PATH);
          expect(hit?.item.author?.handle, `${id} ${fx}`).toBe(handle);
          // no page account on a post page: the reply is judged on its own
          expect(hit?.page).toBeUndefined();
        }
      }
      expect(act(doc, '[data-post="r2"] [data-fx="like"]', POST_PATH)?.item.text).toContain('#AniesMuhaimin');
    });

    it('the reply dialog composer targets the post shown in the dialog', () => {
      at(doc, '#portal').innerHTML = `<div role="dialog"><div data-pressable-container="true">
        <a href="/@kandidat.dua.test" role="link"><span dir="auto">kandidat.dua.test</span></a>
        <div dir="auto"><span>Terima kasih</span></div></div>
        <form><div contenteditable="true" role="textbox" tabindex="0"></div><div role="button" tabindex="0">Post</div></form></div>`;
      const c = findComposer(threads, at(doc, '[contenteditable="true"]'));
      expect(c?.part).toBe('input');
      expect(c?.rule.enterSubmits).toBeUndefined();
      const target = c ? composerTarget(threads, c, { href: ORIGIN + POST_PATH }, doc) : null;
      expect(target?.kind).toBe('comment');
      expect(target?.item.author?.handle).toBe('kandidat.dua.test');
      expect(findComposer(threads, at(doc, '#portal form [role="button"]'))?.part).toBe('submit');
    });
  });
}

describe('Threads profile pages', () => {
  it('Follow (EN) and Ikuti (ID) on a candidate profile are about the page', () => {
    for (const [file, handle] of [
      ['@kandidat.dua.test.html', 'kandidat.dua.test'],
      ['@kandidat.satu.test.html', 'kandidat.satu.test'],
    ] as const) {
      const doc = load(file);
      const hit = act(doc, '[data-fx="page-follow"]', `/@${handle}`);
      expect(hit?.kind, file).toBe('follow');
      expect(hit?.item.scope).toBe('page');
      expect(hit?.page?.handle).toBe(handle);
      // The profile's own posts still resolve as posts.
      expect(act(doc, '[data-fx="like"]', `/@${handle}`)?.item.author?.handle).toBe(handle);
    }
  });
});

describe('Threads: changed DOM', () => {
  it('with every aria-label stripped, the positional action-bar fallback still resolves like, reply, repost, share', () => {
    const doc = parse(read('feed-id.html').replace(/aria-label="[^"]*"/g, ''));
    const kinds = ['like', 'reply', 'repost', 'share'].map(
      (fx) => act(doc, `[data-post="t2"] [data-fx="${fx}"]`, '/')?.kind,
    );
    expect(kinds).toEqual(['like', 'comment', 'share', 'share']);
    expect(act(doc, '[data-post="t2"] [data-fx="like"]', '/')?.item.author?.handle).toBe('warga.semarang');
  });

  it('a liked post ("Unlike") is not taken for a like by the positional fallback', () => {
    const doc = load('feed.html');
    at(doc, '[data-post="t1"] [data-fx="like"] svg').setAttribute('aria-label', 'Unlike');
    expect(act(doc, '[data-post="t1"] [data-fx="like"]', '/')).toBeNull();
  });

  it('without the pressable-container hook nothing resolves and nothing throws', () => {
    const doc = parse(read('feed.html').replace(/data-pressable-container="true"/g, 'data-x="1"'));
    for (const el of Array.from(doc.querySelectorAll('[data-fx]'))) {
      expect(() => resolveAction(threads, hitOf(el), { href: `${ORIGIN}/` }, doc)).not.toThrow();
      expect(resolveAction(threads, hitOf(el), { href: `${ORIGIN}/` }, doc), el.outerHTML.slice(0, 60)).toBeNull();
    }
  });
});

describe('Threads selectors as data', () => {
  // The late-2024 profile fixtures (no repost menu open) are tested in threads-2024.test.ts.
  const docs = allFixtures()
    .filter((f) => !f.startsWith('profile-2024'))
    .map((f) => {
      const doc = load(f);
      openMenu(doc, f.includes('-id') ? 'id' : 'en'); // the portal menu exists only after a click
      return { f, doc };
    });
  const rules = threads.rules;
  const everySelector = [
    ...rules.actions.flatMap((a) => [...a.selectors, ...(a.labels?.closest ? [a.labels.closest] : [])]),
    ...rules.containers.flatMap((c) => [
      ...c.selectors,
      ...c.author,
      ...c.text,
      ...(c.alt ?? []),
      ...(c.permalink ?? []),
    ]),
    ...(rules.composers ?? []).flatMap((c) => [...c.inputs, ...c.submits, ...(c.dialogContext ?? [])]),
  ];
  const count = (sel: string) => docs.reduce((n, { doc }) => n + doc.querySelectorAll(sel).length, 0);

  it('every selector parses', () => {
    const doc = docs[0]?.doc ?? parse('<p></p>');
    for (const sel of everySelector) expect(() => doc.querySelector(sel), sel).not.toThrow();
  });

  it("each rule's first selector (or its label table) matches in some fixture", () => {
    for (const a of rules.actions) {
      const first = a.selectors[0];
      if (first) expect(count(first), first).toBeGreaterThan(0);
      else {
        const labels = [...(a.labels?.en ?? []), ...(a.labels?.id ?? [])];
        const found = docs.some(({ doc }) =>
          Array.from(doc.querySelectorAll('[role="button"]')).some((el) =>
            labels.includes((el.textContent ?? '').trim()),
          ),
        );
        expect(found, labels.join('/')).toBe(true);
      }
    }
    for (const c of rules.containers)
      for (const sel of [c.selectors[0], c.author[0], c.text[0]]) expect(count(sel ?? ''), sel).toBeGreaterThan(0);
  });

  it('expected counts: 5 posts and 5 action bars per feed, 4 per post page, 1 per profile', () => {
    const posts = rules.containers[0]?.selectors[0] ?? '';
    const bars = `${posts} div:has(> [role="button"]:nth-child(4))`;
    for (const { f, doc } of docs) {
      // The late-2024 profile fixtures have their own tests (threads-2024.test.ts).
      if (f.startsWith('profile-2024')) continue;
      const n = f.startsWith('feed') ? 5 : f.includes('/post/') ? 4 : 1;
      expect([doc.querySelectorAll(posts).length, doc.querySelectorAll(bars).length], f).toEqual([n, n]);
    }
  });
});
