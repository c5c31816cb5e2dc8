// The caller, as the JSON API sees them: who the token or session belongs to and its grants.
// Partners and apps call it first to learn which scopes (partner ids, UMKM, regions) they act in.
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from './roles.js';
import { createApiApp, requireActor, SIGNED_IN } from '../../kernel/http/index.js';

const Me = z
  .object({
    id: z.string(),
    displayName: z.string(),
    locale: z
      .enum(['id', 'en'])
      .nullable()
      .openapi({ description: 'The chosen language; null when never chosen' }),
    grants: z.array(
      z.object({
        role: z.enum(ROLES),
        scopeType: z.enum([
          'national',
          'region',
          'organisation',
          'service_point',
          'umkm',
          'hub',
          'partner',
          'self',
        ]),
        scopeId: z.string().nullable().openapi({
          description:
            'Region code or the id of the organisation, point, UMKM, hub or partner; null for national and self',
        }),
        regionCode: z
          .string()
          .nullable()
          .openapi({ description: 'The region the scope lies in; null for all' }),
      }),
    ),
  })
  .openapi('Me');

export function accountsApi() {
  const app = createApiApp();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/me',
      tags: ['accounts'],
      operationId: 'getMe',
      security: SIGNED_IN,
      summary:
        'The signed-in caller with their role grants (each grant names the scope it acts in)',
      responses: {
        200: { description: 'The caller', content: { 'application/json': { schema: Me } } },
      },
    }),
    (c) => {
      const a = requireActor(c);
      return c.json(
        {
          id: a.userId,
          displayName: a.displayName,
          locale: a.locale,
          grants: a.grants.map((g) => ({
            role: g.role,
            scopeType: g.scopeType,
            scopeId: g.scopeId,
            regionCode: g.regionCode,
          })),
        },
        200,
      );
    },
  );
  return app;
}
