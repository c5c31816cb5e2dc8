import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import {
  anyVillage,
  makeOrganisation,
  makeServicePoint,
  makeUmkm,
} from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { stockOf } from '../../catalog/index.js';
import { unwrap } from '../../../kernel/errors/index.js';
import { placeOrder } from '../checkout/place-order.js';
import { crc16ccitt, parseTlv, qrisMerchant, qrisPayload, verifyCrc } from './qris.js';
import { ensurePayment } from './intent.js';
import { importStatement } from './transfer.js';
import { signQris, webhookSecret } from './provider.js';
import { demoPayee } from '../../../kernel/config.js';
import { makeOrder } from '../../../../test/support/orders.js';
import { onOrderEvent, flushOrderEvents, type OrderEvent } from '../events.js';

let w: World;
let village: string;
let sp: string;
before(async () => {
  w = await createWorld({ env: { LUMBUNG_SECRET: 'test-secret' } });
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
});
after(() => w.close());

async function group(method: 'transfer' | 'qris', price = 25000) {
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const p = await makeProduct(w.h, { umkmId: u, price, stock: 5 });
  const r = unwrap(
    await placeOrder(
      w.h.db,
      {
        lines: [{ variantId: p.variantId, qty: 1 }],
        buyer: { name: 'Rina', phone: '081234567890' },
        delivery: { kind: 'pickup', servicePointId: sp },
        paymentMethod: method,
        channel: 'storefront',
      },
      null,
    ),
  );
  return { ...r, pay: unwrap(await ensurePayment(w.h.db, r.groupId))!, variantId: p.variantId };
}

test('CRC16-CCITT matches the standard check value; QRIS payload has the EMVCo structure', () => {
  assert.equal(crc16ccitt('123456789'), '29B1');
  const p = qrisPayload(qrisMerchant(demoPayee()), 125500, 'LMB01JTEST0000');
  assert.ok(verifyCrc(p));
  const f = parseTlv(p);
  assert.equal(f.get('00'), '01');
  assert.equal(f.get('01'), '12', 'dynamic');
  assert.equal(f.get('53'), '360');
  assert.equal(f.get('54'), '125500');
  assert.equal(f.get('58'), 'ID');
  assert.equal(parseTlv(f.get('26')!).get('00'), 'ID.CO.QRIS.WWW');
  assert.equal(parseTlv(f.get('62')!).get('05'), 'LMB01JTEST0000');
  assert.equal(f.get('63')!.length, 4);
  assert.ok(p.endsWith(f.get('63')!));
  assert.ok(!verifyCrc(p.replace('125500', '125501')));
});

test('transfer: unique amounts; statement import matches, reports unmatched, ignores a re-import', async () => {
  const a = await group('transfer');
  const b = await group('transfer');
  assert.notEqual(a.pay.amount, b.pay.amount);
  assert.ok(a.pay.unique_code >= 1 && a.pay.unique_code <= 999);
  assert.equal(a.pay.amount, a.total + a.pay.unique_code);
  const admin = await w.as('national_admin');
  const csv = `tanggal,keterangan,jumlah\n2026-03-02,TRF DARI RINA,${a.pay.amount}\n2026-03-02,TRF TIDAK DIKENAL,777\n2026-03-02,BIAYA ADM,-6500\n`;
  const r = unwrap(await importStatement(w.h.db, csv, admin.userId));
  assert.deepEqual(
    r.lines.map((l) => [l.line, l.outcome, l.reason]),
    [
      [1, 'skipped', 'header'],
      [2, 'matched', 'paid'],
      [3, 'unmatched', 'no_payment'],
      [4, 'debit', 'debit'],
    ],
  );
  assert.equal(r.lines[2].amount, 777);
  const o = await w.h.db
    .selectFrom('orders')
    .select('payment_status')
    .where('group_id', '=', a.groupId)
    .executeTakeFirstOrThrow();
  assert.equal(o.payment_status, 'paid');
  assert.equal(
    (
      await w.h.db
        .selectFrom('orders')
        .select('payment_status')
        .where('group_id', '=', b.groupId)
        .executeTakeFirstOrThrow()
    ).payment_status,
    'unpaid',
  );
  const again = unwrap(await importStatement(w.h.db, csv, admin.userId));
  assert.equal(again.counts.duplicate, 2);
  assert.equal(again.counts.matched, 0);
  const bad = await importStatement(w.h.db, 'x,y\n', admin.userId);
  assert.equal(bad.ok, false);
  // Through the staff page too.
  const page = await admin.form('/keuangan/pembayaran/impor', {
    csv: `2026-03-03,TRF,${b.pay.amount}`,
  });
  assert.match(await page.text(), /data-matched="1"/);
  assert.equal((await (await w.as('buyer')).get('/keuangan/pembayaran')).status, 403);
});

test('QRIS webhook: bad signature 401 and nothing paid; good one pays once, replay is idempotent, events fire', async () => {
  const g = await group('qris');
  const seen: OrderEvent[] = [];
  const off = onOrderEvent((e) => {
    seen.push(e);
  });
  const body = JSON.stringify({
    event_id: 'evt_000000001',
    reference: g.pay.reference,
    amount: g.pay.amount,
    status: 'paid',
  });
  const c = w.client();
  const send = (headers: Record<string, string>, b = body) =>
    c.fetch('/api/v1/webhooks/payments/qris', {
      method: 'POST',
      body: b,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const bad = await send(signQris('wrong-secret', body));
  assert.equal(bad.status, 401);
  assert.equal((await bad.json()).code, 'ORDERS_BAD_SIGNATURE');
  assert.equal(
    (
      await w.h.db
        .selectFrom('payments')
        .select('status')
        .where('id', '=', g.pay.id)
        .executeTakeFirstOrThrow()
    ).status,
    'pending',
  );
  const secret = webhookSecret('test-secret', 'qris');
  const wrongAmount = JSON.stringify({
    event_id: 'evt_000000002',
    reference: g.pay.reference,
    amount: 1,
    status: 'paid',
  });
  assert.equal((await send(signQris(secret, wrongAmount), wrongAmount)).status, 422);
  const ok1 = await send(signQris(secret, body));
  assert.equal(ok1.status, 200);
  const ok2 = await send(signQris(secret, body));
  assert.equal(ok2.status, 200);
  assert.deepEqual(await ok2.json(), { paymentId: g.pay.id, status: 'paid' });
  await flushOrderEvents();
  off();
  assert.deepEqual(
    seen.filter((e) => e.kind === 'payment').map((e) => e.to),
    ['paid'],
  );
  const audit = await w.h.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', g.orders[0].id)
    .execute();
  assert.ok(audit.some((a) => a.action === 'orders.payment'));
});

test('lifecycle: transitions follow the table; hand-over sells, return restocks and reverses the earning; settlement CSV', async () => {
  const f = await makeOrder(w.h, { villageCode: village, servicePointId: sp, qty: 2 });
  const seller = await w.as('seller', f.umkmId);
  const other = await w.as('seller', await makeUmkm(w.h.db, { villageCode: village }));
  assert.equal((await other.form(`/penjual/pesanan/${f.orderId}`, { to: 'packed' })).status, 404);
  const illegal = await seller.form(`/penjual/pesanan/${f.orderId}`, { to: 'handed_over' });
  assert.equal(illegal.status, 303);
  assert.equal(illegal.headers.get('location'), `/penjual/pesanan/${f.orderId}?gagal=1`);
  assert.equal((await seller.form(`/penjual/pesanan/${f.orderId}`, { to: 'packed' })).status, 303);
  assert.equal(
    (await seller.form(`/penjual/pesanan/${f.orderId}`, { to: 'handed_over' })).status,
    303,
  );
  let s = (await stockOf(w.h.db, f.variantId))!;
  assert.equal(s.reserved, 0);
  const earn = await (await seller.get('/penjual/pendapatan')).text();
  const o = await w.h.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', f.orderId)
    .executeTakeFirstOrThrow();
  assert.ok(earn.includes(`data-owed="${o.seller_share}"`));
  assert.ok(
    !(await (await other.get('/penjual/pesanan')).text()).includes(f.number),
    'a seller never sees another UMKM’s orders',
  );
  // Agent at the point: parcel collected, COD cash taken, order complete.
  const agent = await w.as('village_agent', sp);
  assert.equal((await agent.form(`/agen/ambil/${f.orderId}`, {})).status, 303);
  const done = await w.h.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', f.orderId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [done.status, done.payment_status, done.fulfilment_status],
    ['completed', 'paid', 'delivered'],
  );
  const day = await (await agent.get('/agen/hari-ini')).text();
  assert.ok(
    day.includes(`data-k="cash">Rp ${new Intl.NumberFormat('id-ID').format(done.total)}`),
    'cash in the day summary',
  );
  // A returned parcel (another order) goes back on the shelf through the ledger.
  const r = await makeOrder(w.h, {
    villageCode: village,
    servicePointId: sp,
    umkmId: f.umkmId,
    advanceTo: 'returned',
  });
  s = (await stockOf(w.h.db, r.variantId))!;
  assert.deepEqual([s.available, s.reserved], [10, 0]);
  const rev = await w.h.db
    .selectFrom('seller_ledger')
    .select('kind')
    .where('order_id', '=', r.orderId)
    .execute();
  assert.deepEqual(rev.map((x) => x.kind).sort(), ['earning', 'reversal']);
});

test('treasurer settles what UMKM of the organisation are owed and exports the transfer list', async () => {
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const u = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: org,
    name: 'Gula Aren Ibu Sari',
  });
  const f = await makeOrder(w.h, {
    villageCode: village,
    servicePointId: sp,
    umkmId: u,
    advanceTo: 'handed_over',
  });
  const share = (
    await w.h.db
      .selectFrom('orders')
      .select('seller_share')
      .where('id', '=', f.orderId)
      .executeTakeFirstOrThrow()
  ).seller_share;
  const mgr = await w.as('community_manager', org);
  assert.match(await (await mgr.get('/bumdes/pembayaran')).text(), /Gula Aren Ibu Sari/);
  assert.equal((await mgr.form('/bumdes/pembayaran', { organisation_id: org })).status, 201);
  assert.equal(
    (await mgr.form('/bumdes/pembayaran', { organisation_id: org })).status,
    422,
    'nothing left to settle',
  );
  const stl = await w.h.db
    .selectFrom('settlements')
    .select('id')
    .where('organisation_id', '=', org)
    .executeTakeFirstOrThrow();
  const csv = await (await mgr.get(`/bumdes/pembayaran/${stl.id}.csv`)).text();
  assert.match(csv, /Gula Aren Ibu Sari/);
  // One CSV writer (kernel/csv): numbers are not quoted; each row ends with CRLF.
  assert.ok(csv.includes(`,${share}\r\n`));
  const foreign = await w.as(
    'community_manager',
    await makeOrganisation(w.h.db, { villageCode: village }),
  );
  assert.equal((await foreign.get(`/bumdes/pembayaran/${stl.id}.csv`)).status, 404);
  assert.equal((await foreign.form('/bumdes/pembayaran', { organisation_id: org })).status, 403);
  const seller = await w.as('seller', u);
  assert.ok(
    (await (await seller.get('/penjual/pendapatan')).text()).includes(`data-settled="${share}"`),
  );
});

test('assisted order: agent of the point, consent required, cash and commission recorded, receipt', async () => {
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const p = await makeProduct(w.h, {
    umkmId: u,
    title: 'Pupuk Organik 5 kg',
    price: 40000,
    stock: 3,
  });
  const agent = await w.as('village_agent', sp);
  const found = await (await agent.get('/agen/pesan?q=pupuk')).text();
  assert.match(found, /Pupuk Organik 5 kg/);
  const noConsent = await agent.form('/agen/pesan', {
    q: 'pupuk',
    [`qty_${p.variantId}`]: '1',
    name: 'Mama Yuli',
  });
  assert.equal(noConsent.status, 422);
  const placed = await agent.form('/agen/pesan', {
    q: 'pupuk',
    [`qty_${p.variantId}`]: '2',
    name: 'Mama Yuli',
    consent: '1',
  });
  assert.equal(placed.status, 303);
  const receipt = await (await agent.get(placed.headers.get('location')!)).text();
  assert.match(receipt, /Mama Yuli/);
  const o = await w.h.db
    .selectFrom('orders')
    .selectAll()
    .where('channel', '=', 'assisted')
    .executeTakeFirstOrThrow();
  assert.equal(o.payment_status, 'paid');
  assert.equal(o.agent_commission, 1600);
  assert.ok(o.consent_at);
  assert.equal(o.buyer_phone, null);
  const com = await w.h.db
    .selectFrom('agent_commissions')
    .selectAll()
    .where('order_id', '=', o.id)
    .execute();
  assert.equal(com[0].amount, 1600);
  const otherAgent = await w.as(
    'village_agent',
    await makeServicePoint(w.h.db, { villageCode: village }),
  );
  assert.equal((await otherAgent.get(placed.headers.get('location')!)).status, 404);
});
