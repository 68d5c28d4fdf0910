/**
 * A Threads profile as rendered in late 2024 (tests/fixtures/threads/profile-2024*.html), in
 * English and Indonesian: the post text is the body, every paragraph of it, never the "Pinned"
 * badge, the author's name, the time or the action counts; a body inside the post's own link is
 * read too; every action of the bar resolves, by label or by position alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { resolveAction } from '../../lib/sites/engine';
import { threads, threadsRules } from '../../lib/sites/threads';
import type { ActionRule } from '../../lib/sites/types';

const DIR = join(import.meta.dirname, '../fixtures/threads');
const load = (file: string) => parseHTML(readFileSync(join(DIR, file), 'utf8')).document as unknown as Document;
const HREF = { href: 'https://www.threads.com/@kandidat.dua.test' };

/** The rules without label tables or label-named selectors: the position fallback alone. */
const positional = {
  ...threads,
  rules: {
    ...threadsRules,
    actions: threadsRules.actions.map(
      (a): ActionRule => ({ ...a, labels: undefined, selectors: a.selectors.filter((s) => !s.includes('aria-label')) }),
    ),
  },
};

for (const file of ['profile-2024.html', 'profile-2024-id.html']) {
  describe(`Threads profile, late 2024 (${file})`, () => {
    const doc = load(file);
    const buttons = (n: number) => Array.from(doc.querySelectorAll(`[data-bar="${n}"] [role="button"]`));
    const act = (el: Element, site = threads) => resolveAction(site, el.querySelector('path') ?? el, HREF, doc);

    it('the pinned post reads as its two paragraphs, not "Pinned" or the username', () => {
      const text = act(buttons(1)[0] as Element)?.item.text ?? '';
      expect(text).toContain('Terima kasih relawan Jawa Tengah!');
      expect(text).toContain('Ayo coblos nomor 2');
      expect(text).not.toMatch(/Pinned|Disematkan|kandidat\.dua\.test|21h|hours ago|jam yang lalu/);
      expect(text).not.toMatch(/^3|\b3\b\s*1$/);
    });

    it("a body inside the post's own link is its text; another author's post is theirs", () => {
      expect(act(buttons(2)[0] as Element)?.item.text).toBe('Pagi ini di pasar Johar bersama pedagang');
      const hit = act(buttons(3)[1] as Element);
      expect(hit?.item).toMatchObject({ author: { platform: 'threads', handle: 'warga.semarang' } });
      expect(hit?.item.text).toBe('Hujan deras di Semarang, hati-hati di jalan');
    });

    it('like, reply, repost (menu opener) and share resolve on every post, by label and by position alone', () => {
      for (const site of [threads, positional])
        for (const n of [1, 2, 3]) {
          const kinds = buttons(n).map((b) => act(b, site)?.kind);
          expect(kinds, `${n}`).toEqual(['like', 'comment', 'share', 'share']);
          expect(act(buttons(n)[0] as Element, site)?.item.author?.platform).toBe('threads');
        }
    });

    it('Unlike (a liked post) keeps the place of Like but is no like, also by position', () => {
      const liked = load(file);
      const svg = liked.querySelector('[data-bar="3"] [role="button"] svg');
      svg?.setAttribute('aria-label', file.includes('-id') ? 'Batal suka' : 'Unlike');
      const el = liked.querySelector('[data-bar="3"] [role="button"] path') as Element;
      for (const site of [threads, positional]) expect(resolveAction(site, el, HREF, liked)).toBeNull();
    });

    it('the More menu and the media are not actions', () => {
      for (const el of Array.from(doc.querySelectorAll('[data-fx="more"], picture img'))) expect(act(el)).toBeNull();
    });
  });
}
