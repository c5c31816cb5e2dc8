// Printable pages: the run sheet (ordered stops with load and ETA, the sketch, the parcels
// to hand over at each stop), the manifest of one leg, and the parcel label with its QR code.
import type { Context } from 'hono';
import { formatDateTime, formatNumber } from '../../kernel/i18n/index.js';
import { Csrf, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { RouteSketch } from './sketch.js';
import { kg, legEnd, trOf } from './hub.views.js';
import type { runDetail } from './routing.service.js';
import type { NodeKind } from './logistics.tables.js';

type C = Context<AppEnv>;
type Run = NonNullable<Awaited<ReturnType<typeof runDetail>>>;
interface ParcelLine {
  manifest_id: string;
  tracking_number: string;
  weight_grams: number;
}

export function RunSheet(p: { c: C; d: Run; parcelsByPoint: Map<string, ParcelLine[]> }) {
  const tr = trOf(p.c);
  const { run, stops } = p.d;
  const loc = p.c.get('locale');
  return (
    <section class="card printable">
      <h1>
        {tr('logistics.run.title')} · {run.hub_name} · {run.service_date}
      </h1>
      <p>
        {tr('logistics.run.summary', {
          vehicle: run.vehicle,
          cap: run.capacity_kg,
          km: formatNumber(loc, run.distance_km, 1),
          cost: formatRupiah(run.cost),
          min: run.duration_min,
        })}
      </p>
      <RouteSketch
        hub={{ lat: run.hub_lat, lng: run.hub_lng }}
        routes={[
          {
            stops: stops
              .filter((s) => s.lat != null && s.lng != null)
              .map((s) => ({ lat: s.lat!, lng: s.lng!, seq: s.seq })),
          },
        ]}
        title={tr('logistics.run.sketch')}
      />
      <div class="scroll" tabindex={0} role="region" aria-label={tr('logistics.run.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{tr('logistics.run.stop')}</th>
              <th scope="col">{tr('logistics.run.point')}</th>
              <th scope="col">{tr('logistics.run.eta')}</th>
              <th scope="col" class="num">
                {tr('logistics.run.pickup')}
              </th>
              <th scope="col" class="num">
                {tr('logistics.run.delivery')}
              </th>
              <th scope="col" class="num">
                {tr('logistics.run.load')}
              </th>
              <th scope="col" class="num">
                {tr('logistics.run.km')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stops.map((s) => (
              <tr data-stop={s.seq}>
                <td>{s.seq}</td>
                <td>
                  {s.name}
                  <br />
                  <small class="muted">
                    {(p.parcelsByPoint.get(s.service_point_id) ?? [])
                      .map((x) => x.tracking_number)
                      .join(', ')}
                  </small>
                </td>
                <td>{formatDateTime(loc, s.eta, run.region_code)}</td>
                <td class="num">{kg(p.c, s.pickup_grams)}</td>
                <td class="num">{kg(p.c, s.delivery_grams)}</td>
                <td class="num">{kg(p.c, s.load_after_grams)}</td>
                <td class="num">{formatNumber(loc, s.km_from_prev, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {run.status === 'planned' ? (
        <form method="post" action={`/hub/${run.hub_id}/runs/${run.id}/depart`} class="noprint">
          <Csrf c={p.c} />
          <button type="submit">{tr('logistics.run.depart')}</button>
        </form>
      ) : (
        <p class="muted">{tr(`logistics.run.status.${run.status}`)}</p>
      )}
      <p class="noprint">
        <a href={`/hub/${run.hub_id}?date=${run.service_date}`}>{run.hub_name}</a>
      </p>
    </section>
  );
}

export function ManifestPrint(p: {
  c: C;
  hubName: string;
  date: string;
  from: [NodeKind, string | null];
  to: [NodeKind, string | null];
  names: Map<string, string>;
  parcels: ParcelLine[];
}) {
  const tr = trOf(p.c);
  const total = p.parcels.reduce((a, x) => a + x.weight_grams, 0);
  return (
    <section class="card printable">
      <h1>
        {tr('logistics.manifest.title')} · {p.hubName} · {p.date}
      </h1>
      <p>
        {tr('logistics.leg.line', {
          from: legEnd(tr, p.names, ...p.from),
          to: legEnd(tr, p.names, ...p.to),
        })}
      </p>
      <p>{tr('logistics.leg.parcels', { n: p.parcels.length, kg: kg(p.c, total) })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{tr('logistics.scan.tracking')}</th>
            <th scope="col" class="num">
              {tr('logistics.label.weight')} (kg)
            </th>
            <th scope="col">✓</th>
          </tr>
        </thead>
        <tbody>
          {p.parcels.map((x, i) => (
            <tr>
              <td>{i + 1}</td>
              <td>
                <code>{x.tracking_number}</code>
              </td>
              <td class="num">{kg(p.c, x.weight_grams)}</td>
              <td>☐</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function LabelView(p: {
  c: C;
  tracking: string;
  qrSvg: string;
  route: string[];
  weightGrams: number;
  destination: string;
}) {
  const tr = trOf(p.c);
  return (
    <section class="card printable parcel-label">
      <h1>{tr('logistics.label.title')}</h1>
      <p>
        <code class="big" data-testid="tracking">
          {p.tracking}
        </code>
      </p>
      <div class="qr" dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
      <p>
        <strong>{p.destination}</strong>
      </p>
      <p>
        {tr('logistics.label.route')}: {p.route.join(' → ')}
      </p>
      <p>
        {tr('logistics.label.weight')}: {kg(p.c, p.weightGrams)} kg
      </p>
    </section>
  );
}
