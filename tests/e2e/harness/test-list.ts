/**
 * A list for end-to-end tests: the three Pilpres 2024 tickets with real names and numbers, plus
 * TEST-ONLY accounts on every platform (handles that say so), in a window around `now`. It never
 * ships; the bundled list holds only verified public accounts.
 */
import type { Account, CandidateList, Platform } from '../../../lib/list/types';

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Test accounts of ticket 02 on every platform. */
export const TEST_ACCOUNTS: Record<Platform, Account> = {
  facebook: { platform: 'facebook', handle: 'kandidat.dua.test', id: '100000000000002' },
  instagram: { platform: 'instagram', handle: 'kandidat.dua.test' },
  x: { platform: 'x', handle: 'kandidat_dua_test' },
  tiktok: { platform: 'tiktok', handle: 'kandidat.dua.test' },
  youtube: { platform: 'youtube', handle: 'KandidatDuaTest', id: 'UCkandidatDuaTest000000' },
  threads: { platform: 'threads', handle: 'kandidat.dua.test' },
  whatsapp: {
    platform: 'whatsapp',
    url: 'https://whatsapp.com/channel/0029VaKandidatDuaTest',
    id: '120363000000000002@newsletter',
  },
};

/** Test accounts of ticket 01, for "which ticket" assertions. */
export const TEST_ACCOUNTS_01: Record<Platform, Account> = {
  facebook: { platform: 'facebook', handle: 'kandidat.satu.test', id: '100000000000001' },
  instagram: { platform: 'instagram', handle: 'kandidat.satu.test' },
  x: { platform: 'x', handle: 'kandidat_satu_test' },
  tiktok: { platform: 'tiktok', handle: 'kandidat.satu.test' },
  youtube: { platform: 'youtube', handle: 'KandidatSatuTest', id: 'UCkandidatSatuTest00000' },
  threads: { platform: 'threads', handle: 'kandidat.satu.test' },
  whatsapp: { platform: 'whatsapp', url: 'https://whatsapp.com/channel/0029VaKandidatSatuTest' },
};

export function makeTestList(now = Date.now(), sequence = 1): CandidateList {
  const person = (
    id: string,
    role: 'capres' | 'cawapres',
    name: string,
    aliases: CandidateList['elections'][0]['tickets'][0]['aliases'] = [],
  ) => ({
    id,
    role,
    name,
    aliases,
  });
  return {
    format: 'jaga-netral/candidate-list',
    format_version: 1,
    list_id: 'test/e2e',
    sequence,
    issued_at: new Date(now - DAY).toISOString(),
    expires_at: new Date(now + 30 * DAY).toISOString(),
    publisher: { name: 'Jaga Netral e2e tests' },
    elections: [
      {
        id: 'pilpres-2024',
        type: 'pilpres',
        name: 'Pemilihan Presiden dan Wakil Presiden 2024 (uji)',
        region: { code: '00', name: 'Indonesia', level: 'nasional' },
        voting_date: day(now + 60 * DAY),
        window: { from: day(now - 30 * DAY), until: day(now + 90 * DAY), determined_at: day(now - 10 * DAY) },
        tickets: [
          {
            id: 'pilpres-2024/1',
            number: 1,
            label: '01',
            aliases: [{ text: 'AMIN', strength: 'weak' }],
            hashtags: ['#AniesMuhaimin'],
            accounts: Object.values(TEST_ACCOUNTS_01),
            members: [
              person('anies-baswedan', 'capres', 'Anies Rasyid Baswedan', ['Anies Baswedan']),
              person('muhaimin-iskandar', 'cawapres', 'Abdul Muhaimin Iskandar', ['Cak Imin']),
            ],
          },
          {
            id: 'pilpres-2024/2',
            number: 2,
            label: '02',
            hashtags: ['#PrabowoGibran2024'],
            accounts: Object.values(TEST_ACCOUNTS),
            members: [
              person('prabowo-subianto', 'capres', 'Prabowo Subianto'),
              person('gibran-rakabuming-raka', 'cawapres', 'Gibran Rakabuming Raka'),
            ],
          },
          {
            id: 'pilpres-2024/3',
            number: 3,
            label: '03',
            hashtags: ['#GanjarMahfud2024'],
            members: [
              person('ganjar-pranowo', 'capres', 'Ganjar Pranowo'),
              person('mahfud-md', 'cawapres', 'Mahfud MD'),
            ],
          },
        ],
      },
    ],
  };
}
