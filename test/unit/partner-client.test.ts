// The generated partner client (examples/partner-client) stays current with the API document,
// typechecks with tsc --strict, and works against a real server: a feed pull with
// If-None-Match, an order with an Idempotency-Key (and its replay), and the order read back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { createWorld, type World } from '../support/world.js';
import { serveApp } from '../../src/kernel/http/index.js';
import { hashToken } from '../../src/domains/accounts/index.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import { createPartnerRecord } from '../../src/domains/partners/index.js';
import { newId } from '../../src/kernel/ids/index.js';
import { nowIso } from '../../src/kernel/db/index.js';
import { generateTypes, TYPES_FILE } from '../../examples/partner-client/generate.js';
import {
  partnerClient,
  placeOrder,
  pullFeed,
  readOrder,
} from '../../examples/partner-client/partner-client.js';

let w: World;
let server: Server;
let baseUrl = '';

before(async () => {
  w = await createWorld();
  server = serveApp(w.app, { port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const addr = server.address();
  baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
after(async () => {
  server.close();
  await w.close();
});

test('the checked-in client types are what openapi-typescript generates from the current document', async () => {
  assert.equal(
    readFileSync(TYPES_FILE, 'utf8'),
    await generateTypes(),
    'stale: run npx tsx examples/partner-client/generate.ts',
  );
});

test('the example client typechecks with tsc --strict (no casts, no hand-written types)', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'examples/partner-client/tsconfig.json'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('over real HTTP: feed pull with If-None-Match, order with Idempotency-Key and its replay, read-back', async () => {
  const db = w.h.db;
  const village = await anyVillage(db);
  const org = await makeOrganisation(db, { villageCode: village, name: 'BUMDes Klien' });
  const umkm = await makeUmkm(db, {
    villageCode: village,
    organisationId: org,
    name: 'Gula Klien',
  });
  const product = await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Gula Aren Klien 500 g',
    price: 20000,
    stock: 30,
  });
  const point = await makeServicePoint(db, { villageCode: village });
  const partner = await createPartnerRecord(db, { name: 'Pasar Klien', kind: 'marketplace' });
  await db
    .insertInto('partnerships')
    .values({
      id: newId('pns'),
      partner_id: partner,
      umkm_id: umkm,
      organisation_id: null,
      village_code: village,
      commission_bps: 500,
      ships_by: 'lumbung',
      terms: 'Uji klien',
      status: 'accepted',
      offered_at: nowIso(),
      offered_by: null,
      decided_at: nowIso(),
      decided_by: null,
      starts_on: '2026-01-01',
      ends_on: null,
    })
    .execute();
  const user = await w.as([['partner', partner]]);
  const grant = await db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', user.userId)
    .executeTakeFirstOrThrow();
  const token = `lmb_client_${newId('x')}`;
  await db
    .insertInto('api_tokens')
    .values({
      id: newId('tok'),
      user_id: user.userId,
      name: 'client',
      token_hash: hashToken(token),
      grant_id: grant.id,
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();

  const client = partnerClient(baseUrl, token);
  const first = await pullFeed(client);
  assert.ok(first.changed);
  assert.ok(first.etag);
  assert.deepEqual(
    first.items.map((i) => [i.id, i.price, i.available]),
    [[product.variantId, 20000, true]],
  );
  const again = await pullFeed(client, first.etag);
  assert.deepEqual(again, { changed: false, etag: first.etag }, 'unchanged feed: 304');

  const order = {
    externalId: 'KL-1',
    lines: [{ variantId: product.variantId, qty: 2 }],
    buyer: { name: 'Rina', phone: '081234560077' },
    delivery: { kind: 'pickup' as const, servicePointId: point },
    paymentMethod: 'cod' as const,
  };
  const placed = await placeOrder(client, 'klien-order-0001', order);
  assert.equal(placed.replayed, false);
  assert.equal(
    placed.total,
    placed.orders.reduce((s, o) => s + o.total, 0),
  );
  const replay = await placeOrder(client, 'klien-order-0001', order);
  assert.equal(replay.replayed, true);
  assert.equal(replay.groupId, placed.groupId);
  assert.equal(
    (await db.selectFrom('orders').select('id').where('partner_id', '=', partner).execute()).length,
    1,
    'one order, however often it is sent',
  );

  const back = await readOrder(client, placed.orders[0].id);
  assert.ok(back);
  assert.deepEqual(
    [back.number, back.status, back.lines[0].variantId, back.lines[0].qty],
    [placed.orders[0].number, 'placed', product.variantId, 2],
  );
  assert.equal(await readOrder(client, 'ord_not_mine'), null);
  assert.ok((await pullFeed(client, first.etag)).changed, 'stock moved: the feed changed');
});
