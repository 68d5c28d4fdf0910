/**
 * A site fixture page as a content script sees it, for the middle tier: the parsed document and a
 * window stand-in whose capture listeners the test calls directly (as the browser would dispatch).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

const FIXTURES = join(import.meta.dirname, '../fixtures');

/** `file` under tests/fixtures, at `url`; `extra` adds window members (timers…). */
export function fixturePage(file: string, url: string, extra: Record<string, unknown> = {}) {
  const { document } = parseHTML(readFileSync(join(FIXTURES, file), 'utf8'));
  const listeners = new Map<string, (e: Event) => void>();
  const win = {
    location: new URL(url),
    document,
    navigator: {},
    addEventListener: (type: string, fn: (e: Event) => void) => listeners.set(type, fn),
    ...extra,
  } as unknown as Window;
  return { document, win, listeners };
}
