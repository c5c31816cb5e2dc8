// Errors and messages of order cycles (Bahasa first, English second).
import type { MessageTable } from '../../kernel/domain/index.js';
import type { ErrorSpec } from '../../kernel/errors/index.js';

const E = (status: number, key: string): ErrorSpec => ({
  status,
  message: `collective.err.${key}`,
});

export const cyclesErrors: Record<string, ErrorSpec> = {
  COLLECTIVE_BAD_NAME: E(422, 'bad_name'),
  COLLECTIVE_BAD_TIME: E(422, 'bad_time'),
  COLLECTIVE_TIME_PAST: E(422, 'time_past'),
  COLLECTIVE_BAD_WINDOW: E(422, 'bad_window'),
  COLLECTIVE_BAD_REPEAT: E(422, 'bad_repeat'),
  COLLECTIVE_NO_PRODUCTS: E(422, 'no_products'),
  COLLECTIVE_DUPLICATE: E(422, 'duplicate'),
  COLLECTIVE_NOT_LISTED: E(422, 'not_listed'),
  COLLECTIVE_BAD_PRICE: E(422, 'bad_price'),
  COLLECTIVE_NO_POINTS: E(422, 'no_points'),
  COLLECTIVE_UNKNOWN_POINT: E(422, 'unknown_point'),
  COLLECTIVE_BAD_PICKUP: E(422, 'bad_pickup'),
  COLLECTIVE_ALREADY_CLOSED: E(409, 'already_closed'),
  COLLECTIVE_NOT_YET_OPEN: E(409, 'not_yet_open'),
  COLLECTIVE_CYCLE_CLOSED: E(409, 'cycle_closed'),
  COLLECTIVE_CYCLE_ENDED: E(409, 'cycle_ended'),
  COLLECTIVE_NOT_IN_CYCLE: E(422, 'not_in_cycle'),
  COLLECTIVE_POINT_NOT_IN_CYCLE: E(422, 'point_not_in_cycle'),
};

export const cyclesMessages: MessageTable = {
  id: {
    'collective.err.bad_name': 'Nama harus 3–120 huruf.',
    'collective.err.bad_time': 'Waktu buka dan tutup harus diisi dengan benar.',
    'collective.err.time_past': 'Waktu tutup sudah lewat. Pilih waktu yang akan datang.',
    'collective.err.bad_window': 'Waktu tutup harus sesudah waktu buka.',
    'collective.err.bad_repeat': 'Pilih pengulangan: tidak berulang, mingguan, atau hari pasaran.',
    'collective.err.no_products': 'Pilih paling sedikit satu produk (paling banyak {max}).',
    'collective.err.duplicate': 'Ada pilihan yang tercantum dua kali.',
    'collective.err.not_listed':
      'Produk "{title}" belum tayang di toko; hanya produk tayang yang bisa diikutkan.',
    'collective.err.bad_price': 'Harga "{title}" harus rupiah bulat lebih dari nol.',
    'collective.err.no_points': 'Pilih paling sedikit satu titik layanan untuk pengambilan.',
    'collective.err.unknown_point': 'Titik layanan tidak dikenal.',
    'collective.err.bad_pickup':
      'Jadwal ambil di {point} harus berupa tanggal (tidak sebelum hari tutup) dan jam mulai sebelum jam selesai.',
    'collective.err.already_closed': 'Siklus ini sudah ditutup.',
    'collective.err.not_yet_open': 'Siklus "{name}" belum dibuka.',
    'collective.err.cycle_closed':
      'Siklus "{name}" sudah ditutup; pesanan tidak diterima lagi. Siklus berikutnya: "{next}", dibuka {opens}.',
    'collective.err.cycle_ended':
      'Siklus "{name}" sudah ditutup; pesanan tidak diterima lagi. Belum ada siklus berikutnya.',
    'collective.err.not_in_cycle': 'Produk ini tidak dijual dalam siklus ini.',
    'collective.err.point_not_in_cycle': 'Pilih titik pengambilan dari siklus ini.',
  },
  en: {
    'collective.err.bad_name': 'The name must be 3–120 characters.',
    'collective.err.bad_time': 'Enter valid opening and closing times.',
    'collective.err.time_past': 'The closing time has passed. Choose a time in the future.',
    'collective.err.bad_window': 'The closing time must be after the opening time.',
    'collective.err.bad_repeat': 'Choose a repeat: none, weekly or market day (pasaran).',
    'collective.err.no_products': 'Choose at least one product (at most {max}).',
    'collective.err.duplicate': 'A choice is listed twice.',
    'collective.err.not_listed':
      'Product "{title}" is not listed in the shop; only listed products can take part.',
    'collective.err.bad_price':
      'The price of "{title}" must be a whole number of rupiah above zero.',
    'collective.err.no_points': 'Choose at least one service point for pickup.',
    'collective.err.unknown_point': 'Unknown service point.',
    'collective.err.bad_pickup':
      'The pickup at {point} needs a date (not before the closing day) and a start time before the end time.',
    'collective.err.already_closed': 'This cycle is already closed.',
    'collective.err.not_yet_open': 'Cycle "{name}" is not open yet.',
    'collective.err.cycle_closed':
      'Cycle "{name}" has closed; no more orders are accepted. Next cycle: "{next}", opening {opens}.',
    'collective.err.cycle_ended':
      'Cycle "{name}" has closed; no more orders are accepted. No next cycle has been announced.',
    'collective.err.not_in_cycle': 'This product is not sold in this cycle.',
    'collective.err.point_not_in_cycle': 'Choose a pickup point of this cycle.',
  },
};
