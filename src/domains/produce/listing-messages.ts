// Strings of a lot sold through the catalogue, Bahasa Indonesia first, English second.
import type { MessageTable } from '../../kernel/domain/index.js';

export const lotListingMessages: MessageTable = {
  id: {
    'produce.err.lot_listed': 'Lot ini sudah dijual lewat katalog.',
    'produce.err.listing_name': 'Nama produk 3 sampai 120 huruf.',
    'produce.err.pack_too_big': 'Berat per kemasan melebihi berat lot.',
    'produce.err.listing_umkm': 'Pilih UMKM koperasi yang menjadi penjual.',
    'produce.listing.title': 'Jual lewat katalog',
    'produce.listing.name': 'Nama produk',
    'produce.listing.pack_kg': 'Berat per kemasan (kg)',
    'produce.listing.price': 'Harga per kemasan (Rp)',
    'produce.listing.umkm': 'UMKM penjual',
    'produce.listing.submit': 'Ajukan ke katalog',
    'produce.listing.state': 'Status di katalog: {state}',
    'produce.listing.view': 'Lihat produk',
    'produce.listing.state.in_review': 'sedang ditinjau',
    'produce.listing.state.listed': 'tayang',
    'produce.listing.state.other': 'belum tayang',
    'produce.listing.closed': 'Penjualan lewat katalog sudah ditutup.',
    'produce.listing.sold': 'Terjual lewat katalog: {packs} kemasan, {kg} kg, {amount}.',
    'produce.listing.pending':
      '{n} pesanan katalog belum selesai; lot diselesaikan setelah semuanya selesai atau batal.',
    'produce.err.lot_orders_pending':
      'Masih ada {n} pesanan katalog untuk lot ini yang belum selesai. Tunggu sampai diterima pembeli atau dibatalkan.',
    'produce.err.lot_paid_out':
      '{n} pesanan katalog lot ini sudah dibayarkan ke UMKM lewat pembayaran BUMDes, jadi lot tidak bisa diselesaikan dari uang itu lagi. Hubungi bendahara untuk koreksi.',
  },
  en: {
    'produce.err.lot_listed': 'This lot is already sold through the catalogue.',
    'produce.err.listing_name': 'Product name of 3 to 120 characters.',
    'produce.err.pack_too_big': 'The pack weight is more than the lot weighs.',
    'produce.err.listing_umkm': "Choose the koperasi's UMKM that sells it.",
    'produce.listing.title': 'Sell through the catalogue',
    'produce.listing.name': 'Product name',
    'produce.listing.pack_kg': 'Weight per pack (kg)',
    'produce.listing.price': 'Price per pack (Rp)',
    'produce.listing.umkm': 'Selling UMKM',
    'produce.listing.submit': 'Submit to the catalogue',
    'produce.listing.state': 'Catalogue status: {state}',
    'produce.listing.view': 'View product',
    'produce.listing.state.in_review': 'in review',
    'produce.listing.state.listed': 'listed',
    'produce.listing.state.other': 'not listed',
    'produce.listing.closed': 'Sales through the catalogue are closed.',
    'produce.listing.sold': 'Sold through the catalogue: {packs} packs, {kg} kg, {amount}.',
    'produce.listing.pending':
      '{n} catalogue orders are not complete yet; the lot settles once all are complete or cancelled.',
    'produce.err.lot_orders_pending':
      '{n} catalogue orders of this lot are not finished yet. Wait until the buyers receive them or they are cancelled.',
    'produce.err.lot_paid_out':
      '{n} catalogue orders of this lot were already paid out to the UMKM by the organisation, so the lot cannot be settled from that money again. Ask the treasurer for a correction.',
  },
};
