// Pages of the collection-point clerk and the koperasi: home and producers (intakes, receipts,
// corrections and price bases: intake.routes.tsx; lots: lot.routes.tsx). Scope is decided by
// the services' queries: a record outside the caller's reach is 404, a role without produce
// work is 403.
import type { Context } from 'hono';
import type { Hono } from 'hono';
import { AppError, type FieldErrors, type Result } from '../../kernel/errors/index.js';
import {
  page,
  readForm,
  requireRole,
  translateFields,
  type AppEnv,
} from '../../kernel/http/index.js';
import { organisationPlaces } from '../community/index.js';
import { isPickerSearch, placeChoices } from '../regions/index.js';
import { listIntakes } from './intakes.service.js';
import { producerFormSchema } from './produce.schema.js';
import { listProducers, plotsOf, registerProducer, visibleProducer } from './producers.service.js';
import { statementsOfProducer, villageNames } from './produce.queries.js';
import { intakeOrgs, produceReach, reachesAny } from './scope.js';
import { ProducerForm, ProducerList, ProducerPage, type OrgOption } from './producers.views.js';
import { IntakeList } from './intake.views.js';
import { tr } from './display.js';
import { listLots } from './lots.service.js';
import { LotList } from './lot.views.js';

type C = Context<AppEnv>;
export const PRODUCE_ROLES = [
  'community_manager',
  'village_agent',
  'regional_officer',
  'national_admin',
] as const;
export const db = (c: C) => c.get('deps').h.db;

/** The service's field errors in the reader's language, or a thrown error without fields. */
export function fieldsOrThrow(c: C, r: Result<unknown>): Record<string, string> {
  if (r.ok) return {};
  if (!r.fields) throw new AppError(r.code, r.params);
  return translateFields(c.get('locale'), r.fields as FieldErrors);
}

export async function orgOptions(c: C, ids: string[]): Promise<OrgOption[]> {
  const m = await organisationPlaces(db(c), ids);
  return [...m.values()]
    .map((o) => ({ id: o.id, name: o.name }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** A role that may read produce pages and reaches some organisation or region. */
export async function reader(c: C) {
  const actor = requireRole(c, ...PRODUCE_ROLES);
  const reach = await produceReach(db(c), actor);
  if (!reachesAny(reach)) throw new AppError('FORBIDDEN');
  return { actor, reach };
}

/** A clerk or manager who may register producers and record intakes. */
export async function intakeWriter(c: C) {
  const actor = requireRole(c, 'community_manager', 'village_agent');
  const reach = await produceReach(db(c), actor);
  const orgs = intakeOrgs(reach);
  if (!orgs.length) throw new AppError('FORBIDDEN');
  return { actor, reach, orgs };
}

export const today = () => new Date().toISOString().slice(0, 10);

export function produceRoutes(app: Hono<AppEnv>) {
  app.get('/produksi', async (c) => {
    const { actor, reach } = await reader(c);
    const [intakes, lots] = await Promise.all([
      listIntakes(db(c), actor, { limit: 10 }),
      listLots(db(c), actor),
    ]);
    const writes = intakeOrgs(reach).length > 0;
    return page(
      c,
      { title: tr(c, 'produce.home.title') },
      <section>
        <h1>{tr(c, 'produce.home.title')}</h1>
        <p>{tr(c, 'produce.home.intro')}</p>
        <ul>
          {writes ? (
            <li>
              <a href="/produksi/setoran/baru">{tr(c, 'produce.home.new_intake')}</a>
            </li>
          ) : null}
          {writes ? (
            <li>
              <a href="/produksi/petani/baru">{tr(c, 'produce.home.new_producer')}</a>
            </li>
          ) : null}
          <li>
            <a href="/produksi/petani">{tr(c, 'produce.home.producers')}</a>
          </li>
          <li>
            <a href="/produksi/harga">{tr(c, 'produce.home.prices')}</a>
          </li>
          {reach.managed.length ? (
            <li>
              <a href="/produksi/lot/baru">{tr(c, 'produce.home.new_lot')}</a>
            </li>
          ) : null}
        </ul>
        <h2>{tr(c, 'produce.home.intakes')}</h2>
        <IntakeList c={c} rows={intakes} />
        {reach.managed.length || reach.regions === 'all' || reach.regions.length ? (
          <>
            <h2>{tr(c, 'produce.home.lots')}</h2>
            <LotList c={c} rows={lots} />
          </>
        ) : null}
      </section>,
    );
  });

  // ---- producers

  app.get('/produksi/petani', async (c) => {
    const { actor, reach } = await reader(c);
    const rows = await listProducers(db(c), actor);
    const villages = await villageNames(
      db(c),
      rows.map((r) => r.village_code),
    );
    return page(
      c,
      { title: tr(c, 'produce.producers.title') },
      <ProducerList c={c} rows={rows} villages={villages} canAdd={intakeOrgs(reach).length > 0} />,
    );
  });

  const producerForm = async (
    c: C,
    orgs: string[],
    state: { raw?: Record<string, string>; errors?: Record<string, string> } = {},
    status: 200 | 422 = 200,
  ) => {
    const places = await placeChoices(
      db(c),
      [...new Set((await orgOptionsWithVillage(c, orgs)).map((o) => o.village_code.slice(0, 5)))],
      {
        levels: [4],
        groupBy: 3,
        q: state.raw?.village_code_q,
        keep: state.raw?.village_code,
      },
    );
    return page(
      c,
      { title: tr(c, 'produce.producers.new'), status },
      <ProducerForm c={c} orgs={await orgOptions(c, orgs)} places={places} {...state} />,
    );
  };
  const orgOptionsWithVillage = async (c: C, ids: string[]) => [
    ...(await organisationPlaces(db(c), ids)).values(),
  ];

  app.get('/produksi/petani/baru', async (c) => {
    const { orgs } = await intakeWriter(c);
    return producerForm(c, orgs);
  });

  app.post('/produksi/petani', async (c) => {
    const { actor, orgs } = await intakeWriter(c);
    const form = await readForm(c, producerFormSchema);
    if (isPickerSearch(form.raw)) return producerForm(c, orgs, { raw: form.raw });
    if (!form.ok) return producerForm(c, orgs, { raw: form.raw, errors: form.errors }, 422);
    const d = form.data;
    const r = await registerProducer(db(c), actor, {
      fullName: d.full_name,
      phone: d.phone,
      organisationId: d.organisation_id,
      villageCode: d.village_code,
      plots: [{ commodity: d.commodity, areaM2: d.area_m2 }],
    });
    if (!r.ok) return producerForm(c, orgs, { raw: form.raw, errors: fieldsOrThrow(c, r) }, 422);
    return c.redirect(`/produksi/petani/${r.value}`, 303);
  });

  app.get('/produksi/petani/:id', async (c) => {
    const { actor } = await reader(c);
    const p = await visibleProducer(db(c), actor, c.req.param('id'));
    if (!p) throw new AppError('NOT_FOUND');
    const [plots, intakes, statements, villages] = await Promise.all([
      plotsOf(db(c), p.id),
      listIntakes(db(c), actor, { producerId: p.id }),
      statementsOfProducer(db(c), p.id),
      villageNames(db(c), [p.village_code]),
    ]);
    return page(
      c,
      { title: p.full_name ?? tr(c, 'produce.producer.erased') },
      <ProducerPage
        c={c}
        producer={p}
        village={villages.get(p.village_code) ?? ''}
        plots={plots}
        intakes={<IntakeList c={c} rows={intakes} />}
        statements={statements}
      />,
    );
  });
}
