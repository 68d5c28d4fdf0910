/**
 * The rules each site module ships with (lib/sites/*.ts): what a signed site-rules document is
 * layered over. For the background (which publishes the rules in effect, lib/site-rules/publish.ts)
 * and the maintainer CLI; content scripts and the options page read what the background published.
 */
import { facebook } from '../sites/facebook';
import { instagram } from '../sites/instagram';
import { threads } from '../sites/threads';
import { tiktok } from '../sites/tiktok';
import type { SiteRules } from '../sites/types';
import { whatsapp } from '../sites/whatsapp';
import { x } from '../sites/x';
import { youtube } from '../sites/youtube';

export const BUILTIN_RULES: readonly SiteRules[] = [facebook, instagram, x, tiktok, youtube, threads, whatsapp].map(
  (m) => m.rules,
);
