// One checkout request schema (issue 20, step 5): the API, the storefront form and the batcher
// refuse the same bad checkout with the same rules and messages, nothing is written, and the
// checkout files form no import cycle (type imports included).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { parseCheckout, type PlaceOrderInput } from './request.js';
import { CheckoutBatcher } from './group-commit.js';

let w: World;
let sp: string;
let variantId: string;
before(async () => {
  w = await createWorld();
  const village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
  const umkm = await makeUmkm(w.h.db, { villageCode: village });
  variantId = (await makeProduct(w.h, { umkmId: umkm, stock: 5 })).variantId;
});
after(() => w.close());

const bad = (): PlaceOrderInput => ({
  lines: [{ variantId, qty: 1 }],
  buyer: { name: ' R ', phone: '12345' },
  delivery: { kind: 'address', villageCode: '53.09', address: 'Jl' },
  paymentMethod: 'cod',
  channel: 'storefront',
});

test('the batcher parses with the schema: every field problem at once, in the form’s field names', () => {
  const r = parseCheckout(bad(), null);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.code, 'ORDERS_BAD_NAME');
  assert.deepEqual(Object.keys(r.fields ?? {}).sort(), ['address', 'name', 'phone', 'village']);
  const ok = parseCheckout(
    {
      ...bad(),
      lines: [
        { variantId, qty: 1 },
        { variantId, qty: 2 },
      ],
      buyer: { name: ' Rina ', phone: '0812-3456-7890' },
      delivery: { kind: 'pickup', servicePointId: sp },
    },
    null,
  );
  assert.ok(ok.ok);
  if (!ok.ok) return;
  assert.deepEqual(ok.value.lines, [{ variantId, qty: 3 }], 'lines of one variant merged');
  assert.equal(ok.value.buyer.name, 'Rina');
  assert.equal(ok.value.buyer.phone, '+6281234567890');
  // Only an assisted order may go without a phone (and it needs the agent of that point).
  const noPhone = parseCheckout({ ...bad(), buyer: { name: 'Rina' } }, null);
  assert.ok(!noPhone.ok && noPhone.fields?.phone);
});

test('the same bad checkout through the API, the form and the batcher: same messages, nothing written', async () => {
  const orders = async () => (await w.h.db.selectFrom('orders').select('id').execute()).length;
  const n0 = await orders();
  const c = await w.as('buyer');
  const api = await c.json(
    'POST',
    '/api/v1/checkout',
    {
      lines: [{ variantId, qty: 1 }],
      buyer: { name: ' R ', phone: '12345' },
      delivery: { kind: 'address', villageCode: '53.09', address: 'Jl' },
      paymentMethod: 'cod',
    },
    { 'idempotency-key': 'schema-test-0001' },
  );
  assert.equal(api.status, 422);
  const p = (await api.json()) as { errors: Record<string, string> };
  const phoneMsg = 'Nomor HP tidak valid. Contoh: 0812 3456 7890.';
  const nameMsg = 'Isi nama penerima (2–100 huruf).';
  assert.equal(p.errors['buyer.phone'], phoneMsg);
  assert.equal(p.errors['buyer.name'], nameMsg);
  assert.equal(
    p.errors['delivery.villageCode'],
    'Pilih desa/kelurahan tujuan yang ada di daftar wilayah.',
  );

  const guest = w.client();
  assert.equal((await guest.form('/keranjang', { variant_id: variantId, qty: '1' })).status, 303);
  const form = await guest.form('/pesan', {
    idem: 'b'.repeat(32),
    name: ' R ',
    phone: '12345',
    delivery: 'pickup',
    service_point: sp,
    payment: 'cod',
    action: 'place',
  });
  assert.equal(form.status, 422);
  const html = await form.text();
  assert.ok(html.includes(phoneMsg) && html.includes(nameMsg), 'both messages beside their fields');

  const batcher = new CheckoutBatcher(w.h.db);
  const r = await batcher.place(bad(), null);
  assert.ok(!r.ok && r.code === 'ORDERS_BAD_NAME' && r.fields?.phone);
  assert.equal(await orders(), n0);
});

test('the checkout files import each other without a cycle, type imports included', () => {
  const dir = import.meta.dirname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const edges = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    const to = [...text.matchAll(/from '\.\/([\w-]+)\.js'/g)].map((m) => `${m[1]}.ts`);
    edges.set(f, to);
  }
  const cycles: string[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (f: string, stack: string[]) => {
    state.set(f, 1);
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === 1) cycles.push([...stack.slice(stack.indexOf(t)), t].join(' → '));
      else if (!state.has(t)) visit(t, [...stack, t]);
    }
    state.set(f, 2);
  };
  for (const f of files) if (!state.has(f)) visit(f, [f]);
  assert.deepEqual(cycles, []);
  assert.ok(!files.includes('checkout-alone.ts'), 'one path: no second checkout implementation');
});
