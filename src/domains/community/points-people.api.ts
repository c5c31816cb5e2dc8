// The community JSON API's service points, their agents and people with consent (see
// community.api.ts for the rest of /api/v1/community).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { problemResponse, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { unwrapJson } from '../../kernel/errors/index.js';
import {
  AgentIn,
  agentInput,
  PersonIn,
  personInput,
  ServicePointIn,
  servicePointInput,
} from './community.api-inputs.js';
import {
  body,
  Created,
  db,
  idParam,
  invalid,
  itemsOf,
  jsonOf,
  loginTaken,
  notFound,
  notStaff,
  security,
  STAFF,
  tags,
} from './community.api-parts.js';
import {
  addAgent,
  agentsOf,
  createServicePoint,
  listServicePoints,
} from './service-points.service.js';
import { addPerson, erasePerson, exportPerson } from './people.service.js';
import {
  PersonExportSchema,
  ServicePointSchema,
  servicePointJson,
} from './community.api-schemas.js';

/** Service points, their agents and people with consent. */
export function pointsAndPeopleApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/community/service-points',
      tags,
      security,
      summary: 'Village service points in scope',
      responses: { 200: itemsOf(ServicePointSchema, 'Service points'), 403: notStaff },
    }),
    async (c) => {
      const actor = requireRole(c, ...STAFF);
      return c.json({ items: (await listServicePoints(db(c), actor)).map(servicePointJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/community/service-points',
      tags,
      security,
      summary: 'Create a village service point',
      request: body(ServicePointIn),
      responses: {
        201: jsonOf(Created, 'Created'),
        403: problemResponse('Not staff who may add points, or the village is outside your scope'),
        422: invalid,
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'national_admin', 'regional_officer', 'community_manager');
      const input = servicePointInput(c.req.valid('json'));
      const id = unwrapJson(await createServicePoint(db(c), actor, input));
      return c.json({ id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/community/service-points/{id}/agents',
      tags,
      security,
      summary: 'Add an agent to a service point by phone number',
      request: { params: idParam, ...body(AgentIn) },
      responses: {
        201: jsonOf(
          z.object({
            userId: z.string(),
            startPassword: z
              .string()
              .nullable()
              .openapi({ description: 'Shown once; null when the agent already had a login' }),
            agents: z.array(z.string()).openapi({ description: "User ids of the point's agents" }),
          }),
          'Agent added',
        ),
        403: problemResponse('Not staff who manage this service point'),
        404: notFound,
        409: loginTaken,
        422: invalid,
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'national_admin', 'regional_officer', 'community_manager');
      const id = c.req.valid('param').id;
      const r = unwrapJson(await addAgent(db(c), actor, id, agentInput(c.req.valid('json'))));
      return c.json(
        {
          userId: r.userId,
          startPassword: r.startPassword,
          agents: (await agentsOf(db(c), id)).map((a) => a.id),
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/community/people',
      tags,
      security,
      summary: 'Add a producer/household member with consent',
      request: body(PersonIn),
      responses: {
        201: jsonOf(Created, 'Added'),
        403: problemResponse(
          'Not community staff, or the organisation or UMKM is outside your scope',
        ),
        422: invalid,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...STAFF);
      const id = unwrapJson(await addPerson(db(c), actor, personInput(c.req.valid('json'))));
      return c.json({ id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/community/people/{id}/export',
      tags,
      security,
      summary: 'Everything held about a person (right of access)',
      request: { params: idParam },
      responses: {
        200: jsonOf(PersonExportSchema, 'Personal data'),
        403: notStaff,
        404: notFound,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...STAFF);
      return c.json(unwrapJson(await exportPerson(db(c), actor, c.req.valid('param').id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/community/people/{id}/erase',
      tags,
      security,
      summary: 'Erase a person’s identity on request (anonymous aggregates stay)',
      request: { params: idParam },
      responses: {
        200: jsonOf(z.object({ erased: z.literal(true) }), 'Erased'),
        403: problemResponse('Not staff who manage this person'),
        404: notFound,
        409: problemResponse('Already erased'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...STAFF);
      unwrapJson(await erasePerson(db(c), actor, c.req.valid('param').id));
      return c.json({ erased: true }, 200);
    },
  );
}
