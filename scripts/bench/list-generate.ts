/**
 * A deterministic, national-scale synthetic list for the list benchmark: ≈250,000 legislative
 * candidates (DPR 9,917 · DPD 668 · DPRD provinsi ≈32,900 · DPRD kab/kota the rest, as in 2024) and
 * 1,552 Pilkada pairs over 37 provinces and 508 regencies/cities, plus Pilpres. Names, numbers and
 * codes are made up; shapes follow lib/list/types.ts, counts the 2024 elections.
 */
import type { CandidateList, Election, ElectionType, Party, RegionLevel, Ticket } from '../../lib/list/types';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
];
/** Rough population weights: Java large, Papua small (drives regencies, dapil and candidates). */
const WEIGHT: Record<string, number> = {
  '32': 10,
  '35': 9,
  '33': 8,
  '12': 4,
  '36': 3.5,
  '31': 3.5,
  '73': 3,
  '16': 2.5,
  '18': 2.5,
  '13': 2,
  '14': 2,
  '61': 2,
  '52': 1.8,
  '53': 1.8,
  '51': 1.5,
  '34': 1.2,
};
const weightOf = (p: string) => WEIGHT[p] ?? 1;

const GIVEN = [
  'Agus',
  'Budi',
  'Siti',
  'Dewi',
  'Ahmad',
  'Muhammad',
  'Rina',
  'Yusuf',
  'Putri',
  'Hendra',
  'Wahyu',
  'Indah',
  'Fajar',
  'Nur',
  'Rizky',
  'Eko',
  'Sri',
  'Andi',
  'Made',
  'Ketut',
  'Teuku',
  'Maria',
  'Yohanes',
  'Dian',
  'Bayu',
  'Lestari',
  'Joko',
  'Ratna',
  'Hasan',
  'Fitri',
  'Imam',
  'Taufik',
  'Wayan',
  'Nyoman',
  'Rudi',
  'Dedi',
  'Asep',
  'Ujang',
  'Neng',
  'Komang',
];
const FAMILY = [
  'Santoso',
  'Wijaya',
  'Siregar',
  'Nasution',
  'Hidayat',
  'Saputra',
  'Lubis',
  'Pratama',
  'Kurniawan',
  'Setiawan',
  'Hakim',
  'Harahap',
  'Sinaga',
  'Simanjuntak',
  'Gunawan',
  'Rahman',
  'Syahputra',
  'Purnomo',
  'Suryadi',
  'Mulyadi',
  'Wibowo',
  'Hutapea',
  'Tanjung',
  'Pohan',
  'Rangkuti',
  'Firmansyah',
  'Ramadhan',
  'Hasibuan',
  'Manurung',
  'Sembiring',
  'Tarigan',
  'Ginting',
  'Panjaitan',
  'Sitompul',
  'Daulay',
  'Batubara',
  'Matondang',
  'Munthe',
];
const PREFIX = ['H.', 'Hj.', 'Dr.', 'Ir.', 'Drs.', 'dr.'];
const SUFFIX = ['S.H.', 'S.E.', 'M.Si.', 'S.Pd.', 'M.M.', 'S.T.', 'S.Sos.', 'M.H.'];

const PARTIES: Party[] = Array.from({ length: 18 }, (_, i) => ({
  id: `p${i + 1}`,
  number: i < 17 ? i + 1 : 24,
  name: `Partai Contoh ${i + 1}`,
  abbrev: `PC${i + 1}`,
}));

/** Split `total` into parts proportional to `weights` (largest remainder), each at least `min`. */
function apportion(total: number, weights: number[], min = 0): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => Math.max(min, (total * w) / sum));
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]!++;
  return out;
}

export interface Generated {
  list: CandidateList;
  regencies: string[];
  legislative: number;
  pairs: number;
}

export function generateNationalList(seed = 2024): Generated {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  let personSeq = 0;
  const person = (
    role: 'caleg' | 'calon_dpd' | 'cagub' | 'cawagub' | 'cabup' | 'cawabup' | 'cawalkot' | 'cawawalkot',
  ) => {
    const name = `${pick(GIVEN)} ${rnd() < 0.5 ? `${pick(GIVEN)} ` : ''}${pick(FAMILY)}`;
    const p: Ticket['members'][number] = { id: `c${(++personSeq).toString(36)}`, role, name };
    // KPU prints most names with titles; keep a quarter of them to stay realistic and under 32 MiB
    if (rnd() < 0.25)
      p.official_name = `${rnd() < 0.5 ? `${pick(PREFIX)} ` : ''}${name.toUpperCase()}, ${pick(SUFFIX)}`;
    return p;
  };
  const weights = PROVINCES.map(weightOf);
  const elections: Election[] = [];
  const window = { from: '2023-11-28', until: '2024-03-20', determined_at: '2023-11-03' };
  const el = (
    id: string,
    type: ElectionType,
    code: string,
    level: RegionLevel,
    tickets: Ticket[],
    pilkada = false,
  ): Election => ({
    id,
    type,
    name: id,
    region: { code, name: `Wilayah ${code}`, level },
    voting_date: pilkada ? '2024-11-27' : '2024-02-14',
    window: pilkada ? { from: '2024-08-27', until: '2024-12-31', determined_at: '2024-09-22' } : window,
    tickets,
  });
  const calegTickets = (eid: string, n: number, role: 'caleg' | 'calon_dpd'): Ticket[] => {
    const out: Ticket[] = [];
    const numbers = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const party = role === 'caleg' ? PARTIES[i % PARTIES.length]! : undefined;
      const key = party?.id ?? '';
      const num = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, num);
      const t: Ticket = {
        id: party ? `${eid}/${party.id}/${num}` : `${eid}/${num}`,
        number: num,
        members: [person(role)],
      };
      if (party) t.party_ids = [party.id];
      out.push(t);
    }
    return out;
  };
  const pairTickets = (
    eid: string,
    n: number,
    heads: ['cagub', 'cawagub'] | ['cabup', 'cawabup'] | ['cawalkot', 'cawawalkot'],
  ): Ticket[] =>
    Array.from({ length: n }, (_, i) => {
      const a = person(heads[0]);
      const b = person(heads[1]);
      const short = `${a.name.split(' ')[0]}-${b.name.split(' ')[0]}`;
      return {
        id: `${eid}/${i + 1}`,
        number: i + 1,
        label: `0${i + 1}`,
        party_ids: [PARTIES[Math.floor(rnd() * 18)]!.id],
        aliases: [short, { text: short.replace('-', '').slice(0, 6).toUpperCase(), strength: 'weak' as const }],
        hashtags: [`#${short.replace('-', '')}2024`],
        members: [a, b],
      };
    });

  // Pilpres
  elections.push(
    el(
      'pilpres-2024',
      'pilpres',
      '00',
      'nasional',
      pairTickets('pilpres-2024', 3, ['cagub', 'cawagub']).map((t) => ({
        ...t,
        members: t.members.map((m, i) => ({ ...m, role: i ? 'cawapres' : 'capres' })),
      })),
    ),
  );

  // Regencies/cities: 514 (416 kab + 98 kota), codes pp01.. for kab and pp71.. for kota
  const regCounts = apportion(514, weights, 1);
  const regencies: string[] = [];
  PROVINCES.forEach((p, i) => {
    const n = regCounts[i]!;
    const kota = Math.max(1, Math.round(n * 0.19));
    for (let k = 1; k <= n - kota; k++) regencies.push(`${p}${String(k).padStart(2, '0')}`);
    for (let k = 1; k <= kota; k++) regencies.push(`${p}${71 + k - 1}`);
  });

  // DPR: 84 dapil, 9,917 candidates
  const dprDapil = apportion(84, weights, 1);
  const dprCands = apportion(9_917, dprDapil);
  PROVINCES.forEach((p, i) => {
    const d = dprDapil[i]!;
    const per = apportion(dprCands[i]!, Array(d).fill(1));
    for (let k = 0; k < d; k++) {
      const code = `${p}${String(k + 1).padStart(2, '0')}`;
      elections.push(
        el(
          `pileg-dpr-2024-${code}`,
          'pileg_dpr',
          code,
          'dapil',
          calegTickets(`pileg-dpr-2024-${code}`, per[k]!, 'caleg'),
        ),
      );
    }
  });
  // DPD: one per province, 668 candidates
  const dpd = apportion(668, weights, 10);
  PROVINCES.forEach((p, i) => {
    elections.push(
      el(`pileg-dpd-2024-${p}`, 'pileg_dpd', p, 'provinsi', calegTickets(`pileg-dpd-2024-${p}`, dpd[i]!, 'calon_dpd')),
    );
  });
  // DPRD provinsi: ≈32,900 over ≈300 dapil
  const provDapil = apportion(300, weights, 3);
  const provCands = apportion(32_880, provDapil);
  PROVINCES.forEach((p, i) => {
    const d = provDapil[i]!;
    const per = apportion(provCands[i]!, Array(d).fill(1));
    for (let k = 0; k < d; k++) {
      const code = `${p}00${String(k + 1).padStart(2, '0')}`;
      elections.push(
        el(
          `pileg-dprd-prov-2024-${code}`,
          'pileg_dprd_prov',
          code,
          'dapil',
          calegTickets(`pileg-dprd-prov-2024-${code}`, per[k]!, 'caleg'),
        ),
      );
    }
  });
  // DPRD kab/kota: the rest up to 250,000, 4–6 dapil per regency
  const legislativeSoFar = 9_917 + 668 + 32_880;
  const kabkota = 250_000 - legislativeSoFar;
  const regWeights = regencies.map((r) => weightOf(r.slice(0, 2)) / (regCounts[PROVINCES.indexOf(r.slice(0, 2))] ?? 1));
  const regCands = apportion(kabkota, regWeights, 100);
  regencies.forEach((r, i) => {
    const d = 4 + Math.floor(rnd() * 3);
    const per = apportion(regCands[i]!, Array(d).fill(1));
    for (let k = 0; k < d; k++) {
      const code = `${r}${String(k + 1).padStart(2, '0')}`;
      elections.push(
        el(
          `pileg-dprd-kabkota-2024-${code}`,
          'pileg_dprd_kabkota',
          code,
          'dapil',
          calegTickets(`pileg-dprd-kabkota-2024-${code}`, per[k]!, 'caleg'),
        ),
      );
    }
  });

  // Pilkada 2024: 37 governor races (no DIY) and 508 regencies/cities (no DKI kota administrasi), 1,552 pairs
  const govProvinces = PROVINCES.filter((p) => p !== '34');
  const localRegions = regencies.filter((r) => !r.startsWith('31')).slice(0, 508);
  const races = [...govProvinces, ...localRegions];
  const pairCounts = apportion(
    1_552,
    races.map(() => 1),
    1,
  ).map((n, i) => (i % 7 === 0 ? n + 1 : n));
  let over = pairCounts.reduce((a, b) => a + b, 0) - 1_552;
  for (let i = pairCounts.length - 1; over > 0; i--)
    if (pairCounts[i]! > 1) {
      pairCounts[i]!--;
      over--;
    }
  races.forEach((code, i) => {
    const n = pairCounts[i]!;
    if (code.length === 2)
      elections.push(
        el(
          `pilgub-2024-${code}`,
          'pilgub',
          code,
          'provinsi',
          pairTickets(`pilgub-2024-${code}`, n, ['cagub', 'cawagub']),
          true,
        ),
      );
    else if (Number(code.slice(2)) >= 71)
      elections.push(
        el(
          `pilwalkot-2024-${code}`,
          'pilwalkot',
          code,
          'kota',
          pairTickets(`pilwalkot-2024-${code}`, n, ['cawalkot', 'cawawalkot']),
          true,
        ),
      );
    else
      elections.push(
        el(
          `pilbup-2024-${code}`,
          'pilbup',
          code,
          'kabupaten',
          pairTickets(`pilbup-2024-${code}`, n, ['cabup', 'cawabup']),
          true,
        ),
      );
  });

  const list: CandidateList = {
    format: 'jaga-netral/candidate-list',
    format_version: 1,
    list_id: 'bench/pemilu-2024',
    sequence: 1,
    issued_at: '2024-01-01T00:00:00Z',
    expires_at: '2025-01-31T00:00:00Z',
    publisher: { name: 'Benchmark' },
    parties: PARTIES,
    keywords: { context_terms: ['kampanye', 'paslon', 'coblos'], ballot_call_terms: ['coblos', 'nomor'] },
    elections,
  };
  return { list, regencies, legislative: 250_000, pairs: 1_552 + 3 };
}
