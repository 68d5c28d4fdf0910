/**
 * The phone layouts, EN and ID, on the hand-written fixtures (linkedom): m.facebook.com's WebLite
 * touch feed, x.com at phone width, m.youtube.com's `ytm-*` watch page with its comments panel,
 * instagram.com and tiktok.com at phone width. Every control a thumb uses resolves to the right
 * kind, item, author and text; the double-tap media resolve only as gestures; a reaction picked in
 * m.facebook's long-press menu (a layer away from the post) is a like of the post that opened it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, findControl, resolveAction } from '../../lib/sites/engine';
import { facebook } from '../../lib/sites/facebook';
import { instagram } from '../../lib/sites/instagram';
import { tiktok } from '../../lib/sites/tiktok';
import type { SiteModule } from '../../lib/sites/types';
import { x } from '../../lib/sites/x';
import { youtube } from '../../lib/sites/youtube';
import { at } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures');

function open(site: SiteModule, file: string, url: string) {
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  const doc = parseHTML(html).document as unknown as Document;
  const hit = (sel: string, opener?: Element | null, type = 'click') =>
    resolveAction(site, at(doc, sel), { href: url }, doc, opener, type);
  const composer = (sel: string) => {
    const c = findComposer(site, at(doc, sel));
    return c ? composerTarget(site, c, { href: url }, doc) : null;
  };
  return { doc, hit, composer };
}

const both = (en: string, id: string) =>
  [
    ['EN', en],
    ['ID', id],
  ] as const;

describe.each(both('m-touch.html', 'm-touch-id.html'))('m.facebook WebLite touch feed (%s)', (_lang, file) => {
  const f = open(facebook, `facebook/${file}`, `https://m.facebook.com/${file.replace('.html', '')}`);
  const CANDIDATE = { platform: 'facebook', handle: 'kandidat.dua.test' };
  const post = (p: string, act: string) => `[data-post="${p}"] [data-act="${act}"]`;

  it('Like, Comment, Share of the action bar by their place; the author from the name link', () => {
    const like = f.hit(`${post('t1', 'like')} .native-text`);
    expect(like).toMatchObject({ kind: 'like', item: { scope: 'post', author: CANDIDATE } });
    expect(like?.item.text).toMatch(/Solo/);
    expect(f.hit(post('t1', 'comment'))).toMatchObject({ kind: 'comment', item: { author: CANDIDATE } });
    const share = findControl(facebook, at(f.doc, post('t1', 'share')));
    expect(share?.rule).toMatchObject({ kind: 'share', opensMenu: true });
  });

  it('a long press on Like opens the reaction menu: the rule says so, a tap stays a like', () => {
    expect(findControl(facebook, at(f.doc, post('t1', 'like')))?.rule.longPressMenu).toBe(true);
  });

  it('a reaction picked in the layer is a like of the post whose Like opened it', () => {
    const opener = at(f.doc, post('t1', 'like'));
    const love = '#portal [role="dialog"] [data-reaction="1"]';
    expect(f.hit(love, opener)).toMatchObject({ kind: 'like', item: { author: CANDIDATE } });
    // without the opener there is no post to judge: nothing is recognised (never another post)
    expect(f.hit(love, null)).toBeNull();
  });

  it('a post without any link is read by its text; Follow in a post header follows its author', () => {
    const noLink = f.hit(post('t2', 'like'));
    expect(noLink?.item.author).toBeUndefined();
    expect(noLink?.item.text).toMatch(/#PrabowoGibran2024/);
    expect(f.hit(post('t4', 'follow'))).toMatchObject({
      kind: 'follow',
      item: { scope: 'post', author: { platform: 'facebook', id: '100000000000001' } },
    });
    expect(f.hit(post('t3', 'like'))?.item.text).toMatch(/^(Amen|Aamiin)/);
  });

  it('the labels alone still name the buttons when the bar loses its shape', () => {
    const bar = at(f.doc, '[data-post="t1"] [data-bar]');
    const comment = at(f.doc, post('t1', 'comment'));
    const share = at(f.doc, post('t1', 'share'));
    const wrap = f.doc.createElement('div');
    bar.replaceChildren(at(f.doc, post('t1', 'like')), wrap);
    wrap.append(comment, share);
    expect(f.hit(post('t1', 'like'))?.kind).toBe('like');
    expect(f.hit(post('t1', 'comment'))?.kind).toBe('comment');
    expect(findControl(facebook, share)?.rule.opensMenu).toBe(true);
  });
});

describe.each(both('home-mobile.html', 'home-mobile-id.html'))('x.com at phone width (%s)', (_lang, file) => {
  const f = open(x, `x/${file}`, `https://mobile.x.com/${file.replace('.html', '')}`);
  const CANDIDATE = { platform: 'x', handle: 'kandidat_dua_test' };
  const post = (p: string, id: string) => `[data-post="${p}"] [data-testid="${id}"]`;

  it('the desktop hooks hold: like, reply and the repost in the bottom sheet are the post’s', () => {
    expect(f.hit(post('m1', 'like'))).toMatchObject({ kind: 'like', item: { author: CANDIDATE } });
    expect(f.hit(post('m1', 'reply'))).toMatchObject({ kind: 'comment', item: { author: CANDIDATE } });
    const opener = at(f.doc, post('m1', 'retweet'));
    expect(findControl(x, opener)?.rule.opensMenu).toBe(true);
    at(f.doc, '#layers').innerHTML =
      '<div data-testid="sheetDialog" role="dialog"><div data-testid="Dropdown" role="menu"><div role="menuitem" data-testid="retweetConfirm"><span>Repost</span></div></div></div>';
    expect(f.hit('#layers [data-testid="retweetConfirm"]', opener)).toMatchObject({
      kind: 'share',
      item: { author: CANDIDATE },
    });
    expect(f.hit(post('m2', 'like'))?.item.text).toMatch(/#PrabowoGibran2024/);
  });

  it('Follow on a "Who to follow" card follows that card’s account', () => {
    expect(f.hit('[data-testid="1600000000002-follow"]')).toMatchObject({
      kind: 'follow',
      item: { author: CANDIDATE },
    });
    expect(f.hit('[data-testid="1600000000009-follow"]')?.item.author?.handle).toBe('resepnusantara');
  });
});

describe.each(both('m-watch.html', 'm-watch-id.html'))('m.youtube.com watch page (%s)', (_lang, file) => {
  const f = open(youtube, `youtube/${file}`, 'https://m.youtube.com/watch?v=vidKandidat1');
  const CANDIDATE = { platform: 'youtube', handle: 'kandidatduatest' };

  it.each([
    ['like-button-view-model button', 'like'],
    ['ytm-slim-owner-renderer ytm-subscribe-button-renderer button', 'follow'],
    ['ytm-segmented-like-dislike-button-renderer + ytm-button-renderer button', 'share'],
  ])('%s → %s of the video', (sel, kind) => {
    expect(f.hit(sel)).toMatchObject({ kind, item: { scope: 'post', author: CANDIDATE } });
  });

  it('Save (the next button) is no action', () => {
    expect(f.hit('ytm-button-renderer + ytm-button-renderer button')).toBeNull();
  });

  it('a comment in the panel outside ytm-watch is judged as the comment; the panel’s box replies to the video', () => {
    expect(f.hit('[data-id="mc1"] ytm-like-button-renderer button')).toMatchObject({
      kind: 'like',
      item: { scope: 'comment', author: { handle: 'wargabekasi' } },
    });
    expect(f.hit('[data-id="mc2"] ytm-like-button-renderer button')?.item.author).toEqual(CANDIDATE);
    for (const sel of ['ytm-commentbox textarea', 'ytm-commentbox ytm-button-renderer button'])
      expect(f.composer(sel)).toMatchObject({ kind: 'comment', item: { scope: 'post', author: CANDIDATE } });
  });
});

describe.each(both('feed-mobile.html', 'feed-mobile-id.html'))('instagram.com at phone width (%s)', (_lang, file) => {
  const f = open(instagram, `instagram/${file}`, `https://www.instagram.com/${file.replace('.html', '')}`);
  const CANDIDATE = { platform: 'instagram', handle: 'kandidat.dua.test' };
  const post = (p: string, fx: string) => `[data-post="${p}"] [data-fx="${fx}"]`;

  it.each([
    ['like', 'like'],
    ['comment', 'comment'],
    ['share', 'share'],
    ['follow', 'follow'],
  ])('%s → %s of the post', (fx, kind) => {
    expect(f.hit(post('f1', fx))).toMatchObject({ kind, item: { scope: 'post', author: CANDIDATE } });
  });

  it('the media likes only as a double-tap gesture', () => {
    const media = `${post('f1', 'media')} img`;
    expect(f.hit(media)).toBeNull();
    expect(f.hit(media, null, 'dblclick')).toMatchObject({ kind: 'like', item: { author: CANDIDATE } });
  });
});

describe.each(both('foryou-mobile.html', 'foryou-mobile-id.html'))('tiktok.com at phone width (%s)', (_lang, file) => {
  const f = open(tiktok, `tiktok/${file}`, `https://m.tiktok.com/${file.replace('.html', '')}`);
  // t1 is a candidate's test account (ticket 02 in EN, ticket 01 in ID)
  const CANDIDATE = { platform: 'tiktok', handle: file.includes('-id') ? 'kandidat.satu.test' : 'kandidat.dua.test' };
  const item = (id: string, e2e: string) => `[data-id="${id}"] [data-e2e="${e2e}"]`;

  it.each([
    ['like-icon', 'like'],
    ['comment-icon', 'comment'],
    ['share-icon', 'share'],
    ['feed-follow', 'follow'],
  ])('%s → %s of the video', (e2e, kind) => {
    expect(f.hit(item('t1', e2e))).toMatchObject({ kind, item: { scope: 'post', author: CANDIDATE } });
  });

  it('the video likes only as a double-tap gesture', () => {
    expect(f.hit(item('t1', 'feed-video'))).toBeNull();
    expect(f.hit(item('t1', 'feed-video'), null, 'dblclick')).toMatchObject({ kind: 'like' });
  });

  it('the comment sheet’s box belongs to the video whose comments were opened', () => {
    f.hit(item('t2', 'comment-icon'));
    const sent = f.composer('[data-e2e="comment-post"]');
    expect(sent?.kind).toBe('comment');
    expect(sent?.item.text).toMatch(/#PrabowoGibran2024|Prabowo/);
  });
});
