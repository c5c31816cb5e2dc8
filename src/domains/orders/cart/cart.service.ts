// The server-side cart: bound to a random id the buyer's browser keeps in a cookie (or an app
// keeps itself), no account needed. It stores variant ids and quantities only; prices are
// read fresh every time it is shown and again at checkout.
import { randomBytes } from 'node:crypto';
import { nowIso, type Tx } from '../../../kernel/db/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import { MAX_LINES, MAX_QTY } from '../checkout/place-order.js';
import { cartItems, variantForCart, type CartItem } from '../orders.queries.js';

const CART_RE = /^crt_[a-f0-9]{32}$/;
export const isCartId = (id: unknown): id is string => typeof id === 'string' && CART_RE.test(id);

export async function createCart(db: Tx): Promise<string> {
  const id = `crt_${randomBytes(16).toString('hex')}`;
  const now = nowIso();
  await db.insertInto('carts').values({ id, created_at: now, updated_at: now }).execute();
  return id;
}

export async function cartExists(db: Tx, id: string): Promise<boolean> {
  if (!isCartId(id)) return false;
  return !!(await db.selectFrom('carts').select('id').where('id', '=', id).executeTakeFirst());
}

/** Sets (mode 'set') or adds to (mode 'add') a line's quantity; qty 0 with 'set' removes it. */
export async function putLine(
  db: Tx,
  cartId: string,
  variantId: string,
  qty: number,
  mode: 'add' | 'set',
): Promise<Result<null>> {
  if (!Number.isInteger(qty) || qty < 0 || qty > MAX_QTY || (mode === 'add' && qty === 0))
    return fail(
      'ORDERS_BAD_QTY',
      { max: MAX_QTY },
      { qty: { key: 'orders.err.bad_qty', params: { max: MAX_QTY } } },
    );
  if (!(await cartExists(db, cartId))) return fail('ORDERS_CART_NOT_FOUND');
  if (mode === 'set' && qty === 0) {
    await db
      .deleteFrom('cart_lines')
      .where('cart_id', '=', cartId)
      .where('variant_id', '=', variantId)
      .execute();
    return ok(null);
  }
  const v = await variantForCart(db, variantId);
  if (!v || !v.active) return fail('ORDERS_UNKNOWN_VARIANT', { variant: variantId.slice(0, 40) });
  if (!v.listed) return fail('ORDERS_NOT_LISTED', { title: v.title });
  const existing = await db
    .selectFrom('cart_lines')
    .select('qty')
    .where('cart_id', '=', cartId)
    .where('variant_id', '=', variantId)
    .executeTakeFirst();
  const next = mode === 'add' ? (existing?.qty ?? 0) + qty : qty;
  if (next > MAX_QTY) return fail('ORDERS_BAD_QTY', { max: MAX_QTY });
  if (next > v.available)
    return fail(
      'ORDERS_INSUFFICIENT_STOCK',
      { title: v.title, available: v.available },
      {
        qty: {
          key: 'orders.err.insufficient_stock',
          params: { title: v.title, available: v.available },
        },
      },
    );
  if (!existing) {
    const n = await db
      .selectFrom('cart_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cart_id', '=', cartId)
      .executeTakeFirstOrThrow();
    if (Number(n.n) >= MAX_LINES) return fail('ORDERS_TOO_MANY_LINES', { max: MAX_LINES });
    await db
      .insertInto('cart_lines')
      .values({ cart_id: cartId, variant_id: variantId, qty: next, added_at: nowIso() })
      .onConflict((oc) => oc.columns(['cart_id', 'variant_id']).doUpdateSet({ qty: next }))
      .execute();
  } else {
    await db
      .updateTable('cart_lines')
      .set({ qty: next })
      .where('cart_id', '=', cartId)
      .where('variant_id', '=', variantId)
      .execute();
  }
  await db.updateTable('carts').set({ updated_at: nowIso() }).where('id', '=', cartId).execute();
  return ok(null);
}

export async function clearCart(db: Tx, cartId: string): Promise<void> {
  await db.deleteFrom('cart_lines').where('cart_id', '=', cartId).execute();
}

export interface CartSeller {
  umkmId: string;
  umkmName: string;
  items: (CartItem & { lineTotal: number; problem: 'not_listed' | 'stock' | null })[];
  subtotal: number;
}

export interface CartView {
  id: string;
  sellers: CartSeller[];
  itemsTotal: number;
  count: number;
  /** True when some line cannot be bought as it is (unlisted or more than in stock). */
  blocked: boolean;
}

export async function viewCart(db: Tx, cartId: string): Promise<CartView> {
  const items = isCartId(cartId) ? await cartItems(db, cartId) : [];
  const sellers = new Map<string, CartSeller>();
  let blocked = false;
  for (const it of items) {
    const problem = !it.listed ? 'not_listed' : it.qty > it.available ? 'stock' : null;
    if (problem) blocked = true;
    const s = sellers.get(it.umkm_id) ?? {
      umkmId: it.umkm_id,
      umkmName: it.umkm_name,
      items: [],
      subtotal: 0,
    };
    s.items.push({ ...it, lineTotal: it.price * it.qty, problem });
    s.subtotal += it.price * it.qty;
    sellers.set(it.umkm_id, s);
  }
  const list = [...sellers.values()];
  return {
    id: cartId,
    sellers: list,
    itemsTotal: list.reduce((a, s) => a + s.subtotal, 0),
    count: items.reduce((a, i) => a + i.qty, 0),
    blocked,
  };
}
