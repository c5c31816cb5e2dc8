// placeOrder: one checkout through the one checkout path (place-batch.ts) as a batch of one,
// in its own transaction or inside the caller's (partners' idempotent requests, a payment
// exception placed again, the seed). The storefront, the JSON API and the agent's screen go
// through the batcher (group-commit.ts), which runs the same path for many at once. Prices,
// fees and shipping always come from the server and are frozen into the rows; stock is
// reserved by catalog's conditional update, so concurrent checkouts can never oversell.
//
// A failure is a Result. In its own transaction nothing is written then; inside a caller's
// transaction the caller must roll back on a failure (a lost race may fail after the first
// writes), as `inTransactionResult` and `idempotent` do.
import { inTransactionResult, type Tx } from '../../../kernel/db/index.js';
import { ok, type Result } from '../../../kernel/errors/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import { dispatchOrderEvents, type OrderEvent } from '../events.js';
import type { PlaceOrderInput, Placed } from './request.js';
import { placeBatch, type PriceOverrides } from './place-batch.js';

export {
  MAX_LINES,
  MAX_QTY,
  type Delivery,
  type PlaceOrderInput,
  type Placed,
  type PlacedOrder,
} from './request.js';
export { RESERVATION_MS } from './plan.js';
export type { PriceOverrides } from './place-batch.js';

/** Places one checkout: one group, one order per UMKM. See the file comment for failure modes. */
export async function placeOrder(
  db: Tx,
  input: PlaceOrderInput,
  actor: Actor | null,
  overrides?: PriceOverrides,
): Promise<Result<Placed>> {
  const job = { input, actor, priceOverrides: overrides };
  const events: OrderEvent[] = [];
  const r = await inTransactionResult(db, async (tx): Promise<Result<Placed>> => {
    const done = await placeBatch(tx, [job]);
    if (!done.ok) return done;
    const o = done.value.outcomes.get(job)!;
    if (o.kind === 'failed') return o.failure;
    if (o.kind !== 'placed') throw new Error('a checkout without a key cannot be a replay');
    events.push(...done.value.events);
    return ok(o.placed);
  });
  if (r.ok) dispatchOrderEvents(events);
  return r;
}
