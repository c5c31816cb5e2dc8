// The one checkout path: places a batch of checkouts inside one transaction. The batcher runs
// it for a batch of many (group commit), for each checkout alone when a batch had to roll back,
// and placeOrder runs it for a batch of one inside a caller's transaction; so every order of
// the storefront, the API, the agent's screen, partners and the seed is made by this code.
//
// It reads once for the whole batch (variants with their stock, destinations, order numbers,
// idempotency keys), plans every checkout in memory in arrival order against the stock it read
// (so a checkout that would oversell fails alone and writes nothing), then writes in a few bulk
// statements: the group claims, orders, lines, cleared carts, stored idempotent responses, the
// events' outbox rows and subscribers, then one conditional stock update for all variants with
// its ledger, and the audit chain last. Every batch of the same products waits for the stock
// rows' locks, and every change anywhere for the chain's: both are taken last (on PostgreSQL the
// stock rows in variant order), so they are held for those statements and the commit only
// (bench/README.md, "Where a PostgreSQL batch waits" and "The audit chain last").
//
// A write that finds the world changed under the batch (stock taken, a group or a key claimed
// by another server) returns a failure: `inTransactionResult` then rolls the whole batch back.
import { insertRows, type Tx } from '../../../kernel/db/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import type { StoredResponse } from '../../../kernel/http/index.js';
import { reserveStockMany, type CheckoutVariant } from '../../catalog/index.js';
import { quoteShipping, type ShippingQuery } from '../shipping.js';
import type { OrderEvent } from '../events.js';
import { recordPlacement } from '../lifecycle.js';
import { parseCheckout, type PlaceOrderInput, type Placed, type Prepared } from './request.js';
import { planCheckout, type Plan } from './plan.js';
import { readBatch } from './batch-read.js';
import { recordAssistedCash } from './assisted-cash.js';
import { keyVerdicts, storeKeys, type IdemKey } from '../../../kernel/http/index.js';
import { claimGroups, takenGroups } from './claim-group.js';
import { checkoutResponse, type CheckoutResponder } from './respond.js';

/** One checkout handed to the batch. */
export interface CheckoutJob {
  input: PlaceOrderInput;
  actor: Actor | null;
  /** Stored with the response in the order's transaction; a replay returns that response. */
  idem?: IdemKey;
  /** The buyer's cart, emptied in the order's transaction. */
  cartId?: string;
  /** The response to build inside the order's transaction (e.g. with the transfer payment). */
  respond?: CheckoutResponder;
  /** Prices fixed by server code for this checkout (see PriceOverrides). */
  priceOverrides?: PriceOverrides;
}

/**
 * Prices another domain's server code fixes for this checkout (an order cycle's price, a group
 * buy's tier price) in place of the listing's. Never built from a client's request.
 */
export interface PriceOverrides {
  unitPrices: ReadonlyMap<string, number>;
}

/** The batch's variants as one checkout with price overrides sees them (stock stays shared). */
function withPrices(
  variants: Map<string, CheckoutVariant>,
  o: PriceOverrides,
): Map<string, CheckoutVariant> {
  const out = new Map(variants);
  for (const [id, price] of o.unitPrices) {
    const v = variants.get(id);
    if (v) out.set(id, { ...v, price });
  }
  return out;
}

export type Outcome =
  | { kind: 'placed'; placed: Placed; response: StoredResponse | null }
  | { kind: 'replayed'; response: StoredResponse }
  | { kind: 'failed'; failure: Extract<Result<never>, { ok: false }> };

export interface BatchDone<J> {
  outcomes: Map<J, Outcome>;
  /** To dispatch after commit. */
  events: OrderEvent[];
}

type Planned<J> = { job: J; plan: Plan; staleKeyAt: string | null };

/** Places every job it can; a failure result means the batch must roll back (see the file comment). */
export async function placeBatch<J extends CheckoutJob>(
  tx: Tx,
  batch: J[],
): Promise<Result<BatchDone<J>>> {
  const outcomes = new Map<J, Outcome>();
  const events: OrderEvent[] = [];
  // Keys first, as in the kernel: a replay answers even when the payload no longer would.
  const verdicts = await keyVerdicts(
    tx,
    batch.flatMap((j) => (j.idem ? [j.idem] : [])),
  );
  const staleKeys = new Map<J, string>();
  const todo: [J, Prepared][] = [];
  for (const j of batch) {
    const v = j.idem ? verdicts.get(j.idem) : undefined;
    if (v?.kind === 'replay') {
      outcomes.set(j, { kind: 'replayed', response: v.response });
      continue;
    }
    if (v?.kind === 'refused') {
      outcomes.set(j, { kind: 'failed', failure: fail(v.code) });
      continue;
    }
    if (v?.kind === 'stale') staleKeys.set(j, v.createdAt);
    const r = parseCheckout(j.input, j.actor);
    if (r.ok) todo.push([j, r.value]);
    else outcomes.set(j, { kind: 'failed', failure: r });
  }
  if (todo.length === 0) return ok({ outcomes, events });

  const read = await readBatch(tx, {
    variantIds: todo.flatMap(([, x]) => x.lines.map((l) => l.variantId)),
    pointIds: todo.flatMap(([, x]) =>
      x.delivery.kind === 'pickup' ? [x.delivery.servicePointId] : [],
    ),
    villageCodes: todo.flatMap(([, x]) =>
      x.delivery.kind === 'address' ? [x.delivery.villageCode] : [],
    ),
    // One order per UMKM: never more orders than lines.
    seqCount: todo.reduce((n, [, x]) => n + x.lines.length, 0),
  });
  const { variants, nextSeq } = read;
  // Quotes only read; within one transaction the same route and weight has one price.
  const quotes = new Map<string, Promise<number>>();
  const quote = (q: ShippingQuery) => {
    const k = `${q.fromVillageCode}|${q.toVillageCode}|${q.weightGrams}`;
    if (!quotes.has(k)) quotes.set(k, quoteShipping(tx, q));
    return quotes.get(k)!;
  };
  const now = new Date().toISOString();
  const planned: Planned<J>[] = [];
  // Client-minted group ids must name new groups, also within this batch.
  const taken = await takenGroups(
    tx,
    todo.flatMap(([, x]) => (x.groupId ? [x.groupId] : [])),
  );
  for (const [j, x] of todo) {
    const d = x.delivery;
    const destVillage =
      d.kind === 'pickup'
        ? (read.points.get(d.servicePointId) ?? null)
        : read.villages.has(d.villageCode)
          ? d.villageCode
          : null;
    const seen = j.priceOverrides ? withPrices(variants, j.priceOverrides) : variants;
    const r = await planCheckout(x, j.actor, { variants: seen, destVillage, nextSeq, quote, now });
    if (!r.ok) {
      outcomes.set(j, { kind: 'failed', failure: r });
      continue;
    }
    if (taken.has(r.value.placed.groupId)) {
      outcomes.set(j, { kind: 'failed', failure: fail('ORDERS_GROUP_TAKEN') });
      continue;
    }
    taken.add(r.value.placed.groupId);
    // The next checkout in the batch sees what this one took.
    for (const l of r.value.lineRows) {
      const v = variants.get(l.variant_id) as CheckoutVariant;
      variants.set(l.variant_id, { ...v, available: (v.available ?? 0) - l.qty });
    }
    planned.push({ job: j, plan: r.value, staleKeyAt: staleKeys.get(j) ?? null });
  }
  if (planned.length === 0) return ok({ outcomes, events });
  const written = await write(tx, planned, outcomes, events);
  return written.ok ? ok({ outcomes, events }) : written;
}

async function write<J extends CheckoutJob>(
  tx: Tx,
  planned: Planned<J>[],
  outcomes: Map<J, Outcome>,
  events: OrderEvent[],
): Promise<Result<null>> {
  const lines = planned.flatMap(({ job, plan }) =>
    plan.lineRows.map((l) => ({
      variantId: l.variant_id,
      qty: l.qty,
      ref: l.order_id,
      actorId: job.actor?.userId ?? null,
    })),
  );
  // Another server claimed one of these groups meanwhile.
  const groups = planned.map((x) => x.plan.placed.groupId);
  if ((await claimGroups(tx, groups, planned[0].plan.now)) !== planned.length)
    return fail('ORDERS_GROUP_TAKEN');
  await insertRows(
    tx,
    'orders',
    planned.flatMap((x) => x.plan.orderRows),
  );
  await insertRows(
    tx,
    'order_lines',
    planned.flatMap((x) => x.plan.lineRows),
  );
  const carts = planned.flatMap(({ job }) => (job.cartId ? [job.cartId] : []));
  if (carts.length) await tx.deleteFrom('cart_lines').where('cart_id', 'in', carts).execute();
  const keys: { idem: IdemKey; response: StoredResponse; staleKeyAt: string | null }[] = [];
  for (const { job, plan, staleKeyAt } of planned) {
    const response = job.respond
      ? await checkoutResponse(tx, job.respond, plan.placed, job.input.paymentMethod)
      : null;
    if (job.idem)
      keys.push({
        idem: job.idem,
        response: response ?? { status: 201, body: plan.placed },
        staleKeyAt,
      });
    outcomes.set(job, { kind: 'placed', placed: plan.placed, response });
  }
  // Another server's request with the same key got there first: its response is the answer.
  if (!(await storeKeys(tx, keys))) return fail('IDEMPOTENCY_IN_FLIGHT');
  // The locks every batch waits for come last, held only for the stock, the audit chain and the
  // commit: the stock rows (taken between the outbox and the chain, see publishLocking), then the
  // chain's lock. Stock taken since the read (another batch, another server, a caller's
  // transaction): roll back.
  const placedEvents = await recordPlacement(
    tx,
    planned.map(({ job, plan }) => ({
      orders: plan.orderRows,
      actorId: job.actor?.userId ?? null,
    })),
    () => reserveStockMany(tx, lines),
  );
  if (!placedEvents)
    return fail('ORDERS_INSUFFICIENT_STOCK', {
      title: planned[0].plan.lineRows[0].title,
      available: 0,
    });
  events.push(...placedEvents);
  // Paid in cash at the point: its settlement extends the chain too, so it comes after it.
  for (const { job, plan } of planned)
    if (plan.assisted)
      await recordAssistedCash(
        tx,
        plan.placed.groupId,
        plan.orderRows,
        job.actor!.userId,
        job.input.agentServicePointId!,
        plan.now,
        events,
      );
  return ok(null);
}
