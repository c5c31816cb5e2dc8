// Messages of the place picker and of enrolling a selection of villages (Bahasa first, English second).
import type { MessageTable } from '../../kernel/domain/index.js';

export const regionsStaffMessages: MessageTable = {
  id: {
    'regions.picker.choose': 'Pilih dari daftar',
    'regions.picker.none_chosen': '— pilih —',
    'regions.picker.results': 'Hasil pencarian',
    'regions.picker.search': 'Cari nama kecamatan atau desa',
    'regions.picker.find': 'Cari',
    'regions.picker.search_first': 'Wilayah Anda luas: ketik nama kecamatan atau desa lalu tekan Cari untuk memilih.',
    'regions.picker.no_match': 'Tidak ada wilayah bernama "{q}" di wilayah kerja Anda. Coba nama lain.',
    'regions.picker.whole.kecamatan': 'Seluruh Kecamatan {name}',
    'regions.picker.whole.kabupaten': 'Seluruh {name}',
    'regions.picker.whole.kota': 'Seluruh {name}',
    'regions.picker.whole.provinsi': 'Seluruh Provinsi {name}',
    'regions.picker.required': 'Pilih wilayah dari daftar.',
  },
  en: {
    'regions.picker.choose': 'Choose from the list',
    'regions.picker.none_chosen': '— choose —',
    'regions.picker.results': 'Search results',
    'regions.picker.search': 'Search a district or village name',
    'regions.picker.find': 'Search',
    'regions.picker.search_first': 'Your area is large: type a district or village name and press Search to choose.',
    'regions.picker.no_match': 'No area named "{q}" in your area of work. Try another name.',
    'regions.picker.whole.kecamatan': 'Whole district of {name}',
    'regions.picker.whole.kabupaten': 'Whole {name}',
    'regions.picker.whole.kota': 'Whole {name}',
    'regions.picker.whole.provinsi': 'Whole province of {name}',
    'regions.picker.required': 'Choose an area from the list.',
  },
};
