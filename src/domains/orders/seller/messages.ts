import type { MessageTable } from '../../../kernel/domain/index.js';

export const sellerMessages: MessageTable = {
  id: {
    'orders.seller.title': 'Pesanan masuk',
    'orders.seller.none': 'Belum ada pesanan.',
    'orders.seller.pack': 'Terima dan kemas',
    'orders.seller.hand_over': 'Serahkan ke titik layanan',
    'orders.seller.reject': 'Tolak pesanan',
    'orders.seller.done': 'Status pesanan diperbarui.',
    'orders.seller.buyer': 'Pembeli',
    'orders.seller.failed':
      'Tindakan tadi tidak dijalankan: pesanan ini sudah berubah. Lihat status dan riwayatnya di bawah.',
    'orders.seller.back': 'Kembali ke pesanan masuk',
    'orders.mine.back': 'Kembali ke pesanan saya',
    'orders.mine.title': 'Pesanan saya',
    'orders.mine.none': 'Anda belum punya pesanan.',
    'orders.nav.seller': 'Pesanan masuk',
    'orders.nav.mine': 'Pesanan saya',
    'orders.panel.seller': '{n} pesanan menunggu dikemas atau diserahkan.',
  },
  en: {
    'orders.seller.title': 'Incoming orders',
    'orders.seller.none': 'No orders yet.',
    'orders.seller.pack': 'Accept and pack',
    'orders.seller.hand_over': 'Hand over to the service point',
    'orders.seller.reject': 'Reject order',
    'orders.seller.done': 'Order status updated.',
    'orders.seller.buyer': 'Buyer',
    'orders.seller.failed':
      'The action was not carried out: this order has changed. See its status and history below.',
    'orders.seller.back': 'Back to incoming orders',
    'orders.mine.back': 'Back to my orders',
    'orders.mine.title': 'My orders',
    'orders.mine.none': 'You have no orders yet.',
    'orders.nav.seller': 'Incoming orders',
    'orders.nav.mine': 'My orders',
    'orders.panel.seller': '{n} orders waiting to be packed or handed over.',
  },
};
