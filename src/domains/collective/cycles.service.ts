// Order cycles (market days): a coordinator opens one with its products, cycle prices and a
// pickup window per service point; buyers and agents order while it is open; closing it
// (by hand or by the sweep at its close time) fixes the lists and makes one consolidated run
// per point, and a repeating cycle opens its successor. Invariants: an order counts in a cycle
// only if the cycle's row was still open when the order's transaction bumped it (the close
// takes the same row), so the lists made at close hold exactly the accepted orders.
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { CycleRepeat } from './collective.tables.js';
import { coordinates } from './access.js';
import { organisationOf, pointsByIds, variantsByIds } from './collective.queries.js';
import { REPEAT_DAYS, addDays, isClock, isDate, pasaranOf, shiftIso } from './calendar.js';
import { recordEvent } from './record.js';
import { makeRuns } from './cycle-runs.js';
import { servicePointsIn } from '../community/index.js';

export const MAX_CYCLE_PRODUCTS = 300;
export const MAX_CYCLE_POINTS = 60;
const MAX_PRICE = 1_000_000_000;

export interface OpenCycleInput {
  organisationId: string;
  name: string;
  opensAt: string;
  closesAt: string;
  repeat: CycleRepeat;
  products: { variantId: string; price?: number | null }[];
  points: { servicePointId: string; pickupDate: string; pickupFrom: string; pickupTo: string }[];
}

const fieldFail = (code: string, field: string, key: string, params?: Record<string, unknown>) =>
  fail(code, params, { [field]: { key, params } });

/** Checks a cycle's input against the clock and the catalogue; writes nothing. */
async function validateCycle(db: Tx, input: OpenCycleInput, now: Date) {
  const name = (input.name ?? '').trim();
  if (name.length < 3 || name.length > 120)
    return fieldFail('COLLECTIVE_BAD_NAME', 'name', 'collective.err.bad_name');
  const opens = Date.parse(input.opensAt);
  const closes = Date.parse(input.closesAt);
  if (Number.isNaN(opens) || Number.isNaN(closes))
    return fieldFail('COLLECTIVE_BAD_TIME', 'closes_at', 'collective.err.bad_time');
  if (closes <= now.getTime())
    return fieldFail('COLLECTIVE_TIME_PAST', 'closes_at', 'collective.err.time_past');
  if (closes <= opens)
    return fieldFail('COLLECTIVE_BAD_WINDOW', 'closes_at', 'collective.err.bad_window');
  if (!['none', 'weekly', 'pasaran'].includes(input.repeat))
    return fieldFail('COLLECTIVE_BAD_REPEAT', 'repeat', 'collective.err.bad_repeat');
  const products = input.products ?? [];
  if (!products.length || products.length > MAX_CYCLE_PRODUCTS)
    return fieldFail('COLLECTIVE_NO_PRODUCTS', 'products', 'collective.err.no_products', {
      max: MAX_CYCLE_PRODUCTS,
    });
  if (new Set(products.map((p) => p.variantId)).size !== products.length)
    return fieldFail('COLLECTIVE_DUPLICATE', 'products', 'collective.err.duplicate');
  const variants = new Map(
    (
      await variantsByIds(
        db,
        products.map((p) => String(p.variantId)),
      )
    ).map((v) => [v.variant_id, v]),
  );
  for (const p of products) {
    const v = variants.get(p.variantId);
    if (!v?.active || !v.listed)
      return fieldFail('COLLECTIVE_NOT_LISTED', 'products', 'collective.err.not_listed', {
        title: v?.title ?? '',
      });
    if (
      p.price !== undefined &&
      p.price !== null &&
      (!Number.isInteger(p.price) || p.price <= 0 || p.price > MAX_PRICE)
    )
      return fieldFail('COLLECTIVE_BAD_PRICE', 'products', 'collective.err.bad_price', {
        title: v.title,
      });
  }
  const points = input.points ?? [];
  if (!points.length || points.length > MAX_CYCLE_POINTS)
    return fieldFail('COLLECTIVE_NO_POINTS', 'points', 'collective.err.no_points');
  if (new Set(points.map((p) => p.servicePointId)).size !== points.length)
    return fieldFail('COLLECTIVE_DUPLICATE', 'points', 'collective.err.duplicate');
  const known = new Map(
    (
      await pointsByIds(
        db,
        points.map((p) => String(p.servicePointId)),
      )
    ).map((p) => [p.id, p]),
  );
  const closeDay = input.closesAt.slice(0, 10);
  for (const p of points) {
    const sp = known.get(p.servicePointId);
    if (!sp) return fieldFail('COLLECTIVE_UNKNOWN_POINT', 'points', 'collective.err.unknown_point');
    if (!isDate(p.pickupDate) || !isClock(p.pickupFrom) || !isClock(p.pickupTo))
      return fieldFail('COLLECTIVE_BAD_PICKUP', 'points', 'collective.err.bad_pickup', {
        point: sp.name,
      });
    if (p.pickupFrom >= p.pickupTo || p.pickupDate < closeDay)
      return fieldFail('COLLECTIVE_BAD_PICKUP', 'points', 'collective.err.bad_pickup', {
        point: sp.name,
      });
  }
  return ok({ name, variants, points });
}

/** Opens a cycle of the coordinator's organisation; nothing is written on any bad input. */
export async function openCycle(
  db: Tx,
  actor: Actor,
  input: OpenCycleInput,
  now = new Date(),
): Promise<Result<string>> {
  if (!coordinates(actor, input.organisationId)) return fail('FORBIDDEN');
  const org = await organisationOf(db, input.organisationId);
  if (!org) return fail('NOT_FOUND');
  const v = await validateCycle(db, input, now);
  if (!v.ok) return v;
  const collectionPointId = await collectionPointOf(db, org, input.points[0]!.servicePointId);
  const id = newId('cyc');
  return inTransactionResult(db, async (tx) => {
    await tx
      .insertInto('cycles')
      .values({
        id,
        organisation_id: org.id,
        village_code: org.village_code,
        name: v.value.name,
        opens_at: new Date(input.opensAt).toISOString(),
        closes_at: new Date(input.closesAt).toISOString(),
        repeat: input.repeat,
        status: 'open',
        order_count: 0,
        previous_id: null,
        series_id: id,
        collection_point_id: collectionPointId,
        created_by: actor.userId,
        created_at: nowIso(),
        closed_at: null,
        is_demo: 0,
      })
      .execute();
    await tx
      .insertInto('cycle_products')
      .values(
        input.products.map((p) => {
          const vr = v.value.variants.get(p.variantId)!;
          return {
            cycle_id: id,
            variant_id: vr.variant_id,
            product_id: vr.product_id,
            umkm_id: vr.umkm_id,
            price: p.price ?? vr.price,
            list_price: vr.price,
          };
        }),
      )
      .execute();
    await tx
      .insertInto('cycle_points')
      .values(
        input.points.map((p) => ({
          cycle_id: id,
          service_point_id: p.servicePointId,
          pickup_date: p.pickupDate,
          pickup_from: p.pickupFrom,
          pickup_to: p.pickupTo,
        })),
      )
      .execute();
    await recordEvent(tx, {
      actorId: actor.userId,
      kind: 'collective.cycle_opened',
      entityType: 'cycle',
      entityId: id,
      data: { products: input.products.length, points: input.points.length, repeat: input.repeat },
    });
    return ok(id);
  });
}

/**
 * Where producers bring a cycle's goods: the coordinating organisation's own service point in
 * its village, else the cycle's first pickup point.
 */
async function collectionPointOf(
  db: Tx,
  org: { id: string; village_code: string },
  firstPickupPointId: string,
): Promise<string> {
  const own = (await servicePointsIn(db, org.village_code)).find(
    (p) => p.organisation_id === org.id,
  );
  return own?.id ?? firstPickupPointId;
}

export interface Closed {
  cycleId: string;
  runs: number;
  orders: number;
  nextCycleId: string | null;
}

/**
 * Closes a cycle once: the status moves open → closed by a conditional update (a second close,
 * or a close racing the sweep, finds no open row and is refused), the runs per point are made
 * from the accepted orders and a repeating cycle opens its successor, all in one transaction.
 */
export async function closeCycle(
  db: Tx,
  actor: Actor | null,
  cycleId: string,
): Promise<Result<Closed>> {
  const cycle = await db
    .selectFrom('cycles')
    .select(['id', 'organisation_id'])
    .where('id', '=', cycleId)
    .executeTakeFirst();
  if (!cycle) return fail('NOT_FOUND');
  // A null actor is the sweep closing a cycle at its close time.
  if (actor && !coordinates(actor, cycle.organisation_id)) return fail('FORBIDDEN');
  return inTransactionResult(db, async (tx) => {
    const at = nowIso();
    const moved = await tx
      .updateTable('cycles')
      .set({ status: 'closed', closed_at: at })
      .where('id', '=', cycleId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return fail('COLLECTIVE_ALREADY_CLOSED');
    const c = await tx
      .selectFrom('cycles')
      .selectAll()
      .where('id', '=', cycleId)
      .executeTakeFirstOrThrow();
    const runs = await makeRuns(tx, c, at);
    const nextCycleId = c.repeat === 'none' ? null : await openSuccessor(tx, c);
    await recordEvent(tx, {
      actorId: actor?.userId ?? null,
      kind: 'collective.cycle_closed',
      entityType: 'cycle',
      entityId: cycleId,
      data: { orders: c.order_count, runs: runs.length, next: nextCycleId },
    });
    return ok({ cycleId, runs: runs.length, orders: c.order_count, nextCycleId });
  });
}

type CycleRow = Awaited<ReturnType<typeof readCycle>>;
const readCycle = (tx: Tx, id: string) =>
  tx.selectFrom('cycles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** The next cycle of a series: same products, prices and points, shifted by the repeat. */
async function openSuccessor(tx: Tx, c: NonNullable<CycleRow>): Promise<string> {
  const days = REPEAT_DAYS[c.repeat as 'weekly' | 'pasaran'];
  const id = newId('cyc');
  await tx
    .insertInto('cycles')
    .values({
      ...c,
      id,
      opens_at: shiftIso(c.opens_at, days),
      closes_at: shiftIso(c.closes_at, days),
      status: 'open',
      order_count: 0,
      previous_id: c.id,
      created_at: nowIso(),
      closed_at: null,
    })
    .execute();
  const products = await tx
    .selectFrom('cycle_products')
    .selectAll()
    .where('cycle_id', '=', c.id)
    .execute();
  await tx
    .insertInto('cycle_products')
    .values(products.map((p) => ({ ...p, cycle_id: id })))
    .execute();
  const points = await tx
    .selectFrom('cycle_points')
    .selectAll()
    .where('cycle_id', '=', c.id)
    .execute();
  await tx
    .insertInto('cycle_points')
    .values(points.map((p) => ({ ...p, cycle_id: id, pickup_date: addDays(p.pickup_date, days) })))
    .execute();
  await recordEvent(tx, {
    actorId: null,
    kind: 'collective.cycle_opened',
    entityType: 'cycle',
    entityId: id,
    data: { previous: c.id, repeat: c.repeat },
  });
  return id;
}

/** The market day name of a pickup date (shown beside pasaran cycles). */
export const marketDayOf = pasaranOf;
