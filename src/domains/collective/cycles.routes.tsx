// Coordinator pages of order cycles: `/siklus` (the organisation's cycles), `/siklus/baru`
// (open one), `/siklus/:id` (its page, close button), `/siklus/:id/daftar/{supplier,packing}`
// (A4 or 58 mm print, or CSV). Every page asks `coordinates` for the cycle's organisation.
import type { Context, Hono } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { page, requireRole, translateFields, type AppEnv } from '../../kernel/http/index.js';
import { AppError, errorSpec } from '../../kernel/errors/index.js';
import { sendSheet } from '../../kernel/xlsx/index.js';
import { isId } from '../../kernel/ids/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { organisationChoices } from '../community/index.js';
import { COORDINATOR_ROLES, coordinatedOrganisations, coordinates } from './access.js';
import { readCycleView, type CycleView } from './cycle-read.js';
import { closeCycle, openCycle } from './cycles.service.js';
import { listedVariantsIn, pointsIn } from './collective.queries.js';
import { packingLists, supplierLists } from './cycle-lists.js';
import { runsOfCycle } from './cycle-runs.js';
import { localToUtc } from './calendar.js';
import { CycleList, CyclePage, NewCyclePage, type NewCycleState } from './cycles.views.js';
import { PackingSheet, SupplierSheet, packingSheet, supplierSheet } from './lists.views.js';
import type { CycleRepeat } from './collective.tables.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').h.db;

async function myOrganisations(c: C, actor: Actor) {
  return organisationChoices(db(c), coordinatedOrganisations(actor));
}

/** The cycle, when the actor coordinates its organisation (404 for a stranger, like a missing one). */
async function myCycle(c: C, actor: Actor): Promise<CycleView> {
  const id = c.req.param('id') ?? '';
  const v = isId(id, 'cyc') ? await readCycleView(db(c), id) : null;
  if (!v || !coordinates(actor, v.cycle.organisation_id)) throw new AppError('NOT_FOUND');
  return v;
}

async function newState(
  c: C,
  actor: Actor,
  raw: Record<string, string>,
  products: string[],
  points: string[],
): Promise<NewCycleState> {
  const orgs = await myOrganisations(c, actor);
  const org = orgs.find((o) => o.id === raw.org) ?? orgs[0];
  if (!org) throw new AppError('FORBIDDEN');
  // Producers and points of the organisation's regency.
  const regency = org.village_code.slice(0, 5);
  return {
    raw,
    orgs,
    org: org.id,
    variants: await listedVariantsIn(db(c), regency),
    points: await pointsIn(db(c), regency),
    chosenProducts: products,
    chosenPoints: points,
  };
}

const list = (v: unknown) =>
  ([] as unknown[])
    .concat(v ?? [])
    .filter((x): x is string => typeof x === 'string')
    .slice(0, 300);

export function cyclesRoutes(app: Hono<AppEnv>) {
  app.get('/siklus', async (c) => {
    const actor = requireRole(c, ...COORDINATOR_ROLES);
    const orgs = coordinatedOrganisations(actor);
    let q = db(c).selectFrom('cycles').selectAll().orderBy('opens_at', 'desc').limit(100);
    if (orgs !== 'all') q = q.where('organisation_id', 'in', orgs.length ? orgs : ['-']);
    const cycles = await q.execute();
    return page(
      c,
      { title: t(c.get('locale'), 'collective.cycles.title') },
      <CycleList c={c} cycles={cycles} />,
    );
  });

  app.get('/siklus/baru', async (c) => {
    const actor = requireRole(c, ...COORDINATOR_ROLES);
    const s = await newState(c, actor, { org: c.req.query('org') ?? '', repeat: 'weekly' }, [], []);
    return page(
      c,
      { title: t(c.get('locale'), 'collective.new.title') },
      <NewCyclePage c={c} s={s} />,
    );
  });

  app.post('/siklus/baru', async (c) => {
    const actor = requireRole(c, ...COORDINATOR_ROLES);
    const body = await c.req.parseBody({ all: true });
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') raw[k] = v.slice(0, 200);
    const products = list(body.product);
    const points = list(body.point);
    const s = await newState(c, actor, raw, products, points);
    if (raw.org && raw.org !== s.org) throw new AppError('FORBIDDEN');
    const l = c.get('locale');
    const org = s.orgs.find((o) => o.id === s.org)!;
    const opensAt = localToUtc(raw.opens_at ?? '', org.village_code);
    const closesAt = localToUtc(raw.closes_at ?? '', org.village_code);
    const title = t(l, 'collective.new.title');
    if (!opensAt || !closesAt)
      return page(
        c,
        { title, status: 422 },
        <NewCyclePage
          c={c}
          s={s}
          errors={{ [opensAt ? 'closes_at' : 'opens_at']: t(l, 'collective.err.bad_time') }}
        />,
      );
    const price = (id: string) => {
      const p = (raw[`price_${id}`] ?? '').replace(/[.\s]/g, '');
      return p === '' ? null : /^\d{1,10}$/.test(p) ? Number(p) : -1;
    };
    const r = await openCycle(db(c), actor, {
      organisationId: s.org,
      name: raw.name ?? '',
      opensAt,
      closesAt,
      repeat: (raw.repeat ?? 'none') as CycleRepeat,
      products: products.map((id) => ({ variantId: id, price: price(id) })),
      points: points.map((id) => ({
        servicePointId: id,
        pickupDate: raw[`date_${id}`] ?? '',
        pickupFrom: raw[`from_${id}`] ?? '',
        pickupTo: raw[`to_${id}`] ?? '',
      })),
    });
    if (!r.ok) {
      if (r.code === 'FORBIDDEN') throw new AppError('FORBIDDEN');
      const fields = translateFields(l, r.fields ?? {});
      return page(
        c,
        { title, status: 422 },
        <NewCyclePage
          c={c}
          s={s}
          errors={Object.keys(fields).length ? fields : undefined}
          message={t(l, errorSpec(r.code).message, r.params)}
        />,
      );
    }
    return c.redirect(`/siklus/${r.value}?dibuat=1`, 303);
  });

  app.get('/siklus/:id', async (c) => {
    const actor = requireRole(c, ...COORDINATOR_ROLES);
    const v = await myCycle(c, actor);
    const l = c.get('locale');
    const runs = await runsOfCycle(db(c), v.cycle.id);
    const notice = c.req.query('dibuat')
      ? t(l, 'collective.cycle.opened')
      : c.req.query('ditutup')
        ? t(l, 'collective.cycle.closed')
        : undefined;
    return page(c, { title: v.cycle.name }, <CyclePage c={c} v={v} runs={runs} notice={notice} />);
  });

  app.post('/siklus/:id/tutup', async (c) => {
    const actor = requireRole(c, ...COORDINATOR_ROLES);
    const v = await myCycle(c, actor);
    const r = await closeCycle(db(c), actor, v.cycle.id);
    if (!r.ok) {
      if (r.code !== 'COLLECTIVE_ALREADY_CLOSED') throw new AppError(r.code);
      const fresh = (await readCycleView(db(c), v.cycle.id))!;
      return page(
        c,
        { title: v.cycle.name, status: 409 },
        <CyclePage
          c={c}
          v={fresh}
          runs={[]}
          message={t(c.get('locale'), errorSpec(r.code).message)}
        />,
      );
    }
    return c.redirect(`/siklus/${v.cycle.id}?ditutup=1`, 303);
  });

  app.get('/siklus/:id/daftar/:kind', async (c) => {
    const actor = requireRole(c, ...COORDINATOR_ROLES);
    const v = await myCycle(c, actor);
    const l = c.get('locale');
    const kind = c.req.param('kind');
    const file = /^(supplier|packing)\.(csv|xlsx)$/.exec(kind);
    if (file) {
      const sheet =
        file[1] === 'supplier'
          ? supplierSheet(l, await supplierLists(db(c), v.cycle.id))
          : packingSheet(l, await packingLists(db(c), v.cycle.id));
      return sendSheet(c, `${file[1]}-${v.cycle.id}`, sheet);
    }
    const width = c.req.query('ukuran') === '58mm' ? '58mm' : 'a4';
    if (kind === 'supplier')
      return page(
        c,
        { title: t(l, 'collective.list.supplier') },
        <SupplierSheet
          c={c}
          name={v.cycle.name}
          width={width}
          lists={await supplierLists(db(c), v.cycle.id)}
        />,
      );
    if (kind === 'packing')
      return page(
        c,
        { title: t(l, 'collective.list.packing') },
        <PackingSheet
          c={c}
          name={v.cycle.name}
          width={width}
          lists={await packingLists(db(c), v.cycle.id)}
        />,
      );
    throw new AppError('NOT_FOUND');
  });
}
