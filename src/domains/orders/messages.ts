// Error codes and the checkout/order strings shared by every page of the domain. Page-specific
// strings live in the messages file beside their views.
import type { MessageTable } from '../../kernel/domain/index.js';
import type { ErrorSpec } from '../../kernel/errors/index.js';

/** Where an order state's name lives: fulfilment, order and payment states never share a value. */
const ORDER_STATE_NAMES = ['orders.fulfilment.', 'orders.status.', 'orders.payment.'] as const;

export const ordersErrors: Record<string, ErrorSpec> = {
  ORDERS_EMPTY: { status: 422, message: 'orders.err.empty' },
  ORDERS_TOO_MANY_LINES: { status: 422, message: 'orders.err.too_many_lines' },
  ORDERS_BAD_QTY: { status: 422, message: 'orders.err.bad_qty' },
  ORDERS_UNKNOWN_VARIANT: { status: 422, message: 'orders.err.unknown_variant' },
  ORDERS_NOT_LISTED: { status: 422, message: 'orders.err.not_listed' },
  ORDERS_INSUFFICIENT_STOCK: { status: 409, message: 'orders.err.insufficient_stock' },
  ORDERS_PRICE_CHANGED: { status: 409, message: 'orders.err.price_changed' },
  ORDERS_BAD_PHONE: { status: 422, message: 'orders.err.bad_phone' },
  ORDERS_BAD_NAME: { status: 422, message: 'orders.err.bad_name' },
  ORDERS_BAD_REGION: { status: 422, message: 'orders.err.bad_region' },
  ORDERS_BAD_ADDRESS: { status: 422, message: 'orders.err.bad_address' },
  ORDERS_UNKNOWN_SERVICE_POINT: { status: 422, message: 'orders.err.unknown_service_point' },
  ORDERS_CONSENT_REQUIRED: { status: 422, message: 'orders.err.consent_required' },
  ORDERS_BAD_METHOD: { status: 422, message: 'orders.err.bad_method' },
  ORDERS_ILLEGAL_TRANSITION: {
    status: 409,
    message: 'orders.err.illegal_transition',
    // A transition may start from any of the three status columns: named from whichever has it.
    named: { from: ORDER_STATE_NAMES, to: ORDER_STATE_NAMES },
  },
  ORDERS_NOT_FOUND: { status: 404, message: 'orders.err.not_found' },
  ORDERS_CART_NOT_FOUND: { status: 404, message: 'orders.err.cart_not_found' },
  ORDERS_PAYMENT_NOT_FOUND: { status: 404, message: 'orders.err.payment_not_found' },
  ORDERS_BAD_SIGNATURE: { status: 401, message: 'orders.err.bad_signature' },
  ORDERS_PAYMENT_MISMATCH: { status: 422, message: 'orders.err.payment_mismatch' },
  ORDERS_BAD_STATEMENT: { status: 422, message: 'orders.err.bad_statement' },
  ORDERS_GROUP_TAKEN: { status: 409, message: 'orders.err.group_taken' },
  ORDERS_GUEST_NEEDS_CART: { status: 422, message: 'orders.err.guest_needs_cart' },
  ORDERS_CHECKOUT_INTERRUPTED: { status: 503, message: 'orders.err.checkout_interrupted' },
};

export const ordersMessages: MessageTable = {
  id: {
    'orders.err.empty': 'Keranjang masih kosong.',
    'orders.err.too_many_lines': 'Terlalu banyak barang dalam satu pesanan (maksimal {max}).',
    'orders.err.bad_qty': 'Jumlah harus bilangan bulat 1 sampai {max}.',
    'orders.err.unknown_variant': 'Produk tidak ditemukan: {variant}.',
    'orders.err.not_listed':
      '“{title}” sedang tidak dijual. Hapus dari keranjang untuk melanjutkan.',
    'orders.err.insufficient_stock': 'Stok “{title}” tinggal {available}. Kurangi jumlahnya.',
    'orders.err.price_changed':
      'Harga “{title}” berubah menjadi {price}. Periksa lagi sebelum memesan.',
    'orders.err.bad_phone': 'Nomor HP tidak valid. Contoh: 0812 3456 7890.',
    'orders.err.bad_name': 'Isi nama penerima (2–100 huruf).',
    'orders.err.bad_region': 'Pilih desa/kelurahan tujuan yang ada di daftar wilayah.',
    'orders.err.bad_address': 'Isi alamat lengkap (jalan, RT/RW, patokan) minimal 5 huruf.',
    'orders.err.unknown_service_point': 'Titik layanan tidak ditemukan.',
    'orders.err.consent_required': 'Pembeli harus setuju datanya dicatat sebelum pesanan dibuat.',
    'orders.err.bad_method': 'Cara bayar ini tidak tersedia untuk pesanan ini.',
    'orders.err.illegal_transition': 'Pesanan tidak bisa diubah dari “{from}” ke “{to}”.',
    'orders.err.not_found': 'Pesanan tidak ditemukan. Periksa nomor pesanan dan nomor HP.',
    'orders.err.cart_not_found': 'Keranjang tidak ditemukan.',
    'orders.err.checkout_interrupted':
      'Pesanan terputus sebelum pasti tercatat. Kirim sekali lagi: pesanan yang sama tidak akan tercatat dua kali.',
    'orders.err.payment_not_found': 'Pembayaran tidak ditemukan.',
    'orders.err.bad_signature': 'Tanda tangan webhook tidak valid.',
    'orders.err.payment_mismatch': 'Jumlah pembayaran tidak sama dengan tagihan.',
    'orders.err.bad_statement': 'Berkas mutasi rekening tidak bisa dibaca: {reason}.',
    'orders.err.group_taken':
      'groupId ini sudah dipakai oleh checkout lain. Kirim tanpa groupId, atau buat groupId baru.',
    'orders.err.guest_needs_cart':
      'Tanpa masuk akun, checkout harus menyebut keranjang (cartId). Buat keranjang dengan POST /api/v1/carts.',
  },
  en: {
    'orders.err.empty': 'The cart is empty.',
    'orders.err.too_many_lines': 'Too many items in one order (at most {max}).',
    'orders.err.bad_qty': 'Quantity must be a whole number from 1 to {max}.',
    'orders.err.unknown_variant': 'Product not found: {variant}.',
    'orders.err.not_listed':
      '“{title}” is not on sale right now. Remove it from the cart to continue.',
    'orders.err.insufficient_stock': 'Only {available} of “{title}” left. Lower the quantity.',
    'orders.err.price_changed':
      'The price of “{title}” changed to {price}. Check again before ordering.',
    'orders.err.bad_phone': 'Invalid mobile number. Example: 0812 3456 7890.',
    'orders.err.bad_name': 'Enter the recipient’s name (2–100 characters).',
    'orders.err.bad_region': 'Choose a destination village from the region list.',
    'orders.err.bad_address':
      'Enter the full address (street, RT/RW, landmark), at least 5 characters.',
    'orders.err.unknown_service_point': 'Service point not found.',
    'orders.err.consent_required': 'The buyer must agree to their details being recorded first.',
    'orders.err.bad_method': 'This payment method is not available for this order.',
    'orders.err.illegal_transition': 'The order cannot change from “{from}” to “{to}”.',
    'orders.err.not_found': 'Order not found. Check the order number and mobile number.',
    'orders.err.cart_not_found': 'Cart not found.',
    'orders.err.checkout_interrupted':
      'The checkout was interrupted before it was surely recorded. Send it once more: the same order is never recorded twice.',
    'orders.err.payment_not_found': 'Payment not found.',
    'orders.err.bad_signature': 'Invalid webhook signature.',
    'orders.err.payment_mismatch': 'The paid amount does not match the bill.',
    'orders.err.bad_statement': 'The bank statement file cannot be read: {reason}.',
    'orders.err.group_taken':
      'This groupId already belongs to another checkout. Send no groupId, or mint a new one.',
    'orders.err.guest_needs_cart':
      'Without signing in, a checkout must name its cart (cartId). Create one with POST /api/v1/carts.',
  },
};
