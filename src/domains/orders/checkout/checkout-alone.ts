// One checkout in its own transaction: the group-commit batcher's fallback when a batch had to
// roll back. Same use case, same rules: placeOrder, the cart emptied, the response stored
// under the idempotency key by the kernel's `idempotent`, all in one transaction.
import type { Db, Tx } from '../../../kernel/db/index.js';
import { AppError, fail } from '../../../kernel/errors/index.js';
import { idempotent, type StoredResponse } from '../../../kernel/http/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import { placeOrder, type PlaceOrderInput, type Placed } from './place-order.js';
import type { IdemKey } from '../../../kernel/http/index.js';
import { clearCart } from '../cart/cart.service.js';
import type { Outcome } from './group-commit.js';

export interface AloneRequest {
  input: PlaceOrderInput;
  actor: Actor | null;
  idem?: IdemKey;
  cartId?: string;
  respond?: (tx: Tx, placed: Placed) => Promise<StoredResponse>;
}

export async function checkoutAlone(db: Db, req: AloneRequest): Promise<Outcome> {
  let placed: Placed | null = null;
  const run = async (tx: Tx): Promise<StoredResponse> => {
    const r = await placeOrder(tx, req.input, req.actor);
    if (!r.ok) throw new AppError(r.code, r.params ?? {}, r.fields ?? {});
    placed = r.value;
    if (req.cartId) await clearCart(tx, req.cartId);
    return req.respond ? req.respond(tx, r.value) : { status: 201, body: r.value };
  };
  try {
    if (req.idem) {
      const res = await idempotent(db, req.idem.scope, req.idem.key, req.idem.fp, run);
      if (res.replayed || !placed)
        return { kind: 'replayed', response: { status: res.status, body: res.body } };
      return { kind: 'placed', placed, response: { status: res.status, body: res.body } };
    }
    const response = await db.transaction().execute(run);
    return { kind: 'placed', placed: placed!, response: req.respond ? response : null };
  } catch (e) {
    if (e instanceof AppError) return { kind: 'failed', failure: fail(e.code, e.params, e.fields) };
    throw e;
  }
}
