/**
 * Everyday Indonesian words that are also people's one-word names (KPU lists candidates called
 * Warga, Kasih, Hari, Juara, Masih, Selamat, Abadi, Lulus…). Written by hand for this project:
 * function words, greetings, and the common nouns, adjectives and verbs that parents give as
 * names. A one-word name (or a name written together) that is one of these is never read alone
 * in running text: the matcher indexes it as weak, so it counts only beside other evidence for
 * the same candidate (their party and ballot number). Lower case, as the tokenizer folds.
 */
const WORDS = `
ada adalah adik agak agama agung air ajar akan akhir aku alam alhamdulillah aman amanah amat amin
anak aneka angin angka anggota antar apa api asal asli atas atau awal ayah ayo
bagi bagus bahagia bahan bahwa baik baja baju baka bakti balai baru barang baris batu bawah bayar
bayi beda belum benar bener berani berat berkah berkat bersama bersih besar besok betul biasa bijak
bintang bisa bukan buku bulan bumi bunga bunda buruh
cahaya cantik cara cepat cerah cerdas cermat cinta cita
dalam damai dan dapat dari datang dekat demi dengan depan desa dewasa dia diri doa dulu dunia
emas empat enak era esok
gagah gembira gemilang gerak gotong guna guru gula
hadir hakim halal hampir handal harapan harga hari harta hasil hati hebat hemat hidup hijau hikmah
hormat hujan hukum hutan
ibu ikhlas ilmu iman indah ini insan intan isi istimewa itu
jadi jaga jalan jam jaman janji jasa jati jauh jaya jernih juang juara juga jujur jumat jurus
kabar kakak kami kamis kami kampung kapan karya kasih kawan kaya kecil kembang kemudian kenangan
kerja kertas kini kita kopi kota kuat kuning kurnia kurniawan
lagi lahir laku lama lancar langit lapang lebih lestari lewat lima lulus luhur lurus luas
maaf mahal maju makan makmur malam mana mandiri manis manusia marah mari masa masih masjid mas mata
mau mawar megah merah merdeka mimpi minggu mohon muda mudah mukti mulia mulya mumpung murah murni
muslim mustika mutiara
nama nanti negara negeri nikmat nilai nyata
obat oleh orang
padi pagi paham pahlawan pak pandai panjang pantas pasti patuh pelangi pena pendidikan penting
perak perdana permata pertama pilihan pintar pokok pos prima pulau puncak punya puji pujian pusaka
putih
rahmat rajin raja rakyat ramah ramai rapi rasa rata rejeki rezeki ria rindu riang rizki ruang rukun
rumah
sabar sabtu saja sakti salam sama sampai sanak sang santai santun satria saudara saya sayang
sederhana segar sehat sejahtera sejati sekali selalu selamat selasa semangat sembilan semua senang
sendiri senin sentosa seni serba setia siaga siang siap sibuk silaturahmi silaturrahmi simpati
singa sinar subur suci sudah sugih sukses sumber sunyi super surya susu syukur
tahun takwa tamu tanah tangguh tani tegar teguh teman tenang tentram tenteram terang terbaik
terima tetap tiga timur tinggi tulus tuhan tujuh tunas
umum untung utama utara
wajar waktu wangi warga warna warta waras wibawa wira
yakin
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
