// The collective API: a coordinator opens and closes a cycle and reads its lists (camelCase),
// a buyer orders by JSON, a late order and a second close answer problem+json, a group buy is
// read and committed to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeCycleWorld, type CycleWorld } from '../../../test/support/collective.js';

let w: World;
let cw: CycleWorld;
before(async () => {
  w = await createWorld();
  cw = await makeCycleWorld(w.h, { producers: 2, points: 1, stock: 500 });
});
after(() => w.close());

test('cycle by API: open, order, close twice, lists, late order names the next cycle', async () => {
  const coord = await w.as('community_manager', cw.organisationId);
  const now = Date.now();
  const opened = await coord.json('POST', '/api/v1/cycles', {
    organisationId: cw.organisationId,
    name: 'Pasar Kamis',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 86400_000).toISOString(),
    repeat: 'weekly',
    products: cw.variants.map((v) => ({ variantId: v.variantId, price: 12000 })),
    points: [
      {
        servicePointId: cw.points[0],
        pickupDate: new Date(now + 2 * 86400_000).toISOString().slice(0, 10),
        pickupFrom: '08:00',
        pickupTo: '10:00',
      },
    ],
  });
  assert.equal(opened.status, 201);
  const { id } = (await opened.json()) as { id: string };
  const order = {
    lines: [{ variantId: cw.variants[1].variantId, qty: 2 }],
    buyer: { name: 'Mbak Rina', phone: '081234567777' },
    servicePointId: cw.points[0],
    paymentMethod: 'transfer',
  };
  const placed = await w.client().json('POST', `/api/v1/cycles/${id}/orders`, order);
  assert.equal(placed.status, 201);
  assert.equal(((await placed.json()) as { orders: { total: number }[] }).orders.length, 1);
  const got = (await (await coord.get(`/api/v1/cycles/${id}`)).json()) as {
    products: { price: number; listPrice: number }[];
  };
  assert.equal(got.products[0].price, 12000);
  const closed = await coord.json('POST', `/api/v1/cycles/${id}/close`, {});
  assert.equal(closed.status, 200);
  const c = (await closed.json()) as { runs: number; nextCycleId: string };
  assert.equal(c.runs, 1);
  const twice = await coord.json('POST', `/api/v1/cycles/${id}/close`, {});
  assert.equal(twice.status, 409);
  assert.match(twice.headers.get('content-type')!, /problem\+json/);
  const lists = (await (await coord.get(`/api/v1/cycles/${id}/lists`)).json()) as {
    suppliers: { totalQty: number }[];
    packing: { totalQty: number }[];
  };
  assert.equal(lists.suppliers[0].totalQty, 2);
  assert.equal(lists.packing[0].totalQty, 2);
  const late = await w
    .client()
    .json('POST', `/api/v1/cycles/${id}/orders`, order, { 'accept-language': 'en' });
  assert.equal(late.status, 409);
  const problem = (await late.json()) as { code: string; detail: string };
  assert.equal(problem.code, 'COLLECTIVE_CYCLE_CLOSED');
  const stranger = await w.as(
    'community_manager',
    (await makeCycleWorld(w.h, { producers: 1, points: 1 })).organisationId,
  );
  assert.equal((await stranger.get(`/api/v1/cycles/${id}`)).status, 404);
});

test('group buy by API: open, read, commit, a rising tier refused', async () => {
  const agent = await w.as('village_agent', cw.points[0]);
  const input = {
    servicePointId: cw.points[0],
    variantId: cw.variants[0].variantId,
    minimumQty: 10,
    deadline: new Date(Date.now() + 3600_000).toISOString(),
    tiers: [
      { minQty: 10, price: 18000 },
      { minQty: 20, price: 19000 },
    ],
  };
  const bad = await agent.json('POST', '/api/v1/group-buys', input);
  assert.equal(bad.status, 422);
  const made = await agent.json('POST', '/api/v1/group-buys', {
    ...input,
    tiers: [{ minQty: 10, price: 18000 }],
  });
  assert.equal(made.status, 201);
  const { id } = (await made.json()) as { id: string };
  const commit = await w.client().json('POST', `/api/v1/group-buys/${id}/commitments`, {
    qty: 12,
    buyer: { name: 'Pak Slamet', phone: '081298765432' },
    paymentMethod: 'cod',
  });
  assert.equal(commit.status, 201);
  assert.equal(((await commit.json()) as { seenPrice: number }).seenPrice, 18000);
  const gb = (await (await w.client().get(`/api/v1/group-buys/${id}`)).json()) as {
    committedQty: number;
    priceNow: number;
  };
  assert.equal(gb.committedQty, 12);
  assert.equal(gb.priceNow, 18000);
});
