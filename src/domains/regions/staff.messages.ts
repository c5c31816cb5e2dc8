// Messages of the place picker and of enrolling a selection of villages (Bahasa first, English second).
import type { MessageTable } from '../../kernel/domain/index.js';

export const regionsStaffMessages: MessageTable = {
  id: {
    'regions.picker.choose': 'Pilih dari daftar',
    'regions.picker.none_chosen': '— pilih —',
    'regions.picker.results': 'Hasil pencarian',
    'regions.picker.search': 'Cari nama kecamatan atau desa',
    'regions.picker.find': 'Cari',
    'regions.picker.search_first':
      'Wilayah Anda luas: ketik nama kecamatan atau desa lalu tekan Cari untuk memilih.',
    'regions.picker.no_match':
      'Tidak ada wilayah bernama "{q}" di wilayah kerja Anda. Coba nama lain.',
    'regions.picker.whole.kecamatan': 'Seluruh Kecamatan {name}',
    'regions.picker.whole.kabupaten': 'Seluruh {name}',
    'regions.picker.whole.kota': 'Seluruh {name}',
    'regions.picker.whole.provinsi': 'Seluruh Provinsi {name}',
    'regions.enrol.title': 'Daftarkan desa terpilih',
    'regions.enrol.intro':
      'Centang desa yang akan bergabung. Alasan sudah terisi skor prioritas dan rinciannya; ubah bila perlu. Semua desa yang dicentang didaftarkan bersama, atau tidak satu pun bila ada yang salah.',
    'regions.enrol.reason': 'Alasan memilih {name}',
    'regions.enrol.date': 'Tanggal bergabung',
    'regions.enrol.submit': 'Daftarkan desa yang dicentang',
    'regions.enrol.done': '{count} desa didaftarkan ke program.',
    'regions.enrol.none': 'Centang paling sedikit satu desa.',
    'regions.enrol.too_many': 'Paling banyak {max} desa sekali daftar.',
    'regions.enrol.already':
      'Sudah bergabung: {names}. Tidak ada yang didaftarkan; muat ulang daftar prioritas.',
    'regions.enrol.reason_required': 'Tulis alasan memilih {name}.',
    'regions.enrol.reason_long': 'Alasan memilih {name} paling banyak {max} karakter.',
    'regions.enrol.default_reason': 'Skor prioritas {score} dari 100: {parts}.',
    'regions.enrol.default_missing': 'Data kosong: {fields}.',
    'regions.rollout.reason': 'Alasan: {reason}',
  },
  en: {
    'regions.picker.choose': 'Choose from the list',
    'regions.picker.none_chosen': '— choose —',
    'regions.picker.results': 'Search results',
    'regions.picker.search': 'Search a district or village name',
    'regions.picker.find': 'Search',
    'regions.picker.search_first':
      'Your area is large: type a district or village name and press Search to choose.',
    'regions.picker.no_match': 'No area named "{q}" in your area of work. Try another name.',
    'regions.picker.whole.kecamatan': 'Whole district of {name}',
    'regions.picker.whole.kabupaten': 'Whole {name}',
    'regions.picker.whole.kota': 'Whole {name}',
    'regions.picker.whole.provinsi': 'Whole province of {name}',
    'regions.enrol.title': 'Enrol the selected villages',
    'regions.enrol.intro':
      'Tick the villages that join. Each reason is filled with the priority score and its parts; change it if needed. All ticked villages are enrolled together, or none if anything is wrong.',
    'regions.enrol.reason': 'Why {name}',
    'regions.enrol.date': 'Date joined',
    'regions.enrol.submit': 'Enrol the ticked villages',
    'regions.enrol.done': '{count} villages enrolled in the programme.',
    'regions.enrol.none': 'Tick at least one village.',
    'regions.enrol.too_many': 'At most {max} villages at a time.',
    'regions.enrol.already':
      'Already enrolled: {names}. Nothing was enrolled; reload the priority list.',
    'regions.enrol.reason_required': 'Write why {name} was chosen.',
    'regions.enrol.reason_long': 'The reason for {name} may be at most {max} characters.',
    'regions.enrol.default_reason': 'Priority score {score} of 100: {parts}.',
    'regions.enrol.default_missing': 'Missing data: {fields}.',
    'regions.rollout.reason': 'Reason: {reason}',
  },
};
