/**
 * Compile candidate lists into the match index. Runs in the background (and in tests/bench);
 * the content script only loads the serialized result.
 */
import { parseDate } from '../list/dates';
import type { Account, Alias, CandidateList, Election, Strength, Ticket } from '../list/types';
import { accountKeys } from './accounts';
import { P1_SEED, P2_SEED, phraseStep1, phraseStep2 } from './hash';
import { defaultTerms, Role } from './keywords';
import {
  buildNumbers,
  buildTable,
  type ElectionInfo,
  INDEX_FORMAT,
  INDEX_VERSION,
  K_ACCOUNT,
  K_ALIAS,
  K_HASHTAG,
  K_MENTION,
  K_NAME,
  K_PARTY,
  K_PARTY_ACCOUNT,
  K_ROLE,
  K_SLOGAN,
  type MatchIndex,
  S_MEDIUM,
  S_STRONG,
  S_WEAK,
} from './structure';
import { nameVariants } from './titles';
import { F_HANDLE, F_HASHTAG, TokenBuf, tokenize } from './tokens';

/** Phrases longer than this are indexed by their first MAX_PHRASE tokens. */
export const MAX_PHRASE = 8;

const NUMBERED_TYPES = new Set(['pilpres', 'pilgub', 'pilbup', 'pilwalkot']);
const strengthCode = (s: Strength | undefined): number =>
  s === 'weak' ? S_WEAK : s === 'medium' ? S_MEDIUM : S_STRONG;

class Builder {
  hi: number[] = [];
  lo: number[] = [];
  target: number[] = [];
  kind: number[] = [];
  str: number[] = [];
  termId: number[] = [];
  terms: string[] = [];
  termIds = new Map<string, number>();
  firstH: number[] = [];
  maxLen = 1;
  /** dedupe: key|kind|target → entry */
  seen = new Map<string, number>();
  tok = new TokenBuf(64);

  term(s: string): number {
    const t = s.length > 512 ? s.slice(0, 512) : s;
    let id = this.termIds.get(t);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(t);
      this.termIds.set(t, id);
    }
    return id;
  }

  private put(hi: number, lo: number, first: number, kind: number, str: number, target: number, term: number): void {
    // keywords may carry several roles under one key; anything else is one entry per target
    const dk = kind === K_ROLE ? `${hi},${lo},${kind},${target},${str}` : `${hi},${lo},${kind},${target}`;
    const prev = this.seen.get(dk);
    if (prev !== undefined) {
      // the same phrase twice for one target: keep the stronger reading
      if (kind !== K_ROLE && str > (this.str[prev] ?? 0)) {
        this.str[prev] = str;
        this.termId[prev] = term;
      }
      return;
    }
    this.seen.set(dk, this.hi.length);
    this.hi.push(hi);
    this.lo.push(lo);
    this.kind.push(kind);
    this.str.push(str);
    this.target.push(target);
    this.termId.push(term);
    this.firstH.push(first);
  }

  /** Index `text` as it would be tokenized in a post (lane 0), with its collapsed variant. */
  phrase(text: string, kind: number, str: number, target: number, display: string, asHashtag = false): void {
    const t = this.tok;
    t.reset(false);
    let s = text.trim();
    if (asHashtag && !s.startsWith('#') && !s.startsWith('＃')) s = `#${s}`;
    tokenize(s, t);
    this.lastText = s;
    this.fromTokens(t, kind, str, target, display);
  }

  fromTokens(t: TokenBuf, kind: number, str: number, target: number, display: string): void {
    let n = 0;
    for (let i = 0; i < t.n && n < MAX_PHRASE; i++) if (t.lane[i] === 0) n++;
    if (n === 0) return;
    const term = this.term(display);
    let p1 = P1_SEED;
    let p2 = P2_SEED;
    let q1 = P1_SEED;
    let q2 = P2_SEED;
    let differs = false;
    let first = 0;
    let firstC = 0;
    let k = 0;
    for (let i = 0; i < t.n && k < n; i++) {
      if (t.lane[i] !== 0) continue;
      if (k === 0) {
        first = t.h1[i]!;
        firstC = t.c1[i]!;
      }
      p1 = phraseStep1(p1, t.h1[i]!);
      p2 = phraseStep2(p2, t.h2[i]!);
      q1 = phraseStep1(q1, t.c1[i]!);
      q2 = phraseStep2(q2, t.c2[i]!);
      if (t.c1[i] !== t.h1[i]) differs = true;
      k++;
    }
    if (n > this.maxLen) this.maxLen = n;
    this.put(p1 >>> 11, p2 >>> 0, first, kind, str, target, term);
    if (differs) this.put(q1 >>> 11, q2 >>> 0, firstC, kind, str, target, term);
    if (n >= 2 && (kind === K_NAME || kind === K_ALIAS || kind === K_SLOGAN))
      this.joined(t, n, kind, str, target, term);
  }

  /**
   * The words of a multi-word name written together (`luthfiyasin`, `prabowosubianto`): found as a
   * word and, by the substring search over hashtags and handles, inside `#dukungluthfiyasin`.
   * The source slices of the words are concatenated and tokenized again, so the folding is the
   * tokenizer's own.
   */
  private joined(t: TokenBuf, n: number, kind: number, str: number, target: number, term: number): void {
    let glued = '';
    for (let i = 0, k = 0; i < t.n && k < n; i++) {
      if (t.lane[i] !== 0) continue;
      k++;
      if (t.flags[i]! & (F_HASHTAG | F_HANDLE)) return;
      glued += this.lastText.slice(t.start[i]!, t.end[i]!);
    }
    const j = this.joinBuf;
    j.reset(true);
    tokenize(glued, j);
    if (j.n < 1 || j.lane[0] !== 0 || (j.texts?.[0] ?? '').length < 6) return;
    const h1 = j.h1[0]!;
    const c1 = j.c1[0]!;
    this.put(phraseStep1(P1_SEED, h1) >>> 11, phraseStep2(P2_SEED, j.h2[0]!) >>> 0, h1, kind, str, target, term);
    if (c1 !== h1)
      this.put(phraseStep1(P1_SEED, c1) >>> 11, phraseStep2(P2_SEED, j.c2[0]!) >>> 0, c1, kind, str, target, term);
  }

  private joinBuf = new TokenBuf(8);
  /** the text last tokenized by phrase() */
  private lastText = '';

  /** Index name variants given as normalised token lists. */
  tokens(toks: string[], kind: number, str: number, target: number, display: string): void {
    this.phrase(toks.join(' '), kind, str, target, display);
  }

  /** An account key (author/page), never matched against text, so not in the filter. */
  key(k: [number, number], kind: number, target: number, display: string): void {
    this.put(k[0], k[1], 0, kind, S_STRONG, target, this.term(display));
  }
}

const aliasText = (a: Alias): string => (typeof a === 'string' ? a : (a?.text ?? ''));
const aliasStrength = (a: Alias): number => (typeof a === 'string' ? S_STRONG : strengthCode(a?.strength));

function pad(label: string | undefined, number: number | undefined): string {
  if (label) return label;
  return number === undefined ? '' : String(number);
}

function ticketLabel(t: Ticket): string {
  const names = (t.members ?? []).map((m) => m.name).filter(Boolean);
  const who = names.length ? names.join(' – ') : aliasText(t.aliases?.[0] ?? '') || t.id;
  const num = pad(t.label, t.number);
  return num ? `${num} ${who}` : who;
}

function electionInfo(el: Election): ElectionInfo | null {
  const w = el.window;
  const from = w ? parseDate(w.from) : undefined;
  const until = w ? parseDate(w.until) : undefined;
  if (!from || !until) return null; // the validator rejects these; never warn on an unreadable window
  const det = w.determined_at ? parseDate(w.determined_at) : undefined;
  const code = (el.region?.code ?? '').replace(/\D/g, '');
  const national = el.region?.level === 'nasional' || code === '' || /^0+$/.test(code);
  return {
    id: el.id,
    name: el.name,
    type: el.type,
    region: national ? '' : code,
    from: from.start,
    until: until.end,
    determinedAt: det ? det.start : null,
    numbered: NUMBERED_TYPES.has(el.type),
  };
}

const warnable = (t: Ticket): boolean =>
  t.warn !== false &&
  (t.status === undefined || t.status === 'active') &&
  t.kind !== 'empty_column' &&
  (t.members?.length ?? 0) > 0;

/** Compile lists into an index. Later lists do not override earlier ones; everything is merged. */
export function compileIndex(lists: CandidateList[]): MatchIndex {
  const b = new Builder();
  const elections: ElectionInfo[] = [];
  const tElection: number[] = [];
  const tNumber: number[] = [];
  const ticketStrings: string[] = [];
  const partyIds = new Map<string, number>();
  const partyNames: string[] = [];
  const partyTicketLists: number[][] = [];

  for (const term of defaultTerms()) b.phrase(term.text, K_ROLE, term.role, -1, term.text);

  const party = (listNo: number, id: string): number => {
    const k = `${listNo}\u0001${id}`;
    let p = partyIds.get(k);
    if (p === undefined) {
      p = partyNames.length;
      partyIds.set(k, p);
      partyNames.push(id);
      partyTicketLists.push([]);
    }
    return p;
  };

  const accounts = (
    accs: Account[] | undefined,
    kind: number,
    target: number,
    mentionKind: number,
    mentionStr: number,
  ) => {
    for (const a of accs ?? []) {
      if (!a) continue;
      const display = a.handle ? `@${a.handle.replace(/^@/, '')}` : (a.url ?? a.id ?? '');
      for (const k of accountKeys(a)) b.key(k, kind, target, `${a.platform}:${display}`);
      if (a.handle) b.phrase(`@${a.handle.replace(/^@/, '')}`, mentionKind, mentionStr, target, display);
    }
  };

  lists.forEach((list, listNo) => {
    for (const kw of list.keywords?.context_terms ?? []) b.phrase(kw, K_ROLE, Role.ContextElection, -1, kw);
    for (const kw of list.keywords?.ballot_call_terms ?? []) {
      b.phrase(kw, K_ROLE, Role.CallStrong, -1, kw);
      b.phrase(kw, K_ROLE, Role.ContextElection, -1, kw);
    }
    for (const p of list.parties ?? []) {
      const pi = party(listNo, p.id);
      partyNames[pi] = p.name;
      b.phrase(p.name, K_PARTY, S_WEAK, pi, p.name);
      if (p.abbrev) b.phrase(p.abbrev, K_PARTY, S_WEAK, pi, p.abbrev);
      for (const a of p.aliases ?? []) b.phrase(aliasText(a), K_PARTY, S_WEAK, pi, aliasText(a));
      accounts(p.accounts, K_PARTY_ACCOUNT, pi, K_PARTY, S_WEAK);
    }
    for (const el of list.elections ?? []) {
      const info = electionInfo(el);
      if (!info) continue;
      const ei = elections.length;
      elections.push(info);
      for (const kw of el.keywords ?? []) {
        const tag = kw.trim().startsWith('#');
        b.phrase(kw, K_ROLE, Role.ContextElection, ei, kw, tag);
      }
      for (const t of el.tickets ?? []) {
        if (!warnable(t)) continue;
        const ti = tElection.length;
        tElection.push(ei);
        tNumber.push(typeof t.number === 'number' && t.number > 0 ? Math.floor(t.number) : 0);
        ticketStrings.push(t.id, ticketLabel(t));
        for (const pid of t.party_ids ?? []) partyTicketLists[party(listNo, pid)]?.push(ti);
        for (const m of t.members ?? []) {
          const variants = nameVariants(m.name ?? '', m.official_name);
          variants.forEach((v, i) => {
            // the person's name: strong with two words or more, a one-word name is medium
            const str = v.length >= 2 ? S_STRONG : S_MEDIUM;
            if (i === 0 || v.length >= 2) b.tokens(v, K_NAME, str, ti, m.name);
          });
          for (const a of m.aliases ?? []) b.phrase(aliasText(a), K_ALIAS, aliasStrength(a), ti, aliasText(a));
          accounts(m.accounts, K_ACCOUNT, ti, K_MENTION, S_STRONG);
        }
        for (const a of t.aliases ?? []) b.phrase(aliasText(a), K_ALIAS, aliasStrength(a), ti, aliasText(a));
        for (const h of t.hashtags ?? []) b.phrase(h, K_HASHTAG, S_STRONG, ti, h.startsWith('#') ? h : `#${h}`, true);
        for (const s of t.slogans ?? []) b.phrase(aliasText(s), K_SLOGAN, aliasStrength(s), ti, aliasText(s));
        accounts(t.accounts, K_ACCOUNT, ti, K_MENTION, S_STRONG);
      }
    }
  });

  return assemble(b, elections, tElection, tNumber, ticketStrings, partyNames, partyTicketLists);
}

function pool(strings: string[]): { pool: string; off: Int32Array; len: Int32Array } {
  const off = new Int32Array(strings.length);
  const len = new Int32Array(strings.length);
  let o = 0;
  strings.forEach((s, i) => {
    off[i] = o;
    len[i] = s.length;
    o += s.length;
  });
  return { pool: strings.join(''), off, len };
}

function assemble(
  b: Builder,
  elections: ElectionInfo[],
  tElection: number[],
  tNumber: number[],
  ticketStrings: string[],
  partyNames: string[],
  partyTicketLists: number[][],
): MatchIndex {
  const n = b.hi.length;
  const terms = pool(b.terms);
  const eHi = Uint32Array.from(b.hi);
  const eLo = Uint32Array.from(b.lo);
  const eTermOff = new Int32Array(n);
  const eTermLen = new Uint16Array(n);
  for (let e = 0; e < n; e++) {
    const id = b.termId[e]!;
    eTermOff[e] = terms.off[id]!;
    eTermLen[e] = terms.len[id]!;
  }
  const { table, mask, next } = buildTable(eHi, eLo);
  const filter = makeFilter(b.firstH, b.kind);
  const tickets = pool(ticketStrings);
  const tc = tElection.length;
  const tIdOff = new Int32Array(tc);
  const tIdLen = new Int32Array(tc);
  const tLabelOff = new Int32Array(tc);
  const tLabelLen = new Int32Array(tc);
  for (let t = 0; t < tc; t++) {
    tIdOff[t] = tickets.off[2 * t]!;
    tIdLen[t] = tickets.len[2 * t]!;
    tLabelOff[t] = tickets.off[2 * t + 1]!;
    tLabelLen[t] = tickets.len[2 * t + 1]!;
  }
  const partyStart = new Int32Array(partyNames.length + 1);
  const flat: number[] = [];
  partyTicketLists.forEach((l, i) => {
    partyStart[i] = flat.length;
    for (const t of l) flat.push(t);
  });
  partyStart[partyNames.length] = flat.length;
  const te = Int32Array.from(tElection);
  const tn = Int32Array.from(tNumber);
  return {
    format: INDEX_FORMAT,
    v: INDEX_VERSION,
    elections,
    tElection: te,
    tNumber: tn,
    tIdOff,
    tIdLen,
    tLabelOff,
    tLabelLen,
    ticketPool: tickets.pool,
    partyStart,
    partyTickets: Int32Array.from(flat),
    partyNames,
    eHi,
    eLo,
    eTarget: Int32Array.from(b.target),
    eKind: Uint8Array.from(b.kind),
    eStr: Uint8Array.from(b.str),
    eTermOff,
    eTermLen,
    eNext: next,
    termPool: terms.pool,
    table,
    tableMask: mask,
    filter: filter.bits,
    filterMask: filter.mask,
    maxLen: b.maxLen,
    numbers: buildNumbers(elections, te, tn),
  };
}

/** Bit filter sized to ~16 bits per first token (≈6% false passes), between 64 Kbit and 4 Mbit. */
function makeFilter(firstH: number[], kinds: number[]): { bits: Uint32Array; mask: number } {
  let size = 1 << 16;
  while (size < firstH.length * 16 && size < 1 << 22) size *= 2;
  const bits = new Uint32Array(size >>> 5);
  const mask = size - 1;
  for (let i = 0; i < firstH.length; i++) {
    if (kinds[i] === K_ACCOUNT || kinds[i] === K_PARTY_ACCOUNT) continue;
    const h = firstH[i]! & mask;
    bits[h >>> 5]! |= 1 << (h & 31);
  }
  return { bits, mask };
}
