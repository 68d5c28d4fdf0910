/**
 * Default context and ballot-call vocabulary (Indonesian, some regional and English). Lists can
 * extend it through `keywords.context_terms`, `keywords.ballot_call_terms` and per-election
 * `keywords`. Context terms only raise a match a name has already made; call terms turn
 * "coblos nomor 2" into a number call. Neither ever warns on its own.
 */
import { campaignVerbForms } from './affixes';

// How a keyword participates in a decision: its role, R_*. Values are stored in the index.
// Constants, not an enum: the bundler inlines these, and would ship an enum whole (reverse map too).

/** makes a text about an election: qualifies medium aliases and context-dependent number calls */
export const R_CONTEXT_ELECTION = 1;
/** weaker context (campaign verbs in everyday use): qualifies medium aliases only */
export const R_CONTEXT_SOFT = 2;
/** followed by a number it is a ballot call on its own ("coblos 2", "paslon 02", "dukung no 1") */
export const R_CALL_STRONG = 3;
/** "pilih …": a call when the number is written as a ballot number (no/nomor, 02, 2️⃣) or the text has election context */
export const R_CALL_PILIH = 4;
/** "nomor 2", "no. 2": a call only in a text with election context */
export const R_CALL_NOMOR = 5;
/** "Pak 02": a call only with a zero-padded or keycap number */
export const R_CALL_HONORIFIC = 6;
/** election context specific to paslon races (pilkada, paslon, cabup…) */
export const R_CONTEXT_PASLON = 7;
/** election context specific to legislative races (caleg, dapil, DPRD…) */
export const R_CONTEXT_LEGISLATIVE = 8;
/** an executive office (bupati, gubernur, presiden): context for paslon names, not for calls */
export const R_CONTEXT_OFFICE = 9;
/** which legislature a text names ("DPRD Mesuji", "DPR RI"): picks the race of a party's number */
export const R_OFFICE_DPR = 10;
export const R_OFFICE_DPD = 11;
/** DPRD without saying which (provinsi or kabupaten/kota) */
export const R_OFFICE_DPRD = 12;
export const R_OFFICE_DPRD_PROV = 13;
export const R_OFFICE_DPRD_KAB = 14;
/**
 * private life (birthdays, condolences, RT/RW affairs, futsal scores): a name in such a post
 * without any campaign context is a namesake, not a candidate
 */
export const R_CONTEXT_PRIVATE = 15;
/** a role value */
export type Role = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15;

/** Is this role a context or office role (never a number call)? */
export const isContextRole = (r: number): boolean => r === 1 || r === 2 || r >= 7;

/** Campaign context common to every race. */
const ELECTION_TERMS = [
  'pemilu',
  'pemilihan umum',
  'kampanye',
  'berkampanye',
  'timses',
  'tim sukses',
  'tim pemenangan',
  'tim kampanye',
  'tkn',
  'tpn',
  'tps',
  'kpu',
  'kpud',
  'bawaslu',
  'surat suara',
  'kotak suara',
  'nomor urut',
  'no urut',
  'nomer urut',
  'bakal calon',
  'debat kandidat',
  'quick count',
  'hitung cepat',
  'real count',
  'pemungutan suara',
  'hari pencoblosan',
  'pesta demokrasi',
  'golput',
  'visi misi',
  'all in',
  'election',
  'campaign',
];

/** Context of paslon races (Pilpres, Pilkada). */
const PASLON_TERMS = [
  'pilkada',
  'pilpres',
  'pilgub',
  'pilbup',
  'pilwalkot',
  'pilwali',
  'pemilukada',
  'paslon',
  'capres',
  'cawapres',
  'cagub',
  'cawagub',
  'cabup',
  'cawabup',
  'cawalkot',
  'cawawalkot',
  'bacapres',
  'bacawapres',
  'bacagub',
  'bacabup',
  'pasangan calon',
  'calon presiden',
  'calon wakil presiden',
  'calon gubernur',
  'calon wakil gubernur',
  'calon bupati',
  'calon wakil bupati',
  'calon wali kota',
  'calon walikota',
  'calon wakil wali kota',
  'calon wakil walikota',
  'debat capres',
  'debat cagub',
  'debat pilkada',
];

/** Context of legislative races (DPR, DPD, DPRD): who runs and for which seat. */
const LEGISLATIVE_TERMS = [
  'pileg',
  'caleg',
  'bacaleg',
  'calon legislatif',
  'calon anggota',
  'legislatif',
  'dapil',
  'daerah pemilihan',
  'anggota dewan',
  'wakil rakyat',
  'senator',
  'kursi dewan',
];

/** Legislatures named in a text, with the race their numbers belong to. */
const OFFICE_TERMS: [string, Role][] = [
  ['dpr', R_OFFICE_DPR],
  ['dpr ri', R_OFFICE_DPR],
  ['dpd', R_OFFICE_DPD],
  ['dpd ri', R_OFFICE_DPD],
  ['dprd', R_OFFICE_DPRD],
  ['dprd provinsi', R_OFFICE_DPRD_PROV],
  ['dprd prov', R_OFFICE_DPRD_PROV],
  ['dprd propinsi', R_OFFICE_DPRD_PROV],
  ['dprd tingkat i', R_OFFICE_DPRD_PROV],
  ['dprd tk i', R_OFFICE_DPRD_PROV],
  ['dprd kabupaten', R_OFFICE_DPRD_KAB],
  ['dprd kab', R_OFFICE_DPRD_KAB],
  ['dprd kota', R_OFFICE_DPRD_KAB],
  ['dprd tingkat ii', R_OFFICE_DPRD_KAB],
  ['dprd tk ii', R_OFFICE_DPRD_KAB],
  ['dprk', R_OFFICE_DPRD_KAB],
];

/** Executive offices: with a paslon's name they make it about that race; they qualify no number. */
const OFFICE_WORDS = [
  'gubernur',
  'wakil gubernur',
  'presiden',
  'wapres',
  'bupati',
  'wakil bupati',
  'wali kota',
  'walikota',
  'wakil wali kota',
  'governor',
  'president',
  'vice president',
];

/** Private-life words: birthdays, condolences, weddings, neighbourhood affairs, games and scores. */
const PRIVATE_TERMS = [
  'ulang tahun',
  'ultah',
  'milad',
  'hbd',
  'happy birthday',
  'barakallah fii umrik',
  'berduka',
  'duka cita',
  'dukacita',
  'innalillahi',
  'inna lillahi',
  'innalilahi',
  'meninggal',
  'wafat',
  'almarhum',
  'almarhumah',
  'alm',
  'almh',
  'berpulang',
  'takziah',
  'takziyah',
  'jenazah',
  'pemakaman',
  // not a bare `RT` (a retweet on X): the RT/RW of a neighbourhood
  'ketua rt',
  'ketua rw',
  'pak rt',
  'bu rt',
  'rapat rt',
  'warga rt',
  'antar rt',
  'antar rw',
  'tingkat rt',
  'rt rw',
  'kerja bakti',
  'ronda',
  'siskamling',
  'arisan',
  'pengajian',
  'yasinan',
  'tahlilan',
  'pernikahan',
  'menikah',
  'menempuh hidup baru',
  'sakinah',
  'pengantin',
  'resepsi',
  'akad nikah',
  'walimah',
  'walimatul',
  'khitanan',
  'sunatan',
  'aqiqah',
  'akikah',
  'wisuda',
  'skripsi',
  'karang taruna',
  'futsal',
  'turnamen',
  'pertandingan',
  'skor',
  'kejuaraan',
  'sparing',
  'gol',
  'kelahiran',
];

/** Everyday words that campaigns use too: they qualify curated medium aliases only. */
const SOFT_TERMS = [
  'kandidat',
  'calon',
  'pemimpin',
  'periode',
  'debat',
  'relawan',
  'gas pol',
  'menyala',
  'jagoan',
  'jagoanku',
  'candidate',
  'vp',
  'vote',
];

/** Ticket nouns that call a number by themselves ("paslon 2", "kubu 01", "relawan 03"). */
const CALL_NOUNS = [
  'paslon',
  'pasangan calon',
  'pasangan',
  'nomor urut',
  'no urut',
  'nomer urut',
  'capres',
  'cawapres',
  'cagub',
  'cawagub',
  'cabup',
  'cawalkot',
  'kubu',
  'timses',
  'relawan',
  'all in',
  'calon',
  'kandidat',
  'pendukung',
];

const CALL_NOMOR = ['nomor', 'no', 'nomer', 'nmr', 'nomr', 'nmor', 'nomot', 'angka'];
const CALL_HONORIFIC = ['pak', 'bu', 'bapak', 'ibu', 'mas', 'mbak', 'bang', 'kang'];

/** Forms of `pilih` that are calls; other pilih forms (pemilihan, terpilih) are only context. */
const PILIH_CALL_FORMS = /^(?:pilih|milih|memilih|kupilih|dipilih)(?:lah|in|kan|nya)?$|^pilihan(?:ku|mu|nya|lah)?$/;
/** Forms of `menang` that are calls ("menangkan 02"); the nouns (kemenangan, pemenang) are context. */
const MENANG_NOUNS = /^(?:kemenangan|pemenangan|pemenang)/;

export interface DefaultTerm {
  text: string;
  role: Role;
}

/** The built-in vocabulary with roles. A text can have several roles (coblos: context and call). */
export function defaultTerms(): DefaultTerm[] {
  const out: DefaultTerm[] = [];
  for (const t of ELECTION_TERMS) out.push({ text: t, role: R_CONTEXT_ELECTION });
  for (const t of PASLON_TERMS) out.push({ text: t, role: R_CONTEXT_PASLON });
  for (const t of LEGISLATIVE_TERMS) out.push({ text: t, role: R_CONTEXT_LEGISLATIVE });
  for (const [t, role] of OFFICE_TERMS) {
    out.push({ text: t, role: R_CONTEXT_LEGISLATIVE });
    out.push({ text: t, role });
  }
  for (const t of OFFICE_WORDS) {
    out.push({ text: t, role: R_CONTEXT_OFFICE });
  }
  for (const t of SOFT_TERMS) out.push({ text: t, role: R_CONTEXT_SOFT });
  for (const t of PRIVATE_TERMS) out.push({ text: t, role: R_CONTEXT_PRIVATE });
  for (const t of CALL_NOUNS) out.push({ text: t, role: R_CALL_STRONG });
  for (const t of CALL_NOMOR) out.push({ text: t, role: R_CALL_NOMOR });
  for (const t of CALL_HONORIFIC) out.push({ text: t, role: R_CALL_HONORIFIC });
  for (const [form, verb] of campaignVerbForms()) {
    // These regexes run once over the fixed vocabulary at compile time, never over user text.
    switch (verb) {
      case 'coblos':
        out.push({ text: form, role: R_CONTEXT_ELECTION });
        out.push({ text: form, role: R_CALL_STRONG });
        break;
      case 'pilih':
        if (form.startsWith('pemilih')) out.push({ text: form, role: R_CONTEXT_ELECTION });
        else out.push({ text: form, role: R_CONTEXT_SOFT });
        if (PILIH_CALL_FORMS.test(form)) out.push({ text: form, role: R_CALL_PILIH });
        break;
      case 'menang':
        out.push({ text: form, role: R_CONTEXT_SOFT });
        if (!MENANG_NOUNS.test(form)) out.push({ text: form, role: R_CALL_STRONG });
        break;
      default:
        out.push({ text: form, role: R_CONTEXT_SOFT });
        out.push({ text: form, role: R_CALL_STRONG });
    }
  }
  return out;
}

/** Words allowed between a call term and its number: "coblos yang nomor urut 2", "dukung paslon no. 1". */
export const FILLERS = [
  'no',
  'nomor',
  'nomer',
  'nmr',
  'nomr',
  'urut',
  'paslon',
  'pasangan',
  'calon',
  'cagub',
  'capres',
  'cabup',
  'cawalkot',
  'yang',
  'yg',
  'ke',
  'si',
  'sang',
  'angka',
  'pak',
  'bu',
  'aja',
  'saja',
  'ya',
  'kita',
  'kami',
  'untuk',
  'utk',
  'buat',
  'nya',
  'the',
  'number',
  'for',
];

/** Fillers that make a following digit a ballot number even after `pilih`. */
export const NOMOR_FILLERS = ['no', 'nomor', 'nomer', 'nmr', 'nomr', 'urut', 'paslon', 'number'];

/** Number words, Indonesian and regional (Javanese, Sundanese, Balinese, Batak). */
export const NUMBER_WORDS: Record<string, number> = {
  satu: 1,
  siji: 1,
  hiji: 1,
  besik: 1,
  asiki: 1,
  sada: 1,
  wahid: 1,
  kesatu: 1,
  one: 1,
  dua: 2,
  loro: 2,
  kalih: 2,
  kedua: 2,
  two: 2,
  tiga: 3,
  telu: 3,
  tilu: 3,
  tolu: 3,
  ketiga: 3,
  three: 3,
  empat: 4,
  papat: 4,
  opat: 4,
  keempat: 4,
  four: 4,
  lima: 5,
  limo: 5,
  kelima: 5,
  five: 5,
  enam: 6,
  genep: 6,
  onom: 6,
  keenam: 6,
  tujuh: 7,
  pitu: 7,
  ketujuh: 7,
  delapan: 8,
  wolu: 8,
  dalapan: 8,
};

/** A number followed by one of these is a quantity, not a ballot number ("2 periode", "satu putaran"). */
export const QUANTITY_WORDS = [
  'putaran',
  'periode',
  'kali',
  'x',
  'hari',
  'minggu',
  'bulan',
  'tahun',
  'thn',
  'th',
  'jam',
  'menit',
  'detik',
  'orang',
  'org',
  'ribu',
  'rb',
  'juta',
  'jt',
  'miliar',
  'triliun',
  'persen',
  'kg',
  'km',
  'meter',
  'cm',
  'liter',
  'buah',
  'biji',
  'porsi',
  'anak',
  'kursi',
  'lembar',
  'gol',
  'dari',
  'atau',
  'sampai',
  'sd',
  'hingga',
  'kata',
  'kalimat',
  'langkah',
  'cara',
  'tips',
  'hal',
  'poin',
  'soal',
  'pilihan',
  'januari',
  'februari',
  'maret',
  'april',
  'mei',
  'juni',
  'juli',
  'agustus',
  'september',
  'oktober',
  'november',
  'desember',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'agu',
  'agt',
  'agst',
  'sep',
  'sept',
  'okt',
  'nov',
  'des',
  'lagi',
  'lg',
  'jilid',
  'episode',
  'eps',
  'part',
  'season',
  'lantai',
  'kelas',
  'pm',
  'am',
  'wib',
  'wita',
  'wit',
];

/** A bare `02` right after one of these is not a ballot number ("jam 02", "tanggal 02"). */
export const NOT_BEFORE_PADDED = [
  'jam',
  'pukul',
  'tanggal',
  'tgl',
  'kelas',
  'lantai',
  'ruang',
  'rt',
  'rw',
  'blok',
  'kode',
  'pin',
  'menit',
  'detik',
  'episode',
  'eps',
  'part',
  'bab',
  'pasal',
  'ayat',
  'no',
  'nomor',
  'nomer',
  'nmr',
];

/**
 * Words that make the name after them a place named after a person ("Jl. Ahmad Yani", "Masjid
 * Sudirman", "RSUD Abdul Moeloek"): a listed person's name right after one of them is not read.
 */
export const PLACE_WORDS = [
  'jl',
  'jln',
  'jalan',
  'gg',
  'gang',
  'lorong',
  'lr',
  'masjid',
  'mesjid',
  'musala',
  'mushola',
  'musholla',
  'rs',
  'rsu',
  'rsud',
  'stadion',
  'bandara',
  'universitas',
  'univ',
  'sekolah',
  'sdn',
  'smpn',
  'sman',
  'smkn',
  'pondok',
  'ponpes',
  'yayasan',
  'taman',
  'lapangan',
  'gedung',
  'komplek',
  'kompleks',
  'perumahan',
  'perum',
  'pasar',
  'terminal',
  'pelabuhan',
  'bundaran',
  'tugu',
  'monumen',
  'makam',
  'museum',
  'kri',
];

/** Words of election names that do not tell races apart (compile.ts: ElectionInfo.nameWords). */
export const GENERIC_NAME_WORDS = new Set([
  'pemilu',
  'pemilihan',
  'anggota',
  'dewan',
  'perwakilan',
  'rakyat',
  'daerah',
  'dpr',
  'dprd',
  'dpd',
  'ri',
  'provinsi',
  'kabupaten',
  'kota',
  'dapil',
  'dan',
  'tahun',
  'umum',
  'calon',
]);
