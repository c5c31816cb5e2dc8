// Hub operator pages: the day at a hub (parcels by next leg, manifests, route planning,
// scans, failures, fleet), the run sheet and the printable manifest.
import type { Context, Hono } from 'hono';
import { t, hasMessage, zoneForRegion } from '../../kernel/i18n/index.js';
import { page, readForm, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError, errorSpec, unwrap, type Result } from '../../kernel/errors/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { newId } from '../../kernel/ids/index.js';
import { hasRole, type Actor } from '../../kernel/auth/index.js';
import { canShapeNetwork, OVERSEERS } from './logistics.access.js';
import { failedAtHub, hubPoints, listHubs, unassignedPoints, visibleHub } from './pages.queries.js';
import {
  buildManifests,
  manifestParcels,
  manifestsOf,
  pendingLegs,
} from './consolidation.service.js';
import { planRuns, runDetail, runsOf } from './routing.service.js';
import { addVehicle, assignPoint, vehiclesOf } from './network.service.js';
import { nodeNames } from './parcels.service.js';
import { regionNames } from '../regions/index.js';
import { recordScan } from './scans.service.js';
import { parcelsFromHandedOverOrders } from './order-parcels.service.js';
import {
  dateSchema,
  manifestSchema,
  planFormSchema,
  scanFormSchema,
  vehicleSchema,
} from './logistics.schema.js';
import { HubDay, HubList } from './hub.views.js';
import { ManifestPrint, RunSheet } from './print.views.js';
import type { HubsTable, ScanKind } from './logistics.tables.js';

type C = Context<AppEnv>;
const HUB_ROLES = ['hub_operator', ...OVERSEERS] as const;
const db = (c: C) => c.get('deps').h.db;

/** Today's date in the hub's zone (WIB/WITA/WIT), the default service date. */
export function todayAt(regionCode: string): string {
  const tz = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' }[
    zoneForRegion(regionCode)
  ];
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date());
}

export function failureMessage(c: C, r: Result<unknown>): string {
  if (r.ok) return '';
  const l = c.get('locale');
  // A scan's kind and a parcel's status travel as enum values ("out_for_delivery", "at_point");
  // people read their names.
  const params: Record<string, unknown> = { ...r.params };
  if (typeof params.kind === 'string' && hasMessage(`logistics.scan.${params.kind}`))
    params.kind = t(l, `logistics.scan.${params.kind}`);
  if (typeof params.status === 'string' && hasMessage(`logistics.status.${params.status}`))
    params.status = t(l, `logistics.status.${params.status}`);
  return t(l, errorSpec(r.code).message, params);
}

export async function loadHub(c: C): Promise<{ actor: Actor; hub: HubsTable }> {
  const actor = requireRole(c, ...HUB_ROLES);
  const hub = await visibleHub(db(c), actor, c.req.param('id')!);
  if (!hub) throw new AppError('NOT_FOUND');
  return { actor, hub };
}

export async function dayPage(
  c: C,
  hub: HubsTable,
  actor: Actor,
  date: string,
  extra: {
    notice?: string;
    error?: string;
    errors?: Record<string, string>;
    raw?: Record<string, string>;
    status?: 200 | 201 | 409 | 413 | 422;
  } = {},
) {
  const d = db(c);
  const [pending, manifests, vehicles, runs, failed, points] = await Promise.all([
    pendingLegs(d, hub.id),
    manifestsOf(d, hub.id, date),
    vehiclesOf(d, hub.id),
    runsOf(d, hub.id, date),
    failedAtHub(d, hub.id),
    hubPoints(d, hub.id),
  ]);
  const place = (await regionNames(d, [hub.region_code])).get(hub.region_code) ?? '';
  const names = await nodeNames(d, [
    ...pending.flatMap((l) => [l.from_id, l.to_id]),
    ...manifests.flatMap((m) => [m.from_id, m.to_id]),
  ]);
  const unassigned =
    hub.tier === 'kecamatan' && canShapeNetwork(actor, hub.region_code)
      ? await unassignedPoints(d, hub.region_code.slice(0, 5))
      : null;
  return page(
    c,
    { title: hub.name, status: extra.status },
    <HubDay
      c={c}
      hub={hub}
      place={place}
      date={date}
      names={names}
      pending={pending}
      manifests={manifests}
      vehicles={vehicles}
      runs={runs}
      failed={failed}
      points={points}
      unassigned={unassigned}
      scanId={newId('scn')}
      {...extra}
    />,
  );
}

export function hubRoutes(app: Hono<AppEnv>) {
  app.get('/hub', async (c) => {
    const actor = requireRole(c, ...HUB_ROLES);
    const hubs = await listHubs(db(c), actor);
    const places = await regionNames(
      db(c),
      hubs.map((h) => h.region_code),
    );
    const overseer = hasRole(actor, ...OVERSEERS);
    if (hubs.length === 1 && !overseer) return c.redirect(`/hub/${hubs[0].id}`, 303);
    return page(
      c,
      { title: t(c.get('locale'), 'logistics.hubs.title') },
      <HubList c={c} hubs={hubs} places={places} canCreate={overseer} />,
    );
  });

  app.get('/hub/:id', async (c) => {
    const { actor, hub } = await loadHub(c);
    const q = dateSchema.safeParse(c.req.query('date'));
    const notice = c.req.query('built')
      ? t(c.get('locale'), 'logistics.hub.built', { parcels: Number(c.req.query('built')) || 0 })
      : c.req.query('created')
        ? t(c.get('locale'), 'logistics.hubnew.created', { name: hub.name })
        : undefined;
    return dayPage(c, hub, actor, q.success ? q.data : todayAt(hub.region_code), { notice });
  });

  app.post('/hub/:id/manifests', async (c) => {
    const { actor, hub } = await loadHub(c);
    const form = await readForm(c, manifestSchema);
    if (!form.ok)
      return dayPage(c, hub, actor, todayAt(hub.region_code), { errors: form.errors, status: 422 });
    // Hand-overs whose event was missed become parcels before the day is consolidated.
    await parcelsFromHandedOverOrders(db(c), hub.region_code.slice(0, 5));
    const r = unwrap(await buildManifests(db(c), actor, hub.id, form.data.date));
    return c.redirect(`/hub/${hub.id}?date=${form.data.date}&built=${r.parcels}`, 303);
  });

  app.post('/hub/:id/plan', async (c) => {
    const { actor, hub } = await loadHub(c);
    const form = await readForm(c, planFormSchema);
    if (!form.ok)
      return dayPage(c, hub, actor, todayAt(hub.region_code), { errors: form.errors, status: 422 });
    const r = await planRuns(db(c), actor, hub.id, form.data.date, {
      vehicleIds: form.data.vehicle,
      seconds: 1,
    });
    if (!r.ok)
      return dayPage(c, hub, actor, form.data.date, { error: failureMessage(c, r), status: 422 });
    const notice = t(c.get('locale'), 'logistics.hub.planned', {
      runs: r.value.runIds.length,
      km: r.value.km,
      cost: formatRupiah(r.value.cost),
    });
    return dayPage(c, hub, actor, form.data.date, { notice, status: 201 });
  });

  app.get('/hub/:id/runs/:runId', async (c) => {
    const { hub } = await loadHub(c);
    const d = await runDetail(db(c), c.req.param('runId'));
    if (!d || d.run.hub_id !== hub.id) throw new AppError('NOT_FOUND');
    const lines = await manifestParcels(
      db(c),
      d.manifests.map((m) => m.id),
    );
    const byPoint = new Map<string, typeof lines>();
    for (const m of d.manifests) {
      const pointId = m.from_kind === 'point' ? m.from_id! : m.to_id!;
      byPoint.set(pointId, [
        ...(byPoint.get(pointId) ?? []),
        ...lines.filter((l) => l.manifest_id === m.id),
      ]);
    }
    return page(
      c,
      { title: t(c.get('locale'), 'logistics.run.title') },
      <RunSheet c={c} d={d} parcelsByPoint={byPoint} />,
    );
  });

  // Departure: every parcel to deliver on the run goes out for delivery; the scan ids are
  // derived from run and parcel, so pressing the button twice records nothing new.
  app.post('/hub/:id/runs/:runId/depart', async (c) => {
    const { actor, hub } = await loadHub(c);
    const d = await runDetail(db(c), c.req.param('runId'));
    if (!d || d.run.hub_id !== hub.id) throw new AppError('NOT_FOUND');
    const outgoing = d.manifests
      .filter((m) => m.from_kind === 'hub' && m.from_id === hub.id)
      .map((m) => m.id);
    for (const p of await manifestParcels(db(c), outgoing)) {
      if (p.status !== 'at_hub' && p.status !== 'failed_delivery') continue;
      await recordScan(db(c), actor, {
        tracking: p.tracking_number,
        kind: 'out_for_delivery',
        locationId: hub.id,
        clientScanId: `dep-${d.run.id}-${p.id}`,
      });
    }
    await db(c)
      .updateTable('runs')
      .set({ status: 'departed' })
      .where('id', '=', d.run.id)
      .where('status', '=', 'planned')
      .execute();
    return c.redirect(`/hub/${hub.id}/runs/${d.run.id}`, 303);
  });

  app.get('/hub/:id/manifests/:mid', async (c) => {
    const { hub } = await loadHub(c);
    const m = await db(c)
      .selectFrom('manifests')
      .selectAll()
      .where('id', '=', c.req.param('mid'))
      .where('hub_id', '=', hub.id)
      .executeTakeFirst();
    if (!m) throw new AppError('NOT_FOUND');
    const [parcels, names] = await Promise.all([
      manifestParcels(db(c), [m.id]),
      nodeNames(db(c), [m.from_id, m.to_id]),
    ]);
    return page(
      c,
      { title: t(c.get('locale'), 'logistics.manifest.title') },
      <ManifestPrint
        c={c}
        hubName={hub.name}
        date={m.service_date}
        from={[m.from_kind, m.from_id]}
        to={[m.to_kind, m.to_id]}
        names={names}
        parcels={parcels}
      />,
    );
  });

  app.post('/hub/:id/scan', async (c) => {
    const { actor, hub } = await loadHub(c);
    const form = await readForm(c, scanFormSchema);
    const date = dateSchema.safeParse(form.raw.date).success
      ? form.raw.date
      : todayAt(hub.region_code);
    if (!form.ok)
      return dayPage(c, hub, actor, date, { errors: form.errors, raw: form.raw, status: 422 });
    const r = await recordScan(db(c), actor, {
      tracking: form.data.tracking,
      kind: form.data.kind as ScanKind,
      locationId: hub.id,
      clientScanId: form.data.client_scan_id,
    });
    if (!r.ok)
      return dayPage(c, hub, actor, date, {
        error: failureMessage(c, r),
        raw: form.raw,
        status: errorSpec(r.code).status === 409 ? 409 : 422,
      });
    const tr = (k: string, p: Record<string, unknown>) => t(c.get('locale'), k, p);
    const notice = r.value.duplicate
      ? tr('logistics.scan.duplicate', { tracking: r.value.trackingNumber })
      : tr('logistics.scan.done', {
          tracking: r.value.trackingNumber,
          status: tr(`logistics.status.${r.value.status}`, {}),
        });
    const returned =
      r.value.status === 'at_hub' && r.value.returning && form.data.kind === 'return_started';
    return dayPage(c, hub, actor, date, {
      notice:
        returned && !r.value.duplicate
          ? tr('logistics.hub.return_done', { tracking: r.value.trackingNumber })
          : notice,
    });
  });

  app.post('/hub/:id/vehicles', async (c) => {
    const { actor, hub } = await loadHub(c);
    const form = await readForm(c, vehicleSchema);
    if (!form.ok)
      return dayPage(c, hub, actor, todayAt(hub.region_code), { errors: form.errors, status: 422 });
    unwrap(
      await addVehicle(db(c), actor, {
        hubId: hub.id,
        name: form.data.name,
        capacityKg: form.data.capacity_kg,
        costPerKm: form.data.cost_per_km,
        speedKmh: form.data.speed_kmh,
      }),
    );
    return c.redirect(`/hub/${hub.id}`, 303);
  });

  app.post('/hub/:id/points', async (c) => {
    const { actor, hub } = await loadHub(c);
    const body = await c.req.parseBody();
    const r = await assignPoint(db(c), actor, String(body.service_point_id ?? ''), hub.id);
    if (!r.ok) {
      if (r.code === 'FORBIDDEN') throw new AppError('FORBIDDEN');
      return dayPage(c, hub, actor, todayAt(hub.region_code), {
        error: failureMessage(c, r),
        status: 422,
      });
    }
    return c.redirect(`/hub/${hub.id}`, 303);
  });
}
