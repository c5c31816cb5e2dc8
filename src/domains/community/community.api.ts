// JSON API of the community domain under /api/v1/community, declared with createRoute so it
// appears in /api/openapi.json: organisations, UMKM and certifications here, service points and
// people in points-people.api.ts. Same services and scope rules as the pages; failures become
// problem+json with field messages (named as the JSON fields) in the caller's language.
import { createRoute, z } from '@hono/zod-openapi';
import { createApiApp, problemResponse, requireRole } from '../../kernel/http/index.js';
import { AppError, unwrapJson } from '../../kernel/errors/index.js';
import {
  CertificationIn,
  certificationInput,
  OrganisationIn,
  organisationInput,
  RegisterUmkmIn,
  registerUmkmInput,
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
  READERS,
  security,
  STAFF,
  tags,
} from './community.api-parts.js';
import { canSeeBankAccount } from './scope.js';
import { findVillage, visibleOrganisation, visibleUmkm } from './community.queries.js';
import { addCertification, certificationAlerts, certificationsOf } from './certifications.js';
import {
  createOrganisation,
  listOrganisations,
  managersOf,
  membersOf,
} from './organisations.service.js';
import { listServicePoints } from './service-points.service.js';
import { listUmkm, registerUmkm } from './umkm.service.js';
import { pointsAndPeopleApi } from './points-people.api.js';
import {
  CertificationAlertSchema,
  certificationAlertJson,
  CertificationChangeSchema,
  OrganisationSchema,
  organisationJson,
  OrganisationSummarySchema,
  organisationSummaryJson,
  servicePointJson,
  UmkmSchema,
  umkmJson,
  UmkmSummarySchema,
  umkmSummaryJson,
} from './community.api-schemas.js';

export function communityApi() {
  const app = createApiApp();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/community/organisations',
      tags,
      security,
      summary: 'Organisations (BUMDes, koperasi, kelompok) in the caller’s scope',
      responses: {
        200: itemsOf(OrganisationSummarySchema, 'Organisations'),
        403: notStaff,
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
      request: body(OrganisationIn),
      responses: {
        201: jsonOf(Created, 'Created'),
        403: problemResponse('Not a national admin or the regional officer of that village'),
        422: invalid,
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'national_admin', 'regional_officer');
      const input = organisationInput(c.req.valid('json'));
      const id = unwrapJson(await createOrganisation(db(c), actor, input));
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
      responses: {
        200: jsonOf(OrganisationSchema, 'Organisation'),
        403: notStaff,
        404: notFound,
      },
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
      responses: {
        200: itemsOf(UmkmSummarySchema, 'UMKM'),
        403: problemResponse('Not community staff or a seller'),
      },
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
      request: body(RegisterUmkmIn),
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
        403: problemResponse('Not community staff, or the village is outside your scope'),
        409: loginTaken,
        422: invalid,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...STAFF);
      const input = registerUmkmInput(c.req.valid('json'));
      const r = unwrapJson(await registerUmkm(db(c), actor, input));
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
      description:
        "The settlement bank account (`bankName`, `bankAccountNumber`, `bankAccountName`) is included only for the UMKM's seller and the community managers of the organisation that pays it out; other readers get the UMKM without those fields.",
      request: { params: idParam },
      responses: {
        200: jsonOf(UmkmSchema, 'UMKM'),
        403: problemResponse('Not community staff or a seller'),
        404: notFound,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...READERS);
      const u = await visibleUmkm(db(c), actor, c.req.valid('param').id);
      if (!u) throw new AppError('NOT_FOUND');
      const village = await findVillage(db(c), u.village_code);
      const certifications = await certificationsOf(db(c), u.id);
      return c.json(
        umkmJson(u, village?.name ?? null, certifications, canSeeBankAccount(actor, u)),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/community/umkm/{id}/certifications',
      tags,
      security,
      summary: 'Add or renew a certification (NIB, PIRT, halal, BPOM)',
      request: { params: idParam, ...body(CertificationIn) },
      responses: {
        201: jsonOf(CertificationChangeSchema, 'Recorded'),
        403: problemResponse('Not allowed to change this UMKM'),
        404: notFound,
        422: invalid,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...READERS);
      const input = certificationInput(c.req.valid('json'));
      const r = unwrapJson(await addCertification(db(c), actor, c.req.valid('param').id, input));
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
      responses: {
        200: itemsOf(CertificationAlertSchema, 'Alerts'),
        403: problemResponse('Not community staff or a seller'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...READERS);
      return c.json(
        { items: (await certificationAlerts(db(c), actor)).map(certificationAlertJson) },
        200,
      );
    },
  );

  pointsAndPeopleApi(app);
  return app;
}
