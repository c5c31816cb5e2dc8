// JSON API of the produce domain under /api/v1/produce (OpenAPI, camelCase): producers,
// intakes, a lot with its trace, the payout of a settled lot, statements and the KPIs. Same
// services and scope rules as the pages; weights are whole grams, money whole rupiah.
import { z } from '@hono/zod-openapi';
import { regionScope } from '../../kernel/auth/index.js';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { createApiRoutes, dbOf, requireRole } from '../../kernel/http/index.js';
import { recordIntake } from './intakes.service.js';
import { visibleLot } from './lots.service.js';
import { payOutLot } from './payout.service.js';
import { lotTrace, produceKpis } from './produce.queries.js';
import { intakeApiSchema, producerApiSchema } from './produce.schema.js';
import { listProducers, registerProducer } from './producers.service.js';
import { normaliseMobile } from '../../kernel/auth/index.js';

const tags = ['produce'];
const security = [{ bearer: [] }];
const P = '/api/v1/produce';
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: z.ZodType) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const idParam = z.object({ id: z.string().min(1).max(64) });
const Created = z.object({ id: z.string() }).openapi('ProduceCreated');
const ProducerList = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        fullName: z.string().nullable(),
        phone: z.string().nullable(),
        villageCode: z.string(),
        organisationId: z.string(),
      }),
    ),
  })
  .openapi('ProduceProducerList');
const IntakeCreated = z
  .object({ id: z.string(), number: z.string() })
  .openapi('ProduceIntakeCreated');
const Lot = z
  .object({
    id: z.string(),
    number: z.string(),
    name: z.string(),
    commodity: z.string(),
    status: z.string(),
    weightGrams: z.number().int(),
    contributions: z.array(
      z.object({
        intakeNumber: z.string(),
        producerId: z.string(),
        grade: z.string(),
        netGrams: z.number().int(),
        receivedOn: z.string(),
      }),
    ),
    losses: z.array(
      z.object({
        stage: z.string(),
        weightBeforeGrams: z.number().int(),
        weightAfterGrams: z.number().int(),
        reason: z.string(),
      }),
    ),
    distributable: z.number().int().nullable(),
  })
  .openapi('ProduceLot');
const Payout = z
  .object({ statements: z.number().int(), paid: z.number().int() })
  .openapi('ProducePayout');
const Kpis = z
  .object({
    farmersPaid: z.number().int(),
    gramsPooled: z.number().int(),
    farmerShare: z.number().nullable(),
    premiumOverTrader: z.number().nullable(),
  })
  .openapi('ProduceKpis');
const problem = {
  description: 'Problem (RFC 9457)',
  content: { 'application/problem+json': { schema: z.any() } },
};

export function produceApi() {
  const { app, route } = createApiRoutes({ tags, security });

  app.openapi(
    route({
      method: 'get',
      path: `${P}/producers`,
      summary: 'Producers (smallholders) in the caller’s reach',
      responses: { 200: json(ProducerList, 'Producers') },
    }),
    async (c) => {
      const actor = requireRole(
        c,
        'community_manager',
        'village_agent',
        'regional_officer',
        'national_admin',
      );
      const rows = await listProducers(dbOf(c), actor);
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.id,
            fullName: r.full_name,
            phone: r.phone,
            villageCode: r.village_code,
            organisationId: r.organisation_id,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${P}/producers`,
      summary: 'Register a producer with consent (phone optional)',
      request: body(producerApiSchema),
      responses: { 201: json(Created, 'Registered') },
    }),
    async (c) => {
      const actor = requireRole(c, 'community_manager', 'village_agent');
      const d = c.req.valid('json') as z.infer<typeof producerApiSchema>;
      let phone: string | null = null;
      if (d.phone) {
        phone = normaliseMobile(d.phone);
        if (!phone)
          throw new AppError('VALIDATION_FAILED', {}, { phone: { key: 'validation.phone' } });
      }
      const id = unwrap(
        await registerProducer(dbOf(c), actor, {
          fullName: d.fullName,
          phone,
          organisationId: d.organisationId,
          villageCode: d.villageCode,
          plots: d.plots.map((p) => ({ commodity: p.commodity, areaM2: p.areaM2 ?? null })),
        }),
      );
      return c.json({ id }, 201);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${P}/intakes`,
      summary: 'Record an intake at a collection point (weights in grams, optional advance)',
      request: body(intakeApiSchema),
      responses: { 201: json(IntakeCreated, 'Recorded') },
    }),
    async (c) => {
      const actor = requireRole(c, 'community_manager', 'village_agent');
      const d = c.req.valid('json') as z.infer<typeof intakeApiSchema>;
      const r = unwrap(
        await recordIntake(dbOf(c), actor, {
          producerId: d.producerId,
          commodity: d.commodity,
          grade: d.grade,
          grossGrams: d.grossGrams,
          tareGrams: d.tareGrams,
          moisturePermille: d.moisturePermille,
          measure: d.measure ?? null,
          receivedOn: d.receivedOn,
          advance: d.advance,
        }),
      );
      return c.json(r, 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${P}/lots/{id}`,
      summary: 'A lot with the trace of every gram to intakes and producers',
      request: { params: idParam },
      responses: { 200: json(Lot, 'The lot') },
    }),
    async (c) => {
      const actor = requireRole(c, 'community_manager', 'regional_officer', 'national_admin');
      const lot = await visibleLot(dbOf(c), actor, c.req.valid('param').id);
      if (!lot) throw new AppError('NOT_FOUND');
      const t = await lotTrace(dbOf(c), lot.id);
      return c.json(
        {
          id: lot.id,
          number: lot.number,
          name: lot.name,
          commodity: lot.commodity,
          status: lot.status,
          weightGrams: lot.weight_g,
          contributions: t.rows.map((r) => ({
            intakeNumber: r.number,
            producerId: r.producer_id,
            grade: r.grade,
            netGrams: r.net_g,
            receivedOn: r.received_on,
          })),
          losses: t.losses.map((x) => ({
            stage: x.stage,
            weightBeforeGrams: x.weight_before_g,
            weightAfterGrams: x.weight_after_g,
            reason: x.reason,
          })),
          distributable: t.settlement?.distributable ?? null,
        },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${P}/lots/{id}/payout`,
      summary: 'Pay out a settled lot: one statement per farmer (refused when unsettled or paid)',
      request: { params: idParam },
      responses: { 200: json(Payout, 'Paid'), 409: problem },
    }),
    async (c) => {
      const actor = requireRole(c, 'community_manager');
      return c.json(unwrap(await payOutLot(dbOf(c), actor, c.req.valid('param').id)), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${P}/kpis`,
      summary:
        'Farmers paid, grams pooled, farmers’ share of sale price, premium over trader price',
      request: {
        query: z.object({
          region: z
            .string()
            .regex(/^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/)
            .optional(),
        }),
      },
      responses: { 200: json(Kpis, 'KPIs') },
    }),
    async (c) => {
      const actor = requireRole(c, 'regional_officer', 'national_admin');
      const scope = regionScope(actor, ['regional_officer', 'national_admin']);
      const region = c.req.valid('query').region ?? (scope === 'all' ? '' : scope[0]);
      const inside =
        scope === 'all' || scope.some((p) => region === p || region.startsWith(`${p}.`));
      if (!inside) throw new AppError('FORBIDDEN');
      return c.json(await produceKpis(dbOf(c), region), 200);
    },
  );
  return app;
}
