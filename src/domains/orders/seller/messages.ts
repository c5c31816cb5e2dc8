import type { MessageTable } from '../../../kernel/domain/index.js';

export const sellerMessages: MessageTable = {
  id: {
    'orders.seller.title': 'Pesanan masuk', 'orders.seller.none': 'Belum ada pesanan.', 'orders.seller.pack': 'Terima dan kemas', 'orders.seller.hand_over': 'Serahkan ke titik layanan',
    'orders.seller.reject': 'Tolak pesanan', 'orders.seller.done': 'Status pesanan diperbarui.', 'orders.seller.buyer': 'Pembeli',
    'orders.earn.title': 'Pendapatan', 'orders.earn.owed': 'Belum dibayarkan', 'orders.earn.settled': 'Sudah dibayarkan', 'orders.earn.kind.earning': 'Pendapatan pesanan',
    'orders.earn.kind.reversal': 'Barang dikembalikan', 'orders.earn.kind.settlement': 'Dibayarkan oleh BUMDes/koperasi', 'orders.earn.none': 'Belum ada catatan.',
    'orders.settle.title': 'Pembayaran ke UMKM', 'orders.settle.create': 'Buat pembayaran untuk semua saldo', 'orders.settle.csv': 'Unduh daftar transfer (CSV)',
    'orders.settle.done': 'Pembayaran {total} untuk {lines} UMKM dibuat.', 'orders.settle.history': 'Riwayat pembayaran', 'orders.settle.bank': 'Rekening',
    'orders.mine.title': 'Pesanan saya', 'orders.mine.none': 'Anda belum punya pesanan.',
    'orders.nav.seller': 'Pesanan masuk', 'orders.nav.earnings': 'Pendapatan', 'orders.nav.settle': 'Pembayaran UMKM', 'orders.nav.mine': 'Pesanan saya',
    'orders.panel.seller': '{n} pesanan menunggu dikemas atau diserahkan.',
  },
  en: {
    'orders.seller.title': 'Incoming orders', 'orders.seller.none': 'No orders yet.', 'orders.seller.pack': 'Accept and pack', 'orders.seller.hand_over': 'Hand over to the service point',
    'orders.seller.reject': 'Reject order', 'orders.seller.done': 'Order status updated.', 'orders.seller.buyer': 'Buyer',
    'orders.earn.title': 'Earnings', 'orders.earn.owed': 'Not yet paid out', 'orders.earn.settled': 'Paid out', 'orders.earn.kind.earning': 'Order earning',
    'orders.earn.kind.reversal': 'Goods returned', 'orders.earn.kind.settlement': 'Paid by the BUMDes/cooperative', 'orders.earn.none': 'No entries yet.',
    'orders.settle.title': 'Payouts to UMKM', 'orders.settle.create': 'Create a payout for all balances', 'orders.settle.csv': 'Download transfer list (CSV)',
    'orders.settle.done': 'Payout of {total} for {lines} UMKM created.', 'orders.settle.history': 'Payout history', 'orders.settle.bank': 'Account',
    'orders.mine.title': 'My orders', 'orders.mine.none': 'You have no orders yet.',
    'orders.nav.seller': 'Incoming orders', 'orders.nav.earnings': 'Earnings', 'orders.nav.settle': 'UMKM payouts', 'orders.nav.mine': 'My orders',
    'orders.panel.seller': '{n} orders waiting to be packed or handed over.',
  },
};
