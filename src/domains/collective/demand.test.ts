// Aggregated demand: requests agents recorded at the organisation's points (orders' assisted
// demand, through orders' index) appear to the coordinator summed by village and week; another
// organisation's coordinator sees none of them; mixed units are listed, not summed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeCycleWorld, type CycleWorld } from '../../../test/support/collective.js';
import { unwrap } from '../../kernel/errors/index.js';
import { recordDemand } from '../orders/index.js';
import { aggregateDemand, weekOf } from './demand.js';

let w: World;
let cw: CycleWorld;
before(async () => {
  w = await createWorld();
  cw = await makeCycleWorld(w.h, { producers: 1, points: 1 });
});
after(() => w.close());

test('weeks start on Monday', () => {
  assert.equal(weekOf('2026-12-03T10:00:00.000Z'), '2026-11-30');
  assert.equal(weekOf('2026-11-30T00:00:00.000Z'), '2026-11-30');
  assert.equal(weekOf('2026-12-06T23:59:00.000Z'), '2026-11-30');
});

test('requests are summed by village, week and goods; strangers see none', async () => {
  const point = { id: cw.points[0], village_code: cw.village };
  const ask = (what: string, quantity: string) =>
    recordDemand(w.h.db, 'usr_agent_demand', point, {
      what,
      quantity,
      villageCode: cw.village,
      consent: false,
    });
  unwrap(await ask('Pupuk NPK', '50 kg'));
  unwrap(await ask('pupuk  npk', '20 kg'));
  unwrap(await ask('Bibit kopi', '100 batang'));
  unwrap(await ask('Bibit kopi', '2 karung'));
  const coord = await w.as('community_manager', cw.organisationId);
  const res = await coord.get('/siklus/permintaan');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /Pupuk NPK<\/td><td>2 \(2 belum ditangani\)<\/td><td>70 kg/);
  assert.match(html, /100 batang \+ 2 karung/);
  const stranger = await w.as(
    'community_manager',
    (await makeCycleWorld(w.h, { producers: 1, points: 1 })).organisationId,
  );
  const other = await (await stranger.get('/siklus/permintaan')).text();
  assert.doesNotMatch(other, /Pupuk NPK/);
  assert.match(other, /Belum ada permintaan/);
  assert.equal(
    (await (await w.as('village_agent', cw.points[0])).get('/siklus/permintaan')).status,
    403,
  );
});

test('aggregation keeps villages and weeks apart', () => {
  const row = (village: string, at: string, what: string, quantity: string) =>
    ({
      village_code: village,
      village_name: village,
      created_at: at,
      what,
      quantity,
      state: 'open',
    }) as Parameters<typeof aggregateDemand>[0][number];
  const g = aggregateDemand([
    row('A', '2026-12-01T00:00:00Z', 'Beras', '5 kg'),
    row('B', '2026-12-01T00:00:00Z', 'Beras', '5 kg'),
    row('A', '2026-12-08T00:00:00Z', 'Beras', '5 kg'),
    row('A', '2026-12-02T00:00:00Z', 'beras', '2,5 kg'),
  ]);
  assert.deepEqual(
    g.map((x) => [x.week, x.villageCode, x.requests, x.total]),
    [
      ['2026-12-07', 'A', 1, '5 kg'],
      ['2026-11-30', 'A', 2, '7.5 kg'],
      ['2026-11-30', 'B', 1, '5 kg'],
    ],
  );
});
