// A complete production environment for tests that run the app in production mode: a secret
// and real-looking payee settings (fictitious, not the demo values production refuses).
export const PRODUCTION_TEST_ENV: Record<string, string> = {
  LUMBUNG_MODE: 'production',
  LUMBUNG_SECRET: 'kunci-produksi-uji-panjang',
  LUMBUNG_PAYEE_BANK: 'BNI',
  LUMBUNG_PAYEE_ACCOUNT: '0271-555-123',
  LUMBUNG_PAYEE_NAME: 'BUMDes Maju Bersama',
  LUMBUNG_QRIS_MERCHANT_PAN: '936000990000123456',
  LUMBUNG_QRIS_NMID: 'ID1026009912345',
  LUMBUNG_QRIS_MERCHANT_NAME: 'BUMDES MAJU BERSAMA',
  LUMBUNG_QRIS_CITY: 'BAJAWA',
  LUMBUNG_QRIS_POSTAL_CODE: '86413',
};
