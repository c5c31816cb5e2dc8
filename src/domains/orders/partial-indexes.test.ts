// Orders index their agent and their reservation only where there is one (migration 0642):
// the queries that read those indexes must still be served by them on both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createWorld, type World } from '../../../test/support/world.js';
import { planWithoutSeqScan } from '../../../test/support/plan.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

test("an agent's orders in a period are read through the partial agent index", async () => {
  const plan = await planWithoutSeqScan(
    w.h.db,
    w.h.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agent_user_id', '=', 'usr_x')
      .where('placed_at', '>=', '2026-12-01')
      .where('placed_at', '<', '2026-12-02'),
  );
  assert.match(plan, /orders_agent/, plan);
});

test('reservations past due are read through the partial reservation index', async () => {
  const due = w.h.db
    .selectFrom('orders')
    .select('id')
    .where('reserved_until', '<', '2026-12-06T00:00:00.000Z');
  // The expiry job's own query; on PostgreSQL an empty table's statistics let the planner pick
  // any index for its other terms, so there the reservation term alone shows the index serves it.
  const job = due
    .where('status', '=', 'placed')
    .where('payment_status', '=', 'unpaid')
    .where('fulfilment_status', '=', 'unfulfilled')
    .limit(500);
  const plan = await planWithoutSeqScan(w.h.db, w.h.dialect === 'postgres' ? due : job);
  assert.match(plan, /orders_reserved/, plan);
});

test('orders without an agent or a reservation have no entry in those indexes', async () => {
  const definition = async (index: string) => {
    const r =
      w.h.dialect === 'postgres'
        ? await sql<{
            d: string;
          }>`select indexdef as d from pg_indexes where indexname = ${index}`.execute(w.h.db)
        : await sql<{
            d: string;
          }>`select sql as d from sqlite_master where name = ${index}`.execute(w.h.db);
    return r.rows[0]?.d ?? '';
  };
  assert.match(await definition('orders_agent'), /where \(?agent_user_id is not null/i);
  assert.match(await definition('orders_reserved'), /where \(?reserved_until is not null/i);
});
