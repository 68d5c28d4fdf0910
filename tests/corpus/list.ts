/**
 * Test candidate list for the matcher's corpus and unit tests: Pilpres 2024 and five Pilkada 2024
 * governor races. Facts (numbers, pairs, parties) are from memory of public 2023–2024 reporting and
 * are NOT verified against KPU documents; entries marked "uncertain" are the least sure. Handles
 * illustrate the shape. Do not publish this as a real list.
 */
import type { Alias, CandidateList, Election, Person, Ticket } from '../../lib/list/types';

const weak = (text: string): Alias => ({ text, strength: 'weak' });
const medium = (text: string): Alias => ({ text, strength: 'medium' });

const PILPRES_WINDOW = { from: '2023-10-19', until: '2024-04-22', determined_at: '2023-11-13' };
const PILKADA_WINDOW = { from: '2024-08-27', until: '2025-02-28', determined_at: '2024-09-22' };

const person = (id: string, role: Person['role'], name: string, extra: Partial<Person> = {}): Person => ({
  id,
  role,
  name,
  ...extra,
});

const pilpres: Election = {
  id: 'pilpres-2024',
  type: 'pilpres',
  name: 'Pemilihan Presiden dan Wakil Presiden 2024',
  region: { code: '00', name: 'Indonesia', level: 'nasional' },
  voting_date: '2024-02-14',
  window: PILPRES_WINDOW,
  keywords: ['pilpres 2024', '#Pilpres2024', 'debat capres'],
  tickets: [
    {
      id: 'pilpres-2024/1',
      number: 1,
      label: '01',
      party_ids: ['nasdem', 'pkb', 'pks'],
      aliases: [weak('AMIN'), 'Timnas AMIN', 'Anies-Muhaimin', 'Anies-Cak Imin'],
      hashtags: ['#AMIN2024', '#AniesMuhaimin', '#AminAjaDulu'],
      slogans: [weak('Perubahan'), 'Indonesia Adil Makmur untuk Semua', weak('Wakanda')],
      members: [
        person('anies-baswedan', 'capres', 'Anies Rasyid Baswedan', {
          official_name: 'H. ANIES RASYID BASWEDAN, Ph.D.',
          aliases: ['Anies', 'Anies Baswedan', 'Abah Anies', weak('Abah')],
          accounts: [
            { platform: 'instagram', handle: 'aniesbaswedan' },
            { platform: 'x', handle: 'aniesbaswedan' },
          ],
        }),
        person('muhaimin-iskandar', 'cawapres', 'Abdul Muhaimin Iskandar', {
          official_name: 'Dr. (H.C.) H. A. MUHAIMIN ISKANDAR',
          aliases: ['Cak Imin', 'Gus Imin', medium('Muhaimin'), weak('Imin')],
          accounts: [{ platform: 'instagram', handle: 'cakiminnow' }],
        }),
      ],
    },
    {
      id: 'pilpres-2024/2',
      number: 2,
      label: '02',
      party_ids: ['gerindra', 'golkar', 'pan', 'demokrat', 'psi'],
      aliases: ['Prabowo-Gibran', 'Prabowo Gibran', weak('Gemoy')],
      hashtags: ['#PrabowoGibran2024', '#PrabowoGibran', '#AllIn02', '#PrabowoGibranSatuPutaran'],
      slogans: ['Bersama Indonesia Maju', weak('Indonesia Maju'), weak('Lanjutkan'), medium('Satu Putaran')],
      members: [
        person('prabowo-subianto', 'capres', 'Prabowo Subianto', {
          official_name: 'H. PRABOWO SUBIANTO',
          aliases: ['Prabowo', 'Pak Prabowo', weak('Bowo')],
          accounts: [
            { platform: 'instagram', handle: 'prabowo' },
            { platform: 'x', handle: 'prabowo' },
            { platform: 'youtube', id: 'UCprabowoExampleChannel01' },
          ],
        }),
        person('gibran-rakabuming', 'cawapres', 'Gibran Rakabuming Raka', {
          aliases: [medium('Gibran'), 'Mas Gibran', 'Gibran Rakabuming', weak('Samsul')],
          accounts: [{ platform: 'instagram', handle: 'gibran_rakabuming' }],
        }),
      ],
    },
    {
      id: 'pilpres-2024/3',
      number: 3,
      label: '03',
      party_ids: ['pdip', 'ppp', 'perindo', 'hanura'],
      aliases: ['Ganjar-Mahfud', 'Ganjar Mahfud', 'TPN Ganjar-Mahfud'],
      hashtags: ['#GanjarMahfud2024', '#GanjarMahfud', '#GaMa'],
      slogans: [weak('Sat Set'), weak('Gerak Cepat'), 'Gerak Cepat Menuju Indonesia Unggul'],
      members: [
        person('ganjar-pranowo', 'capres', 'Ganjar Pranowo', {
          official_name: 'H. GANJAR PRANOWO, S.H., M.I.P.',
          aliases: [medium('Ganjar'), 'Pak Ganjar', 'Mas Ganjar'],
          accounts: [
            { platform: 'instagram', handle: 'ganjar_pranowo' },
            { platform: 'x', handle: 'ganjarpranowo' },
          ],
        }),
        person('mahfud-md', 'cawapres', 'Mahfud MD', {
          official_name: 'Prof. Dr. H. M. MAHFUD MD',
          aliases: [medium('Mahfud'), 'Prof Mahfud', 'Pak Mahfud'],
          accounts: [{ platform: 'x', handle: 'mohmahfudmd' }],
        }),
      ],
    },
  ],
};

const pilkada = (code: string, regionName: string, slug: string, keywords: string[], tickets: Ticket[]): Election => ({
  id: `pilgub-2024-${code}`,
  type: 'pilgub',
  name: `Pemilihan Gubernur ${regionName} 2024`,
  region: { code, name: regionName, level: 'provinsi' },
  voting_date: '2024-11-27',
  window: PILKADA_WINDOW,
  keywords: [`pilkada ${slug}`, `pilgub ${slug}`, `#Pilkada${slug[0]?.toUpperCase()}${slug.slice(1)}`, ...keywords],
  tickets,
});

const jakarta = pilkada(
  '31',
  'Daerah Khusus Jakarta',
  'jakarta',
  ['pilgub dki', 'pilkada dki', 'pilkada dkj'],
  [
    {
      id: 'pilgub-2024-31/1',
      number: 1,
      label: '1',
      party_ids: ['gerindra', 'golkar', 'pks', 'pan', 'demokrat', 'nasdem', 'pkb', 'psi'],
      aliases: [weak('RIDO'), 'R1DO', 'RK-Suswono', 'Ridwan Kamil-Suswono'],
      // uncertain: the campaign hashtag wording
      hashtags: ['#R1DOSolusiJakarta', '#JakartaBaruRIDO'],
      slogans: [weak('Jakarta Baru')],
      members: [
        person('ridwan-kamil', 'cagub', 'Ridwan Kamil', {
          official_name: 'H. MOCHAMAD RIDWAN KAMIL, S.T., M.U.D.',
          aliases: [medium('Kang Emil'), weak('RK'), weak('Emil'), 'Kang RK'],
          accounts: [
            { platform: 'instagram', handle: 'ridwankamil' },
            { platform: 'x', handle: 'ridwankamil' },
          ],
        }),
        person('suswono', 'cawagub', 'Suswono', { aliases: ['Pak Suswono'] }),
      ],
    },
    {
      id: 'pilgub-2024-31/2',
      number: 2,
      label: '2',
      // independent ticket: no parties
      aliases: ['Dharma-Kun', 'Dharma Kun', weak('Dharma'), weak('Kun')],
      // uncertain: matching.md says "Jakmania" doubled as their acronym
      slogans: [weak('Jakmania')],
      members: [
        person('dharma-pongrekun', 'cagub', 'Dharma Pongrekun', { aliases: ['Pongrekun'] }),
        person('kun-wardana', 'cawagub', 'Kun Wardana', { aliases: ['Kun Wardhana', 'Kun Wardana Abyoto'] }),
      ],
    },
    {
      id: 'pilgub-2024-31/3',
      number: 3,
      label: '3',
      party_ids: ['pdip', 'hanura'],
      aliases: ['Pramono-Rano', 'Pramono-Doel', 'Mas Pram-Bang Doel'],
      // uncertain: "Jakarta Menyala" as their tagline (also Gen-Z slang) — weak either way
      slogans: [weak('Jakarta Menyala')],
      hashtags: ['#PramonoRano', '#PramDoel'],
      members: [
        person('pramono-anung', 'cagub', 'Pramono Anung', {
          official_name: 'Ir. PRAMONO ANUNG WIBOWO, M.M.',
          aliases: ['Mas Pram', medium('Pramono'), weak('Pram')],
          accounts: [{ platform: 'instagram', handle: 'pramonoanungw' }],
        }),
        person('rano-karno', 'cawagub', 'Rano Karno', {
          aliases: [medium('Si Doel'), medium('Bang Doel'), weak('Doel')],
          accounts: [{ platform: 'instagram', handle: 'si_rano' }],
        }),
      ],
    },
  ],
);

const jateng = pilkada(
  '33',
  'Jawa Tengah',
  'jateng',
  ['pilgub jawa tengah', 'pilkada jawa tengah'],
  [
    {
      id: 'pilgub-2024-33/1',
      number: 1,
      label: '1',
      party_ids: ['pdip'],
      aliases: ['Andika-Hendi', 'Andika Hendi'],
      hashtags: ['#AndikaHendi'],
      members: [
        person('andika-perkasa', 'cagub', 'Andika Perkasa', { aliases: [medium('Andika'), 'Jenderal Andika'] }),
        person('hendrar-prihadi', 'cawagub', 'Hendrar Prihadi', { aliases: [medium('Hendi'), 'Mas Hendi'] }),
      ],
    },
    {
      id: 'pilgub-2024-33/2',
      number: 2,
      label: '2',
      party_ids: ['gerindra', 'golkar', 'pks', 'pan', 'demokrat', 'nasdem', 'pkb', 'psi'],
      aliases: ['Luthfi-Yasin', 'Luthfi-Taj Yasin'],
      hashtags: ['#LuthfiYasin'],
      members: [
        person('ahmad-luthfi', 'cagub', 'Ahmad Luthfi', { aliases: [medium('Luthfi'), medium('Pak Luthfi')] }),
        person('taj-yasin', 'cawagub', 'Taj Yasin Maimoen', {
          aliases: ['Taj Yasin', medium('Gus Yasin'), weak('Yasin')],
        }),
      ],
    },
  ],
);

const jatim = pilkada(
  '35',
  'Jawa Timur',
  'jatim',
  ['pilgub jawa timur', 'pilkada jawa timur'],
  [
    {
      id: 'pilgub-2024-35/1',
      number: 1,
      label: '1',
      party_ids: ['pkb'],
      aliases: ['Luluk-Lukman', 'Luluk-Lukmanul'],
      members: [
        person('luluk-nur-hamidah', 'cagub', 'Luluk Nur Hamidah', { aliases: [medium('Luluk'), 'Mbak Luluk'] }),
        person('lukmanul-khakim', 'cawagub', 'Lukmanul Khakim', { aliases: ['Lukmanul Hakim', medium('Gus Lukman')] }),
      ],
    },
    {
      id: 'pilgub-2024-35/2',
      number: 2,
      label: '2',
      party_ids: ['gerindra', 'golkar', 'demokrat', 'pan', 'nasdem', 'pks', 'psi', 'ppp', 'perindo'],
      aliases: ['Khofifah-Emil', 'Khofifah Emil'],
      hashtags: ['#KhofifahEmil', '#JatimLanjutkan'],
      members: [
        person('khofifah', 'cagub', 'Khofifah Indar Parawansa', {
          official_name: 'Dra. Hj. KHOFIFAH INDAR PARAWANSA, M.Si.',
          aliases: ['Khofifah', 'Bu Khofifah', 'Bunda Khofifah'],
          accounts: [{ platform: 'instagram', handle: 'khofifah.ip' }],
        }),
        person('emil-dardak', 'cawagub', 'Emil Elestianto Dardak', {
          aliases: ['Emil Dardak', 'Emil Elistianto Dardak', medium('Mas Emil'), weak('Emil')],
        }),
      ],
    },
    {
      id: 'pilgub-2024-35/3',
      number: 3,
      label: '3',
      party_ids: ['pdip', 'hanura'],
      aliases: ['Risma-Gus Hans', 'Risma-Hans'],
      hashtags: ['#RismaGusHans'],
      members: [
        person('tri-rismaharini', 'cagub', 'Tri Rismaharini', { aliases: [medium('Risma'), 'Bu Risma'] }),
        person('zahrul-azhar-asumta', 'cawagub', 'Zahrul Azhar Asumta', { aliases: ['Gus Hans'] }),
      ],
    },
  ],
);

const jabar = pilkada(
  '32',
  'Jawa Barat',
  'jabar',
  ['pilgub jawa barat', 'pilkada jawa barat'],
  [
    {
      id: 'pilgub-2024-32/1',
      number: 1,
      label: '1',
      party_ids: ['pkb'],
      aliases: ['Acep-Gita', 'Acep Adang-Gita'],
      members: [
        person('acep-adang-ruhiat', 'cagub', 'Acep Adang Ruhiat', { aliases: ['Acep Adang', medium('Kang Acep')] }),
        // Gitalis Dwi Natarina is the singer "Gita KDI"
        person('gitalis-dwi-natarina', 'cawagub', 'Gitalis Dwi Natarina', { aliases: ['Gita KDI', weak('Gita')] }),
      ],
    },
    {
      id: 'pilgub-2024-32/2',
      number: 2,
      label: '2',
      party_ids: ['pdip'],
      aliases: ['Jeje-Ronal', 'Jeje Ronal'],
      members: [
        person('jeje-wiradinata', 'cagub', 'Jeje Wiradinata', { aliases: [medium('Jeje'), medium('Kang Jeje')] }),
        person('ronal-surapradja', 'cawagub', 'Ronal Surapradja', { aliases: [medium('Ronal'), medium('Kang Ronal')] }),
      ],
    },
    {
      id: 'pilgub-2024-32/3',
      number: 3,
      label: '3',
      party_ids: ['pks', 'nasdem', 'ppp'],
      // ASIH = Ahmad Syaikhu–Ilham Habibie; "asih" also means "love" (Sundanese)
      aliases: [weak('ASIH'), 'Syaikhu-Ilham', 'Syaikhu Ilham'],
      members: [
        person('ahmad-syaikhu', 'cagub', 'Ahmad Syaikhu', { aliases: [medium('Syaikhu'), 'Kang Syaikhu'] }),
        person('ilham-habibie', 'cawagub', 'Ilham Akbar Habibie', { aliases: ['Ilham Habibie', weak('Ilham')] }),
      ],
    },
    {
      id: 'pilgub-2024-32/4',
      number: 4,
      label: '4',
      party_ids: ['gerindra', 'golkar', 'pan', 'demokrat', 'psi'],
      aliases: ['Dedi-Erwan', 'Dedi Mulyadi-Erwan', 'DM-Erwan'],
      // illustrative (as in the spec example); uncertain
      hashtags: ['#JabarIstimewa'],
      members: [
        person('dedi-mulyadi', 'cagub', 'Dedi Mulyadi', {
          official_name: 'H. DEDI MULYADI, S.H., M.M.',
          aliases: [medium('KDM'), medium('Kang Dedi'), 'Kang Dedi Mulyadi'],
          accounts: [
            { platform: 'instagram', handle: 'dedimulyadi71' },
            { platform: 'youtube', handle: 'kangdedimulyadichannel' },
          ],
        }),
        person('erwan-setiawan', 'cawagub', 'Erwan Setiawan', { aliases: [medium('Kang Erwan')] }),
      ],
    },
  ],
);

// uncertain: Bali numbers (Mulia–PAS 1, Koster–Giri 2) and the slogan attribution
const bali = pilkada(
  '51',
  'Bali',
  'bali',
  ['pilgub bali'],
  [
    {
      id: 'pilgub-2024-51/1',
      number: 1,
      label: '1',
      party_ids: ['gerindra', 'golkar', 'demokrat'],
      aliases: ['Mulia-PAS', weak('PAS'), weak('Mulia')],
      members: [
        person('made-muliawan-arya', 'cagub', 'Made Muliawan Arya', { aliases: ['De Gadjah'] }),
        person('putu-agus-suradnyana', 'cawagub', 'Putu Agus Suradnyana', {}),
      ],
    },
    {
      id: 'pilgub-2024-51/2',
      number: 2,
      label: '2',
      party_ids: ['pdip'],
      aliases: ['Koster-Giri', 'Koster Giri'],
      slogans: [weak('Nangun Sat Kerthi Loka Bali')],
      members: [
        person('wayan-koster', 'cagub', 'I Wayan Koster', { aliases: ['Koster', 'Pak Koster'] }),
        person('giri-prasta', 'cawagub', 'I Nyoman Giri Prasta', { aliases: ['Giri Prasta'] }),
      ],
    },
  ],
);

export const TEST_LIST: CandidateList = {
  format: 'jaga-netral/candidate-list',
  format_version: 1,
  list_id: 'test/jaga-netral-corpus',
  sequence: 1,
  issued_at: '2023-10-01T00:00:00Z',
  expires_at: '2025-03-31T00:00:00Z',
  publisher: { name: 'Jaga Netral test fixture' },
  parties: [
    { id: 'pkb', number: 1, name: 'Partai Kebangkitan Bangsa', abbrev: 'PKB' },
    { id: 'gerindra', number: 2, name: 'Partai Gerakan Indonesia Raya', abbrev: 'Gerindra' },
    {
      id: 'pdip',
      number: 3,
      name: 'Partai Demokrasi Indonesia Perjuangan',
      abbrev: 'PDI-P',
      aliases: ['PDIP', weak('Banteng')],
    },
    { id: 'golkar', number: 4, name: 'Partai Golongan Karya', abbrev: 'Golkar', aliases: [weak('Beringin')] },
    { id: 'nasdem', number: 5, name: 'Partai NasDem', abbrev: 'NasDem' },
    { id: 'pks', number: 8, name: 'Partai Keadilan Sejahtera', abbrev: 'PKS' },
    { id: 'hanura', number: 10, name: 'Partai Hati Nurani Rakyat', abbrev: 'Hanura' },
    { id: 'pan', number: 12, name: 'Partai Amanat Nasional', abbrev: 'PAN' },
    { id: 'demokrat', number: 14, name: 'Partai Demokrat', abbrev: 'Demokrat' },
    { id: 'psi', number: 15, name: 'Partai Solidaritas Indonesia', abbrev: 'PSI' },
    { id: 'perindo', number: 16, name: 'Partai Persatuan Indonesia', abbrev: 'Perindo' },
    { id: 'ppp', number: 17, name: 'Partai Persatuan Pembangunan', abbrev: 'PPP' },
  ],
  keywords: { context_terms: ['nyoblos', 'pesta rakyat'], ballot_call_terms: ['contreng'] },
  elections: [pilpres, jakarta, jateng, jatim, jabar, bali],
};

/** Instants inside and outside the windows (all fixed; tests never read the clock). */
export const NOW = {
  /** Pilpres campaign, after KPU determination */
  pilpresCampaign: Date.parse('2024-01-20T10:00:00+07:00'),
  /** Pilpres window, before determination: bakal calon */
  pilpresBakal: Date.parse('2023-11-01T10:00:00+07:00'),
  /** Pilkada campaign */
  pilkadaCampaign: Date.parse('2024-10-15T10:00:00+07:00'),
  /** between the Pilpres and Pilkada windows: nothing is live */
  between: Date.parse('2024-06-15T10:00:00+07:00'),
  /** long after */
  after: Date.parse('2025-06-01T10:00:00+07:00'),
};
