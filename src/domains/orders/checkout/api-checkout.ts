// POST /api/v1/checkout as a use case: the cart (or explicit lines) placed through the
// group-commit batcher with the request's Idempotency-Key, the payment of a transfer/QRIS
// order created in the same transaction, and the response stored under the key. The route
// and bench/orders.ts both call this, so the bench measures what production runs.
import type { Db } from '../../../kernel/db/index.js';
import type { Payee } from '../../../kernel/config.js';
import { AppError } from '../../../kernel/errors/index.js';
import { fingerprint } from '../../../kernel/http/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import { cartExists, viewCart } from '../cart/cart.service.js';
import type { z } from 'zod';
import type { checkoutFields, PlaceOrderInput } from './request.js';
import { checkoutBatcher } from './group-commit.js';

/** The body of POST /api/v1/checkout: the checkout request schema plus the cart (see checkout.api.ts). */
export type ApiCheckoutBody = Omit<z.input<typeof checkoutFields>, 'lines'> & {
  cartId?: string;
  lines?: z.input<typeof checkoutFields>['lines'];
  channel?: 'api' | 'partner';
  partnerId?: string;
};

/**
 * Whose Idempotency-Key this is: the signed-in user, else the guest's cart (its id is the
 * guest's bearer secret). A guest naming no cart has no identity to scope a key to, so every
 * guest would share one key space and a replay would hand one guest another's response and
 * confirmation link (issue 13, hole 6): such a checkout is refused. In-process callers (the
 * bench) name their own `client`.
 */
function clientOf(actor: Actor | null, b: ApiCheckoutBody, client?: string): string {
  if (actor) return `user:${actor.userId}`;
  if (b.cartId) return `cart:${b.cartId}`;
  if (client) return `local:${client}`;
  throw new AppError('ORDERS_GUEST_NEEDS_CART');
}

export async function apiCheckout(
  db: Db,
  o: {
    key: string;
    body: ApiCheckoutBody;
    actor: Actor | null;
    secret: string;
    client?: string;
    payee: Payee;
  },
) {
  const b = o.body;
  const client = clientOf(o.actor, b, o.client);
  let lines = b.lines ?? [];
  if (b.cartId) {
    // Read before the batch (the cart is the buyer's own); it is emptied in the order's transaction.
    if (!(await cartExists(db, b.cartId))) throw new AppError('ORDERS_CART_NOT_FOUND');
    const cart = await viewCart(db, b.cartId);
    lines = cart.sellers.flatMap((s) =>
      s.items.map((i) => ({ variantId: i.variant_id, qty: i.qty })),
    );
  }
  const input: PlaceOrderInput = {
    lines,
    buyer: b.buyer,
    delivery: b.delivery,
    paymentMethod: b.paymentMethod,
    channel: b.channel ?? 'api',
    partnerId: b.partnerId ?? null,
    groupId: b.groupId,
  };
  return checkoutBatcher(db).checkout({
    input,
    actor: o.actor,
    cartId: b.cartId,
    // Signed-in users have their own key space; guests share one, and the client in the
    // fingerprint makes a key another guest used a clear refusal (reused), never their response.
    idem: {
      scope: `checkout:${o.actor?.userId ?? 'anon'}`,
      key: o.key,
      fp: fingerprint({ client, body: b }),
    },
    respond: { kind: 'api', secret: o.secret, payee: o.payee },
  });
}
