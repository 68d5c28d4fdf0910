/**
 * Which rule text the warning shows: the SKB's prohibition names the people it protects from
 * support, and for legislative races those are *peserta pemilu* (caleg), not a *paslon*. Before
 * KPU determines the candidates they are *bakal calon* (ethics rule), after it *calon*
 * (discipline rule). Pure: the dialog passes the matches it shows.
 */
import type { TicketMatch } from './types';

export type RuleKey = 'ruleCalon' | 'ruleBakalCalon' | 'ruleCaleg' | 'ruleBakalCaleg';

export function ruleKey(matches: readonly Pick<TicketMatch, 'stage' | 'electionType'>[]): RuleKey {
  const calon = matches.some((m) => m.stage === 'calon');
  // the caleg text only when every race shown is legislative; a paslon among them keeps the
  // paslon text, which names calon in general
  const caleg = matches.length > 0 && matches.every((m) => m.electionType?.startsWith('pileg') === true);
  if (caleg) return calon ? 'ruleCaleg' : 'ruleBakalCaleg';
  return calon ? 'ruleCalon' : 'ruleBakalCalon';
}
