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
