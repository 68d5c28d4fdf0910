/**
 * The decision: which listed tickets a post/page is campaign content for, with the evidence. This
 * module scans (tokens, hits, context terms, number calls, parties); which evidence suffices is the
 * pure policy in policy.ts. In short (docs/list-format.md §2.6/§4, docs/matching.md §4):
 * - an account match (author or page) is decisive → `account`;
 * - a strong name/alias/hashtag/slogan/handle mention → `strong`;
 * - a medium one needs election context (any context term) or another name of the same ticket, or
 *   a ballot-number call of that ticket → `medium`;
 * - a weak one counts only beside a stronger hit of the same ticket, or a number call of it
 *   (then the pair is `medium`);
 * - a number call ("coblos no 2") resolves only in elections of the user's region and national
 *   ones, and alone gives `low` ("election content");
 * - nothing outside an election's window; withdrawn, disqualified, `warn: false` and
 *   empty-column tickets are not in the index at all.
 *
 * Called synchronously in a click handler: it allocates little, uses no regular expression on the
 * input, and catches everything (a broken index or input gives "no match", never an exception).
 */
import { accountKeys, keyHigh, keyLow } from './accounts';
import {
  fin,
  H1_SEED,
  H2_SEED,
  keyHi,
  keyLo,
  P1_SEED,
  P2_SEED,
  pairHash,
  phraseStep1,
  phraseStep2,
  step1,
  step2,
} from './hash';
import {
  isContextRole,
  R_CONTEXT_ELECTION,
  R_CONTEXT_LEGISLATIVE,
  R_CONTEXT_OFFICE,
  R_CONTEXT_PASLON,
  R_CONTEXT_PRIVATE,
  R_CONTEXT_SOFT,
  R_OFFICE_DPD,
  R_OFFICE_DPR,
  R_OFFICE_DPRD,
  R_OFFICE_DPRD_KAB,
  R_OFFICE_DPRD_PROV,
} from './keywords';
import { normaliseTokens } from './normalise';
import { callCounts, hitStrength, judge, type PolicyItem, type TextContext } from './policy';
import type { NumberCall } from './numbers';
import { readBareNumber, readCall, tokenKey, W_PLACE } from './numbers';
import type { MatchIndex } from './structure';
import {
  K_ACCOUNT,
  K_ALIAS,
  K_MENTION,
  K_NAME,
  K_PARTY,
  K_PARTY_ACCOUNT,
  K_ROLE,
  K_SLOGAN,
  lookup,
  lookupNext,
  numberKey,
  probe,
  S_MEDIUM,
  S_STRONG,
  S_WEAK,
  T_ELECTION,
  T_ID,
  T_LABEL,
  T_NUMBER,
  T_STRIDE,
  ticketString,
  type ElectionInfo,
} from './structure';
import { ensure, F_HANDLE, F_HASHTAG, F_KEYCAP, F_LAZY, F_PADDED, TokenBuf, tokenize } from './tokens';
import type { Decision, Evidence, EvidenceKind, EvidenceSource, MatchInput, MatchStrength, TicketMatch } from './types';

/** Bounds on work per decision, whatever the input. */
const MAX_HITS = 2048;
const MAX_EVIDENCE = 8;
const MAX_SOURCES = 64;
/** substrings of hashtags/handles shorter than this are not looked up (`amin` in `#kamingaming`) */
const MIN_SUBSTRING = 6;
const MAX_SUBSTRING = 48;

const SOURCES: EvidenceSource[] = ['author', 'page', 'text', 'alt', 'link'];
const SRC_TEXT = 2;
const SRC_ALT = 3;
const SRC_LINK = 4;

const KIND_NAMES: EvidenceKind[] = [
  'name',
  'alias',
  'hashtag',
  'slogan',
  'party',
  'account',
  'account',
  'name',
  'party',
];
const STRENGTH_NAMES = ['', 'weak', 'medium', 'strong'] as const;
const RANK: Record<MatchStrength, number> = { account: 4, strong: 3, medium: 2, low: 1 };

// Scratch state of one decision (decide is synchronous and not re-entrant).
const toks = new TokenBuf(512);
toks.lazy = true;
let hitN = 0;
const hitE = new Int32Array(MAX_HITS);
const hitStart = new Int32Array(MAX_HITS);
const hitEnd = new Int32Array(MAX_HITS);
const hitSrc = new Uint8Array(MAX_HITS);
/** the hit was inside a hashtag, handle or compound word (1), not a word of running text (0) */
const hitTag = new Uint8Array(MAX_HITS);
const hitSeq = new Int32Array(MAX_HITS);
/** any election context: qualifies context-dependent number calls */
let ctxElection = false;
let ctxSoft = false;
/** campaign context of every race (pemilu, kampanye, coblos…) */
let ctxGeneral = false;
/** paslon-race context (pilkada, paslon, cabup…) */
let ctxPaslon = false;
/** legislative context (caleg, dapil, DPRD…) */
let ctxLeg = false;
/** an executive office (bupati, gubernur, presiden) */
let ctxOffice = false;
/** private life (birthdays, condolences, RT news, futsal): names there are namesakes */
let ctxPrivate = false;
/** legislatures named: OFFICE_* bits */
let officeMask = 0;
const OFFICE_DPR = 1;
const OFFICE_DPD = 2;
const OFFICE_DPRD = 4;
const OFFICE_DPRD_PROV = 8;
const OFFICE_DPRD_KAB = 16;
/** the first term of each context class, as evidence: general, paslon, legislative, office */
const CTX_GENERAL = 0;
const CTX_PASLON = 1;
const CTX_LEG = 2;
const CTX_OFFICE = 3;
const ctxEntry = new Int32Array(4);
const ctxStart = new Int32Array(4);
const ctxEnd = new Int32Array(4);
const ctxSrc = new Uint8Array(4);
interface Call extends NumberCall {
  src: number;
  /** which scanned string (several alt texts share one source kind) */
  seq: number;
  /** where the number itself starts */
  numStart: number;
}
const calls: Call[] = [];
const EMPTY: unknown[] = [];
let seq = 0;

function addHit(e: number, start: number, end: number, src: number, tag: boolean): void {
  if (hitN >= MAX_HITS) return;
  hitE[hitN] = e;
  hitStart[hitN] = start;
  hitEnd[hitN] = end;
  hitSrc[hitN] = src;
  hitTag[hitN] = tag ? 1 : 0;
  hitSeq[hitN] = seq;
  hitN++;
}

function sawContext(cls: number, e: number, start: number, end: number, src: number): void {
  if (ctxEntry[cls]! >= 0) return;
  ctxEntry[cls] = e;
  ctxStart[cls] = start;
  ctxEnd[cls] = end;
  ctxSrc[cls] = src;
}

/**
 * Is token i a name right after a place word written as in an address (`Jl. Ahmad Yani`,
 * `Masjid Sudirman`: capitalised or abbreviated with a dot), not a verb (`jalan bareng …`)?
 */
function afterPlaceWord(idx: MatchIndex, i: number): boolean {
  const p = i - 1;
  if (p < 0 || toks.lane[p] !== toks.lane[i] || !((idx.words.get(tokenKey(toks, p)) ?? 0) & W_PLACE)) return false;
  const c = toks.src.charCodeAt(toks.start[p]!);
  return (c >= 0x41 && c <= 0x5a) || toks.src.charCodeAt(toks.end[p]!) === 0x2e;
}

/** Record every entry under key (hi, lo); call terms are read on the spot (they need the tokens). */
function hitsAt(idx: MatchIndex, hi: number, lo: number, i: number, j: number, src: number, substring: boolean): void {
  const { bucketStart, eHi, eLo } = idx;
  const b = lo & idx.bucketMask;
  const end = bucketStart[b + 1]!;
  for (let e = bucketStart[b]!; e < end; e++) {
    if (eLo[e] !== lo || eHi[e] !== hi) continue;
    const kind = idx.eKind[e]!;
    if (kind === K_ROLE) {
      const role = idx.eStr[e]!;
      if (isContextRole(role)) {
        if (!substring) context(role, e, toks.start[i]!, toks.end[j]!, src);
      } else if (!substring && calls.length < 64) {
        const c = readCall(idx.words, toks, j, role, toks.start[i]!);
        if (c) calls.push({ ...c, src, seq, numStart: toks.start[c.tok]! });
      }
    } else if (substring) {
      // substrings count only for names, aliases and slogans (not party words or handles)
      if (kind === K_NAME || kind === K_ALIAS || kind === K_SLOGAN)
        addHit(e, toks.tagOffs[i]!, toks.tagEnds[j]!, src, true);
    } else if (kind !== K_ACCOUNT && kind !== K_PARTY_ACCOUNT) {
      if (kind !== K_NAME || !afterPlaceWord(idx, i)) {
        const tag = toks.lane[i] !== 0 || (toks.flags[i]! & (F_HASHTAG | F_HANDLE)) !== 0;
        addHit(e, toks.start[i]!, toks.end[j]!, src, tag);
      }
    }
  }
}

/** A context or office term at [start, end). */
function context(role: number, e: number, start: number, end: number, src: number): void {
  switch (role) {
    case R_CONTEXT_ELECTION:
      ctxElection = true;
      ctxGeneral = true;
      sawContext(CTX_GENERAL, e, start, end, src);
      break;
    case R_CONTEXT_PASLON:
      ctxElection = true;
      ctxPaslon = true;
      sawContext(CTX_PASLON, e, start, end, src);
      break;
    case R_CONTEXT_LEGISLATIVE:
      ctxElection = true;
      ctxLeg = true;
      sawContext(CTX_LEG, e, start, end, src);
      break;
    case R_CONTEXT_OFFICE:
      ctxOffice = true;
      ctxSoft = true;
      sawContext(CTX_OFFICE, e, start, end, src);
      break;
    case R_CONTEXT_SOFT:
      ctxSoft = true;
      break;
    case R_CONTEXT_PRIVATE:
      ctxPrivate = true;
      break;
    case R_OFFICE_DPR:
      officeMask |= OFFICE_DPR;
      break;
    case R_OFFICE_DPD:
      officeMask |= OFFICE_DPD;
      break;
    case R_OFFICE_DPRD:
      officeMask |= OFFICE_DPRD;
      break;
    case R_OFFICE_DPRD_PROV:
      officeMask |= OFFICE_DPRD_PROV;
      break;
    case R_OFFICE_DPRD_KAB:
      officeMask |= OFFICE_DPRD_KAB;
      break;
  }
}

/**
 * Phrase lookup over the tokens of one source. Per token: a probe of the one-token filter and of
 * the long-phrase filter on its first hash (and on its doubled-letter-collapsed hash when that
 * differs); only tokens that pass look further: the one-token key in its bucket, and longer
 * phrases when the first two tokens pass the pair filter. Bare ballot numbers (`02`, `2️⃣`) are
 * read in the same pass: every call term that could claim a number stands before it, so its
 * calls are already known.
 */
function scanTokens(idx: MatchIndex, src: number): void {
  const t = toks;
  const n = t.n;
  const single = idx.filter;
  const smask = idx.filterMask;
  const multi = idx.multiFilter;
  const mmask = idx.multiMask;
  const H1 = t.h1;
  const C1 = t.c1;
  const FL = t.flags;
  for (let i = 0; i < n; i++) {
    const h = H1[i]!;
    const c = C1[i]!;
    let m = (1 << (h & 31)) | (1 << ((h >>> 5) & 31));
    const sN = (single[(h >>> 10) & smask]! & m) === m;
    const mN = (multi[(h >>> 10) & mmask]! & m) === m;
    let sC = false;
    let mC = mN;
    if (c !== h) {
      m = (1 << (c & 31)) | (1 << ((c >>> 5) & 31));
      sC = (single[(c >>> 10) & smask]! & m) === m;
      mC = (multi[(c >>> 10) & mmask]! & m) === m;
    }
    if (sN || mN || sC || mC) phrasesAt(idx, i, sN, mN, sC, mC, src);
    const f = FL[i]!;
    if (f & (F_HASHTAG | F_HANDLE)) scanTag(idx, i, src);
    if (f & (F_PADDED | F_KEYCAP)) bareNumber(idx, i, src);
  }
}

/**
 * Phrases starting at token i: one-token ones when its first hash passed the one-token filter
 * (sN; sC for the collapsed hash), longer ones when it passed the long-phrase filter (mN, mC)
 * and the first two tokens pass the pair filter.
 */
function phrasesAt(idx: MatchIndex, i: number, sN: boolean, mN: boolean, sC: boolean, mC: boolean, src: number): void {
  const t = toks;
  const n = t.n;
  const H1 = t.h1;
  const C1 = t.c1;
  const lane = t.lane[i];
  let longN = false;
  let longC = false;
  if ((mN || mC) && i + 1 < n && t.lane[i + 1] === lane) {
    if (mN) longN = probe(idx.pairFilter, idx.pairMask, pairHash(H1[i]!, H1[i + 1]!));
    if (mC) longC = probe(idx.pairFilter, idx.pairMask, pairHash(C1[i]!, C1[i + 1]!));
  }
  let p1 = P1_SEED;
  let p2 = P2_SEED;
  let q1 = P1_SEED;
  let q2 = P2_SEED;
  let differs = false;
  const last = longN || longC ? idx.maxLen : 1;
  for (let len = 1; len <= last; len++) {
    const j = i + len - 1;
    if (j >= n || t.lane[j] !== lane) break;
    if (t.flags[j]! & F_LAZY) ensure(t, j);
    p1 = phraseStep1(p1, H1[j]!);
    p2 = phraseStep2(p2, t.h2[j]!);
    q1 = phraseStep1(q1, C1[j]!);
    q2 = phraseStep2(q2, t.c2[j]!);
    if (C1[j] !== H1[j]) differs = true;
    if (len === 1 ? sN : longN) hitsAt(idx, keyHi(p1), keyLo(p2), i, j, src, false);
    if (differs && (len === 1 ? sC : longC)) hitsAt(idx, keyHi(q1), keyLo(q2), i, j, src, false);
  }
}

/** A bare `02` / keycap not already read as part of a call. */
function bareNumber(idx: MatchIndex, i: number, src: number): void {
  for (const c of calls) if (c.seq === seq && c.tok === i) return;
  const b = readBareNumber(idx.words, toks, i);
  if (b && calls.length < 64) calls.push({ ...b, src, seq, numStart: b.start });
}

/** Names written together inside a hashtag or handle: `#dukungbudisantoso2024`. */
function scanTag(idx: MatchIndex, i: number, src: number): void {
  const t = toks;
  const at = t.tagAt[i]!;
  const len = t.tagLen[i]!;
  if (at < 0 || len < MIN_SUBSTRING || len > 64) return;
  // feeds repeat their hashtags (#fyp, #viral, #infojakarta): a body none of whose substrings
  // passed the filter is remembered (by its token's two hashes) and not searched again
  if (idx !== noSubstringsOf) {
    noSubstringsGen++;
    noSubstringsOf = idx;
  }
  const k1 = t.h1[i]!;
  const k2 = t.h2[i]!;
  const slot = k1 & (NO_SUBSTRINGS - 1);
  if (nsGen[slot] === noSubstringsGen && nsKey1[slot] === k1 && nsKey2[slot] === k2) return;
  let passed = false;
  const chars = t.tagChars;
  for (let a = 0; a + MIN_SUBSTRING <= len; a++) {
    let h1 = H1_SEED;
    let h2 = H2_SEED;
    const stop = Math.min(len, a + MAX_SUBSTRING);
    for (let b = a; b < stop; b++) {
      const ch = chars[at + b]!;
      h1 = step1(h1, ch);
      h2 = step2(h2, ch);
      if (b - a + 1 < MIN_SUBSTRING) continue;
      if (a === 0 && b === len - 1) continue; // the whole body is already a part token
      const f1 = fin(h1);
      if (!probe(idx.filter, idx.filterMask, f1)) continue;
      passed = true;
      hitsAt(idx, keyHi(phraseStep1(P1_SEED, f1)), keyLo(phraseStep2(P2_SEED, fin(h2))), at + a, at + b, src, true);
    }
  }
  if (!passed) {
    nsKey1[slot] = k1;
    nsKey2[slot] = k2;
    nsGen[slot] = noSubstringsGen;
  }
}

// Direct-mapped memory of bodies with nothing inside, keyed by the tag token's two hashes; a
// new index starts a new generation (older slots no longer count).
const NO_SUBSTRINGS = 4096;
const nsKey1 = new Int32Array(NO_SUBSTRINGS);
const nsKey2 = new Int32Array(NO_SUBSTRINGS);
const nsGen = new Int32Array(NO_SUBSTRINGS);
let noSubstringsGen = 0;
let noSubstringsOf: MatchIndex | null = null;

function scanSource(idx: MatchIndex, s: unknown, src: number): void {
  if (typeof s !== 'string' || s.length === 0) return;
  toks.reset(false);
  tokenize(s, toks);
  seq++;
  scanTokens(idx, src);
}

interface Item extends PolicyItem {
  kind: number;
  ev: Evidence;
  /** an item that qualifies (set in step 5) */
  ok: boolean;
}
interface Agg {
  t: number;
  account: Evidence[];
  items: Item[];
  numbers: Evidence[];
  parties: Evidence[];
  /** a ballot number called beside this ticket's party ("coblos Golkar nomor 3") */
  partyCall: boolean;
}

const live = (idx: MatchIndex, ei: number, now: number): boolean => {
  const e = idx.elections[ei];
  return e !== undefined && now >= e.from && now < e.until;
};

const legislative = (el: ElectionInfo): boolean => el.type.startsWith('pileg');

/**
 * Is an election on the ballots of a person in `region` ('' = unknown: every election is)?
 * Paslon races by region prefix; an electoral district that lists its areas by them (the person's
 * region lies in one of them, or — set coarser — contains one); other legislative districts (dapil
 * codes are not region codes) by their province, and DPRD kabupaten/kota districts, coded after
 * their regency, by regency.
 */
export function inScope(el: ElectionInfo, region: string): boolean {
  if (region === '' || el.region === '') return true;
  if (el.areas?.length) return el.areas.some((a) => region.startsWith(a) || a.startsWith(region));
  if (!legislative(el)) return region.startsWith(el.region) || el.region.startsWith(region);
  const n = el.type === 'pileg_dprd_kabkota' ? 4 : 2;
  const a = el.region.slice(0, n);
  const b = region.slice(0, n);
  return b.length < n ? a.startsWith(b) : a === b;
}

/** Does the legislature a text names (officeMask) admit this race? */
function officeAdmits(type: string): boolean {
  if (officeMask === 0) return true;
  const specific = officeMask & (OFFICE_DPRD_PROV | OFFICE_DPRD_KAB);
  switch (type) {
    case 'pileg_dpr':
      return (officeMask & OFFICE_DPR) !== 0;
    case 'pileg_dpd':
      return (officeMask & OFFICE_DPD) !== 0;
    case 'pileg_dprd_prov':
      return specific ? (officeMask & OFFICE_DPRD_PROV) !== 0 : (officeMask & OFFICE_DPRD) !== 0;
    case 'pileg_dprd_kabkota':
      return specific ? (officeMask & OFFICE_DPRD_KAB) !== 0 : (officeMask & OFFICE_DPRD) !== 0;
    default:
      return false;
  }
}

/** Is ticket t one of party p's (party → tickets is sorted by ticket)? */
function partyHas(idx: MatchIndex, p: number, t: number): boolean {
  let lo = idx.partyStart[p] ?? 0;
  let hi = (idx.partyStart[p + 1] ?? 0) - 1;
  const a = idx.partyTickets;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid]!;
    if (v === t) return true;
    if (v < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Per index and region: the elections with ballot numbers (paslon and legislative) in scope. */
const scopeCache = new WeakMap<MatchIndex, Map<string, number[]>>();

function numberedInScope(idx: MatchIndex, region: string): number[] {
  let m = scopeCache.get(idx);
  if (!m) {
    m = new Map();
    scopeCache.set(idx, m);
  }
  let l = m.get(region);
  if (!l) {
    l = [];
    for (let ei = 0; ei < idx.elections.length; ei++) {
      const el = idx.elections[ei]!;
      if ((el.numbered || legislative(el)) && inScope(el, region)) l.push(ei);
    }
    if (m.size > 16) m.clear();
    m.set(region, l);
  }
  return l;
}

/** Do entries a and b display the same term (without slicing either)? */
function sameTerm(idx: MatchIndex, a: number, b: number): boolean {
  const len = idx.eTermLen[a]!;
  if (idx.eTermLen[b] !== len) return false;
  const x = idx.eTermOff[a]!;
  const y = idx.eTermOff[b]!;
  if (x === y) return true;
  const pool = idx.termPool;
  for (let i = 0; i < len; i++) if (pool.charCodeAt(x + i) !== pool.charCodeAt(y + i)) return false;
  return true;
}

function termOf(idx: MatchIndex, e: number): string {
  const off = idx.eTermOff[e]!;
  return idx.termPool.slice(off, off + idx.eTermLen[e]!);
}

function normaliseRegion(r: unknown): string {
  if (typeof r !== 'string') return '';
  let out = '';
  for (let i = 0; i < r.length && i < 16; i++) {
    const c = r.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) out += r[i];
  }
  return /^0+$/.test(out) ? '' : out;
}

/** The decision. Never throws. */
export function decide(idx: MatchIndex, input: MatchInput): Decision {
  try {
    return decideUnsafe(idx, input);
  } catch {
    return { matches: [] };
  }
}

function decideUnsafe(idx: MatchIndex, input: MatchInput): Decision {
  const now = typeof input?.now === 'number' && Number.isFinite(input.now) ? input.now : Number.NaN;
  if (Number.isNaN(now) || idx.elections.length === 0) return { matches: [] };
  let anyLive = false;
  for (let ei = 0; ei < idx.elections.length && !anyLive; ei++) anyLive = live(idx, ei, now);
  if (!anyLive) return { matches: [] };

  hitN = 0;
  ctxElection = false;
  ctxSoft = false;
  ctxGeneral = false;
  ctxPaslon = false;
  ctxLeg = false;
  ctxOffice = false;
  ctxPrivate = false;
  officeMask = 0;
  ctxEntry.fill(-1);
  calls.length = 0;

  // 1. text, alt texts, link titles
  scanSource(idx, input.text, SRC_TEXT);
  const alts = Array.isArray(input.altText) ? input.altText : EMPTY;
  for (let i = 0; i < alts.length && i < MAX_SOURCES; i++) scanSource(idx, alts[i], SRC_ALT);
  const links = Array.isArray(input.linkTitles) ? input.linkTitles : EMPTY;
  for (let i = 0; i < links.length && i < MAX_SOURCES; i++) scanSource(idx, links[i], SRC_LINK);
  // the common case: nothing in the text and no account to look up
  if (hitN === 0 && calls.length === 0 && !input.author && !input.page) return { matches: [] };
  const region = normaliseRegion(input.region);

  const aggs = new Map<number, Agg>();
  const agg = (t: number): Agg | undefined => {
    let a = aggs.get(t);
    if (!a) {
      if (!live(idx, idx.tInfo[t * T_STRIDE + T_ELECTION]!, now)) return undefined;
      a = { t, account: [], items: [], numbers: [], parties: [], partyCall: false };
      aggs.set(t, a);
    }
    return a;
  };

  // 2. accounts: author and page
  const partyAccountHits: { p: number; ev: Evidence; seq: number }[] = [];
  const accs: [unknown, number][] = [
    [input.author, 0],
    [input.page, 1],
  ];
  for (const [ref, src] of accs) {
    if (!ref || typeof ref !== 'object') continue;
    const r = ref as Record<string, unknown>;
    const platform = typeof r.platform === 'string' ? r.platform : input.site;
    for (const k of accountKeys({ ...(r as object), platform } as never)) {
      const hi = keyHigh(k);
      const lo = keyLow(k);
      for (let e = lookup(idx, hi, lo); e >= 0; e = lookupNext(idx, e)) {
        const kind = idx.eKind[e]!;
        const ev: Evidence = { kind: 'account', term: `${platform}:${termOf(idx, e)}`, source: SOURCES[src]! };
        if (kind === K_ACCOUNT) agg(idx.eTarget[e]!)?.account.push(ev);
        else if (kind === K_PARTY_ACCOUNT)
          partyAccountHits.push({ p: idx.eTarget[e]!, ev: { ...ev, kind: 'party' }, seq: -1 });
      }
    }
  }

  const partyHits: { p: number; ev: Evidence; seq: number }[] = [...partyAccountHits];
  // A name shared by many tickets (namesakes in many races) is one hit per ticket at the same
  // place: those hits share one Evidence object when they say the same thing.
  let prev: Evidence | null = null;
  let prevE = -1;
  let prevStr = -1;
  for (let h = 0; h < hitN; h++) {
    const e = hitE[h]!;
    const kind = idx.eKind[e]!;
    const str = hitStrength(idx.eStr[e]!, kind === K_MENTION, hitTag[h] === 1);
    let ev: Evidence;
    if (
      prev !== null &&
      idx.eKind[prevE] === kind &&
      prevStr === str &&
      prev.start === hitStart[h] &&
      prev.end === hitEnd[h] &&
      prev.source === SOURCES[hitSrc[h]!] &&
      sameTerm(idx, prevE, e)
    ) {
      ev = prev;
    } else {
      ev = {
        kind: KIND_NAMES[kind] ?? 'alias',
        term: termOf(idx, e),
        source: SOURCES[hitSrc[h]!]!,
        start: hitStart[h]!,
        end: hitEnd[h]!,
      };
      if (kind !== K_MENTION && kind !== K_PARTY) ev.strength = STRENGTH_NAMES[str] as 'strong' | 'medium' | 'weak';
      prev = ev;
      prevE = e;
      prevStr = str;
    }
    if (kind === K_PARTY) {
      partyHits.push({ p: idx.eTarget[e]!, ev, seq: hitSeq[h]! });
      continue;
    }
    const a = agg(idx.eTarget[e]!);
    if (!a) continue;
    a.items.push({ kind, name: kind === K_NAME, str, ev, ok: false });
  }

  // 3. number calls. Beside a party's name ("coblos Golkar nomor 3 untuk DPRD Mesuji") a number
  // is that party's candidate in the race the text names, on the user's ballots; otherwise it
  // resolves in the paslon races of the user's scope (their region's and national ones).
  const validCalls = calls.filter((c) => callCounts(c.certain, ctxElection));
  const scoped: number[] = [];
  if (validCalls.length > 0) {
    idx.elections.forEach((e, ei) => {
      if (!e.numbered || !live(idx, ei, now)) return;
      if (e.region === '' || (region !== '' && region.startsWith(e.region))) scoped.push(ei);
    });
    for (const c of validCalls) {
      const ev = numberEvidence(c.value, c);
      const near = partyHits.filter(
        (h) =>
          h.seq === c.seq &&
          h.ev.source === ev.source &&
          h.ev.start !== undefined &&
          h.ev.end !== undefined &&
          ((h.ev.end <= c.numStart && c.numStart - h.ev.end <= 40) ||
            (h.ev.start >= c.end && h.ev.start - c.end <= 16)),
      );
      if (near.length > 0) {
        if (partyCall(idx, c.value, near, ev, region, now, input, agg)) continue;
        // a party named beside a number of none of its candidates: not a call of any other
        continue;
      }
      // a legislature named without a party: its numbers belong to no paslon
      if (officeMask !== 0 && !ctxPaslon) continue;
      for (const ei of scoped) {
        for (const t of idx.numbers.get(numberKey(ei, c.value)) ?? []) agg(t)?.numbers.push(ev);
      }
    }
  }
  const textContext: TextContext = {
    general: ctxGeneral,
    paslon: ctxPaslon,
    legislative: ctxLeg,
    office: ctxOffice,
    private: ctxPrivate,
    any: ctxElection || ctxSoft || validCalls.length > 0,
  };

  // 4. parties only add evidence to tickets already hit
  for (const { p, ev } of partyHits) {
    const from = idx.partyStart[p];
    const to = idx.partyStart[p + 1];
    if (from === undefined || to === undefined) continue;
    if (to - from > aggs.size * 8) {
      for (const a of aggs.values()) if (partyHas(idx, p, a.t)) a.parties.push(ev);
    } else {
      for (let k = from; k < to; k++) aggs.get(idx.partyTickets[k]!)?.parties.push(ev);
    }
  }

  // 5. strength per ticket
  const matches: TicketMatch[] = [];
  const inScopeOf = new Map<TicketMatch, boolean>();
  for (const a of aggs.values()) {
    const ei = idx.tInfo[a.t * T_STRIDE + T_ELECTION]!;
    const el = idx.elections[ei]!;
    const leg = legislative(el);
    const own = inScope(el, region);
    const hasNumber = a.numbers.length > 0;
    const items = a.items;
    const v = judge(
      {
        legislative: leg,
        onBallot: own,
        account: a.account.length > 0,
        numberCalled: hasNumber,
        partyNamed: a.parties.length > 0,
        partyCall: a.partyCall,
        items,
      },
      textContext,
      (i) => secondName(items, items[i]!),
    );
    for (let i = 0; i < items.length; i++) items[i]!.ok = v.ok[i]!;
    const { strength, byContext, countWeak, named } = v;
    if (strength === null) continue;
    // a number call outside the user's scope still explains a ticket named in the text
    if (!hasNumber && named && validCalls.length > 0 && !leg) {
      const n = idx.tInfo[a.t * T_STRIDE + T_NUMBER]!;
      for (const c of validCalls) {
        if (c.value === n && !scoped.includes(ei)) a.numbers.push(numberEvidence(n, c));
      }
    }
    // evidence in order of weight, each (kind, term, source) once, at most MAX_EVIDENCE
    const evidence: Evidence[] = [];
    for (const e of a.account) addEvidence(evidence, e);
    for (const x of a.items) if (x.str === S_STRONG && x.ok) addEvidence(evidence, x.ev);
    for (const x of a.items) if (x.str === S_MEDIUM && x.ok) addEvidence(evidence, x.ev);
    for (const e of a.numbers) addEvidence(evidence, e);
    if (byContext) {
      const ctx = contextEvidence(idx, leg);
      if (ctx) addEvidence(evidence, ctx);
    }
    if (countWeak) for (const x of a.items) if (x.str === S_WEAK) addEvidence(evidence, x.ev);
    for (const e of a.parties) addEvidence(evidence, e);
    const match = toMatch(idx, a.t, strength, evidence, now);
    inScopeOf.set(match, own);
    matches.push(match);
  }
  matches.sort(
    (x, y) =>
      RANK[y.strength] - RANK[x.strength] ||
      Number(inScopeOf.get(y)) - Number(inScopeOf.get(x)) ||
      y.evidence.length - x.evidence.length,
  );
  return { matches };
}

/** Number call c, as evidence for ballot number n. */
const numberEvidence = (n: number, c: Call): Evidence => ({
  kind: 'number',
  term: `nomor urut ${n}`,
  source: SOURCES[c.src]!,
  start: c.start,
  end: c.end,
});

/** The term that made a text campaign content for a race of this kind, as evidence. */
function contextEvidence(idx: MatchIndex, leg: boolean): Evidence | null {
  const order = leg ? [CTX_LEG, CTX_GENERAL] : [CTX_PASLON, CTX_GENERAL, CTX_OFFICE];
  for (const k of order) {
    const e = ctxEntry[k]!;
    if (e < 0) continue;
    return {
      kind: 'context',
      term: termOf(idx, e),
      source: SOURCES[ctxSrc[k]!]!,
      start: ctxStart[k]!,
      end: ctxEnd[k]!,
    };
  }
  return null;
}

/**
 * A ballot number called beside party names: the candidates of those parties with that number in
 * the live races on the user's ballots that the text's legislature admits (paslon races only when
 * it names none), narrowed to the races whose name shares most words with the text (`DPRD
 * Mesuji`). Returns whether any candidate was found.
 */
function partyCall(
  idx: MatchIndex,
  value: number,
  near: { p: number; ev: Evidence }[],
  ev: Evidence,
  region: string,
  now: number,
  input: MatchInput,
  agg: (t: number) => Agg | undefined,
): boolean {
  const found: { t: number; ei: number; party: Evidence }[] = [];
  for (const ei of numberedInScope(idx, region)) {
    const el = idx.elections[ei]!;
    if (!live(idx, ei, now)) continue;
    if (legislative(el) ? !officeAdmits(el.type) : officeMask !== 0) continue;
    for (const t of idx.numbers.get(numberKey(ei, value)) ?? []) {
      for (const h of near) {
        if (partyHas(idx, h.p, t)) {
          found.push({ t, ei, party: h.ev });
          break;
        }
      }
    }
  }
  if (found.length === 0) return false;
  let best = found;
  if (new Set(found.map((f) => f.ei)).size > 1) {
    const words = new Set<string>();
    for (const s of [input.text, ...(Array.isArray(input.altText) ? input.altText : [])])
      if (typeof s === 'string') for (const w of normaliseTokens(s.slice(0, 4096))) words.add(w);
    const score = (ei: number): number => {
      let n = 0;
      for (const w of idx.elections[ei]!.nameWords ?? []) if (words.has(w)) n++;
      return n;
    };
    const scores = found.map((f) => score(f.ei));
    const top = Math.max(...scores);
    best = found.filter((_, i) => scores[i] === top);
  }
  for (const f of best) {
    const a = agg(f.t);
    if (!a) continue;
    a.numbers.push(ev);
    a.parties.push(f.party);
    a.partyCall = true;
  }
  return true;
}

const overlaps = (a: Evidence, b: Evidence): boolean =>
  a.source === b.source &&
  a.start !== undefined &&
  b.start !== undefined &&
  a.start < (b.end ?? 0) &&
  b.start < (a.end ?? 0);

function addEvidence(out: Evidence[], e: Evidence): void {
  if (out.length >= MAX_EVIDENCE) return;
  for (const o of out) if (o.kind === e.kind && o.term === e.term && o.source === e.source) return;
  out.push(e);
}

/** Is there an item of another term that overlaps no occurrence of m's term? */
function secondName(items: Item[], m: Item): boolean {
  for (const o of items) {
    if (o.ev.term === m.ev.term) continue;
    let clear = true;
    for (const x of items) {
      if (x.ev.term === m.ev.term && overlaps(o.ev, x.ev)) {
        clear = false;
        break;
      }
    }
    if (clear) return true;
  }
  return false;
}

function toMatch(idx: MatchIndex, t: number, strength: MatchStrength, evidence: Evidence[], now: number): TicketMatch {
  const el = idx.elections[idx.tInfo[t * T_STRIDE + T_ELECTION]!]!;
  const number = idx.tInfo[t * T_STRIDE + T_NUMBER]!;
  const m: TicketMatch = {
    ticketId: ticketString(idx, t, T_ID),
    electionId: el.id,
    electionName: el.name,
    label: ticketString(idx, t, T_LABEL),
    strength,
    stage: el.determinedAt !== null && now < el.determinedAt ? 'bakal_calon' : 'calon',
    evidence,
  };
  if (number > 0) m.number = number;
  m.electionType = el.type as TicketMatch['electionType'];
  return m;
}
