// Region scoping reads orders by village-code prefix; on PostgreSQL that LIKE must be served by
// an index whatever the database's collation (migration 0640), or national rebuilds scan every
// order once per regency.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createWorld, type World } from '../../../test/support/world.js';
import { inTransaction } from '../../kernel/db/index.js';
import { regionWhere } from '../../kernel/auth/index.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

test('orders of one regency by village-code prefix are found through an index on PostgreSQL', async (t) => {
  if (w.h.dialect !== 'postgres')
    return t.skip('SQLite has no collation rule for LIKE to work around');
  const plan = await inTransaction(w.h.db, async (tx) => {
    // Tables of a test world are tiny: forbid the sequential scan so the plan shows whether an
    // index can serve the prefix at all.
    await sql`set local enable_seqscan = off`.execute(tx);
    const orders = tx
      .selectFrom('orders')
      .select('id')
      .where((eb) => regionWhere(eb, 'village_code', ['53.09']));
    const r = await sql<{ 'QUERY PLAN': string }>`explain ${orders}`.execute(tx);
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  });
  assert.match(plan, /orders_village_prefix/, plan);
  assert.doesNotMatch(plan, /Seq Scan/, plan);
});
