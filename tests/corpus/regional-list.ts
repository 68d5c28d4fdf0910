/**
 * Synthetic regional candidate list for the namesake/everyday/local-campaign corpus
 * (tests/corpus/regional-posts.ts): for three regions — Kabupaten Mesuji (Lampung), Kota Bandung
 * (Jawa Barat) and Kabupaten Rejang Lebong (Bengkulu) — a governor race, a regent/mayor race and
 * the four legislative ballots of one electoral district each (DPR, DPD, DPRD provinsi, DPRD
 * kabupaten/kota), as a list built from KPU's exports looks: names printed with titles and
 * degrees, no aliases. Every candidate here is INVENTED (realistic Indonesian names, chosen to
 * contain the hard cases: one-word names, names that are everyday words, titles such as Hi. and
 * Pdt., initials, names people also write together). Region codes, party names and numbers are
 * the public 2024 ones; the Pilpres race is the corpus list's (tests/corpus/list.ts).
 */
import { naturalName } from '../../lib/list/titles';
import type { CandidateList, Election, ElectionType, Person, Ticket } from '../../lib/list/types';
import { TEST_LIST } from './list';

/** The 2024 national parties (ballot numbers as KPU drew them). */
export const PARTIES = [
  { id: 'pkb', number: 1, name: 'Partai Kebangkitan Bangsa', abbrev: 'PKB' },
  { id: 'gerindra', number: 2, name: 'Partai Gerakan Indonesia Raya', abbrev: 'Gerindra' },
  { id: 'pdip', number: 3, name: 'Partai Demokrasi Indonesia Perjuangan', abbrev: 'PDI-P', aliases: ['PDIP'] },
  { id: 'golkar', number: 4, name: 'Partai Golongan Karya', abbrev: 'Golkar' },
  { id: 'nasdem', number: 5, name: 'Partai NasDem', abbrev: 'NasDem' },
  { id: 'pks', number: 8, name: 'Partai Keadilan Sejahtera', abbrev: 'PKS' },
  { id: 'pan', number: 12, name: 'Partai Amanat Nasional', abbrev: 'PAN' },
  { id: 'demokrat', number: 14, name: 'Partai Demokrat', abbrev: 'Demokrat' },
];
const PARTY_IDS = PARTIES.map((p) => p.id);

const PILEG_WINDOW = { from: '2023-11-28', until: '2024-02-10', determined_at: '2023-11-03' };
const PILKADA_WINDOW = { from: '2024-09-25', until: '2024-11-23', determined_at: '2024-09-22' };

const ROLE: Record<string, Person['role']> = {
  pileg_dpr: 'caleg',
  pileg_dprd_prov: 'caleg',
  pileg_dprd_kabkota: 'caleg',
  pileg_dpd: 'calon_dpd',
};

let pid = 0;
const person = (printed: string, role: Person['role']): Person => {
  const name = naturalName(printed);
  const p: Person = { id: `p${++pid}`, role, name };
  if (name !== printed) p.official_name = printed;
  return p;
};

/**
 * A legislative ballot: `names` are dealt to the parties in order, three per party (ballot numbers
 * 1–3 within each party's list), as KPU numbers them per party and dapil.
 */
function pileg(type: ElectionType, code: string, dapil: string, rows: (string | string[])[]): Election {
  const names = rows.flat();
  const tickets: Ticket[] = [];
  if (type === 'pileg_dpd') {
    names.forEach((n, i) => {
      tickets.push({
        id: `${type}-${code}/${i + 1}`,
        number: i + 1,
        kind: 'individual',
        members: [person(n, 'calon_dpd')],
      });
    });
  } else {
    names.forEach((n, i) => {
      const party = PARTY_IDS[Math.floor(i / 3)]!;
      const number = (i % 3) + 1;
      tickets.push({
        id: `${type}-${code}/${party}/${number}`,
        number,
        kind: 'individual',
        party_ids: [party],
        members: [person(n, ROLE[type]!)],
      });
    });
  }
  const office = {
    pileg_dpr: 'DPR RI',
    pileg_dpd: 'DPD RI',
    pileg_dprd_prov: 'DPRD Provinsi',
    pileg_dprd_kabkota: 'DPRD Kabupaten/Kota',
  }[type as 'pileg_dpr'];
  return {
    id: `${type}-2024-${code}`,
    type,
    name: `Pemilu ${office} 2024 – ${dapil}`,
    region: { code, name: dapil, level: type === 'pileg_dpd' ? 'provinsi' : 'dapil' },
    voting_date: '2024-02-14',
    window: PILEG_WINDOW,
    tickets,
  };
}

function pilkada(type: ElectionType, code: string, regionName: string, pairs: [string, string][]): Election {
  const kind = { pilgub: ['cagub', 'cawagub'], pilbup: ['cabup', 'cawabup'], pilwalkot: ['cawalkot', 'cawawalkot'] }[
    type as 'pilgub'
  ] as [Person['role'], Person['role']];
  const title = { pilgub: 'Gubernur', pilbup: 'Bupati', pilwalkot: 'Wali Kota' }[type as 'pilgub'];
  return {
    id: `${type}-2024-${code}`,
    type,
    name: `Pemilihan ${title} ${regionName} 2024`,
    region: {
      code,
      name: regionName,
      level: type === 'pilgub' ? 'provinsi' : type === 'pilbup' ? 'kabupaten' : 'kota',
    },
    voting_date: '2024-11-27',
    window: PILKADA_WINDOW,
    tickets: pairs.map(([a, b], i) => ({
      id: `${type}-2024-${code}/${i + 1}`,
      number: i + 1,
      label: String(i + 1),
      kind: 'pair',
      members: [person(a, kind[0]), person(b, kind[1])],
    })),
  };
}

// ── Lampung / Kabupaten Mesuji ─────────────────────────────────────────────────────────────
const lampung = pilkada('pilgub', '18', 'Lampung', [
  ['Ir. H. HENDRA WIJAYAKUSUMA, M.M.', 'Hj. RATNA SARI DEWI, S.E.'],
  ['Dr. ANDRIANSYAH PUTRA, S.H., M.H.', 'H. SYAHRUL GUNAWAN'],
  ['H. BAMBANG SUTEJO, S.Sos.', 'Dra. LILIS SURYANI'],
]);
const mesuji = pilkada('pilbup', '1811', 'Kabupaten Mesuji', [
  ['H. SUMARNO, S.Sos.', 'A. RIZKY FIRMANSYAH, S.T.'],
  ['Hj. WIWIK ANGGRAENI, S.E.', 'M. YUSUF HABIBI, S.M.'],
  ['H. DARMAWAN EFENDI, S.E.', 'TRI ANDAYANI, S.E.I.'],
]);
const lampungDpr = pileg('pileg_dpr', '1802', 'Dapil Lampung II', [
  ['H. IRWAN SYAHPUTRA, S.Sos.', 'Dra. Hj. ROSMIATI', 'AHMAD YANI'],
  ['Hi. ISMAIL', 'SRI WAHYUNINGSIH, S.Pd.', 'BAYU PRASETYO'],
  ['Ir. BONIFASIUS TARIGAN', 'HARI', 'YULIANA MARPAUNG'],
  ['Hj. NURLELA, S.H.', 'DEDI KURNIAWAN', 'Dr. SYAIFUL ANWAR, M.Si.'],
  ['RUDI HARTONO', 'WARGA', 'Drs. EKO SUPRIYANTO'],
  ['Hi. ABDUL KADIR, S.Ag.', 'SITI AMINAH', 'MUHAMMAD FAUZAN'],
  ['AGUS SALIM', 'KASIH', 'RATNA WULANDARI'],
  ['Ny. SRI WAHYUNI', 'HENDRIK SIREGAR', 'JUARA'],
]);
const lampungDpd = pileg('pileg_dpd', '18', 'Provinsi Lampung', [
  'Dr. H. ABDULLAH FAQIH, M.A.',
  'Hj. DESY KOMALASARI, S.E.',
  'FIRDAUS',
  'Ir. ARIF WIBOWO',
]);
const lampungProv = pileg('pileg_dprd_prov', '180006', 'Dapil Lampung 6', [
  ['SELAMAT', 'NUR HAYATI, S.E.', 'Hi. MANSUR'],
  ['SUPRIYADI', 'LULUS S.', 'WINDA PERMATASARI'],
  ['M. MUSLIM', 'KETUT SUARDANA', 'PONIMAN'],
  ['H. ZAINAL ARIFIN, S.E.', 'SILATUR RAHMI', 'RIKA OKTAVIANI'],
  ['drh. BUDI SANTOSO', 'MASIH', 'AGUSTINA SIMANJUNTAK'],
  ['ERWIN', 'Apt. RINA MARLINA, S.Farm.', 'JOKO WALUYO'],
  ['ANDI MAPPASESSU', 'MARYATI', 'Tgh. MUHAMMAD ZAINI'],
  ['WAYAN SUDARSA', 'NOVITA SARI', 'HERMANSYAH'],
]);
const mesujiKab = pileg('pileg_dprd_kabkota', '181101', 'Dapil Mesuji 1', [
  ['SUKIRNO', 'H. ROHMAT HIDAYAT', 'SURYATI'],
  ['SUGENG RIYADI', 'ABADI', 'LINDA KUSUMA'],
  ['NYOMAN ARSANA', 'TUKIMAN', 'EVI SUSANTI'],
  ['SARDI', 'TRI WAHYUNI', 'HERU PURNOMO'],
  ['H. BASRI, S.Pd.I.', 'SITI ROHMAH', 'IWAN SETIAWAN'],
  ['MUJIONO', 'Hj. ENDANG PURWANTI', 'YUSUF EFENDI'],
  ['KHOLIDIN', 'RAHMAT HIDAYAT', 'PUJI LESTARI'],
  ['Pdt. MARKUS SIHOMBING, S.Th.', 'DARSONO', 'FITRIANI'],
]);

// ── Jawa Barat / Kota Bandung ───────────────────────────────────────────────────────────────
const jabar = pilkada('pilgub', '32', 'Jawa Barat', [
  ['H. DADAN HERMAWAN, S.T.', 'Hj. NENG KURNIASIH'],
  ['Dr. ASEP SAEPUDIN, M.Pd.', 'RIDWAN SOBARI, S.E.'],
]);
const bandung = pilkada('pilwalkot', '3273', 'Kota Bandung', [
  ['H. ARIF RAHMAN HAKIM, S.T., M.T.', 'YUDI PERMANA'],
  ['Dr. dr. FARHAN NUGRAHA, Sp.PD.', 'Hj. EUIS MARLINA'],
  ['IWAN RIDWAN', 'DINDA AYUNINGTYAS, S.Psi.'],
]);
const jabarDpr = pileg('pileg_dpr', '3201', 'Dapil Jawa Barat I', [
  ['H. AGUS GUMELAR, S.E.', 'DEDE KOSWARA', 'NINA HERLINA'],
  ['ACENG ROHMAT', 'SRI MULYATI', 'KUSNADI'],
  ['Dr. HERI SUHERMAN', 'YANTI SUSANTI', 'UJANG SOBANDI'],
  ['TATANG SUPRIATNA', 'AHMAD YANI', 'RINA AGUSTINA'],
  ['ASEP SUNANDAR', 'Hj. ELIS NURHAYATI', 'DENI RAMDANI'],
  ['H. ENDANG KOSASIH', 'SELAMAT', 'WULAN SARI'],
  ['GILANG PERMADI', 'NENENG HASANAH', 'HASAN BASRI'],
  ['DADANG HIDAYAT', 'LILIS KARLINA', 'YAYAT SUPRIATNA'],
]);
const jabarDpd = pileg('pileg_dpd', '32', 'Provinsi Jawa Barat', [
  'Dr. H. AHMAD RIFAI, Lc.',
  'Hj. EUIS KOMARIAH, S.Ag.',
  'CECEP',
  'ARIES SUHENDAR, S.H.',
]);
const jabarProv = pileg('pileg_dprd_prov', '320001', 'Dapil Jawa Barat 1', [
  ['ENCEP SUPRIATNA', 'KASIH', 'DEWI SARTIKA'],
  ['ROSID', 'YANA MULYANA', 'IKA KARTIKA'],
  ['UJANG', 'Hj. TINI RUSTINI', 'AGUS SALIM'],
  ['TEDI SETIADI', 'NUR HAYATI', 'CUCU SUMARNI'],
  ['WAWAN GUNAWAN', 'HARI', 'SUSI SUSANTI'],
  ['DODI ROSADI', 'MAMAN', 'YULIA RAHMAWATI'],
  ['RAHMAT', 'ANI SURYANI', 'BUDI SANTOSO'],
  ['OMAN ROHMAN', 'JUARA', 'ELI SUHAELI'],
]);
const bandungKab = pileg('pileg_dprd_kabkota', '327301', 'Dapil Kota Bandung 1', [
  ['Hj. RENI MARLINA', 'DENI SURYADI', 'WARGA'],
  ['ANDRI GUNAWAN', 'ERWIN', 'SITI NURJANAH'],
  ['TEGUH', 'RIRIN SEPTIANI', 'ASEP HIDAYAT'],
  ['EDI SISWADI', 'HENDRA', 'Pdt. DANIEL SITORUS, M.Th.'],
  ['H. AEP SAEPULLOH', 'MASIH', 'RINI HANDAYANI'],
  ['AGUS', 'ROSITA DEWI', 'YOGA PRATAMA'],
  ['KOMAR', 'NURUL HIDAYAH', 'FERRY IRAWAN'],
  ['drh. INDRA KUSUMA', 'SUMARNI', 'TRI WAHYUNI'],
]);

// ── Bengkulu / Kabupaten Rejang Lebong ──────────────────────────────────────────────────────
const bengkulu = pilkada('pilgub', '17', 'Bengkulu', [
  ['H. ROSIDIN AMRULLAH, S.H.', 'Dr. MERI ANGGRAINI'],
  ['Ir. SAIFUL ROHMAN, M.T.', 'ZULKARNAIN HASAN'],
]);
const rejangLebong = pilkada('pilbup', '1702', 'Kabupaten Rejang Lebong', [
  ['H. SYAMSUL EFFENDI, S.H.', 'Hj. DIAN PUSPITASARI'],
  ['RUSMAN', 'Drs. YUDI ANTONI, M.Si.'],
  ['Ir. HENDRI PRAMONO', 'ASNAWI'],
]);
const bengkuluDpr = pileg('pileg_dpr', '1701', 'Dapil Bengkulu', [
  ['H. ALIMUDIN', 'SRI WAHYUNI', 'DEDY IRAWAN'],
  ['JONI ISKANDAR', 'HARTINI', 'M. ARIFIN'],
  ['YOHANES RANTE', 'SELAMAT', 'WIWIN ANDRIANI'],
  ['H. SUARDI, S.E.', 'NURMALA SARI', 'EDI SUPRAPTO'],
  ['ZULFIKAR', 'ELVI YANTI', 'RUDI HARTONO'],
  ['Hi. HAMZAH', 'LELY MARLINA', 'SUTRISNO'],
  ['RIDWAN', 'KASIH', 'ANDI SAPUTRA'],
  ['BUDIMAN', 'YULIANTI', 'AHMAD YANI'],
]);
const bengkuluDpd = pileg('pileg_dpd', '17', 'Provinsi Bengkulu', [
  'Hj. RIRI DAMAYANTI, S.E.',
  'SULTAN ALAMSYAH',
  'EFRIZAL',
  'Dr. NOVA RIYANTI',
]);
const bengkuluProv = pileg('pileg_dprd_prov', '170003', 'Dapil Bengkulu 3', [
  ['HARYADI', 'JUARA', 'ERNAWATI'],
  ['MUSLIM', 'DESI ARIANTI', 'Hi. YAMIN'],
  ['Pdt. STEVEN MANURUNG', 'MASIH', 'EKA PUTRI'],
  ['SUPARMAN', 'RINA SUSANTI', 'DONI SAPUTRA'],
  ['ANTON WIJAYA', 'WARGA', 'MEGA LESTARI'],
  ['SAMSUDIN', 'Ny. HARTATI', 'NUR HAYATI'],
  ['JUNAIDI', 'SUSILAWATI', 'ROMI ARDIANSYAH'],
  ['EDWAR', 'HARI', 'YUSRI'],
]);
const rejangKab = pileg('pileg_dprd_kabkota', '170201', 'Dapil Rejang Lebong 1', [
  ['SUPRAPTO', 'LENI MARLINA', 'DAVID SIMBOLON'],
  ['HENDRI', 'YANTI', 'ABADI'],
  ['ERWIN', 'SRI MULYANI', 'TAUFIK HIDAYAT'],
  ['M. MUSLIM', 'SILATUR RAHMI', 'WIDIA ASTUTI'],
  ['JAMALUDIN', 'NENGSIH', 'BUDI SANTOSO'],
  ['ISKANDAR', 'HELMI', 'DEWI ANGGRAINI'],
  ['TAMRIN', 'LULUS S.', 'SYAFRIZAL'],
  ['RUSDI', 'AGUS SALIM', 'YULIA'],
]);

const elections: Election[] = [
  TEST_LIST.elections[0]!, // Pilpres 2024 (public national figures)
  lampung,
  mesuji,
  lampungDpr,
  lampungDpd,
  lampungProv,
  mesujiKab,
  jabar,
  bandung,
  jabarDpr,
  jabarDpd,
  jabarProv,
  bandungKab,
  bengkulu,
  rejangLebong,
  bengkuluDpr,
  bengkuluDpd,
  bengkuluProv,
  rejangKab,
];

export const REGIONAL_LIST: CandidateList = {
  format: 'jaga-netral/candidate-list',
  format_version: 1,
  list_id: 'test/jaga-netral-regional',
  sequence: 1,
  issued_at: '2023-10-01T00:00:00Z',
  expires_at: '2025-03-31T00:00:00Z',
  publisher: { name: 'Jaga Netral test fixture (invented candidates)' },
  parties: PARTIES,
  elections,
};

/** Kecamatan of the three persons the corpus is decided for. */
export const PERSON = { mesuji: '181101', bandung: '327319', rejang: '170201' } as const;

/** Instants inside the windows. */
export const AT = {
  pileg: Date.parse('2024-01-20T10:00:00+07:00'),
  pilkada: Date.parse('2024-10-15T10:00:00+07:00'),
};
