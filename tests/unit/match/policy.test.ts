/**
 * The decision policy (lib/match/policy.ts) as a table: evidence in, verdict out. Each row is one
 * rule of docs/matching.md §4; decide.test.ts and the corpus tests check the same rules through the
 * scan.
 */
import { describe, expect, it } from 'vitest';
import { callCounts, hitStrength, judge, type TextContext, type TicketEvidence } from '../../../lib/match/policy';
import type { MatchStrength } from '../../../lib/match/types';

const S = { weak: 1, medium: 2, strong: 3 } as const;
type Str = keyof typeof S;

/** `name:strong`, `alias:medium`, `alias:weak`… (alias stands for alias, hashtag, slogan, handle) */
type ItemSpec = `${'name' | 'alias'}:${Str}`;

interface Row {
  why: string;
  items?: ItemSpec[];
  /** context terms in the text: general, paslon, leg, office, private, soft (any only) */
  ctx?: Array<'general' | 'paslon' | 'leg' | 'office' | 'private' | 'soft'>;
  leg?: boolean;
  offBallot?: boolean;
  account?: boolean;
  number?: boolean;
  party?: boolean;
  partyCall?: boolean;
  /** items that have another name of the same ticket beside them (by index) */
  second?: number[];
  want: MatchStrength | null;
  ok?: boolean[];
  byContext?: boolean;
  countWeak?: boolean;
}

const ROWS: Row[] = [
  // nothing
  { why: 'no evidence at all', want: null },
  { why: 'context terms alone name nobody', ctx: ['general', 'paslon', 'leg'], want: null },
  // accounts
  { why: 'an account of the ticket alone is decisive', account: true, want: 'account' },
  { why: 'an account outranks a strong name', account: true, items: ['name:strong'], want: 'account' },
  {
    why: 'an account of a legislative candidate off the ballot',
    account: true,
    leg: true,
    offBallot: true,
    want: 'account',
  },
  { why: 'an account makes weak items count', account: true, items: ['alias:weak'], want: 'account', countWeak: true },
  // paslon full names
  { why: "a paslon's full name alone", items: ['name:strong'], want: 'strong', ok: [true], byContext: true },
  {
    why: "a paslon's full name in a private-life post",
    items: ['name:strong'],
    ctx: ['private'],
    want: null,
    ok: [false],
  },
  {
    why: "a paslon's full name in a private post with campaign terms",
    items: ['name:strong'],
    ctx: ['private', 'general'],
    want: 'strong',
    byContext: true,
  },
  {
    why: "a paslon's full name in a private post naming the office",
    items: ['name:strong'],
    ctx: ['private', 'office'],
    want: 'strong',
  },
  {
    why: "a paslon's full name in a private post with its number",
    items: ['name:strong'],
    ctx: ['private'],
    number: true,
    want: 'strong',
  },
  {
    why: "a paslon's full name in a private post beside the ticket's other name: private wins",
    items: ['name:strong', 'name:strong'],
    ctx: ['private'],
    second: [0, 1],
    want: null,
  },
  {
    why: 'a full name off the ballot still counts for a paslon',
    items: ['name:strong'],
    offBallot: true,
    want: 'strong',
  },
  // one-word names
  { why: 'a one-word name alone never suffices', items: ['name:medium'], want: null, ok: [false] },
  { why: 'a one-word name with only a soft term', items: ['name:medium'], ctx: ['soft'], want: null },
  { why: 'a one-word name with only the office named', items: ['name:medium'], ctx: ['office'], want: null },
  {
    why: 'a one-word name with campaign terms',
    items: ['name:medium'],
    ctx: ['general'],
    want: 'medium',
    byContext: true,
  },
  {
    why: 'a one-word name with paslon terms',
    items: ['name:medium'],
    ctx: ['paslon'],
    want: 'medium',
    byContext: true,
  },
  { why: 'a one-word paslon name with only legislative terms', items: ['name:medium'], ctx: ['leg'], want: null },
  {
    why: 'a one-word name with its ballot number',
    items: ['name:medium'],
    number: true,
    want: 'medium',
    byContext: false,
  },
  { why: 'a one-word name with its party', items: ['name:medium'], party: true, want: 'medium', byContext: false },
  {
    why: "a one-word name beside the ticket's other name",
    items: ['name:medium', 'name:medium'],
    second: [0, 1],
    want: 'medium',
    ok: [true, true],
    byContext: false,
  },
  {
    why: 'a one-word name beside the other name, in a private post',
    items: ['name:medium', 'name:medium'],
    second: [0, 1],
    ctx: ['private'],
    want: null,
  },
  {
    why: 'a one-word name with campaign terms, off the ballot',
    items: ['name:medium'],
    ctx: ['general'],
    offBallot: true,
    want: null,
  },
  // legislative candidates (caleg)
  { why: 'a caleg full name alone', leg: true, items: ['name:strong'], want: null },
  { why: 'a caleg full name with only paslon terms', leg: true, items: ['name:strong'], ctx: ['paslon'], want: null },
  {
    why: 'a caleg full name with only the office named',
    leg: true,
    items: ['name:strong'],
    ctx: ['office'],
    want: null,
  },
  {
    why: 'a caleg full name with legislative terms',
    leg: true,
    items: ['name:strong'],
    ctx: ['leg'],
    want: 'strong',
    byContext: true,
  },
  { why: 'a caleg full name with campaign terms', leg: true, items: ['name:strong'], ctx: ['general'], want: 'strong' },
  {
    why: 'a caleg full name with the party named',
    leg: true,
    items: ['name:strong'],
    party: true,
    want: 'strong',
    byContext: false,
  },
  { why: 'a caleg full name with its number called', leg: true, items: ['name:strong'], number: true, want: 'strong' },
  {
    why: 'a caleg full name with campaign terms, off the ballot',
    leg: true,
    items: ['name:strong'],
    ctx: ['general', 'leg'],
    offBallot: true,
    want: null,
  },
  {
    why: 'a caleg full name beside another name but no campaign context',
    leg: true,
    items: ['name:strong', 'name:strong'],
    second: [0, 1],
    want: null,
  },
  {
    why: 'a one-word caleg name with general terms only',
    leg: true,
    items: ['name:medium'],
    ctx: ['general'],
    want: null,
  },
  {
    why: 'a one-word caleg name with legislative terms',
    leg: true,
    items: ['name:medium'],
    ctx: ['leg'],
    want: 'medium',
  },
  { why: 'a one-word caleg name with its party', leg: true, items: ['name:medium'], party: true, want: 'medium' },
  { why: 'a one-word caleg name with its number', leg: true, items: ['name:medium'], number: true, want: 'medium' },
  // aliases, hashtags, slogans, handles
  { why: 'a strong hashtag alone', items: ['alias:strong'], want: 'strong', byContext: false },
  { why: 'a strong hashtag in a private post', items: ['alias:strong'], ctx: ['private'], want: 'strong' },
  {
    why: 'a strong hashtag of a caleg off the ballot',
    leg: true,
    offBallot: true,
    items: ['alias:strong'],
    want: 'strong',
  },
  { why: 'a medium alias alone', items: ['alias:medium'], want: null, ok: [false] },
  {
    why: 'a medium alias with any election context',
    items: ['alias:medium'],
    ctx: ['soft'],
    want: 'medium',
    byContext: true,
  },
  { why: 'a medium alias with only a private-life term', items: ['alias:medium'], ctx: ['private'], want: null },
  { why: 'a medium alias with its number', items: ['alias:medium'], number: true, want: 'medium', byContext: false },
  { why: 'a medium alias with its party only', items: ['alias:medium'], party: true, want: null },
  {
    why: 'a medium alias beside another name of the ticket',
    items: ['alias:medium', 'alias:medium'],
    second: [0, 1],
    want: 'medium',
    byContext: false,
  },
  {
    why: 'a medium alias beside another name, in a private post',
    items: ['alias:medium', 'alias:medium'],
    second: [0, 1],
    ctx: ['private'],
    want: null,
  },
  {
    why: 'the same alias twice is not a second name',
    items: ['alias:medium', 'alias:medium'],
    want: null,
  },
  // weak items
  { why: 'a weak alias alone never counts', items: ['alias:weak'], want: null, ok: [false], countWeak: false },
  { why: 'a weak alias with context still alone', items: ['alias:weak'], ctx: ['general', 'paslon'], want: null },
  {
    why: 'a weak alias beside a strong hit counts (shown)',
    items: ['alias:weak', 'alias:strong'],
    want: 'strong',
    ok: [false, true],
    countWeak: true,
  },
  {
    why: 'a weak alias with a number call makes a medium pair',
    items: ['alias:weak'],
    number: true,
    want: 'medium',
    countWeak: true,
  },
  {
    why: 'a weak alias beside a one-word name that does not count',
    items: ['alias:weak', 'name:medium'],
    want: null,
    countWeak: false,
  },
  // number calls
  { why: 'a number call alone is election content (low)', number: true, want: 'low' },
  { why: 'a number called beside the party', number: true, party: true, partyCall: true, want: 'medium' },
  { why: 'a party call alone is medium even without a number in scope', partyCall: true, want: 'medium' },
  { why: 'a party named alone names no ticket', party: true, want: null },
  // order of strengths
  {
    why: 'strong wins over medium',
    items: ['alias:medium', 'name:strong'],
    ctx: ['general'],
    want: 'strong',
    ok: [true, true],
    byContext: true,
  },
];

function context(r: Row): TextContext {
  const c = new Set(r.ctx ?? []);
  return {
    general: c.has('general'),
    paslon: c.has('paslon'),
    legislative: c.has('leg'),
    office: c.has('office'),
    private: c.has('private'),
    // decide.ts: election terms (general, paslon, legislative), soft and office terms, or a number call
    any: c.has('general') || c.has('paslon') || c.has('leg') || c.has('office') || c.has('soft'),
  };
}

function evidence(r: Row): TicketEvidence {
  return {
    legislative: r.leg ?? false,
    onBallot: !r.offBallot,
    account: r.account ?? false,
    numberCalled: r.number ?? false,
    partyNamed: r.party ?? false,
    partyCall: r.partyCall ?? false,
    items: (r.items ?? []).map((s) => {
      const [kind, str] = s.split(':') as ['name' | 'alias', Str];
      return { name: kind === 'name', str: S[str] };
    }),
  };
}

describe('decision policy', () => {
  it('has a row for every rule', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(ROWS.map((r) => r.why)).size).toBe(ROWS.length);
  });

  it.each(ROWS.map((r) => [r.why, r] as const))('%s', (_why, r) => {
    const v = judge(evidence(r), context(r), (i) => (r.second ?? []).includes(i));
    expect(v.strength).toBe(r.want);
    if (r.ok) expect(v.ok).toEqual(r.ok);
    if (r.byContext !== undefined) expect(v.byContext).toBe(r.byContext);
    if (r.countWeak !== undefined) expect(v.countWeak).toBe(r.countWeak);
    expect(v.named).toBe(Boolean(r.account) || v.ok.includes(true));
  });

  it('asks the costly second-name question only when the answer matters', () => {
    const asked: number[] = [];
    const second = (i: number) => {
      asked.push(i);
      return false;
    };
    // strong alias: qualifies on its own; weak: never asked
    judge(
      evidence({ why: '', items: ['alias:strong', 'alias:weak'], want: null }),
      context({ why: '', want: null }),
      second,
    );
    expect(asked).toEqual([]);
    // a medium alias with context: not asked; a name: always asked (its "other name" shapes the evidence)
    judge(
      evidence({ why: '', items: ['alias:medium', 'name:medium'], want: null }),
      context({ why: '', ctx: ['general'], want: null }),
      second,
    );
    expect(asked).toEqual([1]);
  });
});

describe('hit strength', () => {
  const JOINED = 0x10;
  it.each([
    ['a stored strength as it is', S.medium, false, false, S.medium],
    ['a handle mention is strong whatever is stored', S.weak, true, false, S.strong],
    ['joined name words in a tag keep their strength', JOINED | S.strong, false, true, S.strong],
    ['joined name words in running text are at most medium', JOINED | S.strong, false, false, S.medium],
    ['joined weak words in running text stay weak', JOINED | S.weak, false, false, S.weak],
  ] as const)('%s', (_why, stored, mention, inTag, want) => {
    expect(hitStrength(stored, mention, inTag)).toBe(want);
  });
});

describe('number calls', () => {
  it.each([
    [true, false, true],
    [true, true, true],
    [false, true, true],
    [false, false, false],
  ] as const)('certain=%s, election context=%s → counts=%s', (certain, ctx, want) => {
    expect(callCounts(certain, ctx)).toBe(want);
  });
});
