/**
 * Names as KPU prints them in Sirekap and the DCT (`H. RANO KARNO, S.IP. (SI DOEL)`,
 * `Hi. ISMAIL, S.H.`, `Dr. H. HENDRAR PRIHADI ALIAS HENDI, S.E., M.M.`) → the list's fields:
 * `name` (natural name, titles and degrees stripped, Title Case), `official_name` (the printed form,
 * kept only when it says more than the name in capitals) and nickname aliases.
 *
 * Titles and degrees come from the shared table in lib/names/titles.ts, the one the matcher strips
 * with, so the name written here and the variants the matcher derives from `official_name` agree.
 * Nicknames (a parenthesis that is not a title, degree or qualifier, `ALIAS X`, a trailing `GUS X`)
 * become `medium` aliases: on their own they never warn, with campaign context they do.
 */
import { DEGREES, PREFIX_TITLES } from '../../names/titles';
import type { Alias } from '../types';

/**
 * Prefixes that are titles only in KPU's printed form, not in running text, so they stay out of the
 * shared table the matcher uses: `Adv.` (advokat), `Ec.`, `Ar.` (arsitek), and the army branch
 * written after a rank (`Letkol Inf.`, `Kol. Czi.`). They are only ever stripped from the front of
 * a name.
 */
const EXTRA_PREFIXES = [
  ...['adv', 'ec', 'ar'],
  ...['inf', 'mar', 'pnb', 'ckm', 'cpm', 'czi', 'kav', 'arh', 'art', 'kes', 'tek', 'adm', 'chb', 'cku', 'cba'],
];
const PREFIXES: ReadonlySet<string> = new Set([...PREFIX_TITLES, ...EXTRA_PREFIXES]);
const DEGREE_SET: ReadonlySet<string> = new Set(DEGREES.map((d) => d.replace(/\s/g, '')));

/** Parenthesised qualifiers that are not nicknames: (Purn.), (P), (H.C.), (C), (K), (Hons), (Acc)… */
const QUALIFIERS = new Set([
  'purn',
  'p',
  'hc',
  'c',
  'k',
  'kic',
  'hons',
  'acc',
  'han',
  'pd',
  'cand',
  'biomed',
  'cert',
  'teol',
]);

/** Upper-case tokens that are names, not titles or degrees, and stay upper case. */
const KEEP_UPPER = new Set(['MD', 'GW', 'II', 'III', 'IV']);

const bare = (t: string) => t.replace(/[.\s()]/g, '').toLowerCase();

function titleCase(word: string): string {
  if (KEEP_UPPER.has(word)) return word;
  if (/^\p{L}\.$/u.test(word)) return word.toUpperCase(); // an initial
  return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

const tidy = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A nickname as people write it: Title Case when KPU wrote it in capitals. */
const nickname = (s: string): string => {
  const t = tidy(s.replace(/[.,;]+$/, ''));
  if (/^\p{Lu}{2,4}$/u.test(t)) return t; // an initialism: `HRD`
  return t === t.toUpperCase() ? t.split(' ').map(titleCase).join(' ') : t;
};

export interface CleanName {
  /** natural name; '' when nothing but titles was printed */
  name: string;
  /** the printed form, when it says more than `name` in capitals */
  official_name?: string;
  /** nicknames (`Si Doel`, `Hendi`, `Gus Hans`), medium */
  aliases: Alias[];
}

/** Split `H.M.` / `R.A.` (initials run together) and titles glued to a word (`Dr.ROBBY`, `Drs.H.`). */
function splitToken(tok: string): string[] {
  if (/^(\p{L}\.){2,}$/u.test(tok)) return tok.match(/\p{L}\./gu) ?? [tok];
  const glued = /^(\p{L}+\.)(\p{L}.*)$/u.exec(tok);
  if (glued && PREFIXES.has(bare(glued[1]!))) return [glued[1]!, ...splitToken(glued[2]!)];
  return [tok];
}

/** The comma-separated parts of a printed name; leading parts that hold only titles (`Dr., Drs. X`) are skipped. */
function namePart(s: string): string {
  const parts = s.split(',');
  for (const p of parts) {
    const toks = p.split(' ').filter(Boolean).flatMap(splitToken);
    if (toks.some((t) => !PREFIXES.has(bare(t)) && bare(t) !== '')) return p;
  }
  return parts[0] ?? '';
}

export function cleanName(printed: string): CleanName {
  const official = tidy(printed);
  const aliases: string[] = [];
  // 1. parentheses: qualifiers go, anything else is a nickname
  let s = official.replace(/\(([^()]*)\)\.?/g, (_m, inner: string) => {
    const b = bare(inner);
    const isQualifier =
      b.length <= 2 || QUALIFIERS.has(b) || DEGREE_SET.has(b) || PREFIXES.has(b) || b.startsWith('pur');
    if (!isQualifier && /\p{L}{2}/u.test(inner)) aliases.push(nickname(inner));
    return ' ';
  });
  s = tidy(s);
  // 2. degrees follow the first comma (a nickname after them was taken above)
  let tokens = namePart(s).split(' ').filter(Boolean).flatMap(splitToken);
  // 4. prefix titles (`Prof. Dr. H.`, `Komjen Pol.`, `Hi.`, `K. H.`)
  for (;;) {
    if (tokens.length > 2 && bare(tokens[0]!) === 'k' && bare(tokens[1]!) === 'h') tokens = tokens.slice(2);
    else if (tokens.length > 1 && PREFIXES.has(bare(tokens[0]!))) tokens = tokens.slice(1);
    else if (tokens.length > 1 && bare(tokens[0]!) === '') tokens = tokens.slice(1);
    else break;
  }
  // 3. `… ALIAS HENDI`: what follows is a nickname (but `Ir. ALIAS SAMAD` is named Alias)
  const alias = tokens.findIndex((t, i) => i >= 1 && t.toLowerCase() === 'alias' && i < tokens.length - 1);
  if (alias > 0) {
    aliases.push(nickname(tokens.slice(alias + 1).join(' ')));
    tokens = tokens.slice(0, alias);
  }
  // 5. degrees written without a comma at the end (`BUDI SANTOSO SH`, `DJALALUDDIN. S.IP.`)
  while (
    tokens.length > 1 &&
    DEGREE_SET.has(bare(tokens.at(-1)!)) &&
    (/\./.test(tokens.at(-1)!) || /^[A-Z]{2,5}$/.test(tokens.at(-1)!))
  )
    tokens.pop();
  // 6. `ZAHRUL AZHAR ASUMTA GUS HANS`: a trailing Gus-name is how people call the person
  const gus = tokens.findIndex((t, i) => i >= 2 && bare(t) === 'gus');
  if (gus > 0 && gus >= tokens.length - 3) {
    aliases.push(nickname(tokens.slice(gus).join(' ')));
    tokens = tokens.slice(0, gus);
  }
  // a stray full stop after a whole word at the end (`DJALALUDDIN.`)
  const last = tokens.at(-1);
  if (last && /^\p{L}{4,}\.$/u.test(last)) tokens[tokens.length - 1] = last.slice(0, -1);
  // KPU writes names in capitals and titles in mixed case: mostly capitals → Title Case
  const letters = tokens.join('').replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length >= letters.length * 0.8;
  const name = tokens.map((t) => (upper ? titleCase(t) : t)).join(' ');
  const out: CleanName = {
    name,
    aliases: [...new Set(aliases)]
      .filter((a) => a && a.toLowerCase() !== name.toLowerCase())
      .map((text) => ({ text, strength: 'medium' as const })),
  };
  if (official && official.toLowerCase() !== name.toLowerCase()) out.official_name = official;
  return out;
}
