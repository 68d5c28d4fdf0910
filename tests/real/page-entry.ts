/**
 * Bundled into a saved real page (page scripts off): runs the adapters' own resolveAction() and
 * composer rules on every real control that enumerate.ts lists, and returns counts only.
 */
import type { Platform } from '../../lib/list/types';
import { composerTarget, findComposer, resolveAction } from '../../lib/sites/engine';
import { facebook } from '../../lib/sites/facebook';
import { instagram } from '../../lib/sites/instagram';
import { threads } from '../../lib/sites/threads';
import { tiktok } from '../../lib/sites/tiktok';
import type { ActionHit, SiteModule } from '../../lib/sites/types';
import { x } from '../../lib/sites/x';
import { youtube } from '../../lib/sites/youtube';
import { type RealControl, realControls } from './enumerate';

const SITES: Partial<Record<Platform, SiteModule>> = { x, facebook, instagram, tiktok, youtube, threads };

export interface RealCounts {
  controls: number;
  /** resolved to the right action kind */
  kind: number;
  /** ...and to an item of the right scope (post, comment, account card, page) */
  item: number;
  /** ...with an author (or, for a page action, the page's account) */
  author: number;
  /** controls on a post or comment */
  textOf: number;
  /** ...whose item text is real text, not empty, not the author's name, not a badge */
  text: number;
  /** a per-kind breakdown: "like 20/20" (resolved right / listed) */
  kinds: Record<string, [number, number]>;
  /** with `debug`: one line per control (kind, scope, author, start of text), printed, never stored */
  lines?: string[];
}

/** Words a post's chrome shows before its body (pin badges); never the post's text. */
const BADGES = new Set(['pinned', 'disematkan', 'fixado', 'fixada', 'épinglé']);

function realText(hit: ActionHit): boolean {
  const t = hit.item.text.replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(t)) return hit.item.altText.length > 0;
  const lower = t.toLowerCase();
  const a = hit.item.author;
  if (a?.handle && (lower === a.handle || lower === `@${a.handle}`)) return false;
  return !BADGES.has(lower);
}

function scopeOk(c: RealControl, hit: ActionHit): boolean {
  if (c.scope === 'page') return hit.item.scope === 'page';
  if (c.scope === 'account') return hit.item.scope !== 'page';
  return hit.item.scope === c.scope;
}

function run(siteName: Platform, href: string, debug = false): RealCounts {
  const site = SITES[siteName];
  const counts: RealCounts = { controls: 0, kind: 0, item: 0, author: 0, textOf: 0, text: 0, kinds: {} };
  if (!site) return counts;
  for (const c of realControls(siteName, document, href)) {
    counts.controls++;
    const k = c.composer ? 'composer' : c.kind;
    const row = counts.kinds[k] ?? [0, 0];
    counts.kinds[k] = row;
    row[1]++;
    let hit: ActionHit | null = null;
    try {
      if (c.composer) {
        const composer = findComposer(site, c.target);
        hit = composer?.part === 'input' ? composerTarget(site, composer, { href }, document) : null;
      } else hit = resolveAction(site, c.target, { href }, document);
    } catch {
      hit = null;
    }
    if (debug) {
      const who = hit?.item.author?.handle ?? hit?.item.author?.id ?? '-';
      const text = (hit?.item.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      counts.lines = [
        ...(counts.lines ?? []),
        `${k}/${c.scope} -> ${hit?.kind ?? 'null'}/${hit?.item.scope ?? '-'} @${who} "${text}"`,
      ];
    }
    const textual = c.scope === 'post' || c.scope === 'comment';
    if (textual) counts.textOf++;
    if (!hit || hit.kind !== c.kind) continue;
    counts.kind++;
    row[0]++;
    if (!scopeOk(c, hit)) continue;
    counts.item++;
    if (hit.item.author || (c.scope === 'page' && hit.page)) counts.author++;
    if (textual && realText(hit)) counts.text++;
  }
  return counts;
}

(globalThis as unknown as { __jnReal: typeof run }).__jnReal = run;
