// Lots on the real database (SQLite, or PostgreSQL with LUMBUNG_TEST_DATABASE_URL): split and
// merge keep every gram traced to its intake, and another koperasi can neither see nor pay
// this one's lots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  makeIntake,
  makeKoperasi,
  makeProducer,
  setCoffeePrices,
  type Koperasi,
} from '../../../test/support/produce.js';
import { unwrap } from '../../kernel/errors/index.js';
import { createLot, mergeLots, payOutLot, splitLot } from './index.js';

let w: World;
let k: Koperasi;
before(async () => {
  w = await createWorld();
  k = await makeKoperasi(w);
  await setCoffeePrices(w, k);
});
after(() => w.close());

test('split and merge keep every gram traced to its intake', async () => {
  const ids = [];
  for (const n of ['A', 'B', 'C']) {
    const p = await makeProducer(w, k, `Petani ${n}`);
    ids.push((await makeIntake(w, k, p, { grossGrams: 10_001 + n.charCodeAt(0) })).id);
  }
  const lot = unwrap(
    await createLot(w.h.db, k.manager, {
      organisationId: k.orgId,
      name: 'Lot uji',
      intakeIds: ids,
    }),
  );
  const grams = async (lotIds: string[]) =>
    (
      await w.h.db
        .selectFrom('produce_lot_contributions')
        .selectAll()
        .where('lot_id', 'in', lotIds)
        .execute()
    ).reduce(
      (m, c) => m.set(c.intake_id, (m.get(c.intake_id) ?? 0) + c.net_g),
      new Map<string, number>(),
    );
  const original = await grams([lot.id]);
  const split = unwrap(
    await splitLot(w.h.db, k.manager, lot.id, { weightGrams: 7_777, name: 'Bagian kecil' }),
  );
  assert.deepEqual(await grams(split.ids), original);
  const merged = unwrap(
    await mergeLots(w.h.db, k.manager, split.ids[0], {
      otherLotId: split.ids[1],
      name: 'Gabungan',
    }),
  );
  assert.deepEqual(await grams([merged.id]), original);
  // A closed lot is no longer split or pooled again.
  assert.equal(
    (await splitLot(w.h.db, k.manager, lot.id, { weightGrams: 1, name: 'x' })).ok,
    false,
  );
  assert.equal(
    (
      await createLot(w.h.db, k.manager, {
        organisationId: k.orgId,
        name: 'Lagi',
        intakeIds: [ids[0]],
      })
    ).ok,
    false,
  );
});

test('another koperasi cannot see or pay this one’s lots', async () => {
  const other = await makeKoperasi(w, 1);
  const p = await makeProducer(w, k, 'Y');
  const i = await makeIntake(w, k, p);
  const lot = unwrap(
    await createLot(w.h.db, k.manager, { organisationId: k.orgId, name: 'Lot', intakeIds: [i.id] }),
  );
  const r = await payOutLot(w.h.db, other.manager, lot.id);
  assert.equal(r.ok ? '' : r.code, 'NOT_FOUND');
  // Naming this koperasi's intake in another koperasi's lot or intake form is refused, nothing written.
  const spare = await makeIntake(w, k, p);
  const lots = await w.h.db.selectFrom('produce_lots').select('id').execute();
  const r2 = await createLot(w.h.db, other.manager, {
    organisationId: other.orgId,
    name: 'Curian',
    intakeIds: [spare.id],
  });
  assert.equal(r2.ok, false);
  assert.equal(
    (await w.h.db.selectFrom('produce_lots').select('id').execute()).length,
    lots.length,
  );
  const foreign = await w.as([['community_manager', other.orgId]]);
  assert.equal((await foreign.get(`/produksi/lot/${lot.id}`)).status, 404);
  assert.equal((await foreign.get(`/produksi/setoran/${i.id}`)).status, 404);
});
