// Payee settings (kernel config): production refuses to start without a real bank account and
// QRIS merchant, naming what is missing; demo values exist only in demo mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPayee, loadConfig } from '../../../kernel/config.js';

const REAL = {
  LUMBUNG_PAYEE_BANK: 'BRI',
  LUMBUNG_PAYEE_ACCOUNT: '0345-01-000777-30-2',
  LUMBUNG_PAYEE_NAME: 'BUMDes Sinar Tani',
  LUMBUNG_QRIS_MERCHANT_PAN: '9360000212345678901',
  LUMBUNG_QRIS_NMID: 'ID1023456789012',
  LUMBUNG_QRIS_MERCHANT_NAME: 'BUMDES SINAR TANI',
  LUMBUNG_QRIS_CITY: 'BANYUWANGI',
  LUMBUNG_QRIS_POSTAL_CODE: '68461',
};
const PROD = { LUMBUNG_MODE: 'production', LUMBUNG_SECRET: 'a-long-production-secret' };

test('production without payee settings refuses to start and names every missing variable', () => {
  assert.throws(
    () => loadConfig(PROD),
    (e: Error) => {
      for (const k of Object.keys(REAL)) assert.ok(e.message.includes(k), `${k} named`);
      assert.match(e.message, /^Payee settings: missing /);
      return true;
    },
  );
  const { LUMBUNG_QRIS_NMID: _, ...noNmid } = REAL;
  assert.throws(() => loadConfig({ ...PROD, ...noNmid }), /missing LUMBUNG_QRIS_NMID\./);
  assert.throws(
    () => loadConfig({ ...PROD, ...REAL, LUMBUNG_PAYEE_ACCOUNT: '  ' }),
    /missing LUMBUNG_PAYEE_ACCOUNT/,
  );
});

test('production refuses the demo values and malformed ones, saying which and why', () => {
  assert.throws(
    () => loadConfig({ ...PROD, ...REAL, LUMBUNG_QRIS_MERCHANT_PAN: demoPayee().qris.merchantPan }),
    /invalid LUMBUNG_QRIS_MERCHANT_PAN \(the demo value\)/,
  );
  assert.throws(
    () => loadConfig({ ...PROD, ...REAL, LUMBUNG_QRIS_NMID: 'NMID123' }),
    /invalid LUMBUNG_QRIS_NMID \(ID \+ 10-13 digits\)/,
  );
  assert.throws(
    () =>
      loadConfig({
        ...PROD,
        ...REAL,
        LUMBUNG_QRIS_MERCHANT_NAME: 'BADAN USAHA MILIK DESA SINAR TANI',
      }),
    /LUMBUNG_QRIS_MERCHANT_NAME \(at most 25 ASCII characters\)/,
  );
  assert.throws(
    () => loadConfig({ ...REAL, LUMBUNG_QRIS_POSTAL_CODE: '684' }),
    /LUMBUNG_QRIS_POSTAL_CODE/,
    'malformed values are refused in demo mode too',
  );
});

test('production with real settings uses exactly them', () => {
  const c = loadConfig({ ...PROD, ...REAL });
  assert.equal(c.mode, 'production');
  assert.deepEqual(c.payee, {
    bankName: 'BRI',
    bankAccount: '0345-01-000777-30-2',
    accountHolder: 'BUMDes Sinar Tani',
    qris: {
      merchantPan: '9360000212345678901',
      nmid: 'ID1023456789012',
      name: 'BUMDES SINAR TANI',
      city: 'BANYUWANGI',
      postalCode: '68461',
      mcc: '5499',
    },
  });
});

test('demo mode falls back to visibly-demo values', () => {
  const c = loadConfig({});
  assert.equal(c.mode, 'demo');
  assert.deepEqual(c.payee, demoPayee());
  assert.match(c.payee.accountHolder, /DEMO/);
  assert.match(c.payee.qris.name, /DEMO/);
});
