// Group commit for checkout: concurrent checkouts are batched into one transaction, so one
// durable commit (one fsync with synchronous=FULL) acknowledges many orders. Nobody is
// acknowledged before the batch committed.
//
// A batch reads once for all its checkouts (variants with their stock, destinations, order
// numbers, idempotency keys), plans every checkout in memory in arrival order against the
// stock it read (so a checkout that would oversell fails alone and writes nothing), then
// writes everything in a few bulk statements: one conditional stock update per variant, the
// ledger, orders, lines, cleared carts, stored idempotent responses. On PostgreSQL the stock
// rows are locked in variant order when read, so batches on several connections never
// deadlock. If anything unexpected fails, the batch rolls back and each checkout runs again
// on its own (the one-transaction-per-order path), so one bad checkout cannot sink others.
import type { Db, Tx } from '../../../kernel/db/index.js';
import { AppError, fail, ok, type Result } from '../../../kernel/errors/index.js';
import { isPostgres } from '../../../kernel/db/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import type { StoredResponse } from '../../../kernel/http/index.js';
import { reserveStockMany } from '../../catalog/index.js';
import { quoteShipping, type ShippingQuery } from '../shipping.js';
import { dispatchOrderEvents, type OrderEvent } from '../events.js';
import { recordPlacement } from '../lifecycle.js';
import { prepare, type PlaceOrderInput, type Placed } from './place-order.js';
import { planCheckout, type Plan, type VariantInfo } from './plan.js';
import { readDestinations, readVariants, reserveSeqs } from './batch-read.js';
import { recordAssistedCash } from './assisted-cash.js';
import { keyVerdicts, storeKeys, type IdemKey } from '../../../kernel/http/index.js';
import { checkoutAlone } from './checkout-alone.js';
import { claimGroups, takenGroups } from './claim-group.js';

export type { IdemKey } from '../../../kernel/http/index.js';

/** One checkout handed to the batcher. */
export interface CheckoutRequest {
  input: PlaceOrderInput;
  actor: Actor | null;
  /** Stored with the response in the order's transaction; a replay returns that response. */
  idem?: IdemKey;
  /** The buyer's cart, emptied in the order's transaction. */
  cartId?: string;
  /** Builds the response inside the order's transaction (e.g. creates the transfer payment). */
  respond?: (tx: Tx, placed: Placed) => Promise<StoredResponse>;
}

export type Outcome =
  | { kind: 'placed'; placed: Placed; response: StoredResponse | null }
  | { kind: 'replayed'; response: StoredResponse }
  | { kind: 'failed'; failure: Extract<Result<never>, { ok: false }> };

interface Pending extends CheckoutRequest {
  resolve(o: Outcome): void;
  reject(e: unknown): void;
}

type Planned = { p: Pending; plan: Plan; staleKeyAt: string | null };

export class CheckoutBatcher {
  private queue: Pending[] = [];
  private running = 0;
  private inFlight = new Set<string>();
  readonly maxBatch: number;
  readonly parallel: number;
  batches = 0;
  fallbacks = 0;

  /** `parallel` > 1 only helps on PostgreSQL (SQLite has one writer). */
  constructor(
    private db: Db,
    o: { maxBatch?: number; parallel?: number } = {},
  ) {
    this.maxBatch = o.maxBatch ?? 128;
    this.parallel = o.parallel ?? (isPostgres(db) ? 3 : 1);
  }

  /** Places one checkout through the next batch (no idempotency key). */
  async place(input: PlaceOrderInput, actor: Actor | null): Promise<Result<Placed>> {
    const o = await this.submit({ input, actor });
    if (o.kind === 'failed') return o.failure;
    if (o.kind === 'placed') return ok(o.placed);
    throw new Error('unexpected replay without a key');
  }

  /**
   * The idempotent checkout of the storefront and the API, like the kernel's `idempotent`:
   * a replay returns the first response, the same key with another payload is refused (422),
   * and while the first request is in flight a duplicate is told so (409). Failures throw.
   */
  async checkout(
    req: CheckoutRequest & { idem: IdemKey },
  ): Promise<StoredResponse & { replayed: boolean }> {
    // A stored key answers at once (replays need no batch); then one request per key at a time.
    const known = (await keyVerdicts(this.db, [req.idem])).get(req.idem);
    if (known?.kind === 'replay') return { ...known.response, replayed: true };
    if (known?.kind === 'refused') throw new AppError(known.code);
    const flightKey = `${req.idem.scope}\u0000${req.idem.key}`;
    if (this.inFlight.has(flightKey)) throw new AppError('IDEMPOTENCY_IN_FLIGHT');
    this.inFlight.add(flightKey);
    try {
      const o = await this.submit(req);
      if (o.kind === 'failed')
        throw new AppError(o.failure.code, o.failure.params ?? {}, o.failure.fields ?? {});
      if (o.kind === 'replayed') return { ...o.response, replayed: true };
      return { ...(o.response ?? { status: 201, body: o.placed }), replayed: false };
    } finally {
      this.inFlight.delete(flightKey);
    }
  }

  private submit(req: CheckoutRequest): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...req, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.running < this.parallel && this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.running++;
      this.run(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(batch: Pending[]) {
    this.batches++;
    let done: { outcomes: Map<Pending, Outcome>; events: OrderEvent[] };
    let committing = false;
    try {
      done = await this.db.transaction().execute(async (tx) => {
        const r = await this.runIn(tx, batch);
        committing = true;
        return r;
      });
    } catch (e) {
      // A failed COMMIT may still have committed: running the checkouts again could place them
      // twice, so nobody is acknowledged and each client retries (with its key, safely).
      if (committing) {
        for (const p of batch) p.reject(e);
        return;
      }
      // Unexpected before commit (a driver error, a key stored meanwhile by another server):
      // every checkout runs again alone, so each gets its own verdict.
      this.fallbacks++;
      await Promise.all(batch.map((p) => checkoutAlone(this.db, p).then(p.resolve, p.reject)));
      return;
    }
    dispatchOrderEvents(done.events);
    for (const p of batch) p.resolve(done.outcomes.get(p)!);
  }

  private async runIn(tx: Tx, batch: Pending[]) {
    const outcomes = new Map<Pending, Outcome>();
    const events: OrderEvent[] = [];
    // Keys first, as in the kernel: a replay answers even when the payload no longer would.
    const verdicts = await keyVerdicts(
      tx,
      batch.flatMap((p) => (p.idem ? [p.idem] : [])),
    );
    const staleKeys = new Map<Pending, string>();
    const prepared = new Map<Pending, Extract<ReturnType<typeof prepare>, { ok: true }>['value']>();
    for (const p of batch) {
      const v = p.idem ? verdicts.get(p.idem) : undefined;
      if (v?.kind === 'replay') {
        outcomes.set(p, { kind: 'replayed', response: v.response });
        continue;
      }
      if (v?.kind === 'refused') {
        outcomes.set(p, { kind: 'failed', failure: fail(v.code) });
        continue;
      }
      if (v?.kind === 'stale') staleKeys.set(p, v.createdAt);
      const r = prepare(p.input, p.actor);
      if (r.ok) prepared.set(p, r.value);
      else outcomes.set(p, { kind: 'failed', failure: r });
    }

    const todo = [...prepared];
    const variants = await readVariants(
      tx,
      todo.flatMap(([, x]) => x.lines.map((l) => l.variantId)),
    );
    const dests = await readDestinations(
      tx,
      todo.flatMap(([, x]) => (x.delivery.kind === 'pickup' ? [x.delivery.servicePointId] : [])),
      todo.flatMap(([, x]) => (x.delivery.kind === 'address' ? [x.delivery.villageCode] : [])),
    );
    const nextSeq = todo.length
      ? await reserveSeqs(
          tx,
          todo.reduce((n, [, x]) => n + x.lines.length, 0),
        )
      : () => 0;
    // Quotes only read; within one transaction the same route and weight has one price.
    const quotes = new Map<string, Promise<number>>();
    const quote = (q: ShippingQuery) => {
      const k = `${q.fromVillageCode}|${q.toVillageCode}|${q.weightGrams}`;
      if (!quotes.has(k)) quotes.set(k, quoteShipping(tx, q));
      return quotes.get(k)!;
    };
    const now = new Date().toISOString();
    const planned: Planned[] = [];
    // Client-minted group ids must name new groups, also within this batch.
    const taken = await takenGroups(
      tx,
      todo.flatMap(([, x]) => (x.groupId ? [x.groupId] : [])),
    );
    for (const [p, x] of todo) {
      const d = x.delivery;
      const destVillage =
        d.kind === 'pickup'
          ? (dests.points.get(d.servicePointId) ?? null)
          : dests.villages.has(d.villageCode)
            ? d.villageCode
            : null;
      const r = await planCheckout(x, p.actor, { variants, destVillage, nextSeq, quote, now });
      if (!r.ok) {
        outcomes.set(p, { kind: 'failed', failure: r });
        continue;
      }
      if (taken.has(r.value.placed.groupId)) {
        outcomes.set(p, { kind: 'failed', failure: fail('ORDERS_GROUP_TAKEN') });
        continue;
      }
      taken.add(r.value.placed.groupId);
      // The next checkout in the batch sees what this one took.
      for (const l of r.value.lineRows) {
        const v = variants.get(l.variant_id) as VariantInfo;
        variants.set(l.variant_id, { ...v, available: (v.available ?? 0) - l.qty });
      }
      planned.push({ p, plan: r.value, staleKeyAt: staleKeys.get(p) ?? null });
    }
    if (planned.length) await this.write(tx, planned, outcomes, events);
    return { outcomes, events };
  }

  private async write(
    tx: Tx,
    planned: Planned[],
    outcomes: Map<Pending, Outcome>,
    events: OrderEvent[],
  ) {
    const lines = planned.flatMap(({ p, plan }) =>
      plan.lineRows.map((l) => ({
        variantId: l.variant_id,
        qty: l.qty,
        ref: l.order_id,
        actorId: p.actor?.userId ?? null,
      })),
    );
    if (!(await reserveStockMany(tx, lines))) throw new Error('stock changed under a batch');
    // Another server claimed one of these groups meanwhile: each checkout then decides alone.
    if (
      (await claimGroups(
        tx,
        planned.map((x) => x.plan.placed.groupId),
        planned[0].plan.now,
      )) !== planned.length
    )
      throw new Error('a group was claimed meanwhile');
    const orders = planned.flatMap((x) => x.plan.orderRows);
    // ~40 columns a row: 400 rows stay under every driver's bound-parameter limit.
    for (let i = 0; i < orders.length; i += 400)
      await tx
        .insertInto('orders')
        .values(orders.slice(i, i + 400))
        .execute();
    const orderLines = planned.flatMap((x) => x.plan.lineRows);
    for (let i = 0; i < orderLines.length; i += 1500)
      await tx
        .insertInto('order_lines')
        .values(orderLines.slice(i, i + 1500))
        .execute();
    const carts = planned.flatMap(({ p }) => (p.cartId ? [p.cartId] : []));
    if (carts.length) await tx.deleteFrom('cart_lines').where('cart_id', 'in', carts).execute();
    const keys: { idem: IdemKey; response: StoredResponse; staleKeyAt: string | null }[] = [];
    for (const { p, plan, staleKeyAt } of planned) {
      events.push(...(await recordPlacement(tx, plan.orderRows, p.actor?.userId ?? null)));
      if (plan.assisted)
        await recordAssistedCash(
          tx,
          plan.placed.groupId,
          plan.orderRows,
          p.actor!.userId,
          p.input.agentServicePointId!,
          plan.now,
          events,
        );
      const response = p.respond ? await p.respond(tx, plan.placed) : null;
      if (p.idem)
        keys.push({
          idem: p.idem,
          response: response ?? { status: 201, body: plan.placed },
          staleKeyAt,
        });
      outcomes.set(p, { kind: 'placed', placed: plan.placed, response });
    }
    if (!(await storeKeys(tx, keys))) throw new Error('an idempotency key was stored meanwhile');
  }
}

const batchers = new WeakMap<Db, CheckoutBatcher>();

/** The process's batcher for a database: every checkout of the storefront and the API goes through it. */
export function checkoutBatcher(db: Db): CheckoutBatcher {
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = new CheckoutBatcher(db)));
  return b;
}
