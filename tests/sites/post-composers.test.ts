/**
 * New-post composers (SiteRules.postComposers, action kind `post`) against the hand-written
 * fixtures of each site, English and Indonesian UI, in a linkedom DOM: the editor and its send
 * button resolve to a new-post composer; at the send its text (every box of a thread, one line per
 * block) is what is judged, with no author and no page account; an empty composer is nothing to
 * judge; a reply box stays a reply (the item replied to is found), and a send button's label alone
 * (Instagram's "Share", Threads' "Post") counts only beside a composer box.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, findComposer, findPostComposer, postTarget, resolveComposer } from '../../lib/sites/engine';
import { facebook } from '../../lib/sites/facebook';
import { instagram } from '../../lib/sites/instagram';
import { threads } from '../../lib/sites/threads';
import { tiktok } from '../../lib/sites/tiktok';
import type { SiteModule } from '../../lib/sites/types';
import { x } from '../../lib/sites/x';
import { youtube } from '../../lib/sites/youtube';
import { whatsapp } from '../../lib/sites/whatsapp';
import { validateSiteRulesDocument } from '../../lib/site-rules/document';
import { at } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const load = (file: string) => parseHTML(readFileSync(join(FIXTURES, file), 'utf8')).document as unknown as Document;

/** Put text in an editor the way its framework renders it: one block element per line. */
function write(editor: Element, lines: string[], block: 'draft' | 'p' | 'plain'): void {
  if (block === 'draft')
    editor.innerHTML = `<div data-contents="true">${lines
      .map((l, i) => `<div data-block="true" data-offset-key="k${i}-0-0"><div><span>${l}</span></div></div>`)
      .join('')}</div>`;
  else if (block === 'p') editor.innerHTML = lines.map((l) => `<p dir="auto"><span>${l}</span></p>`).join('');
  else editor.textContent = lines.join('\n');
}

interface Case {
  site: SiteModule;
  name: string;
  files: [en: string, id: string];
  href: string;
  /** the editor(s) of the composer under test, in order */
  editors: string;
  send: string;
  block: 'draft' | 'p' | 'plain';
}

const CASES: Case[] = [
  {
    site: x,
    name: 'X home box',
    files: ['x/compose/post.html', 'x/compose/post-id.html'],
    href: 'https://x.com/home',
    editors: '[data-composer="home"] [data-testid^="tweetTextarea_"][contenteditable="true"]',
    send: '[data-testid="tweetButtonInline"]',
    block: 'draft',
  },
  {
    site: x,
    name: 'X /compose/post dialog (a thread of two boxes)',
    files: ['x/compose/post.html', 'x/compose/post-id.html'],
    href: 'https://x.com/compose/post',
    editors: '[role="dialog"] [data-testid^="tweetTextarea_"][contenteditable="true"]',
    send: '[data-testid="tweetButton"]',
    block: 'draft',
  },
  {
    site: facebook,
    name: 'Facebook create-post dialog',
    files: ['facebook/compose.html', 'facebook/compose-id.html'],
    href: 'https://www.facebook.com/',
    editors: '[role="dialog"] [data-lexical-editor="true"]',
    send: '[role="dialog"] form > [role="button"]',
    block: 'p',
  },
  {
    site: instagram,
    name: 'Instagram create dialog caption',
    files: ['instagram/create.html', 'instagram/create-id.html'],
    href: 'https://www.instagram.com/',
    editors: '[role="dialog"] [contenteditable="true"]',
    send: '[role="dialog"] .head > [role="button"]:last-child',
    block: 'p',
  },
  {
    site: threads,
    name: 'Threads new-thread dialog (two boxes)',
    files: ['threads/compose.html', 'threads/compose-id.html'],
    href: 'https://www.threads.com/',
    editors: '[role="dialog"] [contenteditable="true"]',
    send: '[role="dialog"] .foot [role="button"] div',
    block: 'p',
  },
  {
    site: tiktok,
    name: 'TikTok Studio upload caption',
    files: ['tiktok/tiktokstudio/upload.html', 'tiktok/tiktokstudio/upload-id.html'],
    href: 'https://www.tiktok.com/tiktokstudio/upload',
    editors: '[data-e2e="caption_container"] [contenteditable="true"]',
    send: '[data-e2e="post_video_button"] .Button__content',
    block: 'draft',
  },
  {
    site: youtube,
    name: 'YouTube community post',
    files: ['youtube/@budiasntest/posts.html', 'youtube/@budiasntest/posts-id.html'],
    href: 'https://www.youtube.com/@budiasntest/posts',
    editors: '#contenteditable-root',
    send: '#submit-button button',
    block: 'plain',
  },
  {
    site: whatsapp,
    name: 'WhatsApp Web message to a group',
    files: ['whatsapp/index.html', 'whatsapp/index-id.html'],
    href: 'https://web.whatsapp.com/',
    editors: '#main footer [contenteditable="true"]',
    send: '#main footer [data-act="send-chat"] span',
    block: 'plain',
  },
];

describe.each(CASES)('$name', (c) => {
  describe.each([0, 1])('UI language %#', (lang) => {
    const file = c.files[lang] as string;

    it('the editor and the send button resolve to a new-post composer, not a reply', () => {
      const doc = load(file);
      const editors = Array.from(doc.querySelectorAll(c.editors));
      expect(editors.length, file).toBeGreaterThan(0);
      for (const ed of editors) {
        const hit = resolveComposer(c.site, ed.firstElementChild ?? ed, { href: c.href }, doc);
        expect(hit?.part, file).toBe('input');
        expect(hit?.post, file).toBeDefined();
      }
      const send = resolveComposer(c.site, at(doc, c.send), { href: c.href }, doc);
      expect(send?.part, file).toBe('submit');
      expect(send?.post, file).toBeDefined();
    });

    it('at the send, the text written in every box is what is judged: no author, no page', () => {
      const doc = load(file);
      const editors = Array.from(doc.querySelectorAll(c.editors));
      write(editors[0] as Element, ['Ayo coblos', 'nomor 2'], c.block);
      if (editors[1]) write(editors[1], ['#PrabowoGibran2024'], c.block);
      const send = resolveComposer(c.site, at(doc, c.send), { href: c.href }, doc);
      const hit = send && postTarget(send);
      expect(hit?.kind).toBe('post');
      expect(hit?.item.scope).toBe('post');
      expect(hit?.item.author).toBeUndefined();
      expect(hit?.page).toBeUndefined();
      // one line per block: "coblos" and "nomor 2" are not run together
      const expected = editors[1] ? 'Ayo coblos\nnomor 2\n#PrabowoGibran2024' : 'Ayo coblos\nnomor 2';
      expect(hit?.item.text).toBe(expected);
      // the key send from the editor reads the same text
      const fromKey = resolveComposer(c.site, editors[0] as Element, { href: c.href }, doc);
      expect(fromKey && postTarget(fromKey)?.item.text).toBe(expected);
    });

    it('an empty composer is nothing to judge', () => {
      const doc = load(file);
      const send = resolveComposer(c.site, at(doc, c.send), { href: c.href }, doc);
      expect(send?.post).toBeDefined();
      expect(send && postTarget(send)).toBeNull();
    });
  });
});

describe('replies stay replies', () => {
  it('X: the inline reply box of a status page replies to the focused post', () => {
    const doc = load('x/saved-en.html');
    const href = { href: 'https://x.com/kandidat_dua/status/1900000000000000001' };
    const box = at(doc, 'div[data-testid="tweetTextarea_0"]');
    // the box is also a new-post editor by its selectors; the post replied to decides
    expect(findPostComposer(x, box)).not.toBeNull();
    const hit = resolveComposer(x, box, href, doc);
    expect(hit?.post).toBeUndefined();
    expect(hit && composerTarget(x, hit, href, doc)?.item.author?.handle).toBe('kandidat_dua');
  });

  it('X: a reply dialog showing the post replied to is a reply; the same dialog without it is a new post', () => {
    const doc = load('x/compose/post.html');
    const href = { href: 'https://x.com/compose/post' };
    const dialog = at(doc, '[role="dialog"]');
    const box = at(doc, '[role="dialog"] [data-testid="tweetTextarea_0"]');
    expect(resolveComposer(x, box, href, doc)?.post).toBeDefined();
    dialog.insertAdjacentHTML(
      'afterbegin',
      `<article data-testid="tweet" role="article"><div data-testid="User-Name"><a href="/kandidat_dua" role="link">Kandidat Dua</a></div>
       <div data-testid="tweetText"><span>Halo</span></div></article>`,
    );
    const reply = resolveComposer(x, box, href, doc);
    expect(reply?.post).toBeUndefined();
    expect(reply && composerTarget(x, reply, href, doc)?.item.author?.handle).toBe('kandidat_dua');
  });

  it('X: a new-post dialog opened over a candidate’s profile is not about that profile', () => {
    const doc = load('x/compose/post.html');
    const href = { href: 'https://x.com/kandidat_dua' };
    const send = resolveComposer(x, at(doc, '[data-testid="tweetButton"]'), href, doc);
    expect(send?.post).toBeDefined();
    write(at(doc, '[role="dialog"] [data-testid="tweetTextarea_0"]'), ['Selamat pagi'], 'draft');
    expect(send && postTarget(send)?.page).toBeUndefined();
  });

  it('Facebook: a comment box under a post is a reply, not a new post', () => {
    const doc = load('facebook/feed.html');
    const box = at(doc, 'div[aria-posinset] [role="textbox"]');
    const hit = resolveComposer(facebook, box, { href: 'https://www.facebook.com/' }, doc);
    expect(hit?.part).toBe('input');
    expect(hit?.post).toBeUndefined();
  });

  it('reply and new-post composers are looked up apart: a reply hit has no `post`, and a site without new-post composers has none', () => {
    const doc = load('facebook/feed.html');
    const box = at(doc, 'div[aria-posinset] [role="textbox"]');
    const reply = findComposer(facebook, box);
    expect(reply?.part).toBe('input');
    expect(reply && 'post' in reply).toBe(false);
    const repliesOnly: SiteModule = { ...facebook, rules: { ...facebook.rules, postComposers: undefined } };
    expect(findComposer(repliesOnly, box)?.part).toBe('input');
    expect(findPostComposer(repliesOnly, box)).toBeNull();
  });
});

describe('WhatsApp: only a message to a group is a post', () => {
  it('in a chat with one person (`…@c.us`) neither the box nor Send is a new-post composer', () => {
    for (const file of ['whatsapp/index.html', 'whatsapp/index-id.html']) {
      const doc = load(file);
      for (const m of Array.from(doc.querySelectorAll('div[data-id]')))
        m.setAttribute(
          'data-id',
          (m.getAttribute('data-id') ?? '').replace('120363025551234567@g.us', '628333333333@c.us'),
        );
      expect(findPostComposer(whatsapp, at(doc, '#main footer [contenteditable="true"]')), file).toBeNull();
      expect(findPostComposer(whatsapp, at(doc, '#main footer [data-act="send-chat"] span')), file).toBeNull();
    }
  });
});

describe('a send button known only by its label counts only beside a composer box', () => {
  it('Instagram: the feed’s Share icon (an svg titled "Share") is not a caption send', () => {
    for (const file of ['instagram/feed.html', 'instagram/feed-id.html']) {
      const doc = load(file);
      const shares = Array.from(doc.querySelectorAll('svg[aria-label="Share"], svg[aria-label="Bagikan"]'));
      expect(shares.length, file).toBeGreaterThan(0);
      for (const s of shares) expect(findPostComposer(instagram, s), file).toBeNull();
    }
  });

  it('Instagram: "Share" in a dialog without a caption box (a share sheet) is not a caption send', () => {
    for (const file of ['instagram/create.html', 'instagram/create-id.html']) {
      const doc = load(file);
      const share = at(doc, '[role="dialog"] .head > [role="button"]:last-child');
      expect(findPostComposer(instagram, share), file).not.toBeNull();
      at(doc, '[role="dialog"] [contenteditable="true"]').remove();
      expect(findPostComposer(instagram, share), file).toBeNull();
    }
  });

  it('Threads: a "Post" label with no composer box beside it is not a send', () => {
    const doc = load('threads/compose.html');
    at(doc, '#barcelona-page-layout').insertAdjacentHTML(
      'beforeend',
      '<div role="button" tabindex="0" id="lone"><div dir="auto">Post</div></div>',
    );
    at(doc, '#compose-layer').remove();
    expect(findPostComposer(threads, at(doc, '#lone div'))).toBeNull();
  });
});

describe('post composers as data', () => {
  const sites = [x, facebook, instagram, threads, tiktok, youtube, whatsapp];
  it('every site with a new-post composer has its selectors parse', () => {
    const doc = load('x/compose/post.html');
    for (const s of sites) {
      const rules = s.rules.postComposers ?? [];
      expect(rules.length, s.rules.site).toBeGreaterThan(0);
      for (const r of rules)
        for (const sel of [...r.inputs, ...r.submits, ...(r.scope ?? [])])
          expect(() => doc.querySelector(sel), sel).not.toThrow();
    }
  });

  it('the built-in rules, post composers included, pass the site-rules document check', () => {
    const r = validateSiteRulesDocument({
      format: 'jaga-netral-site-rules',
      format_version: 1,
      stream_id: 'test',
      sequence: 1,
      issued_at: '2026-12-02T00:00:00Z',
      sites: sites.map((s) => s.rules),
    });
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});
