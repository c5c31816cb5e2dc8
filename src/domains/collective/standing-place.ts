// Placing standing orders when a cycle of their series opens: exactly once per standing order
// and cycle (the run row's primary key is claimed in the order's own transaction, so a job run
// twice, or two sweeps at once, finds the row and places nothing). Each order goes through the
// cycle's one checkout path (orderFromCycle → orders' placeOrder). An item the cycle no longer
// offers, that is unlisted or out of stock is dropped with a notice on the run row, which the
// subscriber's page shows; with nothing left, the cycle is skipped with its notices.
import { inTransactionResult, nowIso, type Db, type Tx } from '../../kernel/db/index.js';
import { fail, ok } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { newId } from '../../kernel/ids/index.js';
import { stockOf } from '../catalog/index.js';
import type { CyclesTable, StandingOrdersTable, StandingOutcome } from './collective.tables.js';
import { variantsByIds } from './collective.queries.js';
import { orderFromCycle } from './cycle-order.js';
import { recordEvent } from './record.js';

export interface Notice {
  reason: 'buyer_skipped' | 'not_in_cycle' | 'not_listed' | 'out_of_stock' | 'order_failed';
  variantId?: string;
  title?: string;
  available?: number;
  code?: string;
}

export interface Placement {
  placed: number;
  partial: number;
  skipped: number;
}

/**
 * Who the order is placed as. The subscription is the buyer's standing instruction, given
 * signed in; the job acts for that account only (no grants). A household's standing order
 * acts as the agent who recorded it with consent, at that one point and for nothing else.
 */
function actorFor(so: StandingOrdersTable): Actor {
  if (so.agent_user_id)
    return {
      userId: so.agent_user_id,
      displayName: so.buyer_name,
      locale: null,
      via: 'token',
      grants: [
        {
          role: 'village_agent',
          scopeType: 'service_point',
          scopeId: so.service_point_id,
          regionCode: null,
        },
      ],
    };
  return {
    userId: so.buyer_user_id!,
    displayName: so.buyer_name,
    locale: null,
    via: 'token',
    grants: [],
  };
}

/** The lines that can be ordered this cycle, and a notice for each that cannot. */
async function available(tx: Tx, cycleId: string, soId: string) {
  const lines = await tx
    .selectFrom('standing_order_lines')
    .select(['variant_id', 'qty'])
    .where('standing_order_id', '=', soId)
    .orderBy('variant_id')
    .execute();
  const offered = new Set(
    (
      await tx
        .selectFrom('cycle_products')
        .select('variant_id')
        .where('cycle_id', '=', cycleId)
        .execute()
    ).map((r) => r.variant_id),
  );
  const facts = new Map(
    (
      await variantsByIds(
        tx,
        lines.map((l) => l.variant_id),
      )
    ).map((v) => [v.variant_id, v]),
  );
  const keep: { variantId: string; qty: number }[] = [];
  const notices: Notice[] = [];
  for (const l of lines) {
    const v = facts.get(l.variant_id);
    const title = v ? `${v.title} (${v.label})` : l.variant_id;
    if (!offered.has(l.variant_id))
      notices.push({ reason: 'not_in_cycle', variantId: l.variant_id, title });
    else if (!v?.active || !v.listed)
      notices.push({ reason: 'not_listed', variantId: l.variant_id, title });
    else {
      const stock = await stockOf(tx, l.variant_id);
      const left = stock?.available ?? 0;
      if (left < l.qty)
        notices.push({ reason: 'out_of_stock', variantId: l.variant_id, title, available: left });
      else keep.push({ variantId: l.variant_id, qty: l.qty });
    }
  }
  return { keep, notices };
}

/** Claims the run row; false when this standing order already ran in this cycle. */
async function claim(
  tx: Tx,
  so: StandingOrdersTable,
  cycleId: string,
  outcome: StandingOutcome,
  groupId: string | null,
  notices: Notice[],
) {
  const r = await tx
    .insertInto('standing_order_runs')
    .values({
      standing_order_id: so.id,
      cycle_id: cycleId,
      outcome,
      group_id: groupId,
      notices: JSON.stringify(notices),
      at: nowIso(),
    })
    .onConflict((oc) => oc.columns(['standing_order_id', 'cycle_id']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  await recordEvent(tx, {
    actorId: null,
    kind: `collective.standing_${outcome}`,
    entityType: 'standing_order',
    entityId: so.id,
    data: { cycle: cycleId, group: groupId, notices: notices.map((n) => n.reason) },
  });
  return true;
}

/** Records a cycle with no order (asked to skip, or nothing orderable); resets a one-off skip. */
async function skip(db: Db, so: StandingOrdersTable, cycleId: string, notices: Notice[]) {
  return inTransactionResult(db, async (tx) => {
    if (!(await claim(tx, so, cycleId, 'skipped', null, notices))) return fail('ALREADY');
    if (notices.some((n) => n.reason === 'buyer_skipped'))
      await tx
        .updateTable('standing_orders')
        .set({ skip_next: 0, updated_at: nowIso() })
        .where('id', '=', so.id)
        .execute();
    return ok('skipped' as const);
  });
}

/** Places one standing order in one cycle, at most once. */
async function placeOne(db: Db, cycle: CyclesTable, so: StandingOrdersTable, now: Date) {
  if (so.skip_next) return skip(db, so, cycle.id, [{ reason: 'buyer_skipped' }]);
  const { keep, notices } = await available(db, cycle.id, so.id);
  if (!keep.length) return skip(db, so, cycle.id, notices);
  const groupId = newId('grp');
  const outcome: StandingOutcome = notices.length ? 'partial' : 'placed';
  const placed = await inTransactionResult(db, async (tx) => {
    if (!(await claim(tx, so, cycle.id, outcome, groupId, notices))) return fail('ALREADY');
    const r = await orderFromCycle(
      tx,
      actorFor(so),
      {
        cycleId: cycle.id,
        lines: keep,
        buyer: { name: so.buyer_name, phone: so.buyer_phone, userId: so.buyer_user_id },
        servicePointId: so.service_point_id,
        paymentMethod: so.payment_method,
        groupId,
        assisted: so.agent_user_id
          ? { agentServicePointId: so.service_point_id, consent: true }
          : undefined,
      },
      now,
    );
    return r.ok ? ok(outcome) : r;
  });
  if (placed.ok || placed.code === 'ALREADY') return placed;
  // The checkout refused (stock taken meanwhile, cycle just closed …): no order, said so.
  return skip(db, so, cycle.id, [...notices, { reason: 'order_failed', code: placed.code }]);
}

/** Places every active standing order of the cycle's series that has not run in it yet. */
export async function placeStandingOrders(
  db: Db,
  cycleId: string,
  now = new Date(),
): Promise<Placement> {
  const result: Placement = { placed: 0, partial: 0, skipped: 0 };
  const cycle = await db
    .selectFrom('cycles')
    .selectAll()
    .where('id', '=', cycleId)
    .executeTakeFirst();
  const iso = now.toISOString();
  if (!cycle?.series_id || cycle.status !== 'open') return result;
  if (cycle.opens_at > iso || cycle.closes_at <= iso) return result;
  // A standing order starts with the first opening after it was made.
  const due = await db
    .selectFrom('standing_orders as s')
    .selectAll('s')
    .where('s.series_id', '=', cycle.series_id)
    .where('s.status', '=', 'active')
    .where('s.created_at', '<', cycle.opens_at)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('standing_order_runs as r')
            .select('r.cycle_id')
            .whereRef('r.standing_order_id', '=', 's.id')
            .where('r.cycle_id', '=', cycle.id),
        ),
      ),
    )
    .orderBy('s.created_at')
    .execute();
  for (const so of due) {
    const r = await placeOne(db, cycle, so, now);
    if (r.ok) result[r.value]++;
  }
  return result;
}

/** Open cycles (opened by now) with standing orders still to place: the sweep's work list. */
export async function cyclesWithDueStanding(db: Db, now = new Date()): Promise<string[]> {
  const iso = now.toISOString();
  const rows = await db
    .selectFrom('cycles as c')
    .select('c.id')
    .where('c.status', '=', 'open')
    .where('c.opens_at', '<=', iso)
    .where('c.closes_at', '>', iso)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('standing_orders as s')
          .select('s.id')
          .whereRef('s.series_id', '=', 'c.series_id')
          .where('s.status', '=', 'active')
          .whereRef('s.created_at', '<', 'c.opens_at')
          .where((e2) =>
            e2.not(
              e2.exists(
                e2
                  .selectFrom('standing_order_runs as r')
                  .select('r.cycle_id')
                  .whereRef('r.standing_order_id', '=', 's.id')
                  .whereRef('r.cycle_id', '=', 'c.id'),
              ),
            ),
          ),
      ),
    )
    .limit(100)
    .execute();
  return rows.map((r) => r.id);
}
