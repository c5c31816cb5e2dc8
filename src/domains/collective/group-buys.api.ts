// The group-buy part of the collective JSON API: open a group buy, read it, commit to it.
import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { requireActor, SIGNED_IN, type AppEnv } from '../../kernel/http/index.js';
import { commitToGroupBuy, openGroupBuy, tiersOf } from './group-buys.service.js';
import { priceAt } from './tiers.js';
import { P, body, db, idParam, int, jsonOf, problem, tags } from './api-shared.js';

const GroupBuyInput = z
  .object({
    servicePointId: z.string().max(64),
    variantId: z.string().max(64),
    minimumQty: int,
    deadline: z.string().datetime(),
    tiers: z.array(z.object({ minQty: int, price: int })).max(10),
  })
  .openapi('GroupBuyInput');
const GroupBuy = z
  .object({
    id: z.string(),
    title: z.string(),
    servicePointId: z.string(),
    listPrice: int,
    minimumQty: int,
    committedQty: int,
    priceNow: int,
    deadline: z.string(),
    status: z.enum(['open', 'succeeded', 'failed']),
    finalPrice: int.nullable(),
    tiers: z.array(z.object({ minQty: int, price: int })),
  })
  .openapi('GroupBuy');
const CommitInput = z
  .object({
    id: z
      .string()
      .max(48)
      .optional()
      .openapi({ description: 'A client-minted `gbc_…` id; a replay with it counts once' }),
    qty: int,
    buyer: z.object({ name: z.string().max(100), phone: z.string().max(20).optional() }),
    paymentMethod: z.enum(['cod', 'transfer', 'qris']),
    viaAgent: z
      .object({ consent: z.boolean() })
      .optional()
      .openapi({ description: 'Recorded by the point agent for a villager who consented' }),
  })
  .openapi('CommitmentInput');
const Committed = z
  .object({ id: z.string(), seenPrice: int, committedQty: int })
  .openapi('Commitment');

export function groupBuysApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/group-buys`,
      tags,
      security: SIGNED_IN,
      summary: 'Open a group buy at a service point (its agent or coordinator)',
      request: body(GroupBuyInput),
      responses: {
        201: jsonOf(z.object({ id: z.string() }), 'Opened'),
        403: problem,
        422: problem,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const id = unwrap(await openGroupBuy(db(c), actor, c.req.valid('json')));
      return c.json({ id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/group-buys/{id}`,
      tags,
      summary: 'A group buy: tiers, progress, price now, outcome',
      request: { params: idParam },
      responses: { 200: jsonOf(GroupBuy, 'The group buy'), 404: problem },
    }),
    async (c) => {
      const gb = await db(c)
        .selectFrom('group_buys')
        .selectAll()
        .where('id', '=', c.req.valid('param').id)
        .executeTakeFirst();
      if (!gb) throw new AppError('NOT_FOUND');
      const tiers = await tiersOf(db(c), gb.id);
      return c.json(
        {
          id: gb.id,
          title: gb.title,
          servicePointId: gb.service_point_id,
          listPrice: gb.list_price,
          minimumQty: gb.minimum_qty,
          committedQty: gb.committed_qty,
          priceNow: priceAt(tiers, gb.list_price, gb.committed_qty),
          deadline: gb.deadline,
          status: gb.status,
          finalPrice: gb.final_price,
          tiers,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/group-buys/{id}/commitments`,
      tags,
      summary: 'Commit a quantity (binding only if the group succeeds)',
      request: { params: idParam, ...body(CommitInput) },
      responses: {
        201: jsonOf(Committed, 'Counted'),
        403: problem,
        404: problem,
        409: problem,
        422: problem,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const r = unwrap(
        await commitToGroupBuy(db(c), c.get('actor') ?? null, {
          ...input,
          groupBuyId: c.req.valid('param').id,
        }),
      );
      return c.json(r, 201);
    },
  );
}
