// Pages of a hub operator's day: parcels by next leg, manifests, route planning, runs,
// hub scans, failed deliveries, the fleet and the assigned service points.
import type { Context } from 'hono';
import { t, formatNumber } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import type { HubsTable, NodeKind, VehiclesTable } from './logistics.tables.js';
import type { ManifestSummary, PendingLeg } from './consolidation.service.js';
import { PhotoForm } from './parcel.views.js';

type C = Context<AppEnv>;
type Tr = (k: string, p?: Record<string, unknown>) => string;
export const trOf =
  (c: C): Tr =>
  (k, p) =>
    t(c.get('locale'), k, p);
export const kg = (c: C, grams: number) => formatNumber(c.get('locale'), grams / 1000, 1);

export function legEnd(
  tr: Tr,
  names: Map<string, string>,
  kind: NodeKind,
  id: string | null,
): string {
  if (kind === 'exit') return tr('logistics.leg.exit');
  if (kind === 'entry') return tr('logistics.leg.entry');
  return tr(`logistics.leg.${kind}`, { name: (id && names.get(id)) ?? id ?? '' });
}

// Delivery to an address outside the network is confirmed by the courier through the API (with proof).
export const HUB_SCANS = [
  'arrived_hub',
  'left_hub',
  'out_for_delivery',
  'failed_delivery',
  'return_started',
  'returned',
] as const;

export function HubList(p: {
  c: C;
  hubs: HubsTable[];
  places: Map<string, string>;
  canCreate?: boolean;
}) {
  const tr = trOf(p.c);
  return (
    <section class="card">
      <h1>{tr('logistics.hubs.title')}</h1>
      {p.canCreate ? (
        <p>
          <a class="button" href="/hub/baru">
            {tr('logistics.hubs.new')}
          </a>
        </p>
      ) : null}
      {p.hubs.length === 0 ? (
        <p>{tr('logistics.hubs.none')}</p>
      ) : (
        <ul class="list">
          {p.hubs.map((h) => (
            <li>
              <a href={`/hub/${h.id}`}>{h.name}</a>{' '}
              <span class="muted">
                · {tr(`logistics.tier.${h.tier}`)} · {p.places.get(h.region_code) ?? ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface HubDayProps {
  c: C;
  hub: HubsTable;
  /** The name of the hub's area (never its bare code). */
  place: string;
  date: string;
  names: Map<string, string>;
  pending: PendingLeg[];
  manifests: ManifestSummary[];
  vehicles: VehiclesTable[];
  runs: {
    id: string;
    trip: number;
    status: string;
    distance_km: number;
    cost: number;
    duration_min: number;
    vehicle: string;
  }[];
  failed: { tracking_number: string; attempts: number; returning: number }[];
  points: { id: string; name: string; village_code: string }[];
  unassigned: { id: string; name: string }[] | null;
  scanId: string;
  notice?: string;
  error?: string;
  errors?: Record<string, string>;
  raw?: Record<string, string>;
}

export function HubDay(p: HubDayProps) {
  const tr = trOf(p.c);
  // Which form the errors belong to: the photo hand-over marks its raw input.
  const photo = p.raw?.form === 'photo';
  const base = `/hub/${p.hub.id}`;
  const groups = new Map<string, { label: string; n: number; grams: number }>();
  for (const l of p.pending) {
    const label = tr('logistics.leg.line', {
      from: legEnd(tr, p.names, l.from_kind, l.from_id),
      to: legEnd(tr, p.names, l.to_kind, l.to_id),
    });
    const g = groups.get(label) ?? { label, n: 0, grams: 0 };
    g.n++;
    g.grams += l.weight_grams;
    groups.set(label, g);
  }
  return (
    <>
      <section class="card">
        <h1>{p.hub.name}</h1>
        <p class="muted">
          {tr(`logistics.tier.${p.hub.tier}`)} · {p.place}
        </p>
        {p.notice ? (
          <p class="notice" role="status">
            {p.notice}
          </p>
        ) : null}
        {p.error ? (
          <p class="alert" role="alert">
            {p.error}
          </p>
        ) : null}
        <form method="get" action={base} class="row">
          <Field name="date" type="date" label={tr('logistics.hub.date')} value={p.date} required />
          <button type="submit">{tr('logistics.hub.show')}</button>
        </form>
      </section>
      <section class="card">
        <h2>{tr('logistics.hub.legs')}</h2>
        <p>{tr('logistics.hub.pending', { n: p.pending.length })}</p>
        {groups.size ? (
          <ul class="list">
            {[...groups.values()].map((g) => (
              <li>
                {g.label}{' '}
                <span class="muted">
                  · {tr('logistics.leg.parcels', { n: g.n, kg: kg(p.c, g.grams) })}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        <form method="post" action={`${base}/manifests`}>
          <Csrf c={p.c} />
          <input type="hidden" name="date" value={p.date} />
          <button type="submit" class="primary" disabled={p.pending.length === 0}>
            {tr('logistics.hub.build')}
          </button>
        </form>
      </section>
      <section class="card">
        <h2>{tr('logistics.hub.manifests')}</h2>
        {p.manifests.length === 0 ? (
          <p>{tr('logistics.hub.no_manifests')}</p>
        ) : (
          <ul class="list">
            {p.manifests.map((m) => (
              <li>
                {tr('logistics.leg.line', {
                  from: legEnd(tr, p.names, m.from_kind, m.from_id),
                  to: legEnd(tr, p.names, m.to_kind, m.to_id),
                })}
                <span class="muted">
                  {' '}
                  · {tr('logistics.leg.parcels', { n: m.parcels, kg: kg(p.c, m.grams) })}
                </span>{' '}
                <a href={`${base}/manifests/${m.id}`}>{tr('logistics.hub.open_manifest')}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card">
        <h2>{tr('logistics.hub.plan')}</h2>
        <form method="post" action={`${base}/plan`}>
          <Csrf c={p.c} />
          <input type="hidden" name="date" value={p.date} />
          <fieldset>
            <legend>{tr('logistics.hub.plan_vehicles')}</legend>
            {p.vehicles.map((v) => (
              <div class="field">
                <input type="checkbox" id={`veh-${v.id}`} name="vehicle" value={v.id} checked />{' '}
                <label for={`veh-${v.id}`} class="inline">
                  {tr('logistics.hub.vehicle_line', {
                    name: v.name,
                    kg: v.capacity_kg,
                    cost: formatRupiah(v.cost_per_km),
                  })}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="primary">
            {tr('logistics.hub.plan')}
          </button>
        </form>
        <h3>{tr('logistics.hub.runs')}</h3>
        <ul class="list">
          {p.runs.map((r) => (
            <li>
              {tr('logistics.hub.run_line', {
                vehicle: r.vehicle,
                trip: r.trip,
                km: formatNumber(p.c.get('locale'), r.distance_km, 1),
                cost: formatRupiah(r.cost),
                min: r.duration_min,
              })}
              {' · '}
              <a href={`${base}/runs/${r.id}`}>{tr('logistics.hub.open_run')}</a>
            </li>
          ))}
        </ul>
      </section>
      <section class="card">
        <h2>{tr('logistics.hub.scan')}</h2>
        <ErrorSummary c={p.c} errors={photo ? undefined : p.errors} />
        <form method="post" action={`${base}/scan`}>
          <Csrf c={p.c} />
          <input type="hidden" name="client_scan_id" value={p.scanId} />
          <input type="hidden" name="date" value={p.date} />
          <Field
            name="tracking"
            label={tr('logistics.scan.tracking')}
            value={photo ? '' : p.raw?.tracking}
            error={photo ? undefined : p.errors?.tracking}
            autocomplete="off"
            required
          />
          <SelectField
            name="kind"
            label={tr('logistics.scan.kind')}
            value={p.raw?.kind}
            error={photo ? undefined : p.errors?.kind}
            options={HUB_SCANS.map((k) => ({ value: k, label: tr(`logistics.scan.${k}`) }))}
          />
          <button type="submit" class="primary">
            {tr('logistics.scan.submit')}
          </button>
        </form>
      </section>
      <section class="card">
        <h2>{tr('logistics.hub.failed')}</h2>
        {p.failed.length === 0 ? (
          <p>{tr('logistics.hub.no_failed')}</p>
        ) : (
          <>
            <p class="muted">{tr('logistics.hub.return_hint')}</p>
            <ul class="list">
              {p.failed.map((f) => (
                <li>
                  <a href={`/paket/${f.tracking_number}`}>{f.tracking_number}</a> · {f.attempts}×
                  {f.returning ? (
                    <>
                      {' '}
                      <span class="badge">{tr('logistics.badge.returning')}</span>
                    </>
                  ) : null}
                  {f.returning ? null : (
                    // The scan id is derived from parcel and attempt: pressing twice records one return.
                    <form method="post" action={`${base}/scan`} class="inline">
                      <Csrf c={p.c} />
                      <input type="hidden" name="tracking" value={f.tracking_number} />
                      <input type="hidden" name="kind" value="return_started" />
                      <input
                        type="hidden"
                        name="client_scan_id"
                        value={`ret-${f.tracking_number}-${f.attempts}`}
                      />
                      <input type="hidden" name="date" value={p.date} />
                      <button
                        type="submit"
                        aria-label={`${tr('logistics.hub.return')}: ${f.tracking_number}`}
                      >
                        {tr('logistics.hub.return')}
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <PhotoForm
        c={p.c}
        action={`${base}/photos`}
        scanId={`${p.scanId}p`}
        title={tr('logistics.hub.deliver_photo')}
        hint={tr('logistics.hub.deliver_photo_hint')}
        errors={p.errors}
        raw={p.raw}
        active={photo}
      />
      <section class="card">
        <h2>{tr('logistics.hub.vehicles')}</h2>
        <ul class="list">
          {p.vehicles.map((v) => (
            <li>
              {tr('logistics.hub.vehicle_line', {
                name: v.name,
                kg: v.capacity_kg,
                cost: formatRupiah(v.cost_per_km),
              })}
            </li>
          ))}
        </ul>
        <form method="post" action={`${base}/vehicles`}>
          <Csrf c={p.c} />
          <Field name="name" label={tr('logistics.vehicle.name')} required />
          <div class="row">
            <Field
              name="capacity_kg"
              type="number"
              inputmode="numeric"
              min={1}
              label={tr('logistics.vehicle.capacity')}
              required
            />
            <Field
              name="cost_per_km"
              type="number"
              inputmode="numeric"
              min={0}
              label={tr('logistics.vehicle.cost')}
              required
            />
            <Field
              name="speed_kmh"
              type="number"
              inputmode="numeric"
              min={5}
              label={tr('logistics.vehicle.speed')}
              value="30"
            />
          </div>
          <button type="submit">{tr('logistics.hub.add_vehicle')}</button>
        </form>
      </section>
      <section class="card">
        <h2>{tr('logistics.hub.points')}</h2>
        <ul class="list">
          {p.points.map((s) => (
            <li>
              {s.name} <span class="muted">· {s.village_code}</span>
            </li>
          ))}
        </ul>
        {p.unassigned && p.unassigned.length ? (
          <form method="post" action={`${base}/points`} class="row">
            <Csrf c={p.c} />
            <SelectField
              name="service_point_id"
              label={tr('logistics.hub.assign')}
              options={p.unassigned.map((s) => ({ value: s.id, label: s.name }))}
            />
            <button type="submit">{tr('logistics.hub.assign_submit')}</button>
          </form>
        ) : null}
      </section>
    </>
  );
}
