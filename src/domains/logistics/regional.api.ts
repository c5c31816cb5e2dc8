// The overseers' part of the logistics JSON API: a region's KPIs, measured road distances and a
// regency's detour factor (officers and national admins, scoped to their regions).
import { z } from '@hono/zod-openapi';
import { createApiRoutes, dbOf, requireRole } from '../../kernel/http/index.js';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { canInRegion } from '../../kernel/auth/index.js';
import { OVERSEERS } from './logistics.access.js';
import { body, jsonOf, P, problem, security, tags } from './logistics.api-parts.js';
import { requestTable, tableBody, tableRejected } from '../../kernel/xlsx/index.js';
import { importDistanceTable } from './distances-import.js';
import { setDetour } from './network.service.js';
import { logisticsKpisRead } from './kpis.js';
import { runRead } from '../../kernel/offloop/index.js';
import { detourSchema, distancesSchema, kpiQuerySchema } from './logistics.schema.js';
import { kpisJson, LogisticsKpisSchema } from './logistics.api-schemas.js';

export function logisticsRegionalApi() {
  const { app, route } = createApiRoutes({ tags, security });

  app.openapi(
    route({
      method: 'get',
      path: `${P}/kpis`,
      summary: 'Logistics KPIs of a region over a date range',
      request: { query: kpiQuerySchema },
      responses: { 200: jsonOf(LogisticsKpisSchema, 'KPIs'), 403: problem },
    }),
    async (c) => {
      const actor = requireRole(c, ...OVERSEERS);
      const q = c.req.valid('query');
      if (!canInRegion(actor, OVERSEERS, q.region)) throw new AppError('FORBIDDEN');
      const k = await runRead(c.get('deps'), logisticsKpisRead, q.region, q.from, q.to);
      return c.json(kpisJson(k), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${P}/distances`,
      summary:
        'Import measured road distances (CSV or an XLSX workbook, first sheet; header from,to,km); one bad cell rejects the file',
      request: { body: tableBody(distancesSchema) },
      responses: {
        200: jsonOf(
          z.object({
            rows: z.number().int().openapi({ description: 'Distances stored' }),
            sheet: z
              .string()
              .nullable()
              .openapi({ description: 'The worksheet read when the table was XLSX' }),
          }),
          'Imported',
        ),
        422: { ...problem, description: 'Nothing stored: `cells` lists every bad cell' },
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...OVERSEERS);
      // The web form's importer: every cell checked, then stored whole or not at all.
      const r = await importDistanceTable(dbOf(c), actor, await requestTable(c, distancesSchema));
      if (!r.ok) throw tableRejected(c, r.sheet, r.problems);
      return c.json({ rows: r.rows, sheet: r.sheet }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${P}/detour`,
      summary: 'Set a regency’s road detour factor (road km per great-circle km)',
      request: body(detourSchema),
      responses: {
        200: jsonOf(z.object({ regencyCode: z.string(), factor: z.number() }), 'Saved'),
        422: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...OVERSEERS);
      const v = c.req.valid('json') as any;
      unwrap(await setDetour(dbOf(c), actor, v.regencyCode, v.factor));
      return c.json({ regencyCode: v.regencyCode, factor: v.factor }, 200);
    },
  );
  return app;
}
