// The reservation sweep runs on the kernel job queue: expired unpaid transfer/QRIS orders are
// cancelled and their stock released; paid-on-delivery orders and live reservations stay.
// Time is injected through the job payload, nothing sleeps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { drain, enqueue } from '../../kernel/jobs/index.js';
import { runStartupTasks } from '../../kernel/cli/index.js';
import { stockOf } from '../catalog/index.js';
import { makeOrder } from '../../../test/support/orders.js';
import { EXPIRE_EVERY_MS, EXPIRE_JOB } from './expiry-job.js';
import { RESERVATION_MS } from './checkout/place-order.js';
import './index.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

const order = (id: string) =>
  w.h.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const queued = () =>
  w.h.db
    .selectFrom('jobs')
    .select(['run_at'])
    .where('type', '=', EXPIRE_JOB)
    .where('status', '=', 'queued')
    .execute();

test('the job cancels expired unpaid reservations, releases their stock and keeps one run queued', async () => {
  const transfer = await makeOrder(w.h, { paymentMethod: 'transfer', qty: 2 });
  const cod = await makeOrder(w.h, { paymentMethod: 'cod', qty: 1 });
  const placed = await order(transfer.orderId);
  assert.ok(placed.reserved_until);
  const expiresAt = Date.parse(placed.reserved_until!);
  assert.equal(expiresAt - Date.parse(placed.placed_at), RESERVATION_MS);
  assert.deepEqual(
    Object.values(
      await stockOf(w.h.db, transfer.variantId).then((x) => ({ a: x!.available, r: x!.reserved })),
    ),
    [8, 2],
  );

  // An hour before expiry: nothing happens.
  await enqueue(w.h.db, EXPIRE_JOB, { now: new Date(expiresAt - 3600_000).toISOString() });
  await drain(w.h.db);
  assert.equal((await order(transfer.orderId)).status, 'placed');

  // A minute after: cancelled, stock back on the shelf, the release in the ledger.
  const later = new Date(expiresAt + 60_000);
  await enqueue(w.h.db, EXPIRE_JOB, { now: later.toISOString() });
  await drain(w.h.db);
  const after = await order(transfer.orderId);
  assert.deepEqual([after.status, after.reserved_until], ['cancelled', null]);
  const s = (await stockOf(w.h.db, transfer.variantId))!;
  assert.deepEqual([s.available, s.reserved], [10, 0]);
  const release = await w.h.db
    .selectFrom('stock_ledger')
    .select(['delta_available', 'reason'])
    .where('ref', '=', transfer.orderId)
    .where('reason', '=', 'release')
    .execute();
  assert.deepEqual(release, [{ delta_available: 2, reason: 'release' }]);
  assert.equal((await order(cod.orderId)).status, 'placed', 'COD holds no expiring reservation');

  const runs = await w.h.db
    .selectFrom('jobs')
    .select(['status', 'result'])
    .where('type', '=', EXPIRE_JOB)
    .where('status', '=', 'done')
    .execute();
  assert.ok(runs.some((r) => JSON.parse(r.result ?? '{}').expired === 1));
  const next = await queued();
  assert.equal(
    next.length,
    1,
    "exactly one future run: the second run found the first one's successor queued",
  );
  assert.equal(Date.parse(next[0].run_at), expiresAt - 3600_000 + EXPIRE_EVERY_MS);
  assert.deepEqual(
    await w.h.db
      .selectFrom('jobs')
      .select('error')
      .where('type', '=', EXPIRE_JOB)
      .where('status', '=', 'failed')
      .execute(),
    [],
  );
});

test('startup queues a run due at once, so `npm start` releases what expired while it was off', async () => {
  await w.h.db.deleteFrom('jobs').where('type', '=', EXPIRE_JOB).execute();
  const before = Date.now();
  await runStartupTasks(w.h);
  const q = await queued();
  assert.equal(q.length, 1);
  assert.ok(Date.parse(q[0].run_at) <= Date.now() && Date.parse(q[0].run_at) >= before - 1000);
  await runStartupTasks(w.h);
  assert.equal((await queued()).length, 1, 'a second start does not queue another');
});
