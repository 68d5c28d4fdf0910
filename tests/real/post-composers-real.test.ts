/**
 * Real-markup tier, new-post composers: on the saved real X pages (kept OUTSIDE the repository, in
 * ../shared/real-dom), the home timeline's "What's happening?" box and its Post button resolve to a
 * new-post composer whose text is read block by block from X's real Draft.js markup, and the reply
 * box under the focused post of a post page stays a reply to that post. Only the rules are checked
 * here (linkedom, no browser); nothing of the pages is kept.
 *
 * Where ../shared/real-dom is absent (a user's clone) the tier says it is skipped, and why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composerTarget, postTarget, resolveComposer } from '../../lib/sites/engine';
import { x } from '../../lib/sites/x';

const ROOT = resolve(import.meta.dirname, '../..');
const REAL_DOM = process.env.JN_REAL_DOM ?? resolve(ROOT, '../shared/real-dom');
const HOME = join(REAL_DOM, 'x/cpft-home-timeline-2025-11.html');
const POST_PAGE = join(REAL_DOM, 'x/defuddle-article-page-2026-02.html');
const present = existsSync(HOME) && existsSync(POST_PAGE);

if (!present)
  console.log(
    `new-post composers on real markup skipped: ${REAL_DOM}/x is absent. It holds real pages saved from public ` +
      'repositories, which are never part of this repository (a clone has no ../shared); CI provides it.',
  );

const load = (file: string) => parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;

describe.skipIf(!present)('X new-post composers on real saved pages', () => {
  it('the home box and its Post button are a new-post composer; the text is read one block per line', () => {
    const doc = load(HOME);
    const href = { href: 'https://x.com/home' };
    const box = doc.querySelector('div[data-testid="tweetTextarea_0"][contenteditable="true"]');
    const send = doc.querySelector('button[data-testid="tweetButtonInline"]');
    expect(box, 'the capture has the home box').not.toBeNull();
    expect(send, 'the capture has the Post button').not.toBeNull();
    if (!box || !send) return;
    // the person's caret sits in X's own block markup: the span of the first block
    const caret = box.querySelector('[data-block="true"] span') ?? box;
    expect(resolveComposer(x, caret, href, doc)?.post).toBeDefined();
    const hit = resolveComposer(x, send, href, doc);
    expect(hit?.part).toBe('submit');
    expect(hit?.post).toBeDefined();
    // an empty box (as saved) is nothing to judge
    expect(hit && postTarget(hit)).toBeNull();
    // two blocks written into X's real block structure
    const block = box.querySelector('[data-block="true"]');
    const holder = block?.parentElement;
    if (!block || !holder) throw new Error('the capture has no Draft.js block');
    const second = block.cloneNode(true) as Element;
    holder.after(second);
    for (const [el, text] of [
      [block, 'Ayo coblos'],
      [second, 'nomor 2'],
    ] as const) {
      const span = el.querySelector('span');
      if (span) span.textContent = text;
    }
    const read = hit && postTarget(hit);
    expect(read?.kind).toBe('post');
    expect(read?.item.text).toBe('Ayo coblos\nnomor 2');
  });

  it('the reply box under the focused post of a post page stays a reply to that post', () => {
    const doc = load(POST_PAGE);
    const href = { href: 'https://x.com/someone/status/1' };
    const box = doc.querySelector('div[data-testid="tweetTextarea_0"][contenteditable="true"]');
    expect(box, 'the capture has the reply box').not.toBeNull();
    if (!box) return;
    const hit = resolveComposer(x, box, href, doc);
    expect(hit?.part).toBe('input');
    expect(hit?.post).toBeUndefined();
    expect(hit && composerTarget(x, hit, href, doc)?.item.scope).toBe('post');
  });
});
