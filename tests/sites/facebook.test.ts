/**
 * Facebook rules on the hand-written fixtures (parsed with linkedom): every control resolves to the
 * right kind, scope (comment before post), author (from hrefs) and text; neutral controls resolve
 * to nothing; a fixture with its hooks renamed degrades to null without throwing; every selector in
 * the rules parses and each rule's first selector is used by some fixture.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, resolveAction } from '../../lib/sites/engine';
import { facebook, facebookRules } from '../../lib/sites/facebook';

const DIR = resolve(import.meta.dirname, '../fixtures/facebook');
const FILES: Record<string, string> = {
  'feed.html': 'https://www.facebook.com/feed',
  'feed-id.html': 'https://web.facebook.com/feed-id',
  'kandidat.dua.test/posts/1001.html': 'https://www.facebook.com/kandidat.dua.test/posts/1001',
  'kandidat.dua.test/posts/1002.html': 'https://www.facebook.com/kandidat.dua.test/posts/1002',
  'kandidat.dua.test.html': 'https://www.facebook.com/kandidat.dua.test',
  'profile.php.html': 'https://www.facebook.com/profile.php?id=100000000000002',
  'groups/relawan.dua.test.html': 'https://www.facebook.com/groups/relawan.dua.test/',
  'm-feed.html': 'https://m.facebook.com/m-feed',
  'm-touch.html': 'https://m.facebook.com/m-touch',
  'm-touch-id.html': 'https://m.facebook.com/m-touch-id',
};

function load(file: string, html = readFileSync(resolve(DIR, file), 'utf8')) {
  const { document } = parseHTML(html);
  const href = FILES[file] ?? 'https://www.facebook.com/';
  const at = (sel: string) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`fixture ${file} has no ${sel}`);
    return el;
  };
  const hit = (sel: string) => resolveAction(facebook, at(sel), { href }, document);
  return { document, href, at, hit };
}

const CANDIDATE = { platform: 'facebook', handle: 'kandidat.dua.test' };
const CANDIDATE_ID = { platform: 'facebook', id: '100000000000002' };

describe.each(['feed.html', 'feed-id.html'])('Facebook feed %s', (file) => {
  const f = load(file);
  const post = (p: string, inner: string) => `[data-post="${p}"] ${inner}`;

  it('resolves like, comment and follow to the post and its author', () => {
    const like = f.hit(post('p1', '[data-ad-rendering-role="like_button"]'));
    expect(like?.kind).toBe('like');
    expect(like?.item.scope).toBe('post');
    expect(like?.item.author).toMatchObject(CANDIDATE);
    expect(like?.item.text).toMatch(/Semarang/);
    expect(like?.item.permalink).toMatch(/^https:\/\/(www|web)\.facebook\.com\/kandidat\.dua\.test\/posts\/1001\?/);
    // Keyboard users focus the role=button itself, which holds the hook.
    expect(f.hit(post('p1', '[data-act="like"]'))?.kind).toBe('like');
    expect(f.hit(post('p2', '[data-ad-rendering-role="comment_button"]'))).toMatchObject({
      kind: 'comment',
      item: { scope: 'post', author: { handle: 'warga.semarang.test' } },
    });
    expect(f.hit(post('p2', '[data-act="comment"]'))?.item.text).toMatch(/#PrabowoGibran2024/);
  });

  it('a group post by a person is that person (by id), never the group', () => {
    const hit = f.hit(post('p4', '[data-act="like"]'));
    expect(hit?.item.author).toMatchObject(CANDIDATE_ID);
    expect(hit?.item.permalink).toMatch(/\/groups\/relawan\.dua\.test\/posts\/4004\/$/);
    expect(f.hit(post('p5', '[data-act="like"]'))?.item.author).toMatchObject({ id: '100000000000777' });
  });

  it('Follow in a post header is about that post, profile.php ids and link cards are read', () => {
    const follow = f.hit(post('p6', '[data-act="follow"]'));
    expect(follow?.kind).toBe('follow');
    expect(follow?.item.scope).toBe('post');
    expect(follow?.item.author).toMatchObject({ platform: 'facebook', id: '100000000000001' });
    const card = f.hit(post('p7', '[data-act="share"]'));
    expect(card?.item.author).toMatchObject({ id: '100000000000555' });
    expect(card?.item.linkTitles.join(' ')).toMatch(/Ganjar Pranowo/);
  });

  it('a comment shown under a feed post is the comment, not the post', () => {
    const hit = f.hit('[data-comment="c0"] [data-act="like"]');
    expect(hit).toMatchObject({ kind: 'like', item: { scope: 'comment', author: { handle: 'joko.susilo.test' } } });
    expect(hit?.item.text).toBe('Hati-hati di jalan, Pak.');
    expect(f.hit('[data-comment="c0"] [data-act="comment"]')?.kind).toBe('comment');
  });

  it('the neutral post resolves to a neutral item', () => {
    const hit = f.hit(post('p3', '[data-act="like"]'));
    expect(hit?.item.author).toMatchObject({ handle: 'sari.pertiwi.test' });
    expect(hit?.item.text).toMatch(/^Aamiin/);
    expect(f.hit(post('p3', '[data-ad-rendering-role="story_message"] div'))).toBeNull();
    expect(f.hit(post('p3', 'h3 strong span'))).toBeNull();
  });

  it('Share only opens the dialog; "Share now" in the portal belongs to the opener post', () => {
    const share = f.hit(post('p2', '[data-ad-rendering-role="share_button"]'));
    expect(share?.kind).toBe('share');
    const opener = f.at(post('p2', '[data-act="share"]'));
    const portal = f.at('#portal');
    const lang = f.document.documentElement.getAttribute('lang');
    portal.innerHTML = `<div role="dialog"><div role="button" tabindex="0"><span>${
      lang === 'id' ? 'Bagikan sekarang (Publik)' : 'Share now (Public)'
    }</span></div></div>`;
    const now = resolveAction(facebook, f.at('#portal span'), { href: f.href }, f.document, opener);
    expect(now?.kind).toBe('share');
    expect(now?.item.author).toMatchObject({ handle: 'warga.semarang.test' });
    // Without an opener the menu item has no post: it passes.
    expect(resolveAction(facebook, f.at('#portal span'), { href: f.href }, f.document, null)).toBeNull();
    portal.innerHTML = '';
  });

  it('a reaction in the dock counts as a like of its post', () => {
    const bar = f.at(post('p1', '[data-bar]'));
    const label = f.document.documentElement.getAttribute('lang') === 'id' ? 'Super' : 'Love';
    bar.insertAdjacentHTML('beforeend', `<div data-dock><div role="button" aria-label="${label}">❤️</div></div>`);
    const hit = f.hit(post('p1', '[data-dock] [role="button"]'));
    expect(hit?.kind).toBe('like');
    expect(hit?.item.author).toMatchObject(CANDIDATE);
    f.at(post('p1', '[data-dock]')).remove();
  });

  it('the comment box of a post is a composer for that post (Enter submits)', () => {
    const c = findComposer(facebook, f.at(post('p1', '[role="textbox"]')));
    expect(c?.part).toBe('input');
    expect(c?.rule.enterSubmits).toBe(true);
    const t = c ? composerTarget(facebook, c, { href: f.href }, f.document) : null;
    expect(t?.item.author).toMatchObject(CANDIDATE);
    expect(findComposer(facebook, f.at(post('p1', '[data-act="send-comment"]')))?.part).toBe('submit');
  });
});

describe.each(['kandidat.dua.test/posts/1001.html', 'kandidat.dua.test/posts/1002.html'])(
  'Facebook single post with comments %s',
  (file) => {
    const f = load(file);
    const c = (id: string, act: string) => `[data-comment="${id}"] [data-act="${act}"]`;

    it('the post itself, without aria-posinset', () => {
      const hit = f.hit('[data-post] [data-act="like"]');
      expect(hit?.item).toMatchObject({ scope: 'post', author: CANDIDATE });
    });

    it('comment controls belong to the comment and its own author', () => {
      const like = f.hit(c('c1', 'like'));
      expect(like?.kind).toBe('like');
      expect(like?.item.scope).toBe('comment');
      expect(like?.item.author).toMatchObject({ handle: 'budi.santoso.test' });
      expect(like?.item.text).toBe('Semoga sehat selalu, Pak.');
      expect(like?.item.permalink).toMatch(/\/posts\/100[12]\?comment_id=Y29tbWVudDox$/);
      const reply = f.hit(c('c2', 'comment'));
      expect(reply?.kind).toBe('comment');
      expect(reply?.item).toMatchObject({ scope: 'comment', author: { handle: 'rina.wati.test' } });
      expect(reply?.item.text).toMatch(/#PrabowoGibran2024/);
      expect(f.hit(c('c3', 'like'))?.item).toMatchObject({ scope: 'comment', author: CANDIDATE });
    });

    it('a post permalink is nobody\'s "page"', () => {
      expect(facebook.pageAccount(f.href, f.document)).toBeNull();
    });

    it('the comment box replies to the post', () => {
      const hitC = findComposer(facebook, f.at('form [role="textbox"]'));
      const t = hitC ? composerTarget(facebook, hitC, { href: f.href }, f.document) : null;
      expect(t?.item).toMatchObject({ scope: 'post', author: CANDIDATE });
    });
  },
);

describe('Facebook pages (profile, Page, group)', () => {
  it('follow on a profile is about the page account', () => {
    const f = load('kandidat.dua.test.html');
    expect(facebook.pageAccount(f.href, f.document)).toMatchObject(CANDIDATE);
    const hit = f.hit('header [data-act="follow"]');
    expect(hit).toMatchObject({ kind: 'follow', item: { scope: 'page', author: CANDIDATE } });
  });

  it('Indonesian UI: profile.php?id= and "Ikuti"', () => {
    const f = load('profile.php.html');
    expect(facebook.pageAccount(f.href, f.document)).toMatchObject(CANDIDATE_ID);
    expect(f.hit('header [data-act="follow"]')).toMatchObject({ kind: 'follow', item: { author: CANDIDATE_ID } });
    expect(f.hit('[data-post="p21"] [data-act="like"]')?.item.author).toMatchObject(CANDIDATE_ID);
  });

  it('a group page belongs to the group; Join group is a follow of it', () => {
    const f = load('groups/relawan.dua.test.html');
    const group = { platform: 'facebook', url: 'https://www.facebook.com/groups/relawan.dua.test' };
    expect(facebook.pageAccount(f.href, f.document)).toEqual(group);
    expect(f.hit('header [data-act="follow"]')).toMatchObject({ kind: 'follow', page: group });
    // A member's post in it: the member as author, the group as page.
    expect(f.hit('[data-post="g1"] [data-act="like"]')).toMatchObject({
      item: { author: { id: '100000000000888' } },
      page: group,
    });
  });
});

describe('m.facebook WebLite skeleton (best effort)', () => {
  const f = load('m-feed.html');
  it('resolves labelled buttons to the MContainer post, author from a link when there is one', () => {
    const like = f.hit('[data-post="m1"] [data-act="like"] .native-text');
    expect(like).toMatchObject({ kind: 'like', item: { scope: 'post', author: CANDIDATE } });
    expect(like?.item.text).toMatch(/warga Solo/);
    const noLink = f.hit('[data-post="m2"] [data-act="comment"]');
    expect(noLink?.kind).toBe('comment');
    expect(noLink?.item.author).toBeUndefined();
    expect(noLink?.item.text).toMatch(/#PrabowoGibran2024/);
    expect(f.hit('[data-post="m3"] [data-act="like"]')?.item.text).toMatch(/^Aamiin/);
  });
});

describe('Facebook identity from hrefs', () => {
  const a = (href: string) => facebook.accountFromHref(href, 'https://www.facebook.com/');
  it('parses profiles, ids, people and group members; rejects routes and permalinks', () => {
    expect(a('/Kandidat.Dua.Test?__cft__[0]=x&__tn__=-R')).toMatchObject(CANDIDATE);
    expect(a('https://m.facebook.com/profile.php?id=100000000000002&sk=about')).toMatchObject(CANDIDATE_ID);
    expect(a('/people/Budi-Raharjo/100000000000555/')).toMatchObject({ id: '100000000000555' });
    expect(a('/groups/abc/user/100000000000777/')).toMatchObject({ id: '100000000000777' });
    for (const bad of [
      '/groups/relawan.dua.test/',
      '/kandidat.dua.test/posts/1001',
      '/watch/?v=1',
      '/hashtag/prabowogibran2024',
      '/reel/123',
      '/permalink.php?story_fbid=1&id=2',
      'https://l.facebook.com/l.php?u=x',
      'https://example.com/kandidat.dua.test',
      '/profile.php',
      'javascript:void(0)',
    ]) {
      expect(a(bad), bad).toBeNull();
    }
  });
  it('page accounts: profile tabs yes, post permalinks and app routes no', () => {
    const p = (u: string) => facebook.pageAccount(u, parseHTML('<html></html>').document);
    expect(p('https://www.facebook.com/kandidat.dua.test/about')).toMatchObject(CANDIDATE);
    expect(p('https://www.facebook.com/groups/123456/members')).toMatchObject({ id: '123456' });
    expect(p('https://www.facebook.com/groups/123456/posts/789')).toBeNull();
    expect(p('https://www.facebook.com/watch/?v=1')).toBeNull();
    expect(p('https://www.facebook.com/')).toBeNull();
  });
});

describe('Facebook resilience', () => {
  it('hooks renamed and labels changed: everything degrades to null without throwing', () => {
    const html = readFileSync(resolve(DIR, 'feed.html'), 'utf8')
      .replaceAll('data-ad-rendering-role', 'data-renamed')
      .replaceAll('aria-posinset', 'data-renamed-pos')
      .replaceAll('aria-label=', 'data-renamed-label=')
      .replaceAll('>Like<', '>Thumb<')
      .replaceAll('>Reply<', '>Answer<');
    const f = load('feed.html', html);
    for (const el of Array.from(f.document.querySelectorAll('[data-act], [data-act] *'))) {
      expect(() => resolveAction(facebook, el, { href: f.href }, f.document)).not.toThrow();
      const hit = resolveAction(facebook, el, { href: f.href }, f.document);
      expect(hit, el.outerHTML.slice(0, 80)).toBeNull();
    }
  });

  it('an invalid selector in a data update is skipped, not thrown', () => {
    const f = load('feed.html');
    const broken = {
      ...facebook,
      rules: {
        ...facebookRules,
        actions: [{ kind: 'like' as const, selectors: ['[data-x='] }, ...facebookRules.actions],
      },
    };
    const el = f.at('[data-post="p1"] [data-ad-rendering-role="like_button"]');
    expect(resolveAction(broken, el, { href: f.href }, f.document)?.kind).toBe('like');
  });
});

describe('Facebook selectors as data', () => {
  const docs = Object.keys(FILES).map((file) => load(file).document);
  const all = [
    ...facebookRules.actions.flatMap((r) => r.selectors),
    ...facebookRules.containers.flatMap((c) => [
      ...c.selectors,
      ...c.author,
      ...c.text,
      ...(c.alt ?? []),
      ...(c.linkTitles ?? []),
      ...(c.permalink ?? []),
    ]),
    ...(facebookRules.composers ?? []).flatMap((c) => [
      ...c.inputs,
      ...c.submits,
      ...(c.dialogContext ?? []),
      ...(c.context ?? []),
    ]),
    ...facebookRules.actions.flatMap((r) => (r.labels?.closest ? [r.labels.closest] : [])),
  ];

  it.each(all)('parses: %s', (sel) => {
    for (const d of docs) expect(() => d.querySelector(sel)).not.toThrow();
  });

  const firsts = [
    ...facebookRules.actions.filter((r) => r.selectors.length > 0).map((r) => r.selectors[0] as string),
    ...facebookRules.containers.map((c) => c.selectors[0] as string),
    ...(facebookRules.composers ?? []).flatMap((c) => [c.inputs[0] as string, c.submits[0] as string]),
  ];
  it.each(firsts)('first selector is used by a fixture: %s', (sel) => {
    expect(docs.reduce((n, d) => n + d.querySelectorAll(sel).length, 0)).toBeGreaterThan(0);
  });

  it('every rule has a neutral hook or an EN + ID label table', () => {
    for (const r of facebookRules.actions) {
      expect(r.selectors.length > 0 || ((r.labels?.en.length ?? 0) > 0 && (r.labels?.id.length ?? 0) > 0)).toBe(true);
    }
  });
});
