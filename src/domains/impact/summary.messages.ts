// Messages of the precomputed figures' freshness on the KPI page (issue 19), Bahasa Indonesia first.
import type { MessageTable } from '../../kernel/domain/index.js';

export const summaryMessages: MessageTable = {
  id: {
    'impact.summary.salesAsOf':
      'Angka penjualan dihitung ulang setiap menit; terakhir diperbarui {at}.',
    'impact.summary.areasAsOf':
      'Angka desa, UMKM, paket dan survei dihitung ulang setiap menit; terakhir diperbarui {at}.',
    'impact.summary.replica':
      'Dibaca dari basis data cadangan (replika), tertinggal {seconds} detik dari basis data utama.',
    'impact.summary.replicaUnknown':
      'Dibaca dari basis data cadangan (replika); keterlambatannya belum diketahui.',
  },
  en: {
    'impact.summary.salesAsOf': 'Sales figures are recomputed every minute; last refreshed {at}.',
    'impact.summary.areasAsOf':
      'Village, UMKM, parcel and survey figures are recomputed every minute; last refreshed {at}.',
    'impact.summary.replica': 'Read from a replica database, {seconds} seconds behind the primary.',
    'impact.summary.replicaUnknown':
      'Read from a replica database; how far it is behind is not known yet.',
  },
};
