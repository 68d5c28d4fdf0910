/**
 * Turn a name as KPU prints it (`H. DEDI MULYADI, S.H., M.M.`) into the natural name the list's
 * `name` field holds (`Dedi Mulyadi`). Used by the CLI's `from-kpu`; the matcher has its own,
 * token-level normaliser in lib/match.
 *
 * What is removed: academic/religious/professional/military prefixes (H., Hj., K.H., Dr., Dr. (H.C.),
 * Prof., Ir., Drs., Dra., dr., drg., Capt., Ns., Tgk., ranks, "(Purn.)") and everything after the
 * first comma (degrees: S.H., M.Si., Ph.D. …), plus bare trailing degrees without a comma.
 * What is kept: initials (`A.` in A. Muhaimin Iskandar, `M.` = Muhammad), `MD` (Mahfud MD), noble
 * and religious names that people use as names (Andi, Teuku, Cut, Raden, Gus, Habib).
 */

import { DEGREES, PREFIX_TITLES } from '../names/titles';

const PREFIXES = PREFIX_TITLES;

/** Degrees as they appear without a comma at the end of a name (dots and spaces removed, lower case). */
const DEGREE_SET = new Set(DEGREES.map((d) => d.replace(/\s/g, '')));

/** Upper-case tokens that are names, not titles or degrees, and stay upper case. */
const KEEP_UPPER = new Set(['MD', 'GW', 'AS', 'II', 'III', 'IV']);

const bare = (t: string) => t.replace(/[.\s()]/g, '').toLowerCase();

function titleCase(word: string): string {
  if (KEEP_UPPER.has(word)) return word;
  if (/^[A-Za-z]\.$/.test(word)) return word.toUpperCase(); // an initial
  return word.toLowerCase().replace(/(^|-)(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The natural name: titles and degrees stripped, Title Case where KPU wrote UPPER CASE. */
export function naturalName(printed: string): string {
  let s = printed.normalize('NFC').replace(/\s+/g, ' ').trim();
  const comma = s.indexOf(',');
  if (comma > 0) s = s.slice(0, comma); // degrees follow the first comma
  s = s.replace(/\((?:H\.?\s*C\.?|Purn\.?|HC)\)/gi, ' '); // "(H.C.)", "(Purn.)"
  const tokens = s.split(' ').filter(Boolean);
  while (tokens.length > 1 && PREFIXES.has(bare(tokens[0]!))) tokens.shift();
  // "K. H." written with a space
  while (tokens.length > 2 && bare(tokens[0]!) === 'k' && bare(tokens[1]!) === 'h') tokens.splice(0, 2);
  while (
    tokens.length > 1 &&
    DEGREE_SET.has(bare(tokens[tokens.length - 1]!)) &&
    /[.]|^[A-Z]{2,5}$/.test(tokens.at(-1)!)
  )
    tokens.pop();
  const rest = tokens.join(' ');
  const upper = rest === rest.toUpperCase();
  return tokens.map((t) => (upper ? titleCase(t) : t)).join(' ');
}
