/**
 * Indonesian affixes on campaign verbs.
 *
 * Rather than stemming every token of every post (slow, and a stemmer over-reaches: `pilihan` is
 * "choice", `pemilihan` is "election"), the few campaign verbs are expanded once into the closed
 * set of their affixed forms, which then go into the index like any other term. A post token
 * either is one of those forms or it is not: one hash lookup, no string work.
 *
 * Forms cover the formal prefixes (me-N-, di-, ter-, pe-N-…-an, ke-…-an), the colloquial ones
 * (ny-, N- nasal: nyoblos, milih; -in suffix: menangin), pronoun clitics (ku-, kau-) and the
 * particles -lah/-nya/-kah/-ku/-mu.
 */

export type CampaignVerb = 'coblos' | 'pilih' | 'dukung' | 'menang' | 'vote' | 'support';

/** stems with their nasalised forms (me- + N-) and colloquial nasal forms */
const VERBS: Record<CampaignVerb, { base: string[]; nasal: string[]; colloquial: string[]; nouns: string[] }> = {
  coblos: {
    base: ['coblos', 'nyoblos'],
    nasal: ['mencoblos'],
    colloquial: ['nyoblos', 'nyoblosin', 'ngecoblos'],
    nouns: ['coblosan', 'pencoblosan', 'pencoblos'],
  },
  pilih: {
    base: ['pilih'],
    nasal: ['memilih'],
    colloquial: ['milih', 'milihin', 'pilihin'],
    nouns: ['pilihan', 'pemilih', 'pemilihan', 'terpilih'],
  },
  dukung: {
    base: ['dukung'],
    nasal: ['mendukung'],
    colloquial: ['ngedukung', 'dukungin'],
    nouns: ['dukungan', 'pendukung'],
  },
  menang: {
    base: ['menang', 'menangkan', 'menangin'],
    nasal: ['memenangkan', 'memenangi'],
    colloquial: ['menangin', 'menangkeun'],
    nouns: ['kemenangan', 'pemenangan', 'pemenang'],
  },
  vote: { base: ['vote', 'voting', 'votes'], nasal: [], colloquial: [], nouns: [] },
  support: { base: ['support', 'supports', 'supporting'], nasal: [], colloquial: [], nouns: ['supporter'] },
};

const PREFIXES_ON_BASE = ['', 'di', 'ku', 'kau', 'ter'];
const SUFFIXES = [
  '',
  'lah',
  'nya',
  'kah',
  'in',
  'kan',
  'i',
  'an',
  'ku',
  'mu',
  'nyalah',
  'inlah',
  'kanlah',
  'annya',
  'anku',
  'anmu',
];
const NOUN_SUFFIXES = ['', 'nya', 'ku', 'mu', 'lah', 'kah'];

let forms: Map<string, CampaignVerb> | null = null;

/** Every affixed form of every campaign verb, with its base. Built once. */
export function campaignVerbForms(): Map<string, CampaignVerb> {
  if (forms) return forms;
  const m = new Map<string, CampaignVerb>();
  for (const verb of Object.keys(VERBS) as CampaignVerb[]) {
    const v = VERBS[verb];
    const english = verb === 'vote' || verb === 'support';
    for (const stem of v.base) {
      if (english) {
        m.set(stem, verb);
        continue;
      }
      for (const p of PREFIXES_ON_BASE) for (const s of SUFFIXES) m.set(p + stem + s, verb);
    }
    for (const stem of [...v.nasal, ...v.colloquial]) for (const s of SUFFIXES) m.set(stem + s, verb);
    for (const stem of v.nouns) for (const s of NOUN_SUFFIXES) m.set(stem + s, verb);
  }
  forms = m;
  return m;
}

/** The campaign verb a normalised token is a form of (`mencoblos` → `coblos`), if any. */
export function campaignVerbOf(token: string): CampaignVerb | undefined {
  return campaignVerbForms().get(token);
}
