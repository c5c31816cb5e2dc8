// The cycles part of the collective JSON API: open, read and close order cycles, read their
// lists, order from a cycle. Failures are AppErrors → problem+json in the caller's language.
import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { requireRole, SIGNED_IN, type AppEnv } from '../../kernel/http/index.js';
import { COORDINATOR_ROLES, coordinates } from './access.js';
import { openCycle, closeCycle } from './cycles.service.js';
import { orderFromCycle } from './cycle-order.js';
import { readCycleView } from './cycle-read.js';
import { packingLists, supplierLists } from './cycle-lists.js';
import { P, body, db, idParam, int, jsonOf, problem, tags } from './api-shared.js';

const CycleInput = z
  .object({
    organisationId: z.string().max(64),
    name: z.string().max(200),
    opensAt: z.string().datetime(),
    closesAt: z.string().datetime(),
    repeat: z.enum(['none', 'weekly', 'pasaran']),
    products: z
      .array(z.object({ variantId: z.string().max(64), price: int.positive().optional() }))
      .max(300),
    points: z
      .array(
        z.object({
          servicePointId: z.string().max(64),
          pickupDate: z.string().max(10).openapi({ example: '2026-12-10' }),
          pickupFrom: z.string().max(5).openapi({ example: '08:00' }),
          pickupTo: z.string().max(5).openapi({ example: '11:00' }),
        }),
      )
      .max(60),
  })
  .openapi('CycleInput');
const Cycle = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    repeat: z.enum(['none', 'weekly', 'pasaran']),
    status: z.enum(['open', 'closed']),
    orderCount: int,
    products: z.array(
      z.object({
        variantId: z.string(),
        title: z.string(),
        producer: z.string(),
        price: int,
        listPrice: int,
      }),
    ),
    points: z.array(
      z.object({
        servicePointId: z.string(),
        name: z.string(),
        pickupDate: z.string(),
        pickupFrom: z.string(),
        pickupTo: z.string(),
      }),
    ),
  })
  .openapi('Cycle');
const Closed = z
  .object({ cycleId: z.string(), runs: int, orders: int, nextCycleId: z.string().nullable() })
  .openapi('CycleClosed');
const Lists = z
  .object({
    suppliers: z.array(
      z.object({
        umkmId: z.string(),
        producer: z.string(),
        totalQty: int,
        lines: z.array(
          z.object({ pointId: z.string(), point: z.string(), product: z.string(), qty: int }),
        ),
      }),
    ),
    packing: z.array(
      z.object({
        pointId: z.string(),
        point: z.string(),
        pickupDate: z.string(),
        totalQty: int,
        orders: z.array(
          z.object({
            number: z.string(),
            buyerName: z.string(),
            paid: z.boolean(),
            lines: z.array(z.object({ product: z.string(), qty: int })),
          }),
        ),
      }),
    ),
  })
  .openapi('CycleLists');
const CycleOrderInput = z
  .object({
    lines: z.array(z.object({ variantId: z.string().max(64), qty: int.min(1).max(999) })).max(50),
    buyer: z.object({ name: z.string().max(100), phone: z.string().max(20) }),
    servicePointId: z.string().max(64),
    paymentMethod: z.enum(['cod', 'transfer', 'qris']),
    groupId: z
      .string()
      .max(40)
      .optional()
      .openapi({ description: 'A client-minted `grp_…` id; a retry with it is refused as taken' }),
  })
  .openapi('CycleOrderInput');
const Placed = z
  .object({
    groupId: z.string(),
    total: int,
    orders: z.array(z.object({ id: z.string(), number: z.string(), total: int })),
  })
  .openapi('CycleOrderPlaced');

export function cyclesApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/cycles`,
      tags,
      security: SIGNED_IN,
      summary: "Open an order cycle of the coordinator's organisation",
      request: body(CycleInput),
      responses: {
        201: jsonOf(z.object({ id: z.string() }), 'Opened'),
        403: problem,
        422: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...COORDINATOR_ROLES);
      const id = unwrap(await openCycle(db(c), actor, c.req.valid('json')));
      return c.json({ id }, 201);
    },
  );

  const myCycle = async (c: any) => {
    const actor = requireRole(c, ...COORDINATOR_ROLES);
    const v = await readCycleView(db(c), c.req.valid('param').id);
    if (!v || !coordinates(actor, v.cycle.organisation_id)) throw new AppError('NOT_FOUND');
    return { actor, v };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/cycles/{id}`,
      tags,
      security: SIGNED_IN,
      summary: 'An order cycle with its products, prices and pickup windows',
      request: { params: idParam },
      responses: { 200: jsonOf(Cycle, 'The cycle'), 404: problem },
    }),
    async (c) => {
      const { v } = await myCycle(c);
      const x = v.cycle;
      return c.json(
        {
          id: x.id,
          organisationId: x.organisation_id,
          name: x.name,
          opensAt: x.opens_at,
          closesAt: x.closes_at,
          repeat: x.repeat,
          status: x.status,
          orderCount: x.order_count,
          products: v.products.map((p) => ({
            variantId: p.variant_id,
            title: p.title,
            producer: p.umkm_name,
            price: p.price,
            listPrice: p.list_price,
          })),
          points: v.points.map((p) => ({
            servicePointId: p.service_point_id,
            name: p.point_name,
            pickupDate: p.pickup_date,
            pickupFrom: p.pickup_from,
            pickupTo: p.pickup_to,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/cycles/{id}/close`,
      tags,
      security: SIGNED_IN,
      summary: 'Close a cycle: lists fixed, one run per pickup point, successor opened',
      request: { params: idParam },
      responses: { 200: jsonOf(Closed, 'Closed'), 404: problem, 409: problem },
    }),
    async (c) => {
      const { actor, v } = await myCycle(c);
      return c.json(unwrap(await closeCycle(db(c), actor, v.cycle.id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/cycles/{id}/lists`,
      tags,
      security: SIGNED_IN,
      summary: 'Supplier lists per producer and packing lists per pickup point',
      request: { params: idParam },
      responses: { 200: jsonOf(Lists, 'Lists'), 404: problem },
    }),
    async (c) => {
      const { v } = await myCycle(c);
      const [s, p] = await Promise.all([
        supplierLists(db(c), v.cycle.id),
        packingLists(db(c), v.cycle.id),
      ]);
      return c.json(
        {
          suppliers: s.map((x) => ({
            umkmId: x.umkmId,
            producer: x.umkmName,
            totalQty: x.totalQty,
            lines: x.lines.map((l) => ({
              pointId: l.pointId,
              point: l.pointName,
              product: `${l.title} (${l.label})`,
              qty: l.qty,
            })),
          })),
          packing: p.map((x) => ({
            pointId: x.pointId,
            point: x.pointName,
            pickupDate: x.pickupDate,
            totalQty: x.totalQty,
            orders: x.orders.map((o) => ({
              number: o.number,
              buyerName: o.buyerName,
              paid: o.paid,
              lines: o.lines.map((l) => ({ product: `${l.title} (${l.label})`, qty: l.qty })),
            })),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/cycles/{id}/orders`,
      tags,
      summary: "Order from an open cycle at the cycle's prices (late orders name the next cycle)",
      request: { params: idParam, ...body(CycleOrderInput) },
      responses: { 201: jsonOf(Placed, 'Placed'), 404: problem, 409: problem, 422: problem },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const placed = unwrap(
        await orderFromCycle(db(c), c.get('actor') ?? null, {
          ...input,
          cycleId: c.req.valid('param').id,
        }),
      );
      return c.json(
        {
          groupId: placed.groupId,
          total: placed.total,
          orders: placed.orders.map((o) => ({ id: o.id, number: o.number, total: o.total })),
        },
        201,
      );
    },
  );
}
