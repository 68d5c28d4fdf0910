/**
 * YouTube site rules against the hand-written fixtures (tests/fixtures/youtube), in a linkedom
 * DOM: watch page, Shorts (the active reel among inactive ones), channel pages and an m.youtube
 * watch page. Every control resolves to the right kind, scope, author (from hrefs) and text;
 * a DOM without the hooks degrades to null without throwing; every selector is valid and in use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, resolveAction } from '../../lib/sites/engine';
import { youtube } from '../../lib/sites/youtube';
import { at, fixtureFiles } from './fixtures';

const DIR = join(import.meta.dirname, '../fixtures/youtube');
const ORIGIN = 'https://www.youtube.com';

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
const load = (file: string) => parse(readFileSync(join(DIR, file), 'utf8'));

const allFixtures = () => fixtureFiles(DIR);

const act = (doc: Document, selector: string, url: string) =>
  resolveAction(youtube, at(doc, selector), { href: url }, doc);

function composer(doc: Document, selector: string, url: string) {
  const c = findComposer(youtube, at(doc, selector));
  return c ? composerTarget(youtube, c, { href: url }, doc) : null;
}

const item = (id: string, inner: string) => `[data-id="${id}"] ${inner}`;
const KANDIDAT_DUA = { platform: 'youtube', handle: 'kandidatduatest' };

describe('YouTube identity', () => {
  const base = `${ORIGIN}/watch?v=x`;
  it('reads channels from @handle, /channel/UC…, /c/ and /user/ hrefs', () => {
    expect(youtube.accountFromHref('/@KandidatDuaTest', base)).toEqual(KANDIDAT_DUA);
    expect(youtube.accountFromHref('https://m.youtube.com/@Some.Name-1/videos', base)?.handle).toBe('some.name-1');
    expect(youtube.accountFromHref('/channel/UC0123456789abcdefghijkl', base)).toEqual({
      platform: 'youtube',
      id: 'UC0123456789abcdefghijkl',
    });
    expect(youtube.accountFromHref('/c/SomeBrand', base)).toEqual({
      platform: 'youtube',
      url: 'https://www.youtube.com/c/SomeBrand',
    });
    expect(youtube.accountFromHref('/user/olduser', base)?.url).toBe('https://www.youtube.com/user/olduser');
    for (const href of [
      '/watch?v=abc',
      '/shorts/AAAAAAAAAA1',
      '/@ab',
      '/channel/XYZ',
      '/feed/subscriptions',
      'https://example.com/@KandidatDuaTest',
      '/',
    ])
      expect(youtube.accountFromHref(href, base)).toBeNull();
  });

  it('gives the page account on channel pages only', () => {
    const doc = load('watch.html');
    expect(youtube.pageAccount(`${ORIGIN}/@KandidatDuaTest`, doc)).toEqual(KANDIDAT_DUA);
    expect(youtube.pageAccount(`${ORIGIN}/@KandidatDuaTest/videos`, doc)).toEqual(KANDIDAT_DUA);
    expect(youtube.pageAccount(`${ORIGIN}/channel/UCkandidatSatuTest00000`, doc)).toEqual({
      platform: 'youtube',
      id: 'UCkandidatSatuTest00000',
    });
    expect(youtube.pageAccount(`${ORIGIN}/watch?v=vidKandidat1`, doc)).toBeNull();
    expect(youtube.pageAccount(`${ORIGIN}/shorts/AAAAAAAAAA1`, doc)).toBeNull();
  });
});

describe.each([
  ['watch.html', '/watch?v=vidKandidat1', 'kandidatduatest', 'Jawa Tengah'],
  ['watch-id.html', '/watch?v=vidWargaBks1', 'wargabekasi', '#AniesMuhaimin'],
])('YouTube watch page (%s)', (file, path, handle, title) => {
  const doc = load(file);
  const url = ORIGIN + path;

  it.each([
    ['like-button-view-model button', 'like'],
    ['like-button-view-model button span', 'like'],
    ['ytd-watch-metadata yt-subscribe-button-view-model button', 'follow'],
  ])('%s → %s of the video, author from the owner link', (selector, kind) => {
    const hit = act(doc, selector, url);
    expect(hit).toMatchObject({ kind, item: { scope: 'post', author: { platform: 'youtube', handle } } });
    expect(hit?.item.text).toContain(title);
  });

  it('ignores dislike and the description', () => {
    expect(act(doc, 'dislike-button-view-model button', url)).toBeNull();
    expect(act(doc, '#description-inline-expander', url)).toBeNull();
  });

  it("treats a comment's like and reply as the comment's", () => {
    const like = act(doc, item('cm1', '#like-button button'), url);
    expect(like).toMatchObject({ kind: 'like', item: { scope: 'comment', author: { handle: 'wargabandung' } } });
    expect(like?.item.text).toContain('Aamiin');
    expect(like?.item.permalink).toContain('lc=UgxCm1');
    expect(act(doc, item('cm1', '#reply-button-end button'), url)).toMatchObject({
      kind: 'comment',
      item: { scope: 'comment', author: { handle: 'wargabandung' } },
    });
    // The reply sits in the thread beside cm1, and is its own item.
    expect(act(doc, item('cm1r1', '#like-button button'), url)?.item.author?.handle).toBe(handle);
    expect(act(doc, item('cm2', '#like-button button'), url)?.item.author?.handle).toBe('relawansolo');
  });

  it('resolves the comment box (outside the metadata) and its submit to the video', () => {
    for (const sel of [
      'ytd-comments-header-renderer #contenteditable-root',
      'ytd-comments-header-renderer #submit-button button',
    ]) {
      expect(composer(doc, sel, url)).toMatchObject({ kind: 'comment', item: { scope: 'post', author: { handle } } });
    }
    expect(findComposer(youtube, at(doc, '#contenteditable-root'))?.rule.enterSubmits).toBe(false);
  });

  it('resolves a reply box opened inside a comment to that comment', () => {
    const slot = at(doc, item('cm3', '#reply-dialog'));
    slot.innerHTML = '<ytd-commentbox><div id="contenteditable-root" contenteditable="true"></div></ytd-commentbox>';
    expect(composer(doc, item('cm3', '#contenteditable-root'), url)?.item).toMatchObject({
      scope: 'comment',
      author: { handle: 'pecintakopi' },
    });
    slot.innerHTML = '';
  });
});

it('finds the EN watch-page Share button by its label (the only label-based control)', () => {
  const doc = load('watch.html');
  expect(act(doc, 'yt-button-view-model button span', `${ORIGIN}/watch?v=vidKandidat1`)).toMatchObject({
    kind: 'share',
    item: { author: KANDIDAT_DUA },
  });
});

describe.each([
  ['shorts/AAAAAAAAAA1.html', 'kandidatduatest', '#PrabowoGibran2024'],
  ['shorts/BBBBBBBBBB2.html', 'kandidatsatutest', '#AniesMuhaimin'],
])('YouTube Shorts (%s)', (file, candidate, hashtag) => {
  const doc = load(file);
  const url = `${ORIGIN}/shorts/AAAAAAAAAA1`;

  it.each([
    ['like-button-view-model button', 'like'],
    ['#share-button button', 'share'],
    ['yt-subscribe-button-view-model button', 'follow'],
  ])('%s in a reel → %s of that reel', (selector, kind) => {
    expect(act(doc, item('r1', selector), url)).toMatchObject({
      kind,
      item: { scope: 'post', author: { platform: 'youtube', handle: candidate } },
    });
    const r3 = act(doc, item('r3', selector), url);
    expect(r3?.item.author?.handle).toBe('wargasemarang');
    expect(r3?.item.text).toContain(hashtag);
    expect(act(doc, item('r2', selector), url)?.item.text).toContain('Aamiin');
  });

  it('does not treat opening the comments panel as an action', () => {
    expect(act(doc, item('r1', '#comments-button button'), url)).toBeNull();
  });

  it('resolves the comment panel (outside every reel) to the ACTIVE reel', () => {
    const sel = 'ytd-engagement-panel-section-list-renderer ytd-commentbox #contenteditable-root';
    expect(composer(doc, sel, url)?.item.author?.handle).toBe(candidate);
    at(doc, '[data-id="r1"]').removeAttribute('is-active');
    at(doc, '[data-id="r2"]').setAttribute('is-active', '');
    expect(composer(doc, sel, url)?.item).toMatchObject({ scope: 'post', author: { handle: 'kucingoren' } });
    at(doc, '[data-id="r2"]').removeAttribute('is-active');
    at(doc, '[data-id="r1"]').setAttribute('is-active', '');
    // A comment in the panel is its own item, not the active reel's.
    expect(act(doc, item('cm9', '#like-button button'), url)?.item).toMatchObject({
      scope: 'comment',
      author: { handle: 'penontonsetia' },
    });
  });
});

describe.each([
  ['@KandidatDuaTest.html', '/@KandidatDuaTest', KANDIDAT_DUA],
  [
    'channel/UCkandidatSatuTest00000.html',
    '/channel/UCkandidatSatuTest00000',
    { platform: 'youtube', id: 'UCkandidatSatuTest00000' },
  ],
])('YouTube channel page (%s)', (file, path, page) => {
  it('Subscribe in the header acts on the page account', () => {
    const doc = load(file);
    expect(act(doc, 'yt-subscribe-button-view-model button', ORIGIN + path)).toMatchObject({
      kind: 'follow',
      item: { scope: 'page' },
      page,
    });
    expect(act(doc, '#contents a', ORIGIN + path)).toBeNull();
  });
});

describe('m.youtube watch page (best effort)', () => {
  const doc = load('m-watch.html');
  const url = 'https://m.youtube.com/watch?v=vidKandidat1';
  it.each([
    ['like-button-view-model button', 'like'],
    ['ytm-subscribe-button-renderer button', 'follow'],
    ['ytm-button-renderer button', 'share'],
  ])('%s → %s of the video', (selector, kind) => {
    expect(act(doc, selector, url)).toMatchObject({ kind, item: { scope: 'post', author: KANDIDAT_DUA } });
  });
});

describe('YouTube degradation', () => {
  it('resolves nothing, without throwing, when tags and ids are renamed', () => {
    for (const file of allFixtures()) {
      const html = readFileSync(join(DIR, file), 'utf8')
        .replace(/<(\/?)(ytd|ytm|yt)-/g, '<$1x-')
        .replace(/<(\/?)([a-z-]*)-view-model/g, '<$1$2-vm')
        .replace(/ id="[^"]*"/g, '')
        .replace(/aria-label="[^"]*"/g, '');
      const doc = parse(html);
      for (const el of Array.from(doc.querySelectorAll('button, a, span, [contenteditable]'))) {
        expect(() => resolveAction(youtube, el, { href: `${ORIGIN}/watch?v=x` }, doc)).not.toThrow();
        expect(resolveAction(youtube, el, { href: `${ORIGIN}/watch?v=x` }, doc)).toBeNull();
        expect(findComposer(youtube, el)).toBeNull();
      }
    }
  });
});

describe('YouTube selectors as data', () => {
  const docs = allFixtures().map(load);
  const r = youtube.rules;
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
    expect(docs.reduce((n, d) => n + d.querySelectorAll(sel).length, 0)).toBeGreaterThan(0);
  });
});
