// Messages of the road-distance import page (Bahasa Indonesia first, English second).
import type { MessageTable } from '../../kernel/domain/index.js';

export const distancesMessages: MessageTable = {
  id: {
    'logistics.nav.distances': 'Jarak jalan',
    'logistics.distances.title': 'Impor jarak jalan',
    'logistics.distances.intro':
      'Unggah jarak jalan terukur antara hub dan titik layanan. Rute memakai jarak ini sebagai ganti perkiraan garis lurus.',
    'logistics.distances.file': 'Berkas CSV atau Excel (XLSX)',
    'logistics.distances.hint':
      'Baris pertama: from, to, km. Lalu satu pasangan per baris: kode hub atau titik layanan asal, tujuan, dan jarak dalam km (boleh pakai koma desimal). Excel: lembar pertama.',
    'logistics.distances.submit': 'Impor',
    'logistics.distances.stored': '{n} jarak disimpan.',
    'logistics.distances.rejected':
      'Berkas ditolak karena {n} kesalahan di bawah. Tidak ada yang disimpan; perbaiki lalu unggah lagi.',
    'logistics.distances.sheet': 'Lembar',
    'logistics.distances.row': 'Baris',
    'logistics.distances.column': 'Kolom',
    'logistics.distances.reason': 'Masalah',
    'logistics.distances.csv': 'CSV',
    'logistics.distances.err.unreadable': 'Berkas Excel tidak bisa dibaca.',
    'logistics.distances.err.quote': 'Tanda kutip tidak ditutup.',
    'logistics.distances.err.header': 'Baris pertama harus berisi from, to, km.',
    'logistics.distances.err.no_rows': 'Tidak ada baris jarak.',
    'logistics.distances.err.too_many': 'Paling banyak {max} baris per berkas.',
    'logistics.distances.err.extra': 'Hanya tiga kolom: from, to, km.',
    'logistics.distances.err.required': 'Wajib diisi.',
    'logistics.distances.err.same': 'Asal dan tujuan sama.',
    'logistics.distances.err.km': 'Jarak harus angka lebih dari 0 sampai {max} km.',
    'logistics.distances.err.unknown': 'Bukan kode hub atau titik layanan yang dikenal.',
    'logistics.distances.err.scope': 'Di luar wilayah Anda.',
    'logistics.distances.err.changed':
      'Jaringan berubah saat impor. Tidak ada yang disimpan; unggah lagi.',
  },
  en: {
    'logistics.nav.distances': 'Road distances',
    'logistics.distances.title': 'Import road distances',
    'logistics.distances.intro':
      'Upload measured road distances between hubs and service points. Routes use them instead of the straight-line estimate.',
    'logistics.distances.file': 'CSV or Excel (XLSX) file',
    'logistics.distances.hint':
      'First row: from, to, km. Then one pair per row: the hub or service point code it starts at, the one it ends at, and the distance in km (a decimal comma is fine). Excel: the first sheet.',
    'logistics.distances.submit': 'Import',
    'logistics.distances.stored': '{n} distances stored.',
    'logistics.distances.rejected':
      'The file was refused for the {n} problems below. Nothing was stored; fix them and upload again.',
    'logistics.distances.sheet': 'Sheet',
    'logistics.distances.row': 'Row',
    'logistics.distances.column': 'Column',
    'logistics.distances.reason': 'Problem',
    'logistics.distances.csv': 'CSV',
    'logistics.distances.err.unreadable': 'The Excel file cannot be read.',
    'logistics.distances.err.quote': 'A quotation mark is not closed.',
    'logistics.distances.err.header': 'The first row must be from, to, km.',
    'logistics.distances.err.no_rows': 'There are no distance rows.',
    'logistics.distances.err.too_many': 'At most {max} rows per file.',
    'logistics.distances.err.extra': 'Only three columns: from, to, km.',
    'logistics.distances.err.required': 'Required.',
    'logistics.distances.err.same': 'Start and end are the same.',
    'logistics.distances.err.km': 'The distance must be a number above 0, up to {max} km.',
    'logistics.distances.err.unknown': 'Not a known hub or service point code.',
    'logistics.distances.err.scope': 'Outside your region.',
    'logistics.distances.err.changed':
      'The network changed during the import. Nothing was stored; upload again.',
  },
};
