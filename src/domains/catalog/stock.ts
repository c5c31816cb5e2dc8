// Stock changes, the only way stock moves. Every change is a conditional UPDATE checked by
// rows affected (never read-modify-write, so concurrent checkouts cannot oversell) plus a
// ledger row with its reason. Invariant per variant: initial + restocks + returns ±
// corrections = available + reserved + sold.
import { sql } from 'kysely';
import { newId } from '../../kernel/ids/index.js';
import { insertRows, isPostgres, nowIso, prepareNamed, type Tx } from '../../kernel/db/index.js';
import type { StockLedgerTable, StockReason } from './catalog.tables.js';
import './catalog.tables.js';

async function ledger(
  tx: Tx,
  variantId: string,
  dA: number,
  dR: number,
  reason: StockReason,
  ref: string | null,
  actorId: string | null,
) {
  await tx
    .insertInto('stock_ledger')
    .values({
      id: newId('stk'),
      variant_id: variantId,
      delta_available: dA,
      delta_reserved: dR,
      reason,
      ref,
      actor_id: actorId,
      at: nowIso(),
    })
    .execute();
}

const changed = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows) === 1;

/** Moves `qty` from available to reserved; false (nothing written) when not enough is available. */
export async function reserveStock(
  tx: Tx,
  variantId: string,
  qty: number,
  ref: string,
  actorId: string | null = null,
): Promise<boolean> {
  const r = await tx
    .updateTable('stock')
    .set({
      available: sql`available - ${qty}`,
      reserved: sql`reserved + ${qty}`,
      updated_at: nowIso(),
    })
    .where('variant_id', '=', variantId)
    .where('available', '>=', qty)
    .executeTakeFirst();
  if (!changed(r)) return false;
  await ledger(tx, variantId, -qty, qty, 'reservation', ref, actorId);
  return true;
}

/**
 * Reserves many lines at once (group commit): one conditional update for all variants, each
 * taking the sum of its lines, and one ledger row per line. All or nothing: false means some
 * variant had too little, and the caller must roll its transaction back.
 *
 * One statement, not one per variant: on PostgreSQL a batch holds its stock rows' locks from
 * here to its commit, and batches of the same products wait for each other, so each round trip
 * inside that window lengthens everyone's wait (23 updates of ≈ 2.4 ms made checkout over HTTP
 * serialise at ≈ 460/s). Checkout calls this after its other writes, just before the audit
 * chain (whose lock comes after the stock rows', as in order transitions).
 */
export async function reserveStockMany(
  tx: Tx,
  lines: { variantId: string; qty: number; ref: string; actorId: string | null }[],
): Promise<boolean> {
  const totals = new Map<string, number>();
  for (const l of lines) totals.set(l.variantId, (totals.get(l.variantId) ?? 0) + l.qty);
  const at = nowIso();
  const rows = lines.map((l) => ({
    id: newId('stk'),
    variant_id: l.variantId,
    delta_available: -l.qty,
    delta_reserved: l.qty,
    reason: 'reservation' as const,
    ref: l.ref,
    actor_id: l.actorId,
    at,
  }));
  if (isPostgres(tx)) return reserveInOneStatement(tx, totals, rows, at);
  const all = [...totals];
  // 2 parameters a variant: 500 variants stay under every driver's bound-parameter limit.
  for (let i = 0; i < all.length; i += 500) {
    const part = all.slice(i, i + 500);
    const wanted = sql.join(part.map(([id, qty]) => sql`(${id}, ${qty})`));
    const r = await sql`with wanted(variant_id, qty) as (values ${wanted})
      update stock set available = stock.available - wanted.qty,
        reserved = stock.reserved + wanted.qty, updated_at = ${at}
      from wanted where stock.variant_id = wanted.variant_id and stock.available >= wanted.qty`.execute(
      tx,
    );
    if (Number(r.numAffectedRows ?? 0) !== part.length) return false;
  }
  await insertRows(tx, 'stock_ledger', rows);
  return true;
}

type LedgerRow = Pick<
  StockLedgerTable,
  'id' | 'variant_id' | 'delta_reserved' | 'ref' | 'actor_id'
>;

/**
 * PostgreSQL: the rows' locks, the conditional update and the ledger in one round trip (three
 * made the locked window of a checkout batch 5 ms longer under load: bench/README.md, "The audit
 * chain last"). The rows are locked first, in variant-id order (`locked`, read whole by the
 * update's one-time condition before it changes a row), so batches taking the same variants
 * queue instead of deadlocking (an UPDATE … FROM locks in its join's order). The condition and
 * the new levels read the rows as locked, the newest versions, held to the commit: the
 * statement's snapshot, taken before it waited for the locks, may predate another transaction's
 * commit, and `stock.available` there was the old level (a restock meanwhile then failed the
 * CHECK; stock.test.ts pins both directions). The ledger is written only when every
 * variant had enough. Arrays, not a VALUES list: one text for any batch, a named prepared
 * statement (kernel/db/prepared.ts).
 */
async function reserveInOneStatement(
  tx: Tx,
  totals: Map<string, number>,
  rows: LedgerRow[],
  at: string,
): Promise<boolean> {
  const ids = [...totals.keys()];
  const q = sql<{ n: number }>`with wanted as (
      select * from unnest(${ids}::text[], ${[...totals.values()]}::integer[]) as w(variant_id, qty)),
    locked as materialized (
      select variant_id, available, reserved from stock where variant_id = any(${ids}::text[])
      order by variant_id for update),
    taken as (
      update stock set available = locked.available - wanted.qty,
        reserved = locked.reserved + wanted.qty, updated_at = ${at}
      from wanted join locked on locked.variant_id = wanted.variant_id
      where stock.variant_id = wanted.variant_id and locked.available >= wanted.qty
        and (select count(*) from locked) > 0
      returning 1),
    ledger as (
      insert into stock_ledger (id, variant_id, delta_available, delta_reserved, reason, ref, actor_id, at)
      select l.id, l.variant_id, -l.qty, l.qty, 'reservation', l.ref, l.actor_id, ${at}
      from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.variant_id)}::text[],
        ${rows.map((r) => r.delta_reserved)}::integer[], ${rows.map((r) => r.ref)}::text[],
        ${rows.map((r) => r.actor_id)}::text[]) as l(id, variant_id, qty, ref, actor_id)
      where (select count(*) from taken) = ${ids.length})
    select count(*)::integer as n from taken`.compile(tx);
  prepareNamed(q.sql);
  const r = await tx.executeQuery(q);
  return r.rows[0]?.n === ids.length;
}

/** Returns a reservation to available stock (cancelled or expired order). */
export async function releaseStock(
  tx: Tx,
  variantId: string,
  qty: number,
  ref: string,
  actorId: string | null = null,
): Promise<boolean> {
  const r = await tx
    .updateTable('stock')
    .set({
      available: sql`available + ${qty}`,
      reserved: sql`reserved - ${qty}`,
      updated_at: nowIso(),
    })
    .where('variant_id', '=', variantId)
    .where('reserved', '>=', qty)
    .executeTakeFirst();
  if (!changed(r)) return false;
  await ledger(tx, variantId, qty, -qty, 'release', ref, actorId);
  return true;
}

/** Turns a reservation into a sale (the goods left with the order). */
export async function commitSale(
  tx: Tx,
  variantId: string,
  qty: number,
  ref: string,
  actorId: string | null = null,
): Promise<boolean> {
  const r = await tx
    .updateTable('stock')
    .set({ reserved: sql`reserved - ${qty}`, updated_at: nowIso() })
    .where('variant_id', '=', variantId)
    .where('reserved', '>=', qty)
    .executeTakeFirst();
  if (!changed(r)) return false;
  await ledger(tx, variantId, 0, -qty, 'sale', ref, actorId);
  return true;
}

/**
 * Adds (restock, return) or removes (negative correction) available units. A correction
 * that would go below zero changes nothing and returns false.
 */
export async function adjustStock(
  tx: Tx,
  variantId: string,
  delta: number,
  reason: 'initial' | 'restock' | 'return' | 'correction',
  ref: string | null,
  actorId: string | null = null,
): Promise<boolean> {
  if (delta === 0) return true;
  const r = await tx
    .updateTable('stock')
    .set({ available: sql`available + ${delta}`, updated_at: nowIso() })
    .where('variant_id', '=', variantId)
    .where('available', '>=', delta < 0 ? -delta : 0)
    .executeTakeFirst();
  if (!changed(r)) return false;
  await ledger(tx, variantId, delta, 0, reason, ref, actorId);
  return true;
}

/** Creates the stock row of a new variant with its initial quantity (ledger reason `initial`). */
export async function createStock(
  tx: Tx,
  variantId: string,
  location: { kind: 'umkm' | 'service_point'; id: string },
  initial: number,
  actorId: string | null = null,
): Promise<void> {
  await tx
    .insertInto('stock')
    .values({
      variant_id: variantId,
      location_kind: location.kind,
      location_id: location.id,
      available: 0,
      reserved: 0,
      updated_at: nowIso(),
    })
    .execute();
  if (initial > 0) await adjustStock(tx, variantId, initial, 'initial', null, actorId);
}

export async function stockOf(tx: Tx, variantId: string) {
  return tx.selectFrom('stock').selectAll().where('variant_id', '=', variantId).executeTakeFirst();
}
