// Partner orders over the JSON API: push an order for products in your feed (Idempotency-Key
// required; a replay answers the first response with `Idempotent-Replayed: true`), read one
// back, list them by status and change time, and list the service points you may name for
// pickup. Orders are always looked up within the caller's partner id.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import {
  fingerprint,
  idempotent,
  IdempotencyKeyHeader,
  REPLAYED_HEADER,
  SIGNED_IN,
  type AppEnv,
} from '../../kernel/http/index.js';
import { placeOrder } from '../orders/index.js';
import { variantsInFeed } from './feed/feed.queries.js';
import { currentPartner } from './partner-caller.js';
import { partnerOrder, partnerOrders, pickupPoints } from './partner-orders.queries.js';
import {
  PartnerOrder,
  PartnerOrderIn,
  PartnerOrderPage,
  PartnerOrderPlaced,
  PartnerOrdersQuery,
  PartnerQuery,
  ServicePointPage,
  ServicePointsQuery,
} from './partners.api-schemas.js';

const json = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const NOT_YOURS = { description: 'The `partner` asked for is not one of yours' };

export function partnerOrdersApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/partner/orders',
      tags: ['partners'],
      operationId: 'createPartnerOrder',
      security: SIGNED_IN,
      summary:
        'Push an order for products in your feed; retried safely with the same Idempotency-Key',
      request: {
        query: PartnerQuery,
        headers: IdempotencyKeyHeader,
        body: { content: { 'application/json': { schema: PartnerOrderIn } }, required: true },
      },
      responses: {
        201: {
          ...json(
            PartnerOrderPlaced,
            'Orders placed (one per UMKM); a replay returns the first response',
          ),
          headers: REPLAYED_HEADER,
        },
        404: NOT_YOURS,
        409: {
          description: 'The same key is still being processed, or not enough stock (`available`)',
        },
        422: {
          description:
            'Invalid order; products not in your feed (`variants`); or the key reused with another body',
        },
      },
    }),
    async (c) => {
      const partnerId = currentPartner(c);
      const key = c.req.valid('header')['idempotency-key'];
      const body = c.req.valid('json');
      const db = c.get('deps').h.db;
      const actor = c.get('actor');
      const res = await idempotent(
        db,
        `partner-order:${partnerId}`,
        key,
        fingerprint(body),
        async (tx) => {
          const inFeed = await variantsInFeed(
            tx,
            partnerId,
            body.lines.map((l) => l.variantId),
          );
          const missing = body.lines.map((l) => l.variantId).filter((v) => !inFeed.has(v));
          if (missing.length) throw new AppError('PARTNERS_NOT_IN_FEED', { variants: missing });
          const placed = unwrap(
            await placeOrder(
              tx,
              {
                lines: body.lines.map((l) => ({ variantId: l.variantId, qty: l.qty })),
                buyer: { name: body.buyer.name, phone: body.buyer.phone },
                delivery: body.delivery,
                paymentMethod: body.paymentMethod,
                channel: 'partner',
                partnerId,
              },
              actor,
            ),
          );
          return {
            status: 201,
            body: {
              groupId: placed.groupId,
              externalId: body.externalId,
              orders: placed.orders.map((o) => ({
                id: o.id,
                number: o.number,
                umkmId: o.umkmId,
                total: o.total,
              })),
              total: placed.total,
            },
          };
        },
      );
      if (res.replayed) c.header('idempotent-replayed', 'true');
      return c.json(res.body as z.infer<typeof PartnerOrderPlaced>, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partner/orders',
      tags: ['partners'],
      operationId: 'listPartnerOrders',
      security: SIGNED_IN,
      summary:
        'Your orders, oldest change first; filter by status and updatedSince (keep the last updatedAt you saw)',
      request: { query: PartnerOrdersQuery },
      responses: { 200: json(PartnerOrderPage, 'A page of your orders'), 404: NOT_YOURS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = q.page ?? 1;
      const { items, hasMore } = await partnerOrders(c.get('deps').h.db, currentPartner(c), {
        status: q.status,
        updatedSince: q.updatedSince ? new Date(q.updatedSince).toISOString() : undefined,
        page,
        perPage: q.perPage ?? 50,
      });
      return c.json({ items, page, hasMore, nextPage: hasMore ? page + 1 : null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partner/orders/{id}',
      tags: ['partners'],
      operationId: 'getPartnerOrder',
      security: SIGNED_IN,
      summary: 'One of your orders with its lines and three statuses',
      request: {
        params: z.object({
          id: z.string().max(40).openapi({ description: 'Order id from the create response' }),
        }),
        query: PartnerQuery,
      },
      responses: {
        200: json(PartnerOrder, 'The order'),
        404: { description: 'No such order among yours' },
      },
    }),
    async (c) => {
      const o = await partnerOrder(c.get('deps').h.db, currentPartner(c), c.req.valid('param').id);
      if (!o) throw new AppError('NOT_FOUND');
      return c.json(o, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partner/service-points',
      tags: ['partners'],
      operationId: 'listPartnerServicePoints',
      security: SIGNED_IN,
      summary:
        'Village service points you may name for pickup delivery (`delivery.servicePointId`)',
      request: { query: ServicePointsQuery },
      responses: { 200: json(ServicePointPage, 'A page of service points'), 404: NOT_YOURS },
    }),
    async (c) => {
      currentPartner(c);
      const q = c.req.valid('query');
      const page = q.page ?? 1;
      const { items, hasMore } = await pickupPoints(c.get('deps').h.db, {
        region: q.region,
        page,
        perPage: q.perPage ?? 100,
      });
      return c.json({ items, page, hasMore, nextPage: hasMore ? page + 1 : null }, 200);
    },
  );
}
