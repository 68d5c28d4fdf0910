/**
 * Handle keys: the list side (compile) hashes ASCII handles straight from their characters, the
 * content script builds the string; both must give the same key, or an account listed by its
 * handle would never be recognised on a page.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastHandleKey, handleKey } from '../../../lib/match/accounts';

const piece = fc.constantFrom('a', 'Z', 'budi', 'Santoso', '_', '.', '0', '9', '@', 'é', 'İ', 'Ω', '😀', '-');
const handle = fc.array(piece, { maxLength: 10 }).map((a) => a.join(''));
const platform = fc.constantFrom('x', 'instagram', 'tiktok', 'facebook', 'youtube', 'threads');

describe('handle keys', () => {
  it('the compile-side fast path gives the content side key', () => {
    fc.assert(
      fc.property(platform, handle, (p, h) => {
        expect(fastHandleKey(p, h)).toBe(handleKey(p, h));
      }),
      { numRuns: 3000 },
    );
  });

  it('ignores one leading @ and case', () => {
    expect(handleKey('x', '@BudiSantoso')).toBe(handleKey('x', 'budisantoso'));
    expect(fastHandleKey('x', '@BudiSantoso')).toBe(fastHandleKey('x', 'budisantoso'));
    expect(handleKey('x', 'budi')).not.toBe(handleKey('instagram', 'budi'));
  });
});
