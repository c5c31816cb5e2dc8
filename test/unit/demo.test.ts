// The seeded demo, end to end: every printed demo login signs in with the demo password and
// opens its role's home; the public home page stays within its EDGE budget. The whole demo
// seed runs once here (it is what `npm start` does on an empty database).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { loadConfig } from '../../src/kernel/config.js';
import { createWorld, type World } from '../support/world.js';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../../src/seed/index.js';
import { trialBalance } from '../../src/domains/ledger/index.js';
import { t } from '../../src/kernel/i18n/index.js';
import { migrateToLatest } from '../../src/kernel/db/index.js';
import { allMigrations } from '../../src/migrations.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

test('migrations run up from empty (this database) and a second run applies nothing', async () => {
  const tables = await w.h.db.introspection.getTables();
  const names = new Set(tables.map((x) => x.name));
  for (const name of [
    'users',
    'grants',
    'sessions',
    'audit_log',
    'jobs',
    'idempotency_keys',
    'regions',
    'umkm',
    'products',
    'stock',
    'orders',
    'partners',
    'incentive_statements',
  ]) {
    assert.ok(names.has(name), `table ${name} exists`);
  }
  assert.deepEqual(await migrateToLatest(w.h, allMigrations), []);
});

test('the demo seeds once, and every demo login opens its role home', async () => {
  const seeded = await seedDemo(w.h);
  const logins = await demoLogins(w.h);
  assert.ok(seeded.length >= 2);
  assert.equal(
    logins.length,
    seeded.length,
    'every seeded login is read back for printing on later starts',
  );
  // `npm start` prints these beside the logins: names of what each person works for, no ids.
  assert.deepEqual(
    logins.filter((l) => l.scope && /^[a-z]{3}_|^\d{2}(\.\d+)*$/.test(l.scope)),
    [],
  );
  assert.ok(logins.some((l) => l.role === 'seller' && l.scope === 'Gula Aren Ibu Sari'));
  const roles = new Set(logins.map((l) => l.role));
  assert.ok(roles.has('national_admin') && roles.has('buyer'));
  for (const l of logins) {
    const c = w.client();
    const res = await c.form('/login', { login: l.login, password: DEMO_PASSWORD });
    assert.equal(res.status, 303, `${l.role} ${l.login} signs in`);
    const home = await c.get('/me');
    assert.equal(home.status, 200, `${l.role} home opens`);
    const html = await home.text();
    assert.ok(html.includes(t('id', `role.${l.role}`)), `${l.role} home names the role`);
  }
});

test('the seeded money runs through the ledger: balanced, and only completed orders paid out', async () => {
  const tb = await trialBalance(w.h.db);
  assert.ok(tb.transactions > 0, 'the seed posted through the same paths as the pages');
  assert.equal(tb.total, 0);
  assert.deepEqual(tb.unbalanced, []);
  const payouts = await w.h.db.selectFrom('ledger_payouts').select('transaction_id').execute();
  assert.ok(payouts.length >= 1, 'the BUMDes treasurer paid Ibu Sari out');
  const paidOrders = await w.h.db
    .selectFrom('ledger_lines')
    .select('order_id')
    .where(
      'transaction_id',
      'in',
      payouts.map((p) => p.transaction_id),
    )
    .where('order_id', 'is not', null)
    .execute();
  const statuses = await w.h.db
    .selectFrom('orders')
    .select(['status', 'payment_status'])
    .where(
      'id',
      'in',
      paidOrders.map((p) => p.order_id!),
    )
    .execute();
  assert.ok(statuses.length > 0);
  assert.ok(statuses.every((o) => o.status === 'completed' && o.payment_status === 'paid'));
  // The Ngada coffee lot: 30 farmers paid through the ledger, the lot's pool shared out.
  const farmers = await w.h.db
    .selectFrom('ledger_accounts')
    .select('code')
    .where('kind', '=', 'farmer_payable')
    .execute();
  assert.ok(farmers.length >= 30, `${farmers.length} farmers in the ledger`);
  const pools = await w.h.db
    .selectFrom('ledger_lines')
    .select((eb) => eb.fn.sum<number>('amount').as('s'))
    .where('account_code', 'like', 'lot_pool:%')
    .executeTakeFirstOrThrow();
  assert.equal(Number(pools.s), 0);
});

test('the seeded orders are consistent: delivered means paid, COD cash taken at pickup with the code, payouts only of money in', async () => {
  const orders = await w.h.db
    .selectFrom('orders')
    .select(['id', 'channel', 'payment_method', 'payment_status', 'fulfilment_status', 'status'])
    .execute();
  // No delivered order is unpaid, in any channel (the partner's COD orders were, and a QRIS one).
  const deliveredUnpaid = orders.filter(
    (o) => o.fulfilment_status === 'delivered' && o.payment_status !== 'paid',
  );
  assert.deepEqual(
    deliveredUnpaid.map((o) => `${o.channel} ${o.payment_method} ${o.id}`),
    [],
  );
  // A seller packs a transfer or QRIS order only once its money is in.
  const shippedUnpaid = orders.filter(
    (o) =>
      o.payment_method !== 'cod' &&
      o.payment_status !== 'paid' &&
      !['unfulfilled', 'returned'].includes(o.fulfilment_status) &&
      o.status !== 'cancelled',
  );
  assert.deepEqual(
    shippedUnpaid.map((o) => o.id),
    [],
  );
  // Every delivered COD order through the network was collected at a point with the buyer's
  // code, its cash recorded once, by that scan, for that point.
  const cod = orders.filter(
    (o) =>
      o.payment_method === 'cod' && o.fulfilment_status === 'delivered' && o.channel !== 'assisted',
  );
  assert.ok(cod.filter((o) => o.channel === 'storefront').length >= 6, 'storefront COD collected');
  assert.ok(cod.filter((o) => o.channel === 'partner').length >= 2, 'partner COD collected');
  for (const o of cod) {
    assert.equal(o.status, 'completed', o.id);
    const parcels = await w.h.db
      .selectFrom('parcels')
      .select(['status', 'proof_kind', 'destination_point_id'])
      .where('order_id', '=', o.id)
      .execute();
    assert.equal(parcels.length, 1, `${o.id} travelled as one parcel`);
    assert.equal(parcels[0].status, 'delivered', o.id);
    assert.equal(parcels[0].proof_kind, 'code', `${o.id} collected with the buyer's code`);
    const cash = await w.h.db
      .selectFrom('payments')
      .select(['amount', 'matched_by', 'service_point_id', 'collected_by'])
      .where('group_id', 'like', `%:${o.id}`)
      .execute();
    assert.equal(cash.length, 1, `the cash of ${o.id} is recorded once`);
    assert.equal(cash[0].matched_by, 'agent_cash');
    assert.equal(cash[0].service_point_id, parcels[0].destination_point_id);
    // Pak Yohanes took the storefront buyers' cash himself: it is in his day's closing.
    if (o.channel === 'storefront')
      assert.ok(cash[0].collected_by, `${o.id}: cash taken by the agent`);
    const scans = await w.h.db
      .selectFrom('parcel_scans as s')
      .innerJoin('parcels as p', 'p.id', 's.parcel_id')
      .select('s.kind')
      .where('p.order_id', '=', o.id)
      .orderBy('s.at')
      .orderBy('s.id')
      .execute();
    const kinds = scans.map((x) => x.kind);
    assert.equal(kinds[0], 'received_at_point', `${o.id}: every scan, from the seller's point`);
    assert.deepEqual(kinds.slice(-2), ['ready_for_pickup', 'delivered'], o.id);
  }
  // Parcels of storefront orders wait at Pak Yohanes's counter for their buyers (his journey
  // starts with buyers picking up with a code).
  const waiting = await w.h.db
    .selectFrom('parcels as p')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .select('p.id')
    .where('p.status', '=', 'ready_for_pickup')
    .where('o.channel', '=', 'storefront')
    .execute();
  assert.ok(waiting.length >= 4, `${waiting.length} parcels wait at the counter`);
  // No payout covers an order whose money is not in, and the payout came after the cash.
  const payouts = await w.h.db
    .selectFrom('ledger_payouts')
    .select(['transaction_id', 'created_at'])
    .execute();
  assert.ok(payouts.length >= 1);
  const covered = await w.h.db
    .selectFrom('ledger_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select(['o.id', 'o.payment_status', 'o.status', 'o.payment_method'])
    .where(
      'l.transaction_id',
      'in',
      payouts.map((p) => p.transaction_id),
    )
    .execute();
  assert.ok(covered.length > 0);
  assert.deepEqual(
    covered.filter((o) => o.payment_status !== 'paid' || o.status !== 'completed'),
    [],
  );
  const codCovered = covered.filter((o) => o.payment_method === 'cod');
  assert.ok(codCovered.length > 0, 'the payout pays COD orders whose cash came in at pickup');
  const firstPayout = payouts.map((p) => p.created_at).sort()[0];
  for (const o of codCovered) {
    const cash = await w.h.db
      .selectFrom('payments')
      .select('paid_at')
      .where('group_id', 'like', `%:${o.id}`)
      .executeTakeFirstOrThrow();
    assert.ok(cash.paid_at! <= firstPayout, `${o.id}: cash in before the payout`);
  }
  // The ledger still balances.
  const tb = await trialBalance(w.h.db);
  assert.equal(tb.total, 0);
  assert.deepEqual(tb.unbalanced, []);
});

// What each kind of producer may sell, decided by the words in its name (independent of the
// seed's own tables): a fish-cracker maker sells no honey, a palm-sugar maker no coffee.
const FITS: [RegExp, string[]][] = [
  [/^Gula/, ['gula-aren']],
  [/Kopi/, ['kopi', 'teh-herbal']],
  [/Tenun|Batik|Selendang|Udeng/, ['tenun', 'batik', 'aksesoris', 'pakaian']],
  [/Madu/, ['madu']],
  [/Ikan|Petis|Terasi|Kerupuk/, ['ikan-olahan', 'ikan-segar', 'rumput-laut']],
  [/Sambal/, ['sambal']],
  [/Keripik/, ['keripik', 'kue-camilan']],
  [/Anyaman|Bambu/, ['anyaman']],
  [/Toko Tani/, ['pupuk', 'alat-tani', 'beras']],
  [/Teh/, ['teh-herbal']],
  [/Cokelat|Mete|Emping|Jenang|Bagiak|Rengginang|Dodol/, ['kue-camilan', 'rumput-laut']],
];

test('the demo world makes sense: every UMKM sells what it makes', async () => {
  const rows = await w.h.db
    .selectFrom('products as p')
    .innerJoin('umkm as u', 'u.id', 'p.umkm_id')
    .select(['p.title', 'p.category', 'u.name as umkm'])
    .where('p.is_demo', '=', 1)
    .execute();
  assert.ok(rows.length >= 100, `a full market (${rows.length} products)`);
  const wrong = rows.filter((r) => {
    const rule = FITS.find(([re]) => re.test(r.umkm));
    return rule ? !rule[1].includes(r.category) : false;
  });
  assert.deepEqual(
    wrong.map((r) => `${r.title} (${r.category}) by ${r.umkm}`),
    [],
  );
  const by = (re: RegExp) => new Set(rows.filter((r) => re.test(r.title)).map((r) => r.umkm));
  assert.deepEqual([...by(/Madu Hutan Flores/)], ['Madu Hutan Soa']);
  const sari = rows.filter((r) => r.umkm === 'Gula Aren Ibu Sari');
  assert.ok(
    sari.length >= 3 && sari.every((r) => r.category === 'gula-aren'),
    'Ibu Sari sells gula aren only',
  );
  assert.ok(
    [...by(/Arabika Bajawa/)].every((u) => /Bajawa/.test(u)),
    'Bajawa arabica comes from the Bajawa coffee UMKM',
  );
  assert.ok(
    [...by(/Tenun Ikat Motif Sumba/)].every((u) => /Sumba/.test(u)),
    'Sumba ikat comes from the Sumba weaver',
  );
  assert.ok([...by(/Kerupuk Ikan/)].every((u) => /Kerupuk Ikan/.test(u)));
});

test('every demo product shows a drawn picture marked demo: three WebP sizes, one set of files per kind', async () => {
  const rows = await w.h.db
    .selectFrom('products as p')
    .leftJoin('photos as ph', 'ph.product_id', 'p.id')
    .select(['p.title', 'p.category', 'ph.path_stem', 'ph.alt'])
    .where('p.is_demo', '=', 1)
    .execute();
  const missing = rows.filter((r) => !r.path_stem).map((r) => r.title);
  assert.deepEqual(missing, [], 'every product has a picture');
  for (const r of rows)
    assert.match(
      r.alt ?? '',
      /^Ilustrasi demo \(gambar, bukan foto produk\): /,
      `${r.title}: alt says it is an illustration`,
    );
  const stems = new Set(rows.map((r) => r.path_stem!));
  assert.ok(
    stems.size >= 20 && stems.size < rows.length / 2,
    `${stems.size} drawings shared by ${rows.length} products`,
  );
  const dir = loadConfig(process.env).uploadDir;
  for (const stem of stems) {
    for (const width of [160, 320, 640]) {
      const file = join(dir, `${stem}-${width}.webp`);
      assert.ok(existsSync(file), `${file} stored`);
      if (width === 160) assert.equal((await sharp(file).metadata()).format, 'webp');
    }
  }
  // A coffee, a palm sugar and an ikat cloth each look like themselves, not like one placeholder.
  const stemOf = (title: string) => rows.find((r) => r.title === title)!.path_stem;
  const kinds = [
    'Kopi Arabika Bajawa Biji Sangrai',
    'Gula Aren Cetak 500 g',
    'Kain Tenun Ikat Motif Sumba',
    'Madu Hutan Flores',
    'Cangkul Baja Tempa',
  ].map(stemOf);
  assert.equal(new Set(kinds).size, kinds.length);
});

test("the journeys' searches find fitting market-ready products", async () => {
  const c = w.client();
  const expect: [string, RegExp][] = [
    ['gula aren', /Gula Aren Cetak 500 g/],
    ['aren', /Gula Aren Cetak 500 g/],
    ['kopi Bajawa', /Kopi Arabika Bajawa Biji Sangrai/],
    ['tenun ikat Sumba', /Kain Tenun Ikat Motif Sumba/],
    ['pupuk', /Pupuk Organik Kompos 25 kg/],
    ['cangkul', /Cangkul Baja Tempa/],
    ['beras', /Beras Merah Organik Ngada/],
  ];
  for (const [q, title] of expect) {
    const html = await (await c.get(`/cari?q=${encodeURIComponent(q)}`)).text();
    assert.match(html, title, `search "${q}"`);
  }
  const kopi = await (await c.get('/cari?q=kopi')).text();
  const found = [...kopi.matchAll(/<li class="tile">[\s\S]*?<strong>([^<]+)<\/strong>/g)].map(
    (m) => m[1],
  );
  assert.ok(found.length >= 5, `coffee is found (${found.length})`);
  assert.deepEqual(
    found.filter((x) => !/Kopi|Cascara|Arabika/.test(x)),
    [],
    'a search for coffee finds only coffee',
  );
});

test('the storefront home shows a mix of producers, each card with its picture', async () => {
  const html = await (await w.client().get('/')).text();
  const tiles = [...html.matchAll(/<li class="tile">([\s\S]*?)<\/li>/g)].map((m) => m[1]);
  assert.equal(tiles.length, 12);
  assert.ok(
    tiles.every((x) => /<img [^>]*alt="Ilustrasi demo/.test(x)),
    'every card shows its picture',
  );
  const producers = new Set(tiles.map((x) => x.match(/<small class="muted">([^<·]+)/)?.[1].trim()));
  assert.ok(producers.size >= 8, `${producers.size} producers among the newest 12 products`);
});

test("a village page shows its producers' products as cards with their pictures", async () => {
  // Radabata (Golewa, Ngada): Ibu Sari's village.
  const html = await (await w.client().get('/desa/53.09.02.2011')).text();
  const tiles = [...html.matchAll(/<li class="tile">([\s\S]*?)<\/li>/g)].map((m) => m[1]);
  assert.ok(tiles.length >= 3, `${tiles.length} products`);
  assert.ok(
    tiles.every((x) => /<img [^>]*alt="Ilustrasi demo/.test(x) && /loading="lazy"/.test(x)),
    'every card shows its picture, loaded lazily',
  );
  assert.ok(tiles.some((x) => x.includes('Gula Aren Cetak 500 g')));
});

test('the public home page is at most 14 KB gzip with its CSS', async () => {
  const res = await w.client().get('/');
  assert.equal(res.status, 200);
  const html = Buffer.from(await res.arrayBuffer());
  const css = readFileSync(new URL('../../web/app.css', import.meta.url));
  const size = gzipSync(html).length + gzipSync(css).length;
  assert.ok(size <= 14 * 1024, `home page is ${size} bytes gzip`);
});

test('the OpenAPI 3.1 document builds from every domain and the docs page loads nothing remote', async () => {
  const res = await w.client().get('/api/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
  assert.match(doc.openapi, /^3\.1/);
  for (const p of [
    '/api/v1/regions/{code}',
    '/api/v1/products',
    '/api/v1/checkout',
    '/api/v1/partner/feed',
    '/api/v1/partner/orders',
  ]) {
    assert.ok(doc.paths[p], `${p} is documented`);
  }
  const docs = await (await w.client().get('/api/docs')).text();
  assert.ok(!/(src|href)=["']https?:\/\//.test(docs), 'no script or style from the internet');
});
