/**
 * Labelled corpus of short social posts for the matcher (written for this test; not scraped).
 * Campaign posts name the tickets they campaign for; neutral posts must match nothing — they
 * include the hard negatives of matching.md: prayers with amin/aamiin, yasinan, everyday words
 * that are also aliases, namesakes, numbers that are not ballot calls, and news mentions outside
 * the election windows.
 */
import type { AccountRef } from '../../lib/match/types';

export type When = 'pilpres' | 'pilkada' | 'bakal' | 'between' | 'after';

export interface Post {
  text: string;
  cat: string;
  /** ticket ids that must be matched; [] = neutral */
  expect: string[];
  /** default: from the expected ticket (campaign) or both campaign periods (neutral) */
  when?: When;
  /** user's home region; default 32 (Jawa Barat) */
  region?: string;
  author?: AccountRef;
  alt?: string[];
}

const A = 'pilpres-2024/1';
const PG = 'pilpres-2024/2';
const GM = 'pilpres-2024/3';
const JK1 = 'pilgub-2024-31/1';
const JK2 = 'pilgub-2024-31/2';
const JK3 = 'pilgub-2024-31/3';
const JT1 = 'pilgub-2024-33/1';
const JT2 = 'pilgub-2024-33/2';
const JI1 = 'pilgub-2024-35/1';
const JI2 = 'pilgub-2024-35/2';
const JI3 = 'pilgub-2024-35/3';
const JB1 = 'pilgub-2024-32/1';
const JB2 = 'pilgub-2024-32/2';
const JB3 = 'pilgub-2024-32/3';
const JB4 = 'pilgub-2024-32/4';
const BL1 = 'pilgub-2024-51/1';
const BL2 = 'pilgub-2024-51/2';

const group = (cat: string, expect: string[], texts: string[], extra: Partial<Post> = {}): Post[] =>
  texts.map((text) => ({ text, cat, expect, ...extra }));

export const POSTS: Post[] = [
  // ───────────── campaign: names and aliases ─────────────
  ...group(
    'campaign:name',
    [A],
    [
      'Anies Baswedan orasi di Lapangan Banteng, ribuan warga datang!',
      'Bersama Anies Rasyid Baswedan kita wujudkan keadilan sosial',
      'Cak Imin blusukan ke pesantren di Jombang pagi ini',
      'Gus Imin: kami siap membawa perubahan untuk petani',
      'Timnas AMIN turun ke Surabaya, siap menang satu putaran kedua',
      'Abah Anies datang ke Makassar, luar biasa sambutannya',
      'Anies-Muhaimin untuk Indonesia adil makmur',
      'Desak Anies malam ini di Jogja, jangan sampai ketinggalan',
      'Muhaimin Iskandar hadir di acara relawan, kampanye akbar AMIN',
    ],
  ),
  ...group(
    'campaign:name',
    [PG],
    [
      'Prabowo Subianto disambut meriah di Medan',
      'Pak Prabowo joget gemoy di panggung kampanye 😂',
      'Prabowo-Gibran melanjutkan program Jokowi, lanjutkan!',
      'Mas Gibran debat cawapres malam ini, tonton ya',
      'Gibran Rakabuming Raka sapa milenial di Bandung',
      'Bersama Indonesia Maju, makan siang gratis untuk anak sekolah',
      'Prabowo Gibran satu putaran, insyaallah',
      'Relawan Prabowo bagi-bagi susu di Cirebon',
      'Gemoy! Prabowo sayang rakyat 🫶',
    ],
  ),
  ...group(
    'campaign:name',
    [GM],
    [
      'Ganjar Pranowo nginep di rumah warga Merauke',
      'Pak Ganjar ngobrol sama nelayan, sat set banget',
      'Mahfud MD: hukum harus tegak tanpa pandang bulu',
      'Prof Mahfud jawab pertanyaan mahasiswa di kampus',
      'Ganjar-Mahfud gerak cepat menuju Indonesia unggul',
      'TPN Ganjar-Mahfud gelar konsolidasi di Semarang',
      'Mas Ganjar nonton konser bareng anak muda',
      'Gerak Cepat Menuju Indonesia Unggul bersama 03',
    ],
  ),
  ...group(
    'campaign:name',
    [JK1],
    [
      'Ridwan Kamil blusukan ke Tanah Abang, warga antusias',
      'Kang Emil janji bikin Jakarta makin nyaman, pilkada jakarta makin seru',
      'RK-Suswono siap benahi banjir Jakarta',
      'R1DO untuk Jakarta baru!',
      'Kang RK naik KRL bareng warga Depok ke Jakarta',
      'Pak Suswono kunjungi pasar Kramat Jati',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [JK2],
    [
      'Dharma Pongrekun debat soal kesehatan warga Jakarta',
      'Dharma-Kun jalur independen, bukti suara rakyat',
      'Kun Wardana bicara transportasi publik',
      'Pongrekun dikerubuti emak-emak di Cilincing',
      'Pilkada Jakarta: Dharma Kun optimis',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [JK3],
    [
      'Pramono Anung sarapan bareng ojol di Cikini',
      'Mas Pram janji Jakarta menyala buat anak muda',
      'Rano Karno alias Si Doel kampanye di Condet, pilkada jakarta',
      'Pramono-Rano solusi Jakarta',
      'Bang Doel turun gunung, kampanye pilgub dki makin rame',
      'Mas Pram-Bang Doel menyapa warga Kampung Melayu',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [JT1],
    [
      'Andika Perkasa sowan ke kiai di Kudus',
      'Andika-Hendi untuk Jawa Tengah yang lebih maju',
      'Jenderal Andika dengarkan keluhan petani bawang Brebes',
      'Hendrar Prihadi ngopi bareng UMKM Semarang',
      'Mas Hendi: Jateng harus tetap jadi kandang banteng, pilgub jateng',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [JT2],
    [
      'Ahmad Luthfi janji keamanan desa di Jawa Tengah, kampanye pilkada jateng',
      'Luthfi-Yasin bersama Jateng maju',
      'Taj Yasin Maimoen silaturahmi ke ponpes Rembang',
      'Gus Yasin ajak santri sukseskan pilkada jateng',
      'Pak Luthfi dan Taj Yasin blusukan di Solo',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [JI1],
    [
      'Luluk Nur Hamidah bertemu buruh pabrik di Sidoarjo',
      'Mbak Luluk siap jadi gubernur perempuan yang pro rakyat kecil',
      'Luluk-Lukman, pilihan warga NU',
      'Lukmanul Khakim kampanye di Madura',
      'Gus Lukman dan Luluk hadir di pengajian akbar, pilkada jatim',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [JI2],
    [
      'Khofifah Indar Parawansa kampanye di Malang',
      'Bu Khofifah lanjutkan program Jatim cettar',
      'Khofifah-Emil dua periode, lanjutkan!',
      'Emil Dardak sapa anak muda Surabaya',
      'Bunda Khofifah dielu-elukan emak-emak pengajian',
      'Mas Emil dan Bu Khofifah di Banyuwangi, pilgub jatim',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [JI3],
    [
      'Tri Rismaharini marah-marah lagi soal banjir, kampanye pilgub jatim',
      'Bu Risma blusukan ke pasar Turi',
      'Risma-Gus Hans untuk Jatim',
      'Gus Hans ngaji bareng santri Jombang',
      'Zahrul Azhar Asumta bicara pendidikan pesantren',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [JB1],
    [
      'Acep Adang Ruhiat sowan ke para ajengan Tasikmalaya',
      'Gita KDI nyanyi dangdut di kampanye Acep-Gita',
      'Kang Acep dan Gita siap pimpin Jabar, pilkada jabar',
      'Gitalis Dwi Natarina sapa warga Garut',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [JB2],
    [
      'Jeje Wiradinata bertemu petani Pangandaran',
      'Jeje-Ronal siap bikin Jabar juara',
      'Ronal Surapradja ngelawak di panggung kampanye',
      'Kang Jeje dan Kang Ronal di Sumedang',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [JB3],
    [
      'Ahmad Syaikhu janji lapangan kerja untuk pemuda Bekasi',
      'Ilham Habibie bicara teknologi di ITB',
      'Syaikhu-Ilham, ASIH untuk Jabar',
      'Kang Syaikhu menyapa warga Depok, pilgub jabar',
      'Ilham Akbar Habibie kunjungi pabrik pesawat',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [JB4],
    [
      'Dedi Mulyadi nyeker keliling kampung di Purwakarta',
      'KDM turun ke sawah bantu petani, pilkada jabar makin panas',
      'Kang Dedi Mulyadi lagi viral di YouTube',
      'Dedi-Erwan siap bikin Jabar istimewa',
      'Erwan Setiawan kunjungi pesantren di Garut',
      'Kang Dedi calon gubernur pilihan rakyat kecil',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [BL1],
    [
      'Made Muliawan Arya alias De Gadjah kampanye di Denpasar',
      'Mulia-PAS untuk Bali',
      'Putu Agus Suradnyana sapa petani Buleleng',
    ],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:name',
    [BL2],
    [
      'I Wayan Koster kembali maju, Koster-Giri',
      'Pak Koster resmikan posko pemenangan',
      'Giri Prasta kampanye di Badung',
      'Wayan Koster dan Nyoman Giri Prasta siap lanjutkan',
    ],
    { when: 'pilkada' },
  ),

  // ───────────── campaign: hashtags, leet, obfuscation ─────────────
  ...group(
    'campaign:hashtag-obfuscated',
    [A],
    [
      '#AMIN2024 #AniesMuhaimin',
      '#aminajadulu guys!',
      '𝐀𝐧𝐢𝐞𝐬 𝐁𝐚𝐬𝐰𝐞𝐝𝐚𝐧 untuk Indonesia',
      'A n i e s? bukan, ini Anies\u200bBaswedan',
      '#DukungAniesBaswedan',
    ],
  ),
  ...group(
    'campaign:hashtag-obfuscated',
    [PG],
    [
      '#PrabowoGibran2024',
      '#prabowogibran2024 gasss',
      '𝓟𝓻𝓪𝓫𝓸𝔀𝓸 𝓖𝓲𝓫𝓻𝓪𝓷 💙',
      'Рrabowo (pake huruf Rusia biar ga ke-detect) menang!',
      '#AllIn02',
      'PRABOWOOOO GIBRAAAN!!!',
      'ᴘʀᴀʙᴏᴡᴏ sᴜʙɪᴀɴᴛᴏ',
    ],
  ),
  ...group(
    'campaign:hashtag-obfuscated',
    [GM],
    [
      '#GanjarMahfud2024',
      '#ganjarmahfud',
      'Ｇａｎｊａｒ Ｐｒａｎｏｗｏ',
      'Ganjar–Mahfud gerak cepat 🔥',
      'Mahfud M.D. tegas!',
    ],
  ),
  ...group(
    'campaign:hashtag-obfuscated',
    [JK1],
    ['#R1DOSolusiJakarta', '#r1dosolusijakarta', 'R1D0? bukan, R1DO!', 'Ridwan\u00a0Kamil'],
    { when: 'pilkada' },
  ),
  ...group(
    'campaign:hashtag-obfuscated',
    [JI2],
    ['#KhofifahEmil', '#khofifahemil lanjut', 'Khofifaaaah!!!', '#JatimLanjutkan'],
    { when: 'pilkada' },
  ),
  ...group('campaign:hashtag-obfuscated', [JK3], ['#PramonoRano', '#pramdoel menyala'], { when: 'pilkada' }),
  ...group('campaign:hashtag-obfuscated', [JT2], ['#LuthfiYasin', '#luthfiyasinjateng'], { when: 'pilkada' }),
  ...group('campaign:hashtag-obfuscated', [JT1], ['#AndikaHendi', '#andikahendiuntukjateng'], { when: 'pilkada' }),
  ...group(
    'campaign:hashtag-obfuscated',
    [JB4],
    ['#JabarIstimewa bareng KDM', '#DediMulyadi4Jabar', 'D3di Mulyadi? Dedi Mulyadi!'],
    { when: 'pilkada' },
  ),
  ...group('campaign:hashtag-obfuscated', [JI3], ['#RismaGusHans', '#dukungrismagushans'], { when: 'pilkada' }),

  // ───────────── campaign: medium aliases with context ─────────────
  ...group(
    'campaign:medium-context',
    [PG],
    ['Gibran debat cawapres tadi malam keren', 'Gibran calon wakil presiden termuda'],
  ),
  ...group(
    'campaign:medium-context',
    [GM],
    ['Ganjar kampanye di Papua', 'Mahfud debat cawapres soal hukum', 'Ganjar dan Mahfud kompak'],
  ),
  ...group('campaign:medium-context', [A], ['Muhaimin kampanye di Jawa Timur']),
  ...group(
    'campaign:medium-context',
    [JK3],
    ['Pramono kampanye di Jakarta Utara', 'Si Doel jadi calon wakil gubernur'],
    { when: 'pilkada' },
  ),
  ...group('campaign:medium-context', [JT1], ['Andika dan Hendi kompak di Solo', 'Andika kampanye di Tegal'], {
    when: 'pilkada',
  }),
  ...group('campaign:medium-context', [JT2], ['Luthfi debat cagub jateng', 'Gus Yasin kampanye di Pati'], {
    when: 'pilkada',
  }),
  ...group('campaign:medium-context', [JI1], ['Luluk debat pilgub jatim'], { when: 'pilkada' }),
  ...group('campaign:medium-context', [JI3], ['Risma kampanye di Kediri'], { when: 'pilkada' }),
  ...group('campaign:medium-context', [JB4], ['KDM calon gubernur jabar', 'Kang Dedi kampanye di Subang'], {
    when: 'pilkada',
  }),
  ...group('campaign:medium-context', [JB2], ['Jeje dan Ronal di Ciamis', 'Ronal debat cagub'], { when: 'pilkada' }),
  ...group('campaign:medium-context', [JB3], ['Syaikhu kampanye di Bogor'], { when: 'pilkada' }),
  ...group('campaign:medium-context', [JK1], ['Kang Emil kampanye di Jakarta Timur', 'Suswono debat cawagub dki'], {
    when: 'pilkada',
  }),

  // ───────────── campaign: ballot-number calls (in the user's region) ─────────────
  ...group(
    'campaign:number',
    [PG],
    [
      'Jangan lupa coblos no 2 ya!',
      'Paslon 02 pasti menang',
      'All in 02 💪',
      'Coblos nomor urut dua tanggal 14',
      'pilih nomor 2 di TPS ya bestie',
      'nyoblos 2️⃣ aja',
      '#coblos02',
      'Kubu 02 solid',
    ],
  ),
  ...group(
    'campaign:number',
    [A],
    ['Paslon 01 untuk perubahan', 'Coblos nomer satu!', 'Coblos 1️⃣ tanggal 14 Februari', 'Relawan 01 siap kawal suara'],
  ),
  ...group(
    'campaign:number',
    [GM],
    [
      'Coblos 03, gerak cepat',
      'Ayo pilih nomor tiga tanggal 14 Februari, jangan golput',
      'Paslon nomor urut 3 paling siap',
      'Pak 03 mantap',
    ],
  ),
  ...group('campaign:number', [JB4], ['Coblos nomor 4 ya warga Jabar', 'Paslon 04 juara', 'Coblos opat!'], {
    when: 'pilkada',
    region: '3273',
  }),
  ...group('campaign:number', [JB2], ['Coblos nomor dua, Jabar juara', 'Paslon 02 Jabar'], {
    when: 'pilkada',
    region: '32',
  }),
  ...group('campaign:number', [JK3], ['Coblos nomor 3 tanggal 27 November', 'Paslon 03 untuk Jakarta'], {
    when: 'pilkada',
    region: '31',
  }),
  ...group('campaign:number', [JK1], ['Coblos nomor 1 di TPS ya, pilkada jakarta'], {
    when: 'pilkada',
    region: '3171',
  }),
  ...group('campaign:number', [JT2], ['Coblos nomor loro!', 'Paslon nomor urut 2 untuk Jateng'], {
    when: 'pilkada',
    region: '33',
  }),
  ...group('campaign:number', [JI1], ['AMIN? bukan, Luluk nomor 1 tetap pilihanku', 'Coblos siji, Jatim makmur'], {
    when: 'pilkada',
    region: '35',
  }),
  ...group('campaign:number', [BL2], ['Coblos nomor 2 ya semeton Bali'], { when: 'pilkada', region: '51' }),

  // ───────────── campaign: English / code-mixed ─────────────
  ...group(
    'campaign:english',
    [PG],
    [
      'Vote 02 for a better Indonesia!',
      'Prabowo is the best choice for president',
      'So proud of Gibran, youngest VP candidate ever',
      'support paslon 2, no debate',
    ],
  ),
  ...group('campaign:english', [A], ['Anies for president! #AMIN2024', 'My capres is Anies, change is coming']),
  ...group(
    'campaign:english',
    [GM],
    ['Ganjar Pranowo is so humble, vote 03', 'Mahfud MD for law enforcement, literally the GOAT'],
  ),
  ...group('campaign:english', [JK1], ["Ridwan Kamil for Jakarta governor, let's go"]),
  ...group('campaign:english', [JB4], ['Dedi Mulyadi is the real deal, vote him for governor'], { when: 'pilkada' }),
  ...group('campaign:english', [JI2], ['Khofifah all the way, support her guys'], { when: 'pilkada' }),

  // ───────────── campaign: accounts, alt text, link titles ─────────────
  ...group('campaign:account', [PG], ['Terima kasih warga Banten!'], {
    author: { platform: 'instagram', handle: 'prabowo' },
  }),
  ...group('campaign:account', [JB4], ['Hatur nuhun wargi Purwakarta'], {
    when: 'pilkada',
    author: { platform: 'instagram', handle: 'dedimulyadi71' },
  }),
  ...group('campaign:account', [A], ['Salam perubahan!'], { author: { platform: 'x', handle: 'aniesbaswedan' } }),
  ...group('campaign:account', [JK1], ['Mari bersama bangun Jakarta'], {
    when: 'pilkada',
    author: { platform: 'instagram', url: 'https://instagram.com/ridwankamil' },
  }),
  ...group('campaign:account', [GM], ['Foto hari ini'], { alt: ['Ganjar Pranowo menyapa warga di Semarang'] }),
  ...group('campaign:account', [JI2], ['Lihat fotonya'], { when: 'pilkada', alt: ['Poster Khofifah-Emil nomor 2'] }),
  ...group('campaign:account', [PG], ['cek IG @prabowo ya guys']),

  // ───────────── neutral: prayers and religious words ─────────────
  ...group(
    'neutral:prayer',
    [],
    [
      'Aamiin ya Rabbal alamin 🤲',
      'Amin, semoga cepat sembuh ya bu',
      'Semoga lancar ujiannya nak, aamiin',
      'AMIN AMIN AMIN 🙏🙏🙏',
      'Aminnn semoga rezekinya lancar',
      'Doakan ayah saya sembuh ya teman-teman. Aamiin allahumma aamiin',
      'amiin, barakallah untuk pernikahannya',
      'Semoga Allah ridho dengan semua amal kita, amin',
      'Mohon doanya, semoga jadi nomor 1 di hati Allah, aamiin',
      'Semoga menang lomba MTQ ya nak, aamiin',
      'Doa terbaik untuk kakak, semoga dipilih jadi juara, amin',
      'Aamiin paling serius 🤍',
      'Ya Allah lindungi keluarga kami, amin ya rabb',
      'Rido Allah ada pada rido orang tua',
      'Ridho orang tua itu kunci sukses, amin',
      'Alhamdulillah, aamiin, semoga berkah',
    ],
  ),
  ...group(
    'neutral:religious',
    [],
    [
      'Yasinan malam Jumat di rumah Pak RT, jangan lupa bawa Al-Quran',
      'Baca surat Yasin untuk almarhum kakek, semoga husnul khotimah',
      'Tahlilan dan yasinan 7 hari almarhumah nenek',
      'Ilham itu datang di sepertiga malam',
      'Kun fayakun, jika Allah berkehendak semua terjadi',
      'Dharma adalah ajaran kebaikan dalam agama Buddha',
      'Pengajian rutin ibu-ibu, materi surat Yasin ayat 1-12',
      'Yasin dan tahlil bersama warga RW 05',
      'Gus Baha ngaji tafsir, adem banget dengarnya',
      'Habib dan para kiai hadir di haul akbar',
    ],
  ),

  // ───────────── neutral: everyday words that are aliases ─────────────
  ...group(
    'neutral:everyday-alias',
    [],
    [
      'Pagi yang cerah, ngopi dulu',
      'Sepatu ini pas banget di kaki',
      'Kasih dan asih untuk keluarga tercinta',
      'Gemoy banget kucing tetangga 😍',
      'Perubahan iklim makin terasa, panas banget',
      'Lanjutkan kerja bagus kalian tim!',
      'Anak muda sekarang serba sat set',
      'Menyala abangku 🔥🔥',
      'Jakarta menyala malam tahun baru',
      'Indonesia maju kalau pendidikannya merata',
      'Banteng ngamuk di festival Spanyol',
      'Pohon beringin di alun-alun sudah ratusan tahun',
      'Garuda di dadaku, timnas menang!',
      'PBB bahas perang di Gaza',
      'Bayar PBB sebelum jatuh tempo ya',
      'Jakmania siap dukung Persija di GBK',
      'Persija menang 2-1, Jakmania bersorak',
      'Si Doel Anak Sekolahan tayang ulang lagi, nostalgia banget',
      'Nonton Si Doel the movie bareng keluarga',
      'Emil, temanku dari SMP, baru nikah',
      'Kang Emil? Bukan, ini Kang Emil tukang bakso langganan',
      'RK itu singkatan rumah kaca di sekolah kami',
      'Ilham dapat juara kelas lagi',
      'Gita pinter banget nyanyi',
      'Luluk, tetangga sebelah, jualan kue',
      'Pram, teman kuliahku, sekarang di Jepang',
      'Wayan dan Made berangkat ke sawah pagi-pagi',
      'Putu ayu enak buat sarapan',
      'Mulia itu bukan karena harta',
      'Surya tenggelam di Pantai Kuta',
      'Perubahan jadwal kereta mulai bulan depan',
      'Bowo, keponakanku, baru masuk SD',
      'Deru mesin motor bikin bising',
      'Andalan keluarga ya nasi goreng',
      'Era digital bikin semua serba cepat',
      'Samsul tukang parkir baik banget',
      'Abah saya ulang tahun ke-70 hari ini',
      'Wakanda forever, film favorit anakku',
      'Gas pol rem blong, hati-hati di jalan',
    ],
  ),

  // ───────────── neutral: namesakes ─────────────
  ...group(
    'neutral:namesake',
    [],
    [
      'Andika Kangen Band manggung di Cirebon',
      'Kahlil Gibran menulis puisi tentang cinta',
      'Pak Luthfi guru matematika kami pensiun',
      'Risma, teman sebangku, ulang tahun hari ini',
      'Hendi, sepupuku, buka bengkel',
      'Jeje sama Ronal main futsal sore ini',
      'Mahfud, penjual bakso depan kantor, ramah banget',
      'Syaikhu, adik kelas, juara olimpiade',
      'Kang Dedi tetangga baru di komplek',
      'Pramono tukang servis AC datang jam 10',
      'Suswono, teman ayah, mampir ke rumah',
      'Gus Yasin dari pondok sebelah ngisi pengajian',
      'Bang Doel jual soto Betawi enak',
      'Mas Emil tukang foto nikahan, hasilnya bagus',
      'Ganjaran bagi yang sabar adalah surga',
      'Diganjar penghargaan karyawan terbaik',
      'Andika, Dimas, dan Fajar berangkat touring',
      'Kang Acep dari Garut kirim dodol',
    ],
  ),

  // ───────────── neutral: numbers that are not ballot calls ─────────────
  ...group(
    'neutral:numbers',
    [],
    [
      'Pilih nomor 2 jawabannya, soal paling gampang',
      'Nomor 1 di hatiku cuma kamu',
      'No 2 ya kak, ukuran M',
      'Tips hemat: 1️⃣ masak sendiri 2️⃣ bawa bekal 3️⃣ kurangi jajan',
      'Rapat tanggal 02 Desember jam 09.00',
      'Skor akhir 2-1 untuk Persib',
      'Pilih 1 atau 2? Aku pilih dua-duanya',
      'Lantai 3 ruang 02 ya',
      'Antrian nomor 4, sabar ya',
      'Dukung 2 anak cukup, program KB',
      'Bus jurusan 02 lewat jam 7',
      'Menang 3 kali berturut-turut, juara!',
      'Pesan paket nomor 3 ya mas, ayam geprek',
      'Kamar nomor 01 sudah dibersihkan',
      'Episode 02 drakor ini bikin nangis',
      '02:30 masih belum tidur 😭',
      'Coba tebak, pilih pintu nomor 1, 2, atau 3?',
      'Kelas 3 SD sekarang belajarnya susah',
      'Juara 1 lomba 17an: tarik tambang',
      'Ranking 1 lagi, bangga sama kamu nak',
    ],
  ),

  // ───────────── neutral: general and English ─────────────
  ...group(
    'neutral:general',
    [],
    [
      'Hujan deras dari pagi, Jakarta banjir lagi',
      'Harga cabai naik terus, emak-emak pusing',
      'Akhirnya gajian juga wkwk',
      'Macet parah di tol Cikampek',
      'Nasi uduk Bu Siti paling enak se-Bekasi',
      'Kucingku hilang, yang lihat tolong kabari ya',
      'Besok upacara, jangan telat ya',
      'Info loker: dibutuhkan admin gudang',
      'Jadwal imunisasi posyandu hari Sabtu',
      'Selamat ulang tahun Ibu, semoga panjang umur',
      'Lagi diet tapi godaan martabak terlalu kuat',
      'Kerja bakti minggu pagi di RT 03',
      'Sinyal hilang pas lagi meeting 🙃',
      'Ada yang tahu servis HP murah di Depok?',
      'Mudik lebaran tahun ini naik kereta',
      'Timnas U-23 lolos ke semifinal!',
      'Resep rendang padang asli, wajib coba',
      'Pelatihan ASN tentang pelayanan publik hari ini',
      'Apel pagi di kantor bupati',
      'Laporan kinerja triwulan harus masuk Jumat',
      'Sosialisasi netralitas ASN oleh BKPSDM',
      'Webinar literasi digital untuk guru',
    ],
  ),
  ...group(
    'neutral:english',
    [],
    [
      'Good morning everyone, have a nice day',
      'Just finished my run, 5 km in 30 minutes',
      'Amen to that!',
      'This is the number one spot for coffee in Bandung',
      'Vote for your favourite photo in the comments',
      'Support local businesses this weekend',
      'Change is the only constant',
      "Can't wait for the weekend 🎉",
      'Who else is watching the match tonight?',
      'The sun is shining, perfect beach day',
    ],
  ),

  // ───────────── neutral: news-like mentions outside the windows ─────────────
  ...group(
    'neutral:outside-window',
    [],
    [
      'Prabowo Subianto dilantik sebagai presiden, ucapan selamat mengalir',
      'Gubernur Dedi Mulyadi resmikan jembatan baru di Karawang',
      'Presiden Prabowo kunjungi Tiongkok',
      'Anies Baswedan jadi dosen tamu di kampus',
      'Ganjar Pranowo hadiri pernikahan kerabat',
      'Khofifah Indar Parawansa buka festival budaya di Surabaya',
      'Pramono Anung tinjau banjir di Jakarta Utara',
      'Ridwan Kamil bagikan foto liburan keluarga',
    ],
    { when: 'after' },
  ),
  ...group(
    'neutral:outside-window',
    [],
    [
      'Ridwan Kamil resmikan masjid di Bandung',
      'Dedi Mulyadi bantu warga yang rumahnya roboh',
      'Khofifah Indar Parawansa kunjungi korban banjir',
      'Coblos nomor 2 ya di pemilihan ketua OSIS',
    ],
    { when: 'between' },
  ),
];
