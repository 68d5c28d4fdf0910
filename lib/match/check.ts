/**
 * The producer's check of a serialized index (background only). The content script's loadIndex
 * (serialize.ts) checks format, version, types and lengths; this checks everything else it
 * trusts: every election field, every offset into the two string pools, every target of an
 * entry, ticket and party, the party ranges, the phrase keys and the vocabulary's flags. The background runs it on what
 * it is about to publish, through loadIndex itself (lib/background/index-builder.ts), so that a
 * build that ever wrote something inconsistent is refused before it reaches a tab.
 */
import { W_FILLER, W_NOMOR, W_NOT_BEFORE, W_PLACE, W_QUANTITY, W_VALUE } from './numbers';
import { loadIndex } from './serialize';
import { K_PARTY, K_PARTY_ACCOUNT, K_ROLE, type MatchIndex, T_ELECTION, T_ID, T_LABEL, T_STRIDE } from './structure';

const bad = (what: string): never => {
  throw new Error(`match index: ${what}`);
};

/** Load a serialized index and check it through; throws an Error naming the first problem. */
export function checkIndex(data: unknown): MatchIndex {
  const idx = loadIndex(data);
  const { elections, tInfo, ticketPool, partyStart, partyTickets, partyNames } = idx;
  elections.forEach((el, i) => {
    for (const k of ['from', 'until', 'determinedAt'] as const) {
      const v = el[k];
      if (v !== null && !Number.isFinite(v)) bad(`elections[${i}].${k} is not a number`);
    }
    if (typeof el.numbered !== 'boolean') bad(`elections[${i}].numbered is not a boolean`);
  });
  const nt = tInfo.length / T_STRIDE;
  // id and label offsets run in order through the pool (each string ends where the next begins)
  let last = 0;
  for (let i = 0; i < nt; i++) {
    const at = i * T_STRIDE;
    const e = tInfo[at + T_ELECTION]!;
    if (e < 0 || e >= elections.length) bad(`ticket ${i} names no election`);
    for (const f of [T_ID, T_LABEL]) {
      const o = tInfo[at + f]!;
      if (o < last || o > ticketPool.length) bad(`tickets.info[${i}] is out of range`);
      last = o;
    }
  }
  for (let i = 0; i < partyStart.length; i++) {
    const s = partyStart[i]!;
    if (s < 0 || s > partyTickets.length || (i > 0 && s < partyStart[i - 1]!)) bad('parties.start is not ordered');
  }
  if (partyStart[partyNames.length] !== partyTickets.length) bad('parties.start does not end at the last ticket');
  for (let p = 0; p < partyNames.length; p++) {
    // partyHas (decide.ts) searches a party's tickets by halves: they are in ticket order
    for (let k = partyStart[p]!; k < partyStart[p + 1]!; k++) {
      const x = partyTickets[k]!;
      if (x < 0 || x >= nt) bad('a party names no ticket');
      if (k > partyStart[p]! && x < partyTickets[k - 1]!) bad(`party ${p}'s tickets are not sorted`);
    }
  }
  const { eHi, eTarget, eKind, eTermOff, eTermLen, termPool } = idx;
  for (let i = 0; i < eHi.length; i++) {
    const k = eKind[i]!;
    const tg = eTarget[i]!;
    if (eHi[i]! >= 1 << 21) bad(`entry ${i} has a bad key`);
    if (k > K_PARTY_ACCOUNT) bad(`entry ${i} has an unknown kind`);
    const ok =
      k === K_ROLE
        ? tg >= -1 && tg < elections.length
        : k === K_PARTY || k === K_PARTY_ACCOUNT
          ? tg >= 0 && tg < partyNames.length
          : tg >= 0 && tg < nt;
    if (!ok) bad(`entry ${i} points nowhere`);
    if (eTermOff[i]! < 0 || eTermOff[i]! + eTermLen[i]! > termPool.length) bad(`entries.term[${i}] is out of range`);
  }
  for (const [k, v] of idx.words) {
    if (k >= 2 ** 30) bad(`word key ${k} is out of range`);
    if (v & ~(W_FILLER | W_NOMOR | W_QUANTITY | W_NOT_BEFORE | W_PLACE | (0xff << W_VALUE)))
      bad(`word ${k} has unknown flags`);
  }
  return idx;
}
