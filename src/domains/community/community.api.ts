// JSON API of the community domain under /api/v1/community, declared with createRoute so it
// appears in /api/openapi.json. Same services and scope rules as the pages; failures become
// problem+json with field messages in the caller's language.
import { createRoute, z } from '@hono/zod-openapi';
import { createApiApp, requireRole } from '../../kernel/http/index.js';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import type { Role } from '../../kernel/auth/index.js';
import {
  agentSchema,
  certificationSchema,
  organisationSchema,
  personSchema,
  registerUmkmSchema,
  servicePointSchema,
} from './community.schema.js';
import { findVillage, visibleOrganisation, visibleUmkm } from './community.repo.js';
import { addCertification, certificationAlerts, certificationsOf } from './certifications.js';
import {
  createOrganisation,
  listOrganisations,
  managersOf,
  membersOf,
} from './organisations.service.js';
import {
  addAgent,
  agentsOf,
  createServicePoint,
  listServicePoints,
} from './service-points.service.js';
import { listUmkm, registerUmkm } from './umkm.service.js';
import { addPerson, erasePerson, exportPerson } from './people.service.js';
import {
  CertificationAlertSchema,
  certificationAlertJson,
  CertificationChangeSchema,
  OrganisationSchema,
  organisationJson,
  OrganisationSummarySchema,
  organisationSummaryJson,
  PersonExportSchema,
  ServicePointSchema,
  servicePointJson,
  UmkmSchema,
  umkmJson,
  UmkmSummarySchema,
  umkmSummaryJson,
} from './community.api-schemas.js';

const STAFF: Role[] = ['national_admin', 'regional_officer', 'community_manager', 'village_agent'];
const READERS: Role[] = [...STAFF, 'seller'];
const tags = ['community'];
const security = [{ bearer: [] }];
const problem = {
  description: 'Problem (RFC 9457)',
  content: { 'application/problem+json': { schema: z.any() } },
};
const body = (schema: z.ZodType) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const idParam = z.object({ id: z.string().min(1).max(64) });
const jsonOf = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const itemsOf = (schema: z.ZodType, description: string) =>
  jsonOf(z.object({ items: z.array(schema) }), description);
const Created = z.object({ id: z.string().openapi({ description: 'Id of the new record' }) });

export function communityApi() {
  const app = createApiApp();
  const db = (c: { get(k: 'deps'): { h: { db: any } } }) => c.get('deps').h.db;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/community/organisations',
      tags,
      security,
      summary: 'Organisations (BUMDes, koperasi, kelompok) in the caller’s scope',
      responses: {
        200: itemsOf(OrganisationSummarySchema, 'Organisations'),
        401: problem,
        403: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...STAFF);
      return c.json(
        { items: (await listOrganisations(db(c), actor)).map(organisationSummaryJson) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/community/organisations',
      tags,
      security,
      summary: 'Create an organisation in a village',
      request: body(organisationSchema),
      responses: { 201: jsonOf(Created, 'Created'), 422: problem, 403: problem },
    }),
    async (c) => {
      const actor = requireRole(c, 'national_admin', 'regional_officer');
      const id = unwrap(await createOrganisation(db(c), actor, c.req.valid('json') as any));
      return c.json({ id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/community/organisations/{id}',
      tags,
      security,
      summary: 'An organisation with managers, members, UMKM and service points',
      request: { params: idParam },
      responses: { 200: jsonOf(OrganisationSchema, 'Organisation'), 404: problem },
    }),
    async (c) => {
      const actor = requireRole(c, ...STAFF);
      const org = await visibleOrganisation(db(c), actor, c.req.valid('param').id);
      if (!org) throw new AppError('NOT_FOUND');
      const [managers, members, umkm, points] = await Promise.all([
        managersOf(db(c), org.id),
        membersOf(db(c), org.id),
        listUmkm(db(c), actor, { organisationId: org.id }),
        listServicePoints(db(c), actor, { organisationId: org.id }),
      ]);
      return c.json(
        {
          ...organisationJson(org),
          managers: managers.map((m) => ({ id: m.id, displayName: m.display_name })),
          members: members.map((m) => ({
            id: m.id,
            roleTitle: m.role_title,
            householdSize: m.household_size,
            erased: !!m.erased_at,
          })),
          umkm: umkm.map(umkmSummaryJson),
          servicePoints: points.map(servicePointJson),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/community/umkm',
      tags,
      security,
      summary: 'UMKM in the caller’s scope',
      request: { query: z.object({ q: z.string().max(80).optional() }) },
      responses: { 200: itemsOf(UmkmSummarySchema, 'UMKM'), 401: problem },
    }),
    async (c) => {
      const actor = requireRole(c, ...READERS);
      return c.json(
        {
          items: (await listUmkm(db(c), actor, { q: c.req.valid('query').q })).map(umkmSummaryJson),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/community/umkm',
      tags,
      security,
      summary: 'Register an UMKM with the owner’s consent; the owner gets a seller login by phone',
      request: body(registerUmkmSchema),
      responses: {
        201: jsonOf(
          z.object({
            id: z.string(),
            ownerUserId: z.string(),
            login: z.object({
              phone: z.string(),
              startPassword: z
                .string()
                .nullable()
                .openapi({ description: 'Shown once; null when the owner already had a login' }),
            }),
          }),
          'Registered',
        ),
        422: problem,
        403: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...STAFF);
      const r = unwrap(await registerUmkm(db(c), actor, c.req.valid('json') as any));
      return c.json(
        {
          id: r.umkmId,
          ownerUserId: r.login!.userId,
          login: { phone: r.login!.phone, startPassword: r.login!.startPassword },
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/community/umkm/{id}',
      tags,
      security,
      summary: 'An UMKM with its certifications and their states',
      request: { params: idParam },
      responses: { 200: jsonOf(UmkmSchema, 'UMKM'), 404: problem },
    }),
    async (c) => {
      const actor = requireRole(c, ...READERS);
      const u = await visibleUmkm(db(c), actor, c.req.valid('param').id);
      if (!u) throw new AppError('NOT_FOUND');
      const village = await findVillage(db(c), u.village_code);
      return c.json(umkmJson(u, village?.name ?? null, await certificationsOf(db(c), u.id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/community/umkm/{id}/certifications',
      tags,
      security,
      summary: 'Add or renew a certification (NIB, PIRT, halal, BPOM)',
      request: { params: idParam, ...body(certificationSchema) },
      responses: { 201: jsonOf(CertificationChangeSchema, 'Recorded'), 422: problem, 404: problem },
    }),
    async (c) => {
      const actor = requireRole(c, ...READERS);
      const r = unwrap(
        await addCertification(db(c), actor, c.req.valid('param').id, c.req.valid('json') as any),
      );
      return c.json(r, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/community/certification-alerts',
      tags,
      security,
      summary: 'Certifications expiring within 60 days or expired, in scope (computed on read)',
      responses: { 200: itemsOf(CertificationAlertSchema, 'Alerts') },
    }),
    async (c) => {
      const actor = requireRole(c, ...READERS);
      return c.json(
        { items: (await certificationAlerts(db(c), actor)).map(certificationAlertJson) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/community/service-points',
      tags,
      security,
      summary: 'Village service points in scope',
      responses: { 200: itemsOf(ServicePointSchema, 'Service points') },
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
      request: body(servicePointSchema),
      responses: { 201: jsonOf(Created, 'Created'), 422: problem },
    }),
    async (c) => {
      const actor = requireRole(c, 'national_admin', 'regional_officer', 'community_manager');
      const id = unwrap(await createServicePoint(db(c), actor, c.req.valid('json') as any));
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
      request: { params: idParam, ...body(agentSchema) },
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
        422: problem,
        404: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'national_admin', 'regional_officer', 'community_manager');
      const id = c.req.valid('param').id;
      const r = unwrap(await addAgent(db(c), actor, id, c.req.valid('json') as any));
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
      request: body(personSchema),
      responses: { 201: jsonOf(Created, 'Added'), 422: problem },
    }),
    async (c) => {
      const actor = requireRole(c, ...STAFF);
      const id = unwrap(await addPerson(db(c), actor, c.req.valid('json') as any));
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
      responses: { 200: jsonOf(PersonExportSchema, 'Personal data'), 404: problem },
    }),
    async (c) => {
      const actor = requireRole(c, ...STAFF);
      return c.json(unwrap(await exportPerson(db(c), actor, c.req.valid('param').id)), 200);
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
        404: problem,
        409: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...STAFF);
      unwrap(await erasePerson(db(c), actor, c.req.valid('param').id));
      return c.json({ erased: true }, 200);
    },
  );

  return app;
}
