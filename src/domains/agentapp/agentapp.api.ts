// JSON API of the agent's offline console under /api/v1/agent: the two snapshots the phone
// keeps (catalogue with ETag and `changedSince`, the point's open parcels with protected
// pickup codes) and the sync endpoint that applies a queue of offline actions exactly once.
// A session that expired answers 401 (problem+json): the console asks for the password and
// sends the same queue again, which is safe because every action carries its idempotency key.
import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { createApiApp, SIGNED_IN } from '../../kernel/http/index.js';
import { currentAgent } from './agent.js';
import { catalogueSnapshot, parcelSnapshot } from './snapshot.js';
import { applyBatch } from './sync.service.js';

const tags = ['agent'];
const P = '/api/v1/agent';
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const ETAG = {
  ETag: {
    description: 'Validator of the items; send back as If-None-Match',
    schema: { type: 'string' },
  },
} as const;

const CatalogueItem = z
  .tuple([
    z.string(),
    z.string(),
    z.string(),
    z.string(),
    z.number().int(),
    z.number().int(),
    z.string(),
    z.number().int(),
  ])
  .openapi({
    description:
      '[variantId, productId, title, variant label, price (IDR), stock, 160 px photo URL or "", buyable 1/0]',
  });
const Catalogue = z
  .object({
    stamp: z.string().openapi({ description: 'Send back as changedSince for the next read' }),
    full: z.boolean(),
    items: z.array(CatalogueItem),
  })
  .openapi('AgentCatalogueSnapshot');
const Parcels = z
  .object({
    pointId: z.string(),
    items: z.array(
      z.object({
        tracking: z.string(),
        stage: z.enum(['incoming', 'waiting', 'created']),
        status: z.string(),
        codeCheck: z
          .object({ salt: z.string(), rounds: z.number().int(), hash: z.string() })
          .nullable()
          .openapi({ description: 'PBKDF2-SHA256(code, salt, rounds) in hex; never the code' }),
      }),
    ),
  })
  .openapi('AgentParcelSnapshot');
const Action = z
  .object({
    clientId: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_\-:.]+$/),
    idempotencyKey: z
      .string()
      .min(8)
      .max(128)
      .regex(/^[A-Za-z0-9_\-:.]+$/),
    kind: z.enum(['order', 'scan', 'cash']),
    deviceAt: z.string().datetime(),
    payload: z.record(z.string(), z.unknown()).openapi({
      description:
        'order: {groupId, lines[{variantId, qty, unitPrice}], buyer{name, phone}, consent: true}; scan: {tracking, kind, pickupCode?}; cash: {day, amount}',
    }),
  })
  .openapi('AgentAction');
const SyncBody = z
  .object({
    deviceId: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
    actions: z.array(Action).min(1).max(100),
  })
  .openapi('AgentSyncRequest');
const SyncResult = z
  .object({
    results: z.array(
      z.object({
        clientId: z.string(),
        idempotencyKey: z.string(),
        outcome: z.enum(['applied', 'refused', 'retry']),
        replayed: z.boolean(),
        code: z.string().nullable(),
        reason: z.string().nullable().openapi({ description: 'Why, in the agent’s language' }),
        advice: z.string().nullable().openapi({ description: 'What to do about a refusal' }),
        result: z.record(z.string(), z.unknown()).nullable(),
      }),
    ),
  })
  .openapi('AgentSyncResult');

export const etagOf = (items: unknown) =>
  `"${createHash('sha256').update(JSON.stringify(items)).digest('base64url').slice(0, 27)}"`;

export function agentappApi() {
  const app = createApiApp();

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/catalogue`,
      tags,
      security: SIGNED_IN,
      summary: 'The catalogue the agent’s phone keeps (full, or changed since a stamp)',
      request: {
        query: z.object({ changedSince: z.string().datetime().optional() }),
        headers: z.object({ 'if-none-match': z.string().max(200).optional() }),
      },
      responses: {
        200: { ...json(Catalogue, 'Catalogue snapshot'), headers: ETAG },
        304: { description: 'Nothing changed since the ETag you hold', headers: ETAG },
      },
    }),
    async (c) => {
      const a = await currentAgent(c);
      const q = c.req.valid('query');
      const snap = await catalogueSnapshot(c.get('deps').h.db, a.villageCode, q.changedSince);
      const etag = etagOf(snap.items);
      c.header('etag', etag);
      if (c.req.valid('header')['if-none-match'] === etag) return c.body(null, 304);
      return c.json(snap, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/parcels`,
      tags,
      security: SIGNED_IN,
      summary: 'The open parcels of the agent’s point, pickup codes as salted hashes only',
      request: { headers: z.object({ 'if-none-match': z.string().max(200).optional() }) },
      responses: {
        200: { ...json(Parcels, 'Parcel snapshot'), headers: ETAG },
        304: { description: 'Nothing changed since the ETag you hold', headers: ETAG },
      },
    }),
    async (c) => {
      const a = await currentAgent(c);
      const deps = c.get('deps');
      const items = await parcelSnapshot(deps.h.db, a.pointId, deps.config.secret);
      const etag = etagOf(items);
      c.header('etag', etag);
      if (c.req.valid('header')['if-none-match'] === etag) return c.body(null, 304);
      return c.json({ pointId: a.pointId, items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/sync`,
      tags,
      security: SIGNED_IN,
      summary:
        'Applies the phone’s queue in order, each action exactly once (replays answer the first result)',
      request: { body: { content: { 'application/json': { schema: SyncBody } }, required: true } },
      responses: { 200: json(SyncResult, 'One result per action, in order') },
    }),
    async (c) => {
      const a = await currentAgent(c);
      const body = c.req.valid('json');
      const r = await applyBatch(
        c.get('deps').h.db,
        a,
        body.deviceId,
        body.actions.map((x) => ({ ...x, payload: x.payload })),
        c.get('locale'),
      );
      return c.json({ results: r.ok ? r.value : [] }, 200);
    },
  );
  return app;
}
