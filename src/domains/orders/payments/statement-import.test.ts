// Each realistic bank export of the fixture corpus, with one of its credits standing for a
// real awaited transfer, imported through the staff page and the API: the transfer is paid,
// and every other record is listed with its line number and reason; the counts add up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { unwrap } from '../../../kernel/errors/index.js';
import { placeOrder } from '../checkout/place-order.js';
import { ensurePayment } from './intent.js';
import { OUTCOMES } from './transfer.js';
import '../index.js';

let w: World;
let village: string;
let sp: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
});
after(() => w.close());

async function awaitedTransfer() {
  const p = await makeProduct(w.h, {
    umkmId: await makeUmkm(w.h.db, { villageCode: village }),
    price: 41000,
    stock: 5,
  });
  const r = unwrap(
    await placeOrder(
      w.h.db,
      {
        lines: [{ variantId: p.variantId, qty: 3 }],
        buyer: { name: 'Rina Wati', phone: '081234567890' },
        delivery: { kind: 'pickup', servicePointId: sp },
        paymentMethod: 'transfer',
        channel: 'storefront',
      },
      null,
    ),
  );
  return { groupId: r.groupId, pay: unwrap(await ensurePayment(w.h.db, r.groupId))! };
}
const paid = async (groupId: string) =>
  (
    await w.h.db
      .selectFrom('orders')
      .select('payment_status')
      .where('group_id', '=', groupId)
      .executeTakeFirstOrThrow()
  ).payment_status;

const dot = (n: number) => new Intl.NumberFormat('id-ID').format(n);
const comma = (n: number) => new Intl.NumberFormat('en-US').format(n);
/** Per file: the credit standing for our transfer, written the way that bank writes amounts. */
const LAYOUTS: {
  file: string;
  sample: string;
  write: (n: number) => string;
  notMatched: [number, string][];
}[] = [
  {
    file: 'bca-klikbca.csv',
    sample: ',125500.00,CR',
    write: (n) => `,${n}.00,CR`,
    notMatched: [
      [1, 'preamble'],
      [2, 'preamble'],
      [3, 'preamble'],
      [4, 'preamble'],
      [5, 'preamble'],
      [6, 'blank'],
      [7, 'header'],
      [9, 'debit'],
      [10, 'no_payment'],
      [11, 'no_payment'],
      [12, 'pending'],
      [13, 'summary'],
      [14, 'summary'],
      [15, 'summary'],
      [16, 'summary'],
    ],
  },
  {
    file: 'mandiri-mcm.csv',
    sample: ';0,00;125.500,00;',
    write: (n) => `;0,00;${dot(n)},00;`,
    notMatched: [
      [1, 'header'],
      [3, 'debit'],
      [4, 'no_payment'],
      [5, 'bad_date'],
    ],
  },
  {
    file: 'bri-ibbiz.csv',
    sample: '"0.00","125,500.00"',
    write: (n) => `"0.00","${comma(n)}.00"`,
    notMatched: [
      [1, 'header'],
      [3, 'debit'],
      [4, 'no_payment'],
      [5, 'bad_amount'],
    ],
  },
  {
    file: 'bni-like.csv',
    sample: ',K,125.500,00,',
    write: (n) => `,K,${dot(n)},00,`,
    notMatched: [
      [1, 'header'],
      [3, 'no_payment'],
      [4, 'debit'],
      [5, 'fraction'],
      [6, 'bad_date'],
      [7, 'summary'],
    ],
  },
  {
    file: 'template.csv',
    sample: ',125500\n',
    write: (n) => `,${n}\n`,
    notMatched: [
      [1, 'header'],
      [3, 'no_payment'],
      [4, 'debit'],
    ],
  },
];

for (const layout of LAYOUTS) {
  test(`${layout.file}: the awaited transfer is paid, every other line is reported with its reason, counts add up (API)`, async () => {
    const t = await awaitedTransfer();
    const text = readFileSync(new URL(`./fixtures/${layout.file}`, import.meta.url), 'utf8');
    assert.ok(text.includes(layout.sample));
    const csv = text.replace(layout.sample, layout.write(t.pay.amount));
    const admin = await w.as('national_admin');
    const res = await admin.json('POST', '/api/v1/payments/statements', { csv });
    assert.equal(res.status, 200);
    const r = await res.json();
    assert.equal(
      r.total,
      csv.replace(/\s+$/, '').split(/\r?\n/).length,
      'one outcome per line of the file',
    );
    assert.equal(
      OUTCOMES.reduce((a, o) => a + r.counts[o], 0),
      r.total,
    );
    assert.deepEqual(
      r.lines
        .filter((l: { outcome: string }) => l.outcome !== 'matched')
        .map((l: { line: number; reason: string }) => [l.line, l.reason]),
      layout.notMatched,
    );
    assert.deepEqual(
      r.lines
        .filter((l: { outcome: string }) => l.outcome === 'matched')
        .map((l: { paymentId: string; amount: number }) => [l.paymentId, l.amount]),
      [[t.pay.id, t.pay.amount]],
    );
    assert.equal(await paid(t.groupId), 'paid');
  });
}

test('the staff page lists every line that was not matched, with line number and reason, in the reader’s language', async () => {
  const t = await awaitedTransfer();
  const csv = readFileSync(new URL('./fixtures/bni-like.csv', import.meta.url), 'utf8')
    .replace(',K,125.500,00,', `,K,${dot(t.pay.amount)},00,`)
    // Both lines read differently from the bni-like.csv API test above: each transfer's random
    // code (1..999) can draw the same amount there and here, and the same date, remark and
    // amount would be one statement line imported twice ("already imported"), not a payment.
    .replace('TRF RINA WATI', 'TRF RINA WATI KEDUA')
    .replace('TRF IBU ANI', 'TRF IBU ANI KEDUA');
  const admin = await w.as('national_admin');
  const html = await (
    await admin.form(
      '/keuangan/pembayaran/impor',
      { csv },
      { headers: { 'accept-language': 'en' } },
    )
  ).text();
  assert.match(html, /data-total="7"/);
  assert.match(html, /data-matched="1"/);
  const rows = [
    ...html.matchAll(/<tr data-line="(\d+)" data-outcome="(\w+)" data-reason="(\w+)">/g),
  ].map((m) => [Number(m[1]), m[3]]);
  assert.deepEqual(rows, [
    [1, 'header'],
    [3, 'no_payment'],
    [4, 'debit'],
    [5, 'fraction'],
    [6, 'bad_date'],
    [7, 'summary'],
  ]);
  assert.equal(await paid(t.groupId), 'paid');
  const id = await (await admin.form('/keuangan/pembayaran/impor', { csv })).text();
  assert.match(id, /7 baris: 0 cocok/, 'Bahasa Indonesia by default');
  assert.match(id, /sudah pernah diimpor/);
});

test('a remark naming a transfer with another amount is not guessed at: reported as such, nothing paid', async () => {
  const t = await awaitedTransfer();
  // Line 8's credit is set apart so only line 10 can concern this transfer.
  const csv = readFileSync(new URL('./fixtures/bca-klikbca.csv', import.meta.url), 'utf8')
    .replace('LMB0000000000', t.pay.reference!)
    .replace(',125500.00,CR', ',1.00,CR');
  const r = await (
    await (await w.as('national_admin')).json('POST', '/api/v1/payments/statements', { csv })
  ).json();
  const line = r.lines.find((l: { line: number }) => l.line === 10);
  assert.deepEqual(
    [line.outcome, line.reason, line.paymentId, line.amount],
    ['unmatched', 'amount_differs', t.pay.id, 48250],
  );
  assert.equal(await paid(t.groupId), 'unpaid');
});

test('a file with nothing readable is refused with a clear message and writes nothing', async () => {
  const admin = await w.as('national_admin');
  const before = (await w.h.db.selectFrom('bank_statement_lines').select('id').execute()).length;
  const r = await admin.json(
    'POST',
    '/api/v1/payments/statements',
    { csv: 'Laporan mutasi\nbukan tabel\n' },
    { 'accept-language': 'en' },
  );
  assert.equal(r.status, 422);
  assert.equal((await r.json()).code, 'ORDERS_BAD_STATEMENT');
  assert.equal(
    (await (await w.as('buyer')).json('POST', '/api/v1/payments/statements', { csv: 'x' })).status,
    403,
  );
  assert.equal(
    (await w.h.db.selectFrom('bank_statement_lines').select('id').execute()).length,
    before,
  );
  // NUL and other control characters are refused at validation like in any text, writing nothing.
  const nul = await admin.json('POST', '/api/v1/payments/statements', {
    csv: 'tanggal,keterangan,jumlah\n2026-03-09,TRF\u0000 BUDI\u0007,3333\n',
  });
  assert.equal(nul.status, 422);
  assert.equal(
    (await w.h.db.selectFrom('bank_statement_lines').select('id').execute()).length,
    before,
  );
});
