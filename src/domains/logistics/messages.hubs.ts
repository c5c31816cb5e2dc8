// Messages of the hub creation page (Bahasa first, English second).
import type { MessageTable } from '../../kernel/domain/index.js';
import type { ErrorSpec } from '../../kernel/errors/index.js';

export const hubsErrors: Record<string, ErrorSpec> = {
  LOGISTICS_HUB_NO_COORDINATES: { status: 422, message: 'logistics.err.hub_no_coordinates' },
};

export const hubsMessages: MessageTable = {
  id: {
    'logistics.hubs.new': 'Buat hub baru',
    'logistics.hubnew.title': 'Buat hub baru',
    'logistics.hubnew.intro':
      'Pilih wilayah langkah demi langkah: pilih satu tingkat, tekan "Tampilkan pilihan", lalu lanjutkan.',
    'logistics.hubnew.tier': 'Tingkat hub',
    'logistics.hubnew.name': 'Nama hub',
    'logistics.hubnew.region': 'Wilayah hub',
    'logistics.hubnew.province': 'Provinsi',
    'logistics.hubnew.regency': 'Kabupaten/kota',
    'logistics.hubnew.district': 'Kecamatan (untuk hub kecamatan)',
    'logistics.hubnew.choose': '— pilih —',
    'logistics.hubnew.refresh': 'Tampilkan pilihan',
    'logistics.hubnew.parent': 'Hub kabupaten induk',
    'logistics.hubnew.no_parent':
      'Belum ada hub kabupaten di kabupaten ini. Buat hub kabupaten dulu.',
    'logistics.hubnew.coords': 'Lokasi (opsional)',
    'logistics.hubnew.lat': 'Lintang (mis. -8,7861)',
    'logistics.hubnew.lng': 'Bujur (mis. 120,9783)',
    'logistics.hubnew.coords_hint':
      'Kosongkan bila belum tahu: dipakai titik tengah desa atau titik layanan berkoordinat di wilayah ini.',
    'logistics.hubnew.points': 'Titik layanan yang dihubungkan ke hub ini',
    'logistics.hubnew.no_points': 'Tidak ada titik layanan tanpa hub di kecamatan ini.',
    'logistics.hubnew.submit': 'Buat hub',
    'logistics.hubnew.created': 'Hub "{name}" dibuat. Tambahkan kendaraan di bawah.',
    'logistics.err.region_required': 'Pilih wilayah sampai tingkat ini.',
    'logistics.err.hub_no_coordinates':
      'Lokasi wilayah ini belum diketahui. Isi lintang dan bujur.',
    'logistics.err.coordinates_pair': 'Isi lintang dan bujur keduanya, atau kosongkan keduanya.',
    'logistics.err.coordinates_range':
      'Koordinat harus di Indonesia (lintang -11,5 s.d. 6,5; bujur 94 s.d. 141,5).',
    'logistics.err.hub_name': 'Nama hub 3–120 karakter.',
    'logistics.err.point_choice': 'Titik layanan ini tidak bisa dihubungkan ke hub ini.',
  },
  en: {
    'logistics.hubs.new': 'Create a hub',
    'logistics.hubnew.title': 'Create a hub',
    'logistics.hubnew.intro':
      'Choose the area step by step: pick one level, press "Show choices", then go on.',
    'logistics.hubnew.tier': 'Hub level',
    'logistics.hubnew.name': 'Hub name',
    'logistics.hubnew.region': 'Hub area',
    'logistics.hubnew.province': 'Province',
    'logistics.hubnew.regency': 'Regency/city',
    'logistics.hubnew.district': 'District (for a kecamatan hub)',
    'logistics.hubnew.choose': '— choose —',
    'logistics.hubnew.refresh': 'Show choices',
    'logistics.hubnew.parent': 'Parent kabupaten hub',
    'logistics.hubnew.no_parent':
      'This regency has no kabupaten hub yet. Create the kabupaten hub first.',
    'logistics.hubnew.coords': 'Location (optional)',
    'logistics.hubnew.lat': 'Latitude (e.g. -8.7861)',
    'logistics.hubnew.lng': 'Longitude (e.g. 120.9783)',
    'logistics.hubnew.coords_hint':
      'Leave empty if unknown: the centre of the villages or service points with coordinates in this area is used.',
    'logistics.hubnew.points': 'Service points to assign to this hub',
    'logistics.hubnew.no_points': 'No service point without a hub in this district.',
    'logistics.hubnew.submit': 'Create hub',
    'logistics.hubnew.created': 'Hub "{name}" created. Add its vehicles below.',
    'logistics.err.region_required': 'Choose the area down to this level.',
    'logistics.err.hub_no_coordinates':
      'The location of this area is not known yet. Enter latitude and longitude.',
    'logistics.err.coordinates_pair': 'Enter both latitude and longitude, or leave both empty.',
    'logistics.err.coordinates_range':
      'Coordinates must lie in Indonesia (latitude -11.5 to 6.5, longitude 94 to 141.5).',
    'logistics.err.hub_name': 'Hub name: 3–120 characters.',
    'logistics.err.point_choice': 'This service point cannot be assigned to this hub.',
  },
};
