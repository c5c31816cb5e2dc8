// Messages of returns to the seller and photo proof of delivery (Bahasa first, English second).
import type { MessageTable } from '../../kernel/domain/index.js';
import type { ErrorSpec } from '../../kernel/errors/index.js';

export const returnsErrors: Record<string, ErrorSpec> = {
  LOGISTICS_PHOTO_MISSING: { status: 422, message: 'logistics.err.photo_missing' },
};

export const returnsMessages: MessageTable = {
  id: {
    'logistics.scan.return_started': 'Dikembalikan ke penjual',
    'logistics.scan.returned': 'Diterima kembali di titik layanan penjual',
    'logistics.status.returned': 'Sudah kembali ke penjual',
    'logistics.track.returning':
      'Paket ini tidak dapat diserahkan dan sedang dikembalikan ke penjual.',
    'logistics.track.returned': 'Paket sudah kembali ke penjual.',
    'logistics.kpi.returned': 'Dikembalikan ke penjual',
    'logistics.badge.returning': 'retur',
    'logistics.hub.return': 'Kembalikan ke penjual',
    'logistics.hub.return_hint':
      'Paket yang gagal diantar bisa diantar ulang (pilih perjalanan berikutnya) atau dikembalikan ke titik layanan penjual.',
    'logistics.hub.return_done':
      '{tracking}: dikembalikan ke penjual; masuk manifest perjalanan berikutnya.',
    'logistics.hub.deliver_photo': 'Diantar ke alamat: bukti foto',
    'logistics.hub.deliver_photo_hint':
      'Untuk paket yang diantar kurir hub langsung ke alamat pembeli.',
    'logistics.agent.return_in': 'Terima paket retur dari kurir',
    'logistics.agent.return_in_hint':
      'Paket yang gagal diantar kembali ke sini untuk penjual. Setelah dicatat, stok penjual dikembalikan otomatis.',
    'logistics.agent.uncollected': 'Tidak diambil: kembalikan ke penjual',
    'logistics.agent.uncollected_hint':
      'Pembeli tidak mengambil paket. Kode pengambilan tidak berlaku lagi dan paket dikirim kembali ke titik layanan penjual.',
    'logistics.agent.photo': 'Serahkan dengan foto bukti',
    'logistics.agent.photo_hint':
      'Bila pembeli tidak membawa kode: foto paket saat diserahkan (JPEG, PNG atau WebP, maks. 5 MB). Foto hanya dilihat petugas hub dan penjual, tidak di halaman lacak.',
    'logistics.nav.seller_parcels': 'Paket pesanan',
    'logistics.seller.title': 'Paket pesanan saya',
    'logistics.seller.none': 'Belum ada paket dari pesanan Anda.',
    'logistics.scan.photo': 'Foto bukti serah terima',
    'logistics.err.photo_missing': 'Pilih foto bukti serah terima.',
    'logistics.parcel.title': 'Paket {tracking}',
    'logistics.parcel.open': 'Detail & bukti',
    'logistics.parcel.proof': 'Bukti serah terima',
    'logistics.parcel.proof_code': 'Diserahkan dengan kode pengambilan dari pembeli.',
    'logistics.parcel.proof_photo': 'Diserahkan dengan foto bukti:',
    'logistics.parcel.proof_alt': 'Foto bukti serah terima paket {tracking}',
    'logistics.parcel.no_proof': 'Belum ada bukti serah terima.',
    'logistics.parcel.private':
      'Halaman ini hanya untuk petugas dan penjual: foto bukti tidak tampil di halaman lacak umum.',
  },
  en: {
    'logistics.scan.return_started': 'Sent back to the seller',
    'logistics.scan.returned': "Received back at the seller's service point",
    'logistics.status.returned': 'Back with the seller',
    'logistics.track.returning':
      'This parcel could not be handed over and is on its way back to the seller.',
    'logistics.track.returned': 'The parcel is back with the seller.',
    'logistics.kpi.returned': 'Returned to sellers',
    'logistics.badge.returning': 'return',
    'logistics.hub.return': 'Return to seller',
    'logistics.hub.return_hint':
      "A failed parcel can go out again (choose the next run) or be returned to the seller's service point.",
    'logistics.hub.return_done':
      "{tracking}: returning to the seller; it joins the next run's manifest.",
    'logistics.hub.deliver_photo': 'Delivered to an address: photo proof',
    'logistics.hub.deliver_photo_hint':
      "For parcels the hub's courier takes straight to the buyer's address.",
    'logistics.agent.return_in': 'Receive a returned parcel from the courier',
    'logistics.agent.return_in_hint':
      "A parcel that could not be delivered comes back here for its seller. Once recorded, the seller's stock is restored automatically.",
    'logistics.agent.uncollected': 'Not collected: return to seller',
    'logistics.agent.uncollected_hint':
      "The buyer did not collect the parcel. The pickup code stops working and the parcel goes back to the seller's service point.",
    'logistics.agent.photo': 'Hand over with a photo',
    'logistics.agent.photo_hint':
      'When the buyer has no code: photograph the parcel as you hand it over (JPEG, PNG or WebP, at most 5 MB). Only hub staff and the seller see it, never the tracking page.',
    'logistics.nav.seller_parcels': 'Order parcels',
    'logistics.seller.title': 'My order parcels',
    'logistics.seller.none': 'No parcels from your orders yet.',
    'logistics.scan.photo': 'Proof-of-delivery photo',
    'logistics.err.photo_missing': 'Choose a proof-of-delivery photo.',
    'logistics.parcel.title': 'Parcel {tracking}',
    'logistics.parcel.open': 'Details & proof',
    'logistics.parcel.proof': 'Proof of delivery',
    'logistics.parcel.proof_code': "Handed over with the buyer's pickup code.",
    'logistics.parcel.proof_photo': 'Handed over with a photo:',
    'logistics.parcel.proof_alt': 'Proof-of-delivery photo of parcel {tracking}',
    'logistics.parcel.no_proof': 'No proof of delivery yet.',
    'logistics.parcel.private':
      'This page is for staff and the seller only: the proof photo never appears on the public tracking page.',
  },
};
