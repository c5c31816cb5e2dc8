// The buy flow as JSON for apps and partners: carts, checkout with an Idempotency-Key, and
// tracking. Declared with OpenAPI so it appears in /api/openapi.json.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError, unwrap } from '../../../kernel/errors/index.js';
import {
  answerWith,
  clientIp,
  directRoute,
  IdempotencyKeyHeader,
  REPLAYED_HEADER,
  requireIdempotencyKey,
  type AppEnv,
} from '../../../kernel/http/index.js';
import { normaliseMobile } from '../../../kernel/auth/index.js';
import { cartExists, createCart, putLine, viewCart, type CartView } from '../cart/cart.service.js';
import { checkoutFields, MAX_QTY, phoneRule } from '../checkout/request.js';
import { apiCheckout } from '../checkout/api-checkout.js';
import { orderByNumber, ordersWithLines } from '../order-details.queries.js';
import { buyerParcels } from '../parcels.js';
import { admitLookup, recordMiss } from '../storefront/track-guard.js';

const json = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const problem = (description: string) => ({
  content: {
    'application/problem+json': {
      schema: z.object({ title: z.string(), code: z.string() }).passthrough(),
    },
  },
  description,
});

const CartSchema = z
  .object({
    id: z.string(),
    itemsTotal: z.number().int(),
    count: z.number().int(),
    blocked: z.boolean(),
    sellers: z.array(
      z.object({
        umkmId: z.string(),
        umkmName: z.string(),
        subtotal: z.number().int(),
        items: z.array(
          z.object({
            variantId: z.string(),
            productId: z.string(),
            title: z.string(),
            label: z.string(),
            qty: z.number().int(),
            unitPrice: z.number().int(),
            lineTotal: z.number().int(),
            problem: z.enum(['not_listed', 'stock']).nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('Cart');
const CartParam = z.object({
  id: z
    .string()
    .max(40)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const LineInput = z
  .object({ variantId: z.string().min(1).max(40), qty: z.number().int().min(0).max(MAX_QTY) })
  .strict()
  .openapi('CartLineInput');

// The body is the one checkout request schema (checkout/request.ts) plus the cart to take the
// lines from: the same rules and messages as the storefront form and the agent's screen.
const CheckoutInput = checkoutFields
  .extend({
    cartId: z.string().max(40).optional().openapi({
      description:
        'The cart to check out. A caller that is not signed in must name its cart: the cart id is what scopes its Idempotency-Key.',
    }),
    lines: checkoutFields.shape.lines.optional(),
    channel: z.enum(['api', 'partner']).optional(),
    partnerId: z.string().max(40).optional(),
    groupId: z
      .string()
      .max(40)
      .optional()
      .openapi({
        description:
          'A client-minted id (`grp_` + ULID) for a NEW checkout group, so an offline client can name its group before the first attempt. ' +
          'A group belongs to the checkout that made it: an id some checkout already used is refused with 409 ORDERS_GROUP_TAKEN, whoever sends it. ' +
          'There is no way to add orders to an existing group (its payment always asks for exactly what its orders cost); to retry, reuse the Idempotency-Key.',
      }),
  })
  .superRefine(phoneRule)
  .openapi('CheckoutInput');
const Placed = z
  .object({
    groupId: z.string(),
    total: z.number().int(),
    paymentMethod: z.string(),
    confirmationUrl: z.string(),
    orders: z.array(
      z.object({ id: z.string(), number: z.string(), umkmId: z.string(), total: z.number().int() }),
    ),
    payment: z
      .object({
        id: z.string(),
        method: z.string(),
        amount: z.number().int(),
        uniqueCode: z.number().int(),
        reference: z.string().nullable().openapi({
          description:
            'Short payment reference: the transfer remark, and what the QRIS code carries (tag 62.05)',
        }),
        qris: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi('CheckoutResult');

const TrackedOrder = z
  .object({
    number: z.string(),
    status: z.enum(['placed', 'cancelled', 'completed']),
    paymentStatus: z.enum(['unpaid', 'paid', 'refunded']),
    fulfilmentStatus: z.enum([
      'unfulfilled',
      'packed',
      'handed_over',
      'in_transit',
      'ready_for_pickup',
      'delivered',
      'returned',
    ]),
    total: z.number().int(),
    sellerShare: z.number().int(),
    seller: z.string(),
    placedAt: z.string(),
    deliveredAt: z.string().nullable(),
    lines: z.array(
      z.object({
        title: z.string(),
        qty: z.number().int(),
        unitPrice: z.number().int(),
        lineTotal: z.number().int(),
      }),
    ),
    // Number + phone are guessable proof: the pickup code is only on the signed link and "my orders".
    parcels: z.array(z.object({ trackingNumber: z.string(), status: z.string() })),
  })
  .openapi('TrackedOrder');

const cartJson = (v: CartView) => ({
  id: v.id,
  itemsTotal: v.itemsTotal,
  count: v.count,
  blocked: v.blocked,
  sellers: v.sellers.map((s) => ({
    umkmId: s.umkmId,
    umkmName: s.umkmName,
    subtotal: s.subtotal,
    items: s.items.map((i) => ({
      variantId: i.variant_id,
      productId: i.product_id,
      title: i.title,
      label: i.label,
      qty: i.qty,
      unitPrice: i.price,
      lineTotal: i.lineTotal,
      problem: i.problem,
    })),
  })),
});

/**
 * POST /api/v1/checkout's use case. Its route below and the kernel's direct path (a partner's or
 * the agent app's bearer-token checkout answered before Hono, kernel/http/direct.ts) both run it.
 */
export const checkoutDirect = directRoute({
  path: '/api/v1/checkout',
  header: IdempotencyKeyHeader,
  body: CheckoutInput,
  async run({ header, body, actor, deps }) {
    const res = await apiCheckout(deps.h.db, {
      key: requireIdempotencyKey(header['idempotency-key']),
      body,
      actor,
      secret: deps.config.secret,
      payee: deps.config.payee,
    });
    return {
      status: 201,
      body: res.body as z.infer<typeof Placed>,
      headers: res.replayed ? { 'idempotent-replayed': 'true' } : undefined,
    };
  },
});

export function checkoutApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/carts',
      tags: ['orders'],
      summary: 'Create an empty cart; its id is the bearer of the cart, keep it secret',
      responses: { 201: json(CartSchema, 'The new cart') },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      return c.json(cartJson(await viewCart(db, await createCart(db))), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/carts/{id}',
      tags: ['orders'],
      summary: 'A cart with fresh server prices and stock problems per line',
      request: { params: CartParam },
      responses: { 200: json(CartSchema, 'The cart'), 404: problem('No such cart') },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const { id } = c.req.valid('param');
      if (!(await cartExists(db, id))) throw new AppError('ORDERS_CART_NOT_FOUND');
      return c.json(cartJson(await viewCart(db, id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/carts/{id}/lines',
      tags: ['orders'],
      summary: 'Set the quantity of one variant in the cart (0 removes it)',
      request: {
        params: CartParam,
        body: { content: { 'application/json': { schema: LineInput } }, required: true },
      },
      responses: {
        200: json(CartSchema, 'The cart after the change'),
        404: problem('No such cart'),
        409: problem('Not enough stock'),
        422: problem('Unknown or unlisted variant, bad quantity'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      unwrap(await putLine(db, id, b.variantId, b.qty, 'set'));
      return c.json(cartJson(await viewCart(db, id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/checkout',
      tags: ['orders'],
      summary:
        'Place the order(s) of a cart or of explicit lines: one group, one order per UMKM. Requires Idempotency-Key; a replay returns the first response',
      description:
        'Guests (no session or token) must send `cartId`; explicit `lines` need a signed-in caller. An Idempotency-Key belongs to its client ' +
        "(the user, or the guest's cart): the same key from another client is refused with 422 IDEMPOTENCY_KEY_REUSED. `groupId` may only name a new group.",
      request: {
        headers: IdempotencyKeyHeader,
        body: { content: { 'application/json': { schema: CheckoutInput } }, required: true },
      },
      responses: {
        201: {
          ...json(Placed, 'Placed; a replay returns the first response'),
          headers: REPLAYED_HEADER,
        },
        400: problem('Missing Idempotency-Key'),
        409: problem(
          'Not enough stock, price changed, the groupId is taken, or the same key is still in flight',
        ),
        422: problem(
          'Invalid input, a guest without cartId, or the key was used with a different payload or by another client',
        ),
        503: problem(
          'The checkout was interrupted before it was surely committed (ORDERS_CHECKOUT_INTERRUPTED): send it again with the same Idempotency-Key',
        ),
      },
    }),
    async (c) =>
      answerWith(
        c,
        await checkoutDirect.run({
          header: c.req.valid('header'),
          body: c.req.valid('json'),
          actor: c.get('actor'),
          deps: c.get('deps'),
        }),
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/orders/track',
      tags: ['orders'],
      summary: 'Track an order by its number and the buyer’s mobile number: status only',
      description:
        'Rate-limited per client (30 lookups per 15 minutes) and per order number (10 misses per hour, after which the number answers nobody until the hour ends): 429 with Retry-After. ' +
        'Parcels list tracking numbers without the pickup code; the code and the cancel/received actions are only on the signed confirmation link and the signed-in buyer’s pages.',
      request: { query: z.object({ number: z.string().max(20), phone: z.string().max(30) }) },
      responses: {
        200: json(TrackedOrder, 'The order with its three statuses'),
        404: problem('No order with that number and phone'),
        429: problem('Too many lookups from this client or for this order number'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const q = c.req.valid('query');
      const gate = await admitLookup(db, clientIp(c), q.number);
      if (!gate.allowed) {
        c.header('retry-after', String(gate.retryAfterSec));
        throw new AppError('RATE_LIMITED');
      }
      const phone = normaliseMobile(q.phone);
      const o = phone ? await orderByNumber(db, q.number) : undefined;
      if (!o || o.buyer_phone !== phone) {
        await recordMiss(db, q.number);
        throw new AppError('ORDERS_NOT_FOUND');
      }
      const [full] = await ordersWithLines(db, { ids: [o.id] });
      const parcels = ((await buyerParcels(db, [o.id])).get(o.id) ?? []).map((p) => ({
        trackingNumber: p.trackingNumber,
        status: p.status,
      }));
      return c.json(
        {
          number: full.number,
          status: full.status,
          paymentStatus: full.payment_status,
          fulfilmentStatus: full.fulfilment_status,
          total: full.total,
          sellerShare: full.seller_share,
          seller: full.umkm_name,
          placedAt: full.placed_at,
          deliveredAt: full.delivered_at,
          lines: full.lines.map((l) => ({
            title: l.title,
            qty: l.qty,
            unitPrice: l.unit_price,
            lineTotal: l.line_total,
          })),
          parcels,
        },
        200,
      );
    },
  );
}
