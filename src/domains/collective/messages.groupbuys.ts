// Errors and messages of village group buys (Bahasa first, English second).
import type { MessageTable } from '../../kernel/domain/index.js';
import type { ErrorSpec } from '../../kernel/errors/index.js';

const E = (status: number, key: string): ErrorSpec => ({
  status,
  message: `collective.err.${key}`,
});

export const groupBuysErrors: Record<string, ErrorSpec> = {
  COLLECTIVE_BAD_MINIMUM: E(422, 'bad_minimum'),
  COLLECTIVE_DEADLINE_PAST: E(422, 'deadline_past'),
  COLLECTIVE_DEADLINE_FAR: E(422, 'deadline_far'),
  COLLECTIVE_BAD_TIERS: E(422, 'bad_tiers'),
  COLLECTIVE_BAD_COMMIT_QTY: E(422, 'bad_commit_qty'),
  COLLECTIVE_GROUP_BUY_CLOSED: E(409, 'group_buy_closed'),
  COLLECTIVE_ALREADY_SETTLED: E(409, 'already_settled'),
  COLLECTIVE_NOT_DUE: E(409, 'not_due'),
};

export const groupBuysMessages: MessageTable = {
  id: {
    'collective.here.title': 'Beli bersama dan hari pasar di sini',
    'collective.here.buy_line':
      '{qty} dari minimum {min} {unit} terkumpul, harga sekarang {price}, batas {deadline}, di {point}',
    'collective.here.cycle_line': 'ambil di {point}, pesan sampai {closes}',
    'collective.nav.group_buys': 'Beli bersama',
    'collective.gb.title': 'Beli bersama: {title}',
    'collective.gb.where': 'Dikirim ke {point}. Batas komitmen: {deadline}.',
    'collective.gb.progress': 'Terkumpul {qty} dari minimum {min} {unit}.',
    'collective.gb.price_now': 'Harga sekarang {price} per unit (harga toko {list}).',
    'collective.gb.tiers': 'Tingkat harga',
    'collective.gb.tier_qty': 'Jumlah total',
    'collective.gb.tier_price': 'Harga per unit',
    'collective.gb.succeeded':
      'Berhasil. Setiap komitmen menjadi pesanan dengan harga {price} per unit.',
    'collective.gb.failed':
      'Tidak mencapai minimum. Semua komitmen dilepas; tidak ada yang ditagih.',
    'collective.gb.binding':
      'Komitmen mengikat hanya jika beli bersama berhasil. Harga tidak akan lebih tinggi dari harga yang tampil sekarang.',
    'collective.gb.qty': 'Jumlah ({unit})',
    'collective.gb.commit': 'Ikut beli bersama',
    'collective.gb.committed': 'Komitmen {qty} {unit} dicatat.',
    'collective.gb.agent_title': 'Beli bersama di titik layanan',
    'collective.gb.none': 'Belum ada beli bersama yang dibuka di titik ini.',
    'collective.gb.new': 'Buka beli bersama',
    'collective.gb.product': 'Produk',
    'collective.gb.minimum': 'Jumlah minimum agar berhasil',
    'collective.gb.deadline': 'Batas waktu (waktu setempat)',
    'collective.gb.tier_qty_n': 'Tingkat {n}: mulai dari jumlah',
    'collective.gb.tier_price_n': 'Tingkat {n}: harga per unit (Rp)',
    'collective.gb.open': 'Buka beli bersama',
    'collective.err.bad_minimum': 'Jumlah minimum harus bilangan bulat lebih dari nol.',
    'collective.err.deadline_past': 'Batas waktu sudah lewat. Pilih waktu yang akan datang.',
    'collective.err.deadline_far': 'Batas waktu paling lama {days} hari dari sekarang.',
    'collective.err.bad_tiers': 'Tingkat harga tidak benar.',
    'collective.err.tiers_empty': 'Isi 1–10 tingkat harga.',
    'collective.err.tiers_bad':
      'Setiap tingkat perlu jumlah dan harga berupa bilangan bulat lebih dari nol.',
    'collective.err.tiers_order': 'Dua tingkat harga memakai jumlah yang sama.',
    'collective.err.tiers_rising':
      'Harga harus turun ketika jumlah naik; ada tingkat yang lebih mahal untuk jumlah lebih besar.',
    'collective.err.tiers_above_list': 'Harga tingkat tidak boleh di atas harga toko.',
    'collective.err.bad_commit_qty': 'Jumlah harus bilangan bulat 1–{max}.',
    'collective.err.group_buy_closed':
      'Beli bersama "{title}" sudah ditutup; komitmen tidak diterima lagi.',
    'collective.err.already_settled': 'Beli bersama ini sudah diselesaikan.',
    'collective.err.not_due': 'Batas waktu beli bersama ini belum tiba.',
  },
  en: {
    'collective.here.title': 'Group buys and market days here',
    'collective.here.buy_line':
      '{qty} of the minimum {min} {unit} committed, price now {price}, deadline {deadline}, at {point}',
    'collective.here.cycle_line': 'pick up at {point}, order until {closes}',
    'collective.nav.group_buys': 'Group buys',
    'collective.gb.title': 'Group buy: {title}',
    'collective.gb.where': 'Delivered to {point}. Commitments close {deadline}.',
    'collective.gb.progress': '{qty} of the minimum {min} {unit} committed.',
    'collective.gb.price_now': 'Price now {price} per unit (shop price {list}).',
    'collective.gb.tiers': 'Price tiers',
    'collective.gb.tier_qty': 'Total quantity',
    'collective.gb.tier_price': 'Price per unit',
    'collective.gb.succeeded': 'Succeeded. Every commitment became an order at {price} per unit.',
    'collective.gb.failed':
      'The minimum was not reached. Every commitment was released; nobody was charged.',
    'collective.gb.binding':
      'A commitment is binding only if the group buy succeeds. The price will not be higher than the price shown now.',
    'collective.gb.qty': 'Quantity ({unit})',
    'collective.gb.commit': 'Join the group buy',
    'collective.gb.committed': 'Commitment of {qty} {unit} recorded.',
    'collective.gb.agent_title': 'Group buys at the service point',
    'collective.gb.none': 'No group buy is open at this point yet.',
    'collective.gb.new': 'Open a group buy',
    'collective.gb.product': 'Product',
    'collective.gb.minimum': 'Minimum quantity to succeed',
    'collective.gb.deadline': 'Deadline (local time)',
    'collective.gb.tier_qty_n': 'Tier {n}: from quantity',
    'collective.gb.tier_price_n': 'Tier {n}: price per unit (Rp)',
    'collective.gb.open': 'Open group buy',
    'collective.err.bad_minimum': 'The minimum must be a whole number above zero.',
    'collective.err.deadline_past': 'The deadline has passed. Choose a time in the future.',
    'collective.err.deadline_far': 'The deadline can be at most {days} days from now.',
    'collective.err.bad_tiers': 'The price tiers are not valid.',
    'collective.err.tiers_empty': 'Enter 1–10 price tiers.',
    'collective.err.tiers_bad': 'Each tier needs a quantity and a price, whole numbers above zero.',
    'collective.err.tiers_order': 'Two price tiers use the same quantity.',
    'collective.err.tiers_rising':
      'Prices must fall as quantity rises; a tier costs more for a larger quantity.',
    'collective.err.tiers_above_list': 'A tier price cannot be above the shop price.',
    'collective.err.bad_commit_qty': 'The quantity must be a whole number 1–{max}.',
    'collective.err.group_buy_closed':
      'The group buy "{title}" has closed; no more commitments are accepted.',
    'collective.err.already_settled': 'This group buy has already been settled.',
    'collective.err.not_due': "This group buy's deadline has not come yet.",
  },
};
