// The standing-order part of the collective JSON API: a signed-in buyer's standing orders (an
// agent's: the households' at their points), subscribing on a repeating cycle, and skip /
// unskip / pause / resume / cancel. Scope is the service's: `standingFor` reads only the
// actor's own and their points' rows, `changeStanding` answers 404 for anyone else's.
import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { t } from '../../kernel/i18n/index.js';
import { requireActor, SIGNED_IN, type AppEnv } from '../../kernel/http/index.js';
import { agentPoints } from './access.js';
import { standingFor, type StandingView } from './standing.queries.js';
import { STANDING_ACTIONS, changeStanding, subscribe } from './standing.service.js';
import { P, body, db, idParam, int, jsonOf, problem, tags } from './api-shared.js';

const method = z.enum(['cod', 'transfer', 'qris']);
const StandingInput = z
  .object({
    cycleId: z
      .string()
      .max(64)
      .openapi({ description: 'Any cycle of a repeating series; every later opening orders' }),
    lines: z.array(z.object({ variantId: z.string().max(64), qty: int.min(1).max(999) })).max(50),
    buyer: z.object({ name: z.string().max(100), phone: z.string().max(20).optional() }),
    servicePointId: z.string().max(64),
    paymentMethod: method,
    viaAgent: z.object({ consent: z.boolean() }).optional().openapi({
      description: "Recorded by the point's agent for a household that consented (cash)",
    }),
  })
  .openapi('StandingOrderInput');
const StandingOrder = z
  .object({
    id: z.string(),
    seriesId: z.string(),
    series: z.string().openapi({ description: "The series' cycle name" }),
    servicePointId: z.string(),
    point: z.string(),
    buyerName: z.string(),
    paymentMethod: method,
    status: z.enum(['active', 'paused', 'cancelled']),
    skipNext: z.boolean().openapi({ description: 'The next opening places no order' }),
    viaAgent: z.boolean(),
    lines: z.array(z.object({ variantId: z.string(), title: z.string(), qty: int })),
    runs: z
      .array(
        z.object({
          cycle: z.string(),
          outcome: z.enum(['placed', 'partial', 'skipped']),
          at: z.string(),
          notices: z.array(
            z.object({
              reason: z.enum([
                'buyer_skipped',
                'not_in_cycle',
                'not_listed',
                'out_of_stock',
                'order_failed',
              ]),
              title: z.string().optional(),
            }),
          ),
        }),
      )
      .openapi({ description: 'The last five openings, newest first' }),
  })
  .openapi('StandingOrder');
const Changed = z
  .object({ id: z.string(), status: z.enum(['active', 'paused', 'cancelled']) })
  .openapi('StandingOrderChanged');

const SUMMARY: Record<(typeof STANDING_ACTIONS)[number], string> = {
  skip: 'Skip the next opening of a standing order',
  unskip: 'Take back a skip of the next opening',
  pause: 'Pause a standing order (no orders until resumed)',
  resume: 'Resume a paused standing order',
  cancel: 'Cancel a standing order (final)',
};

const view = (v: StandingView) => ({
  id: v.so.id,
  seriesId: v.so.series_id,
  series: v.series,
  servicePointId: v.so.service_point_id,
  point: v.point,
  buyerName: v.so.buyer_name,
  paymentMethod: v.so.payment_method,
  status: v.so.status,
  skipNext: v.so.skip_next === 1,
  viaAgent: v.so.agent_user_id !== null,
  lines: v.lines,
  runs: v.runs.map((r) => ({
    cycle: r.cycle,
    outcome: r.outcome,
    at: r.at,
    notices: r.notices.map((n) =>
      n.title ? { reason: n.reason, title: n.title } : { reason: n.reason },
    ),
  })),
});

export function standingApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/standing-orders`,
      tags,
      security: SIGNED_IN,
      summary: "The caller's standing orders (an agent's: also the households' at their points)",
      responses: {
        200: jsonOf(z.object({ items: z.array(StandingOrder) }), 'Standing orders, newest first'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const items = await standingFor(db(c), actor.userId, agentPoints(actor));
      return c.json({ items: items.map(view) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/standing-orders`,
      tags,
      security: SIGNED_IN,
      summary: 'Subscribe to items of a repeating cycle (every later opening places the order)',
      request: body(StandingInput),
      responses: {
        201: jsonOf(z.object({ id: z.string() }), 'Subscribed'),
        403: problem,
        404: problem,
        422: problem,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { viaAgent, ...input } = c.req.valid('json');
      const id = unwrap(
        await subscribe(db(c), actor, {
          ...input,
          assisted: viaAgent
            ? { agentServicePointId: input.servicePointId, consent: viaAgent.consent }
            : undefined,
        }),
      );
      return c.json({ id }, 201);
    },
  );

  for (const action of STANDING_ACTIONS)
    app.openapi(
      createRoute({
        method: 'post',
        path: `${P}/standing-orders/{id}/${action}`,
        tags,
        security: SIGNED_IN,
        summary: SUMMARY[action],
        request: { params: idParam },
        responses: { 200: jsonOf(Changed, 'Done'), 404: problem, 409: problem },
      }),
      async (c) => {
        const actor = requireActor(c);
        const id = c.req.valid('param').id;
        const r = await changeStanding(db(c), actor, id, action);
        if (!r.ok) {
          // The refusal names the current status in the caller's words, never its enum value.
          const l = c.get('locale');
          const status = r.params?.status;
          throw new AppError(r.code, {
            ...r.params,
            ...(status ? { status: t(l, `collective.standing.status.${String(status)}`) } : {}),
          });
        }
        return c.json({ id, status: r.value }, 200);
      },
    );
}
