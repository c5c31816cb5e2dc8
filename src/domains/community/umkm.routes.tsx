// Pages of UMKM and people: list, fast registration, UMKM page (certifications, details,
// household members), a person's record with export and erasure.
import { Hono } from 'hono';
import {
  page,
  readForm,
  requireRole,
  translateFields,
  type AppEnv,
} from '../../kernel/http/index.js';
import { AppError, type Result } from '../../kernel/errors/index.js';
import { hasRole, scopeIds, type Role } from '../../kernel/auth/index.js';
import {
  certificationSchema,
  personSchema,
  registerUmkmSchema,
  updateUmkmSchema,
} from './community.schema.js';
import { findVillage, visibleOrganisation, visibleUmkm } from './community.queries.js';
import { addCertification, certificationsOf } from './certifications.js';
import { listUmkm, registerUmkm, updateUmkm } from './umkm.service.js';
import { addPerson, erasePerson, exportPerson, getPerson, peopleOfUmkm } from './people.service.js';
import { canManageOrganisation, canManageUmkm, canSeeBankAccount, isStaff } from './scope.js';
import { trOf, type C } from './form-parts.js';
import { UmkmList, UmkmPage } from './umkm.views.js';
import { RegisterUmkmForm, Registered } from './umkm-register.views.js';
import { PersonForm } from './people.views.js';
import { PersonPage } from './people.views.js';
import { regionNames } from '../regions/index.js';
import { isPlaceSearch, villageChoices } from './village-choices.js';

export const REGISTRARS: Role[] = [
  'national_admin',
  'regional_officer',
  'community_manager',
  'village_agent',
];
const READERS: Role[] = [...REGISTRARS, 'seller'];

/** A failed Result: out-of-scope and missing records leave the request; field errors go back to the form. */
export function formErrors(
  c: C,
  r: Extract<Result<unknown>, { ok: false }>,
): Record<string, string> {
  if (r.code === 'NOT_FOUND' || r.code === 'FORBIDDEN') throw new AppError(r.code);
  const fields = translateFields(c.get('locale'), r.fields ?? {});
  return Object.keys(fields).length ? fields : { _: trOf(c)('errors.validation') };
}

async function registerPage(
  c: C,
  status: 200 | 422,
  raw?: Record<string, string>,
  errors?: Record<string, string>,
) {
  const actor = requireRole(c, ...REGISTRARS);
  const db = c.get('deps').h.db;
  const tr = trOf(c);
  const orgIds = scopeIds(actor, 'organisation', ['community_manager']);
  const orgs = orgIds.length
    ? await db
        .selectFrom('organisations')
        .select(['id', 'name', 'village_code'])
        .where('id', 'in', orgIds)
        .orderBy('name')
        .execute()
    : [];
  const pointIds = scopeIds(actor, 'service_point', ['village_agent']);
  const point =
    !orgs.length && pointIds.length
      ? await db
          .selectFrom('service_points')
          .select('village_code')
          .where('id', '=', pointIds[0])
          .executeTakeFirst()
      : undefined;
  const home = orgs[0]?.village_code ?? point?.village_code;
  const villageHint = home
    ? tr('community.register.village_default', {
        name: (await regionNames(db, [home])).get(home) ?? '',
      })
    : undefined;
  return page(
    c,
    { title: tr('community.register.title'), status },
    <RegisterUmkmForm
      c={c}
      raw={raw}
      errors={errors}
      villageHint={villageHint}
      orgs={orgs}
      places={await villageChoices(c, REGISTRARS, raw)}
      optionalVillage={!!home}
    />,
  );
}

async function umkmPage(
  c: C,
  id: string,
  extra: {
    errors?: Record<string, string>;
    raw?: Record<string, string>;
    form?: 'cert' | 'edit' | 'person';
    status?: 200 | 422;
    message?: string;
  } = {},
) {
  const actor = requireRole(c, ...READERS);
  const db = c.get('deps').h.db;
  const u = await visibleUmkm(db, actor, id);
  if (!u) throw new AppError('NOT_FOUND');
  const [village, org, certs, people] = await Promise.all([
    findVillage(db, u.village_code),
    u.organisation_id
      ? db
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', u.organisation_id)
          .executeTakeFirst()
      : undefined,
    certificationsOf(db, id),
    isStaff(actor) ? peopleOfUmkm(db, id) : Promise.resolve([]),
  ]);
  const detail = {
    ...u,
    village_name: village?.name ?? u.village_code,
    organisation_name: org?.name ?? null,
  };
  return page(
    c,
    { title: u.name, status: extra.status },
    <UmkmPage
      c={c}
      u={detail}
      certs={certs}
      people={people}
      canEdit={canManageUmkm(actor, u)}
      canPeople={isStaff(actor) && canManageUmkm(actor, u)}
      canSeeBank={canSeeBankAccount(actor, u)}
      {...extra}
    />,
  );
}

export function umkmRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/community/umkm', async (c) => {
    const actor = requireRole(c, ...READERS);
    const q = c.req.query('q')?.slice(0, 80);
    const rows = await listUmkm(c.get('deps').h.db, actor, { q });
    return page(
      c,
      { title: trOf(c)('community.umkm.title') },
      <UmkmList c={c} rows={rows} canRegister={hasRole(actor, ...REGISTRARS)} q={q} />,
    );
  });

  app.get('/community/umkm/new', (c) => registerPage(c, 200));

  app.post('/community/umkm/new', async (c) => {
    const actor = requireRole(c, ...REGISTRARS);
    const form = await readForm(c, registerUmkmSchema);
    // The picker's search narrows the villages and shows the form again; nothing is saved.
    if (isPlaceSearch(form.raw)) return registerPage(c, 200, form.raw);
    if (!form.ok) return registerPage(c, 422, form.raw, form.errors);
    const r = await registerUmkm(c.get('deps').h.db, actor, form.data);
    if (!r.ok) return registerPage(c, 422, form.raw, formErrors(c, r));
    return page(
      c,
      { title: trOf(c)('community.register.done_title'), status: 201 },
      <Registered c={c} umkmId={r.value.umkmId} name={form.data.name} login={r.value.login!} />,
    );
  });

  app.get('/community/umkm/:id', (c) => umkmPage(c, c.req.param('id')));

  app.post('/community/umkm/:id/certifications', async (c) => {
    const actor = requireRole(c, ...READERS);
    const id = c.req.param('id');
    const form = await readForm(c, certificationSchema);
    if (!form.ok)
      return umkmPage(c, id, { errors: form.errors, raw: form.raw, form: 'cert', status: 422 });
    const r = await addCertification(c.get('deps').h.db, actor, id, form.data);
    if (!r.ok)
      return umkmPage(c, id, {
        errors: formErrors(c, r),
        raw: form.raw,
        form: 'cert',
        status: 422,
      });
    return c.redirect(`/community/umkm/${id}#certifications`, 303);
  });

  app.post('/community/umkm/:id/edit', async (c) => {
    const actor = requireRole(c, ...READERS);
    const id = c.req.param('id');
    const form = await readForm(c, updateUmkmSchema);
    if (!form.ok)
      return umkmPage(c, id, { errors: form.errors, raw: form.raw, form: 'edit', status: 422 });
    const r = await updateUmkm(c.get('deps').h.db, actor, id, form.data);
    if (!r.ok)
      return umkmPage(c, id, {
        errors: formErrors(c, r),
        raw: form.raw,
        form: 'edit',
        status: 422,
      });
    return c.redirect(`/community/umkm/${id}#details`, 303);
  });

  app.post('/community/people/new', async (c) => {
    const actor = requireRole(c, ...REGISTRARS);
    const db = c.get('deps').h.db;
    const form = await readForm(c, personSchema);
    const fail = (errors: Record<string, string>) => {
      const hidden: Record<string, string> = form.raw.umkm_id
        ? { umkm_id: form.raw.umkm_id }
        : { organisation_id: form.raw.organisation_id ?? '' };
      return page(
        c,
        { title: trOf(c)('community.people.add'), status: 422 },
        <section class="card narrow">
          <PersonForm
            c={c}
            action="/community/people/new"
            hidden={hidden}
            errors={errors}
            raw={form.raw}
            withRole={!form.raw.umkm_id}
          />
        </section>,
      );
    };
    if (!form.ok) return fail(form.errors);
    const r = await addPerson(db, actor, form.data);
    if (!r.ok) return fail(formErrors(c, r));
    return c.redirect(
      form.data.umkm_id
        ? `/community/umkm/${form.data.umkm_id}#people`
        : `/community/organisations/${form.data.organisation_id}#members`,
      303,
    );
  });

  const personPage = async (c: C, id: string, message?: string) => {
    const actor = requireRole(c, ...REGISTRARS);
    const db = c.get('deps').h.db;
    const p = await getPerson(db, actor, id);
    if (!p) throw new AppError('NOT_FOUND');
    const link = p.umkm_id
      ? await visibleUmkm(db, actor, p.umkm_id)
      : p.organisation_id
        ? await visibleOrganisation(db, actor, p.organisation_id)
        : undefined;
    const canErase =
      !!link &&
      ('business_type' in link ? canManageUmkm(actor, link) : canManageOrganisation(actor, link));
    return page(
      c,
      { title: p.full_name ?? trOf(c)('community.people.erased') },
      <PersonPage
        c={c}
        person={p}
        place={(await regionNames(db, [p.village_code])).get(p.village_code) ?? ''}
        canErase={canErase}
        message={message}
      />,
    );
  };

  app.get('/community/people/:id', (c) => personPage(c, c.req.param('id')));

  app.get('/community/people/:id/export', async (c) => {
    const actor = requireRole(c, ...REGISTRARS);
    const r = await exportPerson(c.get('deps').h.db, actor, c.req.param('id'));
    if (!r.ok) throw new AppError(r.code);
    c.header('content-disposition', `attachment; filename="lumbung-${c.req.param('id')}.json"`);
    c.header('cache-control', 'no-store');
    return c.json(r.value);
  });

  app.post('/community/people/:id/erase', async (c) => {
    const actor = requireRole(c, ...REGISTRARS);
    const id = c.req.param('id');
    const r = await erasePerson(c.get('deps').h.db, actor, id);
    if (!r.ok && r.code !== 'COMMUNITY_ALREADY_ERASED') throw new AppError(r.code);
    return personPage(c, id, trOf(c)('community.people.erased_done'));
  });

  return app;
}
