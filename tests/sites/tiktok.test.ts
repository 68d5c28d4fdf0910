/**
 * TikTok site rules against the hand-written fixtures (tests/fixtures/tiktok), in a linkedom DOM:
 * every control resolves to the right action kind, item scope, author (from hrefs) and text;
 * neutral and unknown controls resolve to nothing flagged-looking; a DOM without the hooks
 * degrades to null without throwing; and every selector in the rules is valid and in use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, resolveAction } from '../../lib/sites/engine';
import { tiktok } from '../../lib/sites/tiktok';
import { at, fixtureFiles } from './fixtures';

const DIR = join(import.meta.dirname, '../fixtures/tiktok');
const ORIGIN = 'https://www.tiktok.com';

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
const load = (file: string) => parse(readFileSync(join(DIR, file), 'utf8'));

const allFixtures = () => fixtureFiles(DIR);

function act(doc: Document, selector: string, path: string, eventType = 'click') {
  return resolveAction(tiktok, at(doc, selector), { href: ORIGIN + path }, doc, null, eventType);
}

const FEED = '/foryou';
const DETAIL = '/@kandidat.dua.test/video/7300000000000000002';
const item = (id: string, inner: string) => `[data-id="${id}"] ${inner}`;

describe('TikTok identity', () => {
  it('reads accounts from profile, video and photo hrefs', () => {
    const base = `${ORIGIN}/foryou`;
    expect(tiktok.accountFromHref('/@Kandidat.Dua.Test', base)).toEqual({
      platform: 'tiktok',
      handle: 'kandidat.dua.test',
    });
    expect(tiktok.accountFromHref('/@user_1/video/7300000000000000001', base)?.handle).toBe('user_1');
    expect(tiktok.accountFromHref('https://m.tiktok.com/@abc/photo/1', base)?.handle).toBe('abc');
    expect(tiktok.accountFromHref('/@a', base)).toBeNull(); // too short
    for (const href of ['/foryou', '/tag/PrabowoGibran2024', '/music/x-123', 'https://example.com/@user', '/', '::'])
      expect(tiktok.accountFromHref(href, base)).toBeNull();
  });

  it('gives the page account on profiles only, not on video pages', () => {
    const doc = load('foryou.html');
    expect(tiktok.pageAccount(`${ORIGIN}/@kandidat.dua.test`, doc)).toEqual({
      platform: 'tiktok',
      handle: 'kandidat.dua.test',
    });
    expect(tiktok.pageAccount(`${ORIGIN}/@kandidat.dua.test/?lang=id-ID`, doc)?.handle).toBe('kandidat.dua.test');
    expect(tiktok.pageAccount(`${ORIGIN}${DETAIL}`, doc)).toBeNull();
    expect(tiktok.pageAccount(`${ORIGIN}/foryou`, doc)).toBeNull();
  });
});

describe.each([
  ['foryou.html', 'kandidat.dua.test'],
  ['foryou-id.html', 'kandidat.satu.test'],
])('TikTok For You feed (%s)', (file, candidate) => {
  const doc = load(file);

  it.each([
    ['button [data-e2e="like-icon"]', 'like'],
    ['button [data-e2e="like-count"]', 'like'],
    ['button:has([data-e2e="like-icon"])', 'like'],
    ['button [data-e2e="share-icon"]', 'share'],
    ['[data-e2e="video-share-repost"]', 'share'],
    ['[data-e2e="feed-follow"]', 'follow'],
    // The comment icon opens that video's comments: a comment on it.
    ['[data-e2e="comment-icon"]', 'comment'],
  ])('%s on the candidate item → %s of that post', (selector, kind) => {
    const hit = act(doc, item('t1', selector), FEED);
    expect(hit?.kind).toBe(kind);
    expect(hit?.item.scope).toBe('post');
    expect(hit?.item.author).toEqual({ platform: 'tiktok', handle: candidate });
    expect(hit?.item.text).toContain('Semarang');
    expect(hit?.item.permalink).toBe(`${ORIGIN}/@${candidate}/video/7300000000000000001`);
  });

  it('a double-tap on the video is a like of that post; a single click (pause) is nothing', () => {
    const video = item('t1', '[data-e2e="feed-video"] video');
    expect(act(doc, video, FEED, 'dblclick')).toMatchObject({
      kind: 'like',
      item: { scope: 'post', author: { platform: 'tiktok', handle: candidate } },
    });
    expect(act(doc, video, FEED)).toBeNull();
    // …and a double-click on the like button is not a second kind of like.
    expect(act(doc, item('t1', '[data-e2e="like-icon"]'), FEED, 'dblclick')).toBeNull();
  });

  it('reads an ordinary author and the campaign caption', () => {
    const hit = act(doc, item('t2', '[data-e2e="like-icon"]'), FEED);
    expect(hit?.item.author).toEqual({ platform: 'tiktok', handle: 'warga.semarang' });
    expect(hit?.item.text).toContain('#PrabowoGibran2024');
  });

  it('resolves neutral items to their own authors and texts', () => {
    expect(act(doc, item('t3', '[data-e2e="like-icon"]'), FEED)?.item).toMatchObject({
      author: { handle: 'kucing.oren' },
      text: expect.stringContaining('Aamiin'),
    });
    expect(act(doc, item('t4', '[data-e2e="share-count"]'), FEED)?.item.author?.handle).toBe('resep.nusantara');
  });

  it('ignores controls that are not actions', () => {
    for (const sel of ['[data-e2e="video-desc"]', '[data-e2e="video-author-uniqueid"]'])
      expect(act(doc, item('t1', sel), FEED)).toBeNull();
  });
});

describe.each([
  ['@kandidat.dua.test/video/7300000000000000002.html', DETAIL, 'kandidat.dua.test', 'Solo'],
  [
    '@warga.bekasi/video/7300000000000000006.html',
    '/@warga.bekasi/video/7300000000000000006',
    'warga.bekasi',
    '#AniesMuhaimin',
  ],
])('TikTok video detail (%s)', (file, path, author, text) => {
  const doc = load(file);

  it.each([
    ['[data-e2e="browse-like-icon"]', 'like'],
    ['[data-e2e="browse-share-count"]', 'share'],
    ['[data-e2e="browse-follow"]', 'follow'],
    ['[data-e2e="browse-video"] video', 'like', 'dblclick'],
  ])('%s → %s of the video', (selector, kind, eventType = 'click') => {
    const hit = act(doc, selector, path, eventType);
    expect(hit).toMatchObject({ kind, item: { scope: 'post', author: { platform: 'tiktok', handle: author } } });
    expect(hit?.item.text).toContain(text);
  });

  it("treats a comment's like and reply as the comment's", () => {
    const like = act(doc, item('c1', '[data-e2e="comment-like-icon"]'), path);
    expect(like).toMatchObject({ kind: 'like', item: { scope: 'comment', author: { handle: 'warga.bandung' } } });
    expect(like?.item.text).toContain('Aamiin');
    const reply = act(doc, item('c1', '[data-e2e="comment-reply-1"]'), path);
    expect(reply).toMatchObject({ kind: 'comment', item: { scope: 'comment', author: { handle: 'warga.bandung' } } });
    // A reply nested in c1's wrapper is its own item.
    const nested = act(doc, item('c1r1', '[data-e2e="comment-like-count"]'), path);
    expect(nested?.item).toMatchObject({ scope: 'comment', author: { handle: author } });
    expect(act(doc, item('c2', '[data-e2e="comment-like-icon"]'), path)?.item.author?.handle).toBe('relawan.solo');
  });

  it('resolves the comment box (beside the video) to the video', () => {
    for (const sel of ['[data-e2e="comment-input"] [contenteditable]', '[data-e2e="comment-post"]']) {
      const c = findComposer(tiktok, at(doc, sel));
      expect(c).not.toBeNull();
      const hit = c && composerTarget(tiktok, c, { href: ORIGIN + path }, doc);
      expect(hit).toMatchObject({ kind: 'comment', item: { scope: 'post', author: { handle: author } } });
    }
    expect(findComposer(tiktok, at(doc, '[data-e2e="comment-input"] [contenteditable]'))?.rule.enterSubmits).toBe(true);
  });
});

describe.each([
  ['@kandidat.dua.test.html', 'kandidat.dua.test'],
  ['@kandidat.satu.test.html', 'kandidat.satu.test'],
])('TikTok profile (%s)', (file, handle) => {
  it('Follow acts on the page account', () => {
    const doc = load(file);
    const hit = act(doc, '[data-e2e="follow-button"]', `/@${handle}`);
    expect(hit).toMatchObject({ kind: 'follow', item: { scope: 'page' }, page: { platform: 'tiktok', handle } });
    expect(act(doc, '[data-e2e="message-button"]', `/@${handle}`)).toBeNull();
  });
});

describe('TikTok degradation', () => {
  it('resolves nothing, without throwing, when the hooks are renamed', () => {
    for (const file of allFixtures()) {
      const html = readFileSync(join(DIR, file), 'utf8')
        .replaceAll('data-e2e=', 'data-x=')
        .replace(/class="[^"]*"/g, '')
        .replace(/aria-label="[^"]*"/g, '');
      const doc = parse(html);
      for (const el of Array.from(doc.querySelectorAll('button, [role="button"], a, span, video'))) {
        expect(() => resolveAction(tiktok, el, { href: `${ORIGIN}/foryou` }, doc)).not.toThrow();
        expect(resolveAction(tiktok, el, { href: `${ORIGIN}/foryou` }, doc)).toBeNull();
      }
    }
  });

  it('survives an invalid selector in a data update', () => {
    const broken = {
      ...tiktok,
      rules: { ...tiktok.rules, actions: [{ kind: 'like' as const, selectors: ['[[nope'] }, ...tiktok.rules.actions] },
    };
    const doc = load('foryou.html');
    expect(() =>
      resolveAction(broken, at(doc, item('t3', '[data-e2e="like-icon"]')), { href: ORIGIN }, doc),
    ).not.toThrow();
  });
});

describe('TikTok selectors as data', () => {
  const docs = allFixtures().map(load);
  const r = tiktok.rules;
  const all = [
    ...r.actions.flatMap((a) => a.selectors),
    ...r.containers.flatMap((c) => [
      ...c.selectors,
      ...c.author,
      ...c.text,
      ...(c.alt ?? []),
      ...(c.linkTitles ?? []),
      ...(c.permalink ?? []),
    ]),
    ...(r.composers ?? []).flatMap((c) => [
      ...c.inputs,
      ...c.submits,
      ...(c.context ?? []),
      ...(c.dialogContext ?? []),
    ]),
  ];

  it.each(all)('parses: %s', (sel) => {
    expect(() => docs[0]?.querySelector(sel)).not.toThrow();
  });

  const firsts = [
    ...r.actions.map((a, i) => [`action ${i} (${a.kind})`, a.selectors[0]]),
    ...r.containers.map((c) => [`${c.scope} container`, c.selectors[0]]),
    ...(r.composers ?? []).flatMap((c) => [
      ['composer input', c.inputs[0]],
      ['composer submit', c.submits[0]],
    ]),
  ] as [string, string][];

  it.each(firsts)('%s: first selector %s matches in some fixture', (_, sel) => {
    const count = docs.reduce((n, d) => n + d.querySelectorAll(sel).length, 0);
    expect(count).toBeGreaterThan(0);
  });
});
