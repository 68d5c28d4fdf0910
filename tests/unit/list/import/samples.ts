/**
 * Small hand-written samples shaped like KPU's and Kemendagri's exports (same columns, same quirks:
 * titles and degrees, nicknames in parentheses, kolom kosong, split dapil areas). The people are
 * invented; the region codes are real Kemendagri codes so that the region rules are exercised.
 */

export const WILAYAH_CSV = `kode,kode_tanpa_titik,level,nama,kode_induk
18,18,provinsi,Lampung,
18.11,1811,kabupaten/kota,Kabupaten Mesuji,18
18.11.01,181101,kecamatan,Mesuji,18.11
18.11.02,181102,kecamatan,Mesuji Timur,18.11
18.11.03,181103,kecamatan,Rawajitu Utara,18.11
18.71,1871,kabupaten/kota,Kota Bandar Lampung,18
18.71.01,187101,kecamatan,Kedaton,18.71
18.71.02,187102,kecamatan,Sukarame,18.71
18.11.03.2001,1811032001,desa,Desa Contoh,18.11.03
1x,1x,provinsi,Rusak,
`;

export const PARPOL_JSON = JSON.stringify([
  { nomor_urut: 1, id: 8, nama: 'Partai Kebangkitan Bangsa' },
  { nomor_urut: 4, id: 9, nama: 'Partai GOLKAR' },
  { nomor_urut: 25, id: 99, nama: 'Partai Contoh Baru' },
  { nomor_urut: 4, id: 98, nama: 'Partai Nomor Kembar' },
]);

export const PKWKP_JSON = JSON.stringify({
  '18': {
    '2000001': {
      ts: '2024-11-21 21:55:15',
      nama: 'Ir. H. BAMBANG SURYADI, M.M. - dr. SITI AMINAH, M.Kes.',
      warna: '#B67352',
      nomor_urut: 1,
    },
    '2000002': {
      ts: '2024-11-21 21:55:15',
      nama: 'Hi. RUSLAN EFENDI, S.E. - NY. RATNA SARI (BUNDA RATNA)',
      warna: '#8CB9BD',
      nomor_urut: 2,
    },
  },
});

export const PKWKK_JSON = JSON.stringify({
  '1811': {
    '2000101': {
      ts: '2024-11-21 21:55:15',
      nama: 'H. SUPARMAN, S.Sos. - A. YUSRAN HAKIM, S.T.',
      warna: '#B67352',
      nomor_urut: 1,
    },
    '2000102': {
      ts: '2024-11-21 21:55:15',
      nama: 'Drs. KH. MAHMUD ALIAS GUS MAHMUD - drh. WAYAN SUDARSA',
      warna: '#8CB9BD',
      nomor_urut: 2,
    },
    '2000103': { ts: '2024-11-21 21:55:15', nama: 'BUDI SANTOSO tanpa wakil', warna: '#C7B7A3', nomor_urut: 3 },
    '2000104': { ts: '2024-11-21 21:55:15', nama: 'ANTON - BENNY', warna: '#C7B7A3', nomor_urut: 'tiga' },
  },
  '1871': {
    '2000201': {
      ts: '2024-11-21 21:55:15',
      nama: 'Pdt. YOHANES LAKA, M.Th. - Apt. DEWI LESTARI, S.Farm.',
      warna: '#B67352',
      nomor_urut: 1,
    },
    '2000202': { ts: '2024-11-21 21:55:15', nama: 'KOLOM KOSONG - ', warna: '#8CB9BD', nomor_urut: 2 },
  },
  '1899': {
    '2000301': { ts: '2024-11-21 21:55:15', nama: 'SATU - DUA', warna: '#B67352', nomor_urut: 1 },
  },
});

export const PILPRES_CSV = `election_id,sirekap_id,nomor_urut,capres,cawapres
pilpres-2024,900001,1,"H. AHMAD CONTOH, Ph.D.","Dr. (H.C.) H. A. BUDI SAMPEL"
pilpres-2024,900002,2,H. CAKRA PERCOBAAN,DIMAS UJI COBA
`;

const DCT_HEAD =
  'jenis,kode_dapil,nama_dapil,partai_nomor_urut,partai_id_kpu,partai,nomor_urut,nama,jenis_kelamin,alamat_kabko';
export const DCT_CSV = `${DCT_HEAD}
DPR RI,1802,LAMPUNG II,1,8,Partai Kebangkitan Bangsa,1,"H. ARIF RAHMAN, S.H., M.H.",L,MESUJI
DPR RI,1802,LAMPUNG II,1,8,Partai Kebangkitan Bangsa,2,SRI WULANDARI,P,MESUJI
DPR RI,1802,LAMPUNG II,4,9,Partai GOLKAR,1,"Kombes. Pol. (Purn.) Dr. HENDRA WIJAYA (BANG HENDRA), M.Si.",L,TULANG BAWANG
DPD,18,,,,,1,"Tgk. H. ZULFIKAR, Lc.",L,KAB. MESUJI / LAMPUNG
DPD,18,,,,,2,NURHAYATI,P,KOTA BANDAR LAMPUNG / LAMPUNG
DPRD PROVINSI,180006,LAMPUNG 6,4,9,Partai GOLKAR,1,SUGENG RIYADI,L,MESUJI
DPRD KABUPATEN/KOTA,181101,MESUJI 1,1,8,Partai Kebangkitan Bangsa,1,"YULI ASTUTI, S.T.",P,MESUJI
DPRD KABUPATEN/KOTA,181101,MESUJI 1,1,8,Partai Kebangkitan Bangsa,3,SUPRAPTO,L,MESUJI
DPRD KABUPATEN/KOTA,181101,MESUJI 1,1,8,Partai Kebangkitan Bangsa,3,SUPRAPTO KEMBAR,L,MESUJI
DPRD KABUPATEN/KOTA,181102,MESUJI 2,4,9,Partai GOLKAR,1,"Hi. ISMAIL, S.H.",L,MESUJI
DPRD KABUPATEN/KOTA,187101,BANDAR LAMPUNG 1,4,9,Partai GOLKAR,1,RINA MARLINA,P,BANDAR LAMPUNG
DPRD KECAMATAN,181101,MESUJI 1,1,8,Partai Kebangkitan Bangsa,4,SALAH JENIS,L,MESUJI
DPR RI,18021,LAMPUNG II,1,8,Partai Kebangkitan Bangsa,3,KODE SALAH,L,MESUJI
DPR RI,1802,LAMPUNG II,1,8,Partai Kebangkitan Bangsa,x,NOMOR SALAH,L,MESUJI
DPR RI,1802,LAMPUNG II,1,8,Partai Kebangkitan Bangsa,5,,L,MESUJI
DPR RI,1802,LAMPUNG II,,,,6,TANPA PARTAI,L,MESUJI
`;

export const DAPIL_CSV = `jenis_dapil,kode_dapil,nama_dapil,kode_wilayah,tingkatan_wilayah,nama,is_pecah
DPR RI,1802,LAMPUNG II,1811,Kabupaten/Kota,MESUJI,False
DPR RI,1801,LAMPUNG I,1871,Kabupaten/Kota,KOTA BANDAR LAMPUNG,False
DPRD PROVINSI,180006,LAMPUNG 6,1811,Kabupaten/Kota,MESUJI,False
DPRD PROVINSI,180001,LAMPUNG 1,1871,Kabupaten/Kota,KOTA BANDAR LAMPUNG,False
DPRD KABUPATEN/KOTA,181101,MESUJI 1,181101,Kecamatan,MESUJI,False
DPRD KABUPATEN/KOTA,181101,MESUJI 1,181103,Pecahan Kecamatan,RAWAJITU UTARA A,True
DPRD KABUPATEN/KOTA,181101,MESUJI 1,1811032001,Desa/Kelurahan,DESA CONTOH,False
DPRD KABUPATEN/KOTA,181102,MESUJI 2,181102,Kecamatan,MESUJI TIMUR,False
DPRD KABUPATEN/KOTA,181102,MESUJI 2,181103,Pecahan Kecamatan,RAWAJITU UTARA B,True
DPRD KABUPATEN/KOTA,181102,MESUJI 2,1811032002,Desa/Kelurahan,DESA LAIN,False
DPRD KABUPATEN/KOTA,187101,BANDAR LAMPUNG 1,187101,Kecamatan,KEDATON,False
DPRD KECAMATAN,181199,SALAH,181101,Kecamatan,MESUJI,False
DPRD KABUPATEN/KOTA,181101,MESUJI 1,18-11,Kecamatan,RUSAK,False
`;
