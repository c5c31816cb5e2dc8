// Pages of organisations (with members) and village service points (with agents).
import { Hono } from 'hono';
import { page, readForm, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { canInRegion, hasRole, scopeIds, type Actor, type Role } from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';
import { agentSchema, organisationSchema, servicePointSchema } from './community.schema.js';
import { findOrganisation, findVillage, visibleOrganisation } from './community.queries.js';
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
  getServicePoint,
  listServicePoints,
} from './service-points.service.js';
import { listUmkm } from './umkm.service.js';
import { canManageOrganisation, organisationVisible, reachOf } from './scope.js';
import { trOf, type C } from './form-parts.js';
import { formErrors, REGISTRARS } from './umkm.routes.js';
import { OrganisationForm, OrganisationList, OrganisationPage } from './organisations.views.js';
import { PointForm, PointList, PointPage } from './points.views.js';
import type { IssuedLogin } from './logins.js';
import { isPlaceSearch, villageChoices } from './village-choices.js';

const OFFICERS: Role[] = ['national_admin', 'regional_officer'];
const POINT_CREATORS: Role[] = ['national_admin', 'regional_officer', 'community_manager'];

const manageableOrgs = (db: Tx, actor: Actor) =>
  db
    .selectFrom('organisations')
    .select(['id', 'name', 'village_code'])
    .where((eb) => organisationVisible(eb, reachOf(actor)))
    .orderBy('name')
    .limit(200)
    .execute();

export function organisationRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/community/organisations', async (c) => {
    const actor = requireRole(c, ...REGISTRARS);
    const rows = await listOrganisations(c.get('deps').h.db, actor);
    return page(
      c,
      { title: trOf(c)('community.org.title') },
      <OrganisationList c={c} rows={rows} canCreate={hasRole(actor, ...OFFICERS)} />,
    );
  });

  app.get('/community/organisations/new', async (c) => {
    requireRole(c, ...OFFICERS);
    return page(
      c,
      { title: trOf(c)('community.org.new') },
      <OrganisationForm c={c} places={await villageChoices(c, OFFICERS)} />,
    );
  });

  app.post('/community/organisations/new', async (c) => {
    const actor = requireRole(c, ...OFFICERS);
    const form = await readForm(c, organisationSchema);
    const again = async (errors: Record<string, string>, status: 200 | 422 = 422) =>
      page(
        c,
        { title: trOf(c)('community.org.new'), status },
        <OrganisationForm
          c={c}
          raw={form.raw}
          errors={errors}
          places={await villageChoices(c, OFFICERS, form.raw)}
        />,
      );
    // The picker's search narrows the villages and shows the form again; nothing is saved.
    if (isPlaceSearch(form.raw)) return again({}, 200);
    if (!form.ok) return again(form.errors);
    const r = await createOrganisation(c.get('deps').h.db, actor, form.data);
    if (!r.ok) return again(formErrors(c, r));
    return c.redirect(`/community/organisations/${r.value}`, 303);
  });

  app.get('/community/organisations/:id', async (c) => {
    const actor = requireRole(c, ...REGISTRARS);
    const db = c.get('deps').h.db;
    const org = await visibleOrganisation(db, actor, c.req.param('id'));
    if (!org) throw new AppError('NOT_FOUND');
    const [village, managers, members, umkm, points] = await Promise.all([
      findVillage(db, org.village_code),
      managersOf(db, org.id),
      membersOf(db, org.id),
      listUmkm(db, actor, { organisationId: org.id }),
      listServicePoints(db, actor, { organisationId: org.id }),
    ]);
    return page(
      c,
      { title: org.name },
      <OrganisationPage
        c={c}
        org={{ ...org, village_name: village?.name ?? org.village_code }}
        managers={managers}
        members={members}
        umkm={umkm}
        points={points}
        canManage={canManageOrganisation(actor, org)}
      />,
    );
  });

  app.get('/community/points', async (c) => {
    const actor = requireRole(c, ...REGISTRARS);
    const rows = await listServicePoints(c.get('deps').h.db, actor);
    return page(
      c,
      { title: trOf(c)('community.point.title') },
      <PointList c={c} rows={rows} canCreate={hasRole(actor, ...POINT_CREATORS)} />,
    );
  });

  const pointForm = async (
    c: C,
    status: 200 | 422,
    raw?: Record<string, string>,
    errors?: Record<string, string>,
    services?: string[],
  ) => {
    const actor = requireRole(c, ...POINT_CREATORS);
    const orgs = await manageableOrgs(c.get('deps').h.db, actor);
    const preset =
      raw ??
      (orgs[0] && scopeIds(actor, 'organisation', ['community_manager']).length
        ? { organisation_id: orgs[0].id, village_code: orgs[0].village_code }
        : undefined);
    return page(
      c,
      { title: trOf(c)('community.point.new'), status },
      <PointForm
        c={c}
        raw={preset}
        errors={errors}
        services={services}
        orgs={orgs}
        places={await villageChoices(c, POINT_CREATORS, preset)}
      />,
    );
  };

  app.get('/community/points/new', (c) => pointForm(c, 200));

  app.post('/community/points/new', async (c) => {
    const actor = requireRole(c, ...POINT_CREATORS);
    const form = await readForm(c, servicePointSchema);
    const body = await c.req.parseBody({ all: true });
    const services = ([] as unknown[]).concat(body.services ?? []).map(String);
    if (isPlaceSearch(form.raw)) return pointForm(c, 200, form.raw, {}, services);
    if (!form.ok) return pointForm(c, 422, form.raw, form.errors, services);
    const r = await createServicePoint(c.get('deps').h.db, actor, form.data);
    if (!r.ok) return pointForm(c, 422, form.raw, formErrors(c, r), services);
    return c.redirect(`/community/points/${r.value}`, 303);
  });

  const pointPage = async (
    c: C,
    id: string,
    extra: {
      errors?: Record<string, string>;
      raw?: Record<string, string>;
      added?: IssuedLogin;
      status?: 200 | 201 | 422;
    } = {},
  ) => {
    const actor = requireRole(c, ...REGISTRARS);
    const db = c.get('deps').h.db;
    const point = await getServicePoint(db, actor, id);
    if (!point) throw new AppError('NOT_FOUND');
    const org = point.organisation_id
      ? await findOrganisation(db, point.organisation_id)
      : undefined;
    const canManage =
      canInRegion(actor, OFFICERS, point.village_code) ||
      (!!org && canManageOrganisation(actor, org));
    const agents = await agentsOf(db, id);
    return page(
      c,
      { title: point.name, status: extra.status },
      <PointPage c={c} point={point} agents={agents} canManage={canManage} {...extra} />,
    );
  };

  app.get('/community/points/:id', (c) => pointPage(c, c.req.param('id')));

  app.post('/community/points/:id/agents', async (c) => {
    const actor = requireRole(c, ...POINT_CREATORS);
    const id = c.req.param('id');
    const form = await readForm(c, agentSchema);
    if (!form.ok) return pointPage(c, id, { errors: form.errors, raw: form.raw, status: 422 });
    const r = await addAgent(c.get('deps').h.db, actor, id, form.data);
    if (!r.ok) return pointPage(c, id, { errors: formErrors(c, r), raw: form.raw, status: 422 });
    return pointPage(c, id, { added: r.value, status: 201 });
  });

  return app;
}
