// Errors and messages of standing orders (Bahasa first, English second).
import type { MessageTable } from '../../kernel/domain/index.js';
import type { ErrorSpec } from '../../kernel/errors/index.js';

const E = (status: number, key: string): ErrorSpec => ({
  status,
  message: `collective.err.${key}`,
});

export const standingErrors: Record<string, ErrorSpec> = {
  COLLECTIVE_SIGN_IN_TO_SUBSCRIBE: E(401, 'sign_in_to_subscribe'),
  COLLECTIVE_NOT_REPEATING: E(422, 'not_repeating'),
  COLLECTIVE_STANDING_NAME: E(422, 'standing_name'),
  COLLECTIVE_STANDING_PHONE: E(422, 'standing_phone'),
  COLLECTIVE_STANDING_NO_LINES: E(422, 'no_lines'),
  COLLECTIVE_STANDING_QTY: E(422, 'standing_qty'),
  COLLECTIVE_BAD_ACTION: E(422, 'bad_action'),
  COLLECTIVE_STANDING_STATE: E(409, 'standing_state'),
};

export const standingMessages: MessageTable = {
  id: {
    'collective.err.sign_in_to_subscribe': 'Masuk dulu untuk memesan rutin.',
    'collective.err.not_repeating':
      'Siklus ini tidak berulang, jadi tidak bisa dipesan rutin. Pesan biasa saja.',
    'collective.err.standing_name': 'Nama pemesan harus 2–100 huruf.',
    'collective.err.standing_phone': 'Nomor HP tidak dikenali (contoh 0812…).',
    'collective.err.standing_qty': 'Jumlah pesanan rutin harus 1–999.',
    'collective.err.bad_action': 'Tindakan tidak dikenal.',
    'collective.err.standing_state': 'Pesanan rutin ini sedang {status}; tindakan itu tidak bisa.',
    'collective.nav.standing': 'Pesanan rutin',
    'collective.standing.title': 'Pesanan rutin',
    'collective.standing.intro':
      'Pesanan rutin dibuat otomatis setiap kali siklus pasar berikutnya dibuka. Barang yang tidak dijual lagi atau habis dilewati, dan Anda melihat catatannya di sini.',
    'collective.standing.none': 'Belum ada pesanan rutin.',
    'collective.standing.subscribe': 'Pesan rutin setiap siklus',
    'collective.standing.subscribe_hint':
      'Pesanan rutin mulai pada siklus berikutnya; untuk siklus ini, pilih "Pesan".',
    'collective.standing.created':
      'Pesanan rutin tercatat. Pesanan dibuat setiap kali siklus ini dibuka lagi.',
    'collective.standing.for': '{name} · ambil di {point}',
    'collective.standing.by_agent': 'dicatat agen dengan persetujuan',
    'collective.standing.status.active': 'aktif',
    'collective.standing.status.paused': 'dijeda',
    'collective.standing.status.cancelled': 'dibatalkan',
    'collective.standing.skip_next': 'Siklus berikutnya dilewati.',
    'collective.standing.action.skip': 'Lewati siklus berikutnya',
    'collective.standing.action.unskip': 'Jangan lewati',
    'collective.standing.action.pause': 'Jeda',
    'collective.standing.action.resume': 'Lanjutkan',
    'collective.standing.action.cancel': 'Batalkan',
    'collective.standing.done.skip': 'Siklus berikutnya akan dilewati.',
    'collective.standing.done.unskip': 'Siklus berikutnya tidak dilewati.',
    'collective.standing.done.pause': 'Pesanan rutin dijeda.',
    'collective.standing.done.resume': 'Pesanan rutin dilanjutkan.',
    'collective.standing.done.cancel': 'Pesanan rutin dibatalkan.',
    'collective.standing.history': 'Riwayat per siklus',
    'collective.standing.outcome.placed': '{cycle}: pesanan dibuat.',
    'collective.standing.outcome.partial': '{cycle}: pesanan dibuat tanpa sebagian barang.',
    'collective.standing.outcome.skipped': '{cycle}: tidak ada pesanan.',
    'collective.standing.notice.buyer_skipped': 'Dilewati atas permintaan Anda.',
    'collective.standing.notice.not_in_cycle': '"{title}" tidak dijual di siklus ini.',
    'collective.standing.notice.not_listed': '"{title}" tidak tayang lagi di toko.',
    'collective.standing.notice.out_of_stock': '"{title}" habis (tersedia {available}).',
    'collective.standing.notice.order_failed': 'Pesanan gagal dibuat: {reason}',
  },
  en: {
    'collective.err.sign_in_to_subscribe': 'Sign in first to order regularly.',
    'collective.err.not_repeating':
      'This cycle does not repeat, so it cannot take a standing order. Place an ordinary order.',
    'collective.err.standing_name': "The buyer's name must be 2–100 characters.",
    'collective.err.standing_phone': 'The phone number is not recognised (e.g. 0812…).',
    'collective.err.standing_qty': 'Standing order quantities must be 1–999.',
    'collective.err.bad_action': 'Unknown action.',
    'collective.err.standing_state':
      'This standing order is {status}; that action is not possible.',
    'collective.nav.standing': 'Standing orders',
    'collective.standing.title': 'Standing orders',
    'collective.standing.intro':
      'A standing order is placed automatically each time the next market cycle opens. Items no longer sold or out of stock are skipped, and you see the notice here.',
    'collective.standing.none': 'No standing orders yet.',
    'collective.standing.subscribe': 'Order this every cycle',
    'collective.standing.subscribe_hint':
      'A standing order starts with the next cycle; for this cycle, choose "Order".',
    'collective.standing.created':
      'Standing order recorded. An order is placed each time this cycle opens again.',
    'collective.standing.for': '{name} · pickup at {point}',
    'collective.standing.by_agent': 'recorded by the agent with consent',
    'collective.standing.status.active': 'active',
    'collective.standing.status.paused': 'paused',
    'collective.standing.status.cancelled': 'cancelled',
    'collective.standing.skip_next': 'The next cycle is skipped.',
    'collective.standing.action.skip': 'Skip the next cycle',
    'collective.standing.action.unskip': "Don't skip",
    'collective.standing.action.pause': 'Pause',
    'collective.standing.action.resume': 'Resume',
    'collective.standing.action.cancel': 'Cancel',
    'collective.standing.done.skip': 'The next cycle will be skipped.',
    'collective.standing.done.unskip': 'The next cycle will not be skipped.',
    'collective.standing.done.pause': 'Standing order paused.',
    'collective.standing.done.resume': 'Standing order resumed.',
    'collective.standing.done.cancel': 'Standing order cancelled.',
    'collective.standing.history': 'History per cycle',
    'collective.standing.outcome.placed': '{cycle}: order placed.',
    'collective.standing.outcome.partial': '{cycle}: order placed without some items.',
    'collective.standing.outcome.skipped': '{cycle}: no order.',
    'collective.standing.notice.buyer_skipped': 'Skipped at your request.',
    'collective.standing.notice.not_in_cycle': '"{title}" is not sold in this cycle.',
    'collective.standing.notice.not_listed': '"{title}" is no longer listed in the shop.',
    'collective.standing.notice.out_of_stock': '"{title}" is out of stock ({available} left).',
    'collective.standing.notice.order_failed': 'The order could not be placed: {reason}',
  },
};
