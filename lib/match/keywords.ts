/**
 * Default context and ballot-call vocabulary (Indonesian, some regional and English). Lists can
 * extend it through `keywords.context_terms`, `keywords.ballot_call_terms` and per-election
 * `keywords`. Context terms only raise a match a name has already made; call terms turn
 * "coblos nomor 2" into a number call. Neither ever warns on its own.
 */
import { campaignVerbForms } from './affixes';

/** How a keyword participates in a decision. Values are stored in the index. */
export enum Role {
  /** makes a text about an election: qualifies medium aliases and context-dependent number calls */
  ContextElection = 1,
  /** weaker context (campaign verbs in everyday use): qualifies medium aliases only */
  ContextSoft = 2,
  /** followed by a number it is a ballot call on its own ("coblos 2", "paslon 02", "dukung no 1") */
  CallStrong = 3,
  /** "pilih …": a call when the number is written as a ballot number (no/nomor, 02, 2️⃣) or the text has election context */
  CallPilih = 4,
  /** "nomor 2", "no. 2": a call only in a text with election context */
  CallNomor = 5,
  /** "Pak 02": a call only with a zero-padded or keycap number */
  CallHonorific = 6,
}

const ELECTION_TERMS = [
  'pilkada',
  'pilpres',
  'pemilu',
  'pileg',
  'pilgub',
  'pilbup',
  'pilwalkot',
  'pilwali',
  'pemilukada',
  'kampanye',
  'berkampanye',
  'paslon',
  'capres',
  'cawapres',
  'cagub',
  'cawagub',
  'cabup',
  'cawabup',
  'cawalkot',
  'cawawalkot',
  'caleg',
  'bacapres',
  'bacawapres',
  'bacagub',
  'bakal calon',
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
  'debat kandidat',
  'debat pilkada',
  'quick count',
  'hitung cepat',
  'real count',
  'pemungutan suara',
  'hari pencoblosan',
  'pesta demokrasi',
  'golput',
  'dapil',
  'visi misi',
  'all in',
  'election',
  'campaign',
];

const SOFT_TERMS = [
  'kandidat',
  'calon',
  'gubernur',
  'wakil gubernur',
  'presiden',
  'wapres',
  'bupati',
  'wali kota',
  'walikota',
  'pemimpin',
  'periode',
  'debat',
  'relawan',
  'gas pol',
  'menyala',
  'jagoan',
  'jagoanku',
  'candidate',
  'president',
  'vice president',
  'vp',
  'governor',
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
  for (const t of ELECTION_TERMS) out.push({ text: t, role: Role.ContextElection });
  for (const t of SOFT_TERMS) out.push({ text: t, role: Role.ContextSoft });
  for (const t of CALL_NOUNS) out.push({ text: t, role: Role.CallStrong });
  for (const t of CALL_NOMOR) out.push({ text: t, role: Role.CallNomor });
  for (const t of CALL_HONORIFIC) out.push({ text: t, role: Role.CallHonorific });
  for (const [form, verb] of campaignVerbForms()) {
    // These regexes run once over the fixed vocabulary at compile time, never over user text.
    switch (verb) {
      case 'coblos':
        out.push({ text: form, role: Role.ContextElection });
        out.push({ text: form, role: Role.CallStrong });
        break;
      case 'pilih':
        if (form.startsWith('pemilih')) out.push({ text: form, role: Role.ContextElection });
        else out.push({ text: form, role: Role.ContextSoft });
        if (PILIH_CALL_FORMS.test(form)) out.push({ text: form, role: Role.CallPilih });
        break;
      case 'menang':
        out.push({ text: form, role: Role.ContextSoft });
        if (!MENANG_NOUNS.test(form)) out.push({ text: form, role: Role.CallStrong });
        break;
      default:
        out.push({ text: form, role: Role.ContextSoft });
        out.push({ text: form, role: Role.CallStrong });
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
