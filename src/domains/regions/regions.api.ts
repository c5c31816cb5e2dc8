// The regions JSON API under /api/v1/regions, declared with OpenAPI so it appears in
// /api/openapi.json. Area reads are public; profile, targeting, weights and rollout reads and
// writes are scoped (regions.access.ts). Errors are thrown as AppError → problem+json.
// Registration order is the document's order (readiness before /regions/{code}).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../kernel/http/index.js';
import { areaOrThrow } from './regions.access.js';
import {
  childCounts,
  childrenOf,
  regionChain,
  searchRegions,
  timeZoneOf,
} from './regions.queries.js';
import { AreaSchema, CodeParam, json, problem } from './regions.api-schemas.js';
import { profileApi, profileImportApi } from './profiles.api.js';
import { planningApi, readinessApi } from './planning.api.js';

export function regionsApi(app: OpenAPIHono<AppEnv>) {
  readinessApi(app);
  profileImportApi(app);
  areasApi(app);
  profileApi(app);
  planningApi(app);
}

/** Public area reads: search and children, one area with its chain. */
function areasApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/regions',
      tags: ['regions'],
      summary:
        'Search areas by name (q: case/accent-insensitive word prefix), or list the children of a parent (provinces when neither is given)',
      request: {
        query: z.object({
          q: z.string().max(100).optional(),
          parent: z.string().max(20).optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({
            items: z.array(
              AreaSchema.extend({
                context: z.array(z.string()).optional(),
                match: z.string().optional(),
              }),
            ),
          }),
          'Matching areas',
        ),
        404: problem('Unknown parent'),
        422: problem('Malformed parent code'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const { q, parent, limit } = c.req.valid('query');
      if (q !== undefined && q.trim() !== '')
        return c.json({ items: await searchRegions(db, q, { limit, within: parent }) }, 200);
      if (parent) await areaOrThrow(db, parent);
      return c.json({ items: await childrenOf(db, parent ?? null) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/regions/{code}',
      tags: ['regions'],
      summary: 'One area with its parent chain, child counts and time zone',
      request: { params: CodeParam },
      responses: {
        200: json(
          AreaSchema.extend({
            timeZone: z.enum(['WIB', 'WITA', 'WIT']),
            chain: z.array(AreaSchema),
            childCounts: z.object({
              regencies: z.number(),
              districts: z.number(),
              villages: z.number(),
            }),
          }),
          'The area',
        ),
        404: problem('No such area'),
        422: problem('Malformed code'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const a = await areaOrThrow(db, c.req.valid('param').code);
      const chain = await regionChain(db, a.code);
      return c.json(
        {
          ...a,
          timeZone: timeZoneOf(a.code),
          chain: chain.slice(0, -1),
          childCounts: await childCounts(db, a.code),
        },
        200,
      );
    },
  );
}
