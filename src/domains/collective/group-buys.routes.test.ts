// Group buy pages with JavaScript off: the agent opens one at the point (a rising tier is
// refused in Bahasa), it shows on the village page, a villager commits (a resubmit counts
// once), and the buyer's confirmation page of a cycle order names the pickup day and place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeCycle, makeCycleWorld, type CycleWorld } from '../../../test/support/collective.js';
import { unwrap } from '../../kernel/errors/index.js';
import { utcToLocal } from './calendar.js';
import { orderFromCycle } from './index.js';

let w: World;
let cw: CycleWorld;
before(async () => {
  w = await createWorld();
  cw = await makeCycleWorld(w.h, { producers: 1, points: 1, stock: 1000 });
});
after(() => w.close());

test('agent opens a group buy; the village page shows it; a villager commits once', async () => {
  const agent = await w.as('village_agent', cw.points[0]);
  const form = await agent.get('/titik/patungan');
  assert.equal(form.status, 200);
  const base = {
    point: cw.points[0],
    variant: cw.variants[0].variantId,
    minimum: '100',
    deadline: utcToLocal(new Date(Date.now() + 86400_000).toISOString(), cw.village),
    tier_qty_1: '100',
    tier_price_1: '15000',
    tier_qty_2: '200',
    tier_price_2: '16000',
  };
  const rising = await agent.form('/titik/patungan', base);
  assert.equal(rising.status, 422);
  assert.match(await rising.text(), /Harga harus turun ketika jumlah naik/);
  assert.equal((await w.h.db.selectFrom('group_buys').select('id').execute()).length, 0);
  const made = await agent.form('/titik/patungan', { ...base, tier_price_2: '14000' });
  assert.equal(made.status, 303);
  const url = made.headers.get('location')!;

  const village = await (await w.client().get(`/desa/${cw.village}`)).text();
  assert.match(village, new RegExp(`href="${url}"`), 'shown on the village page');
  assert.match(
    await (await agent.get('/titik/patungan')).text(),
    new RegExp(`href="${url}"`),
    'and at the point',
  );

  const villager = w.client();
  const page = await (await villager.get(url)).text();
  const commitId = /name="commit_id" value="([^"]+)"/.exec(page)![1];
  const body = {
    commit_id: commitId,
    qty: '60',
    name: 'Pak Slamet',
    phone: '081298765432',
    payment: 'cod',
  };
  const first = await villager.form(url, body);
  assert.equal(first.status, 303);
  const again = await villager.form(url, body);
  assert.equal(again.status, 303);
  const gb = await w.h.db
    .selectFrom('group_buys')
    .select('committed_qty')
    .executeTakeFirstOrThrow();
  assert.equal(gb.committed_qty, 60, 'a resubmitted form counts once');
  const bad = await villager.form(url, { ...body, commit_id: '', qty: '0' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Jumlah harus bilangan bulat 1–999/);
});

test("a cycle order's confirmation page names the pickup day and place", async () => {
  const cycleId = await makeCycle(w.h, cw);
  const placed = unwrap(
    await orderFromCycle(w.h.db, null, {
      cycleId,
      lines: [{ variantId: cw.variants[0].variantId, qty: 1 }],
      buyer: { name: 'Mbak Rina', phone: '081234500001' },
      servicePointId: cw.points[0],
      paymentMethod: 'cod',
    }),
  );
  const { confirmationPath } = await import('../orders/index.js');
  const res = await w.client().get(confirmationPath('test-secret', placed.groupId));
  assert.equal(res.status, 200);
  assert.match(await res.text(), /Ambil di Titik 1, .+ 08\.00–11\.00 \(siklus Pasar Kamis\)/);
});
