// Region scoping reads orders by village-code prefix; on PostgreSQL that LIKE must be served by
// an index whatever the database's collation (migration 0640), or national rebuilds scan every
// order once per regency.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { planWithoutSeqScan } from '../../../test/support/plan.js';
import { regionWhere } from '../../kernel/auth/index.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

test('orders of one regency by village-code prefix are found through an index on PostgreSQL', async (t) => {
  if (w.h.dialect !== 'postgres')
    return t.skip('SQLite has no collation rule for LIKE to work around');
  const plan = await planWithoutSeqScan(
    w.h.db,
    w.h.db
      .selectFrom('orders')
      .select('id')
      .where((eb) => regionWhere(eb, 'village_code', ['53.09'])),
  );
  assert.match(plan, /orders_village_prefix/, plan);
  assert.doesNotMatch(plan, /Seq Scan/, plan);
});
