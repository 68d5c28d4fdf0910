/**
 * Selector misses (a control found but no post around it, an author link that no longer parses, a
 * selector that stopped parsing) are counted in memory by lib/sites/engine.ts. This flushes them,
 * at most every few seconds, into extension storage so the options page can show which site's markup
 * changed. Only counts and the day last seen, keyed by rule names (lib/diagnostics/report.ts), never
 * page content.
 */
import browser from 'webextension-polyfill';
import { addMisses, type Diagnostics } from '../diagnostics/report';
import type { Platform } from '../list/types';
import { missCounts } from '../sites/engine';
import { DIAGNOSTICS_KEY } from '../storage-keys';

export { DIAGNOSTICS_KEY };

export type { Diagnostics };

/** Today as YYYY-MM-DD (UTC): a day, never a time, is all a miss records of when. */
export const utcDay = (now = new Date()): string => now.toISOString().slice(0, 10);

export function startDiagnostics(site: Platform, signal: AbortSignal, intervalMs = 2000): void {
  let flushed = new Map<string, number>();
  const flush = async () => {
    const now = missCounts();
    const delta: Record<string, number> = {};
    for (const [k, v] of now) {
      const d = v - (flushed.get(k) ?? 0);
      if (d > 0) delta[k] = d;
    }
    if (Object.keys(delta).length === 0) return;
    flushed = new Map(now);
    const all = (await browser.storage.local.get(DIAGNOSTICS_KEY))[DIAGNOSTICS_KEY];
    await browser.storage.local.set({ [DIAGNOSTICS_KEY]: addMisses(all, site, delta, utcDay()) });
  };
  const timer = setInterval(() => void flush().catch(() => undefined), intervalMs);
  signal.addEventListener('abort', () => clearInterval(timer));
}
