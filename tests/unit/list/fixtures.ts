/** Small valid documents for the list tests; each test clones and breaks one thing. */
import type { CandidateList } from '../../../lib/list/types';

export function minimalList(over: Partial<CandidateList> = {}): CandidateList {
  return {
    format: 'jaga-netral/candidate-list',
    format_version: 1,
    list_id: 'test/pilkada',
    sequence: 3,
    issued_at: '2024-09-24T00:00:00Z',
    expires_at: '2025-01-31T00:00:00Z',
    publisher: { name: 'Contoh BKPSDM' },
    parties: [
      { id: 'gerindra', number: 2, name: 'Partai Gerakan Indonesia Raya', abbrev: 'Gerindra' },
      { id: 'pdip', number: 3, name: 'Partai Demokrasi Indonesia Perjuangan' },
    ],
    keywords: { context_terms: ['nyoblos'], ballot_call_terms: ['coblos'] },
    elections: [
      {
        id: 'pilgub-2024-32',
        type: 'pilgub',
        name: 'Pemilihan Gubernur Jawa Barat 2024',
        region: { code: '32', name: 'Jawa Barat', level: 'provinsi' },
        voting_date: '2024-11-27',
        window: { from: '2024-08-27', until: '2024-12-31', determined_at: '2024-09-22' },
        keywords: ['pilgub jabar'],
        tickets: [
          {
            id: 'pilgub-2024-32/4',
            number: 4,
            label: '04',
            party_ids: ['gerindra'],
            hashtags: ['#JabarIstimewa'],
            members: [
              {
                id: 'dedi-mulyadi',
                role: 'cagub',
                name: 'Dedi Mulyadi',
                aliases: [{ text: 'KDM', strength: 'medium' }, 'Kang Dedi Mulyadi'],
                accounts: [{ platform: 'instagram', handle: 'dedimulyadi71' }],
              },
              { id: 'erwan-setiawan', role: 'cawagub', name: 'Erwan Setiawan' },
            ],
          },
          {
            id: 'pilgub-2024-32/2',
            number: 2,
            party_ids: ['pdip'],
            members: [
              { id: 'jeje', role: 'cagub', name: 'Jeje Wiradinata' },
              { id: 'ronal', role: 'cawagub', name: 'Ronal Surapradja' },
            ],
          },
        ],
      },
    ],
    ...over,
  };
}

/** A deep copy as plain JSON data (what JSON.parse would give). */
export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A mutable, loosely typed copy for breaking things on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: tests deliberately build wrongly typed documents
export const loose = (v: unknown): any => clone(v);
