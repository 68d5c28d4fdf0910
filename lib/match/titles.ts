/**
 * Titles and degrees in candidate names, and the name variants people actually write.
 *
 * KPU prints `Prof. Dr. H. M. MAHFUD MD`, `Dr. (H.C.) H. A. MUHAIMIN ISKANDAR`,
 * `H. DEDI MULYADI, S.H., M.M.`. Posts say `Mahfud MD`, `Cak Imin`, `Dedi Mulyadi`. This module
 * strips prefix titles and suffix degrees without eating real name parts: `MD` in *Mahfud MD* is a
 * name, `A.`/`M.` are initials (Abdul, Muhammad), *Andi* is both a Bugis noble title and a given
 * name, Balinese birth-order names are shared by half of Bali. It runs at compile time only.
 */
import { DEGREES as SHARED_DEGREES, PREFIX_TITLES as SHARED_PREFIXES } from '../names/titles';
import { normaliseTokens } from './normalise';

/**
 * The matcher also strips religious honorifics people drop in posts (Habib, Buya) and a few
 * abbreviations that are titles at the start of a printed name (St., Mr., Mrs., Ak.); the list tools
 * keep those, since there `St.` is usually Siti and Habib part of a name.
 */
const PREFIX_TITLES = new Set([...SHARED_PREFIXES, 'habib', 'buya', 'ak', 'st', 'mr', 'mrs']);

/** Degrees compared without spaces (`M. Sos.` → `msos`). */
const DEGREES = SHARED_DEGREES.map((d) => d.replace(/\s+/g, ''));
const DEGREE_SET = new Set(DEGREES);
const MAX_DEGREE = Math.max(...DEGREES.map((d) => d.length));

/** Noble/birth-order prefixes people drop in speech; a variant without them is added. */
const DROPPABLE_PREFIXES = new Set([
  'i',
  'ni',
  'andi',
  'teuku',
  'cut',
  'raden',
  'r',
  'ra',
  'rr',
  'tengku',
  'tuan',
  'gusti',
  'anak',
  'agung',
  'ida',
  'bagus',
  'ayu',
]);
/** Balinese birth-order names: after I/Ni they are dropped too, never matched alone. */
const BALI_ORDER = new Set([
  'wayan',
  'putu',
  'gede',
  'made',
  'kadek',
  'nengah',
  'nyoman',
  'komang',
  'ketut',
  'luh',
  'gusti',
  'ngurah',
]);

const MUHAMMAD = [
  'muhammad',
  'mohammad',
  'muhamad',
  'mohamad',
  'mochammad',
  'mochamad',
  'mohammed',
  'moh',
  'mhd',
  'muh',
  'm',
];

/** True when a comma part consists only of degree abbreviations ("S.H., M.M", "M. Sos", "SE MSi"). */
function isDegreePart(part: string): boolean {
  const compact = part.toLowerCase().replace(/[^a-z]/g, '');
  if (!compact) return true;
  // segment into known degrees (dynamic programming; parts are short)
  const ok: boolean[] = new Array(compact.length + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < compact.length; i++) {
    if (!ok[i]) continue;
    for (let l = 1; l <= MAX_DEGREE && i + l <= compact.length; l++) {
      if (DEGREE_SET.has(compact.slice(i, i + l))) ok[i + l] = true;
    }
  }
  return ok[compact.length] === true;
}

/**
 * Strip titles and degrees from a name as KPU prints it. Returns normalised tokens.
 * `Prof. Dr. H. M. MAHFUD MD` → `m mahfud md`; `H. DEDI MULYADI, S.H., M.M.` → `dedi mulyadi`.
 */
export function stripTitles(name: string): string[] {
  // 1. degrees after the first comma; parenthesised titles `(H.C.)`, `(Purn.)`
  const parts = name.replace(/\([^)]{0,12}\)/g, ' ').split(',');
  let head = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i] ?? '';
    if (!isDegreePart(p)) head += ` ${p}`;
  }
  // 2. words: a dotted abbreviation at the end that is a degree (`Budi S.H.` without comma)
  const words = head.split(/\s+/).filter(Boolean);
  while (words.length > 1) {
    const last = words[words.length - 1] ?? '';
    if (last.includes('.') && isDegreePart(last)) words.pop();
    else break;
  }
  // 3. prefix titles; a single letter is an initial except `H`/`K` (Haji, Kiai) before more words
  return dropPrefixTitles(normaliseTokens(words.join(' ')));
}

/** Step 3 of stripTitles on normalised tokens. */
function dropPrefixTitles(toks: string[]): string[] {
  let tokens = toks;
  while (tokens.length > 1) {
    const t = tokens[0] ?? '';
    if (t === 'k' && tokens[1] === 'h') {
      tokens = tokens.slice(2);
      continue;
    }
    if (PREFIX_TITLES.has(t) && t !== 'st' && t !== 'mr' && t !== 'ak') {
      tokens = tokens.slice(1);
      continue;
    }
    break;
  }
  return tokens;
}

/**
 * Name variants to index, each as normalised tokens: the stripped name, without a leading
 * initial, with Muhammad spelled out/abbreviated, without noble or Balinese prefixes. Variants
 * shorter than two words are not produced (a one-word name needs an explicit alias).
 */
export function nameVariants(name: string, officialName?: string): string[][] {
  const out: string[][] = [];
  const add = (toks: string[]) => {
    if (toks.length === 0) return;
    for (let i = 0; i < out.length; i++) if (sameWords(out[i]!, toks)) return;
    out.push(toks);
  };
  // without parentheses, commas or dots there are no degrees to strip: only the prefix titles
  // (this skips a second tokenization of most names that come this way, `Muhammad …`, `I Wayan …`).
  // The name as written is not indexed when titles came off it: `Hi. Ismail` is not "hi ismail".
  const simple = !/[(),.]/.test(name);
  const bases: string[][] = [simple ? dropPrefixTitles(asciiWords(name) ?? normaliseTokens(name)) : stripTitles(name)];
  if (officialName) bases.push(stripTitles(officialName));
  for (const base of bases) {
    if (base.length === 0) continue;
    add(base);
    let toks = base;
    // leading initials (`a muhaimin iskandar`, `m fadhil rahmi`): drop them, and spell out M./A.
    if (toks.length >= 3 && toks[0]?.length === 1) {
      const first = toks[0];
      if (first === 'm') add(['muhammad', ...toks.slice(1)]);
      if (first === 'a') add(['abdul', ...toks.slice(1)]);
      toks = toks.slice(1);
      add(toks);
    }
    // Muhammad in any spelling → `m` + rest and the bare rest (`muhammad ridwan kamil` → `ridwan kamil`).
    // Other spellings are not all listed: the collapsed lookup already equates muhammad/muhamad.
    if (toks.length >= 2 && MUHAMMAD.includes(toks[0] ?? '')) {
      add(['muhammad', ...toks.slice(1)]);
      add(['m', ...toks.slice(1)]);
      if (toks.length >= 3) add(toks.slice(1));
    }
    // noble and Balinese prefixes (`andi sudirman sulaiman`, `i wayan koster`)
    let rest = toks;
    while (rest.length > 2 && DROPPABLE_PREFIXES.has(rest[0] ?? '')) {
      rest = rest.slice(1);
      while (rest.length > 1 && BALI_ORDER.has(rest[0] ?? '') && rest.length > 2) rest = rest.slice(1);
      add(rest);
    }
  }
  // two-consonant name parts are also written as initials: `Mahfud MD` → `Mahfud M.D.`
  for (let i = 0, count = out.length; i < count; i++) {
    const v = out[i]!;
    if (v.length < 2) continue;
    if (v.some(twoConsonants)) add(v.flatMap((w) => (twoConsonants(w) ? [...w] : [w])));
  }
  // a one-word name is kept (medium); otherwise variants must keep two words
  return out.filter((v, i) => i === 0 || v.length >= 2);
}

/** a two-letter word without a vowel or digit (`md`, `sh`): tokens are lower case */
const twoConsonants = (w: string): boolean =>
  w.length === 2 && !hasVowelOrDigit(w.charCodeAt(0)) && !hasVowelOrDigit(w.charCodeAt(1));

function sameWords(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What normaliseTokens() gives for a name of ASCII letters and single spaces with no letter three
 * times in a row (which the tokenizer would collapse): its words in lower case. Null for anything
 * else. Most names that need variants (`Muhammad …`, `I Wayan …`) are like that, and skip the
 * general tokenizer.
 */
export function asciiWords(name: string): string[] | null {
  const len = name.length;
  if (len === 0 || name.charCodeAt(0) === 0x20 || name.charCodeAt(len - 1) === 0x20) return null;
  let prev = 0x20;
  let run = 0;
  for (let i = 0; i < len; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x20) {
      if (prev === 0x20) return null;
      prev = 0x20;
      continue;
    }
    const l = c | 0x20;
    if (l < 0x61 || l > 0x7a) return null; // not an ASCII letter
    run = l === prev ? run + 1 : 1;
    if (run >= 3) return null;
    prev = l;
  }
  return name.toLowerCase().split(' ');
}

const SPECIAL_FIRST = new Set([...MUHAMMAD, ...DROPPABLE_PREFIXES, ...PREFIX_TITLES]);

/**
 * True when a name needs no variant work: no title punctuation, no official name, no initial,
 * Muhammad, noble/Balinese prefix or two-consonant part. Most of a 250,000-name list takes this
 * path and is indexed as written, which keeps the build within its time budget.
 */
export function isPlainName(name: string, officialName?: string): boolean {
  if (officialName) return false;
  // one pass over the characters (no lower-casing or splitting of every name): punctuation,
  // non-ASCII, a one-letter first word or a two-consonant word make it not plain
  let wordStart = 0;
  let firstEnd = -1;
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 0x20;
    if (c === 0x2e || c === 0x2c || c === 0x28 || c === 0x29 || c > 0x7f) return false;
    if (c !== 0x20) continue;
    if (firstEnd < 0) firstEnd = i;
    if (i - wordStart === 2 && !hasVowelOrDigit(name.charCodeAt(i - 2)) && !hasVowelOrDigit(name.charCodeAt(i - 1)))
      return false;
    wordStart = i + 1;
  }
  if (firstEnd <= 1) return false;
  return !SPECIAL_FIRST.has(name.slice(0, firstEnd).toLowerCase());
}

/** a, e, i, o, u (either case) or a digit */
function hasVowelOrDigit(c: number): boolean {
  const l = c | 0x20;
  return l === 0x61 || l === 0x65 || l === 0x69 || l === 0x6f || l === 0x75 || (c >= 0x30 && c <= 0x39);
}
