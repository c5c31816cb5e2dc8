// Pak Yohanes's screens at the service point (scan in from the hub, hand over with the
// buyer's code, accept sellers' drop-offs), the public tracking page and the KPI page.
import type { Context } from 'hono';
import { formatDateTime, formatNumber, formatPercent } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, Field, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { kg, trOf } from './hub.views.js';
import { STAGES, type LogisticsKpis } from './kpis.js';
import type { pointBoard } from './pages.queries.js';
import { PhotoForm } from './parcel.views.js';
import { PlacePicker, type PlaceChoices } from '../regions/index.js';

type C = Context<AppEnv>;
type Board = Awaited<ReturnType<typeof pointBoard>>;

function ScanForm(p: {
  c: C;
  action: string;
  point: string;
  scanId: string;
  title: string;
  hint: string;
  kind: string;
  withCode?: boolean;
  errors?: Record<string, string>;
  raw?: Record<string, string>;
  active: boolean;
}) {
  const tr = trOf(p.c);
  const err = p.active ? p.errors : undefined;
  return (
    <section class="card">
      <h2 id={`h-${p.kind}`}>{p.title}</h2>
      <p class="muted">{p.hint}</p>
      <form method="post" action={p.action} aria-labelledby={`h-${p.kind}`}>
        <Csrf c={p.c} />
        <input type="hidden" name="point" value={p.point} />
        <input type="hidden" name="kind" value={p.kind} />
        <input type="hidden" name="client_scan_id" value={p.scanId} />
        <div class="field">
          <label for={`t-${p.kind}`}>{tr('logistics.scan.tracking')}</label>
          <input
            id={`t-${p.kind}`}
            name="tracking"
            autocomplete="off"
            required
            value={p.active ? (p.raw?.tracking ?? '') : ''}
            aria-invalid={err?.tracking ? 'true' : undefined}
          />
          {err?.tracking ? <p class="error">{err.tracking}</p> : null}
        </div>
        {p.withCode ? (
          <div class="field">
            <label for={`c-${p.kind}`}>{tr('logistics.scan.code')}</label>
            <input
              id={`c-${p.kind}`}
              name="pickup_code"
              inputmode="numeric"
              autocomplete="off"
              required
              aria-invalid={err?.pickup_code ? 'true' : undefined}
            />
            {err?.pickup_code ? <p class="error">{err.pickup_code}</p> : null}
          </div>
        ) : null}
        <button type="submit" class="primary">
          {tr('logistics.scan.submit')}
        </button>
      </form>
    </section>
  );
}

function ParcelList(p: { c: C; title: string; rows: Board['incoming'] }) {
  const tr = trOf(p.c);
  return (
    <>
      <h3>{p.title}</h3>
      {p.rows.length === 0 ? (
        <p class="muted">{tr('logistics.agent.empty')}</p>
      ) : (
        <ul class="list">
          {p.rows.map((r) => (
            <li>
              <code>{r.tracking_number}</code> · {kg(p.c, r.weight_grams)} kg
              {r.returning ? (
                <>
                  {' '}
                  <span class="badge">{tr('logistics.badge.returning')}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function AgentBoard(p: {
  c: C;
  point: { id: string; name: string };
  points: { id: string; name: string }[];
  board: Board;
  scanId: string;
  notice?: string;
  error?: string;
  errors?: Record<string, string>;
  raw?: Record<string, string>;
  activeKind?: string;
}) {
  const tr = trOf(p.c);
  const common = { c: p.c, point: p.point.id, scanId: p.scanId, errors: p.errors, raw: p.raw };
  return (
    <>
      <section class="card">
        <h1>
          {tr('logistics.agent.title')}: {p.point.name}
        </h1>
        {p.points.length > 1 ? (
          <ul class="chips">
            {p.points.map((x) => (
              <li>
                <a href={`/titik/paket?point=${x.id}`}>{x.name}</a>
              </li>
            ))}
          </ul>
        ) : null}
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
        <ErrorSummary c={p.c} errors={p.errors} />
      </section>
      <ScanForm
        {...common}
        action="/titik/paket/scan"
        kind="ready_for_pickup"
        title={tr('logistics.agent.scan_in')}
        hint={tr('logistics.agent.scan_in_hint')}
        active={p.activeKind === 'ready_for_pickup'}
      />
      <ScanForm
        {...common}
        action="/titik/paket/scan"
        kind="delivered"
        withCode
        title={tr('logistics.agent.pickup')}
        hint={tr('logistics.agent.pickup_hint')}
        active={p.activeKind === 'delivered'}
      />
      <PhotoForm
        c={p.c}
        action="/titik/paket/photos"
        point={p.point.id}
        scanId={`${p.scanId}p`}
        title={tr('logistics.agent.photo')}
        hint={tr('logistics.agent.photo_hint')}
        errors={p.errors}
        raw={p.raw}
        active={p.activeKind === 'photo'}
      />
      <ScanForm
        {...common}
        action="/titik/paket/scan"
        kind="received_at_point"
        title={tr('logistics.agent.drop_off')}
        hint={tr('logistics.agent.drop_off_hint')}
        active={p.activeKind === 'received_at_point'}
      />
      <ScanForm
        {...common}
        action="/titik/paket/scan"
        kind="returned"
        title={tr('logistics.agent.return_in')}
        hint={tr('logistics.agent.return_in_hint')}
        active={p.activeKind === 'returned'}
      />
      <ScanForm
        {...common}
        action="/titik/paket/scan"
        kind="return_started"
        title={tr('logistics.agent.uncollected')}
        hint={tr('logistics.agent.uncollected_hint')}
        active={p.activeKind === 'return_started'}
      />
      <section class="card">
        <ParcelList c={p.c} title={tr('logistics.agent.incoming')} rows={p.board.incoming} />
        <ParcelList c={p.c} title={tr('logistics.agent.waiting')} rows={p.board.waiting} />
        <ParcelList c={p.c} title={tr('logistics.agent.outgoing')} rows={p.board.outgoing} />
        <ParcelList c={p.c} title={tr('logistics.agent.created')} rows={p.board.created} />
      </section>
    </>
  );
}

export function TrackingView(p: {
  c: C;
  tracking: string;
  status: string;
  returning: boolean;
  region: string | null;
  scans: { kind: string; at: string; place: string }[];
}) {
  const tr = trOf(p.c);
  return (
    <section class="card narrow">
      <h1>{tr('logistics.track.title')}</h1>
      <p>
        <code class="big">{p.tracking}</code>
      </p>
      <p>
        {tr('logistics.track.status')}:{' '}
        <strong data-testid="status">{tr(`logistics.status.${p.status}`)}</strong>
      </p>
      {p.returning ? (
        <p class="notice" data-testid="returning">
          {tr(p.status === 'returned' ? 'logistics.track.returned' : 'logistics.track.returning')}
        </p>
      ) : null}
      <h2>{tr('logistics.track.history')}</h2>
      {p.scans.length === 0 ? (
        <p>{tr('logistics.track.none')}</p>
      ) : (
        <ol class="list">
          {[...p.scans].reverse().map((s) => (
            <li>
              {tr(`logistics.scan.${s.kind}`)} · {s.place}
              <br />
              <small>{formatDateTime(p.c.get('locale'), s.at, p.region)}</small>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function KpiView(p: {
  c: C;
  k: LogisticsKpis | null;
  raw: Record<string, string>;
  areas: PlaceChoices;
  errors?: Record<string, string>;
}) {
  const tr = trOf(p.c);
  const loc = p.c.get('locale');
  const h = (x: number | null) => (x === null ? tr('logistics.kpi.none') : formatNumber(loc, x, 1));
  const k = p.k;
  return (
    <>
      <section class="card">
        <h1>{tr('logistics.kpi.title')}</h1>
        <ErrorSummary c={p.c} errors={p.errors} />
        <form method="get" action="/logistik/kpi">
          <PlacePicker
            c={p.c}
            name="region"
            label={tr('logistics.kpi.region')}
            choices={p.areas}
            value={p.raw.region}
            error={p.errors?.region}
          />
          <div class="row">
            <Field
              name="from"
              type="date"
              label={tr('logistics.kpi.from')}
              value={p.raw.from}
              error={p.errors?.from}
              required
            />
            <Field
              name="to"
              type="date"
              label={tr('logistics.kpi.to')}
              value={p.raw.to}
              error={p.errors?.to}
              required
            />
          </div>
          <button type="submit" class="primary">
            {tr('logistics.kpi.show')}
          </button>
        </form>
      </section>
      {k ? (
        <section class="card">
          <div class="grid">
            <div class="tile">
              <p>{tr('logistics.kpi.parcels')}</p>
              <p class="kpi" data-kpi="parcels">
                {k.parcels}
              </p>
            </div>
            <div class="tile">
              <p>{tr('logistics.kpi.delivered')}</p>
              <p class="kpi">{k.delivered}</p>
            </div>
            <div class="tile">
              <p>{tr('logistics.kpi.e2e')}</p>
              <p class="kpi" data-kpi="e2e">
                {h(k.medianHours.end_to_end)}
              </p>
            </div>
            <div class="tile">
              <p>{tr('logistics.kpi.cost_per_parcel')}</p>
              <p class="kpi">
                {k.costPerParcel === null
                  ? tr('logistics.kpi.none')
                  : formatRupiah(k.costPerParcel)}
              </p>
            </div>
            <div class="tile">
              <p>{tr('logistics.kpi.parcels_per_run')}</p>
              <p class="kpi">{h(k.parcelsPerRun)}</p>
            </div>
            <div class="tile">
              <p>{tr('logistics.kpi.coverage')}</p>
              <p class="kpi">
                {k.coverage.share === null
                  ? tr('logistics.kpi.none')
                  : formatPercent(loc, k.coverage.share)}
              </p>
              <p class="muted">{tr('logistics.kpi.coverage_of', { n: k.coverage.villages })}</p>
            </div>
            <div class="tile">
              <p>{tr('logistics.kpi.failed')}</p>
              <p class="kpi" data-kpi="failed">
                {k.failedDeliveries}
              </p>
            </div>
            <div class="tile">
              <p>{tr('logistics.kpi.returned')}</p>
              <p class="kpi" data-kpi="returned">
                {k.returned}
              </p>
            </div>
          </div>
          <h2>{tr('logistics.kpi.leg')}</h2>
          <table>
            <tbody>
              {STAGES.map((s) => (
                <tr>
                  <th scope="row">{tr(`logistics.kpi.stage.${s}`)}</th>
                  <td class="num">{h(k.medianHours[s])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a
              href={`/logistik/kpi.csv?region=${encodeURIComponent(k.region)}&from=${k.from}&to=${k.to}`}
            >
              {tr('logistics.kpi.csv')}
            </a>{' '}
            ·{' '}
            <a
              href={`/logistik/kpi.xlsx?region=${encodeURIComponent(k.region)}&from=${k.from}&to=${k.to}`}
            >
              {tr('logistics.kpi.xlsx')}
            </a>
          </p>
        </section>
      ) : null}
    </>
  );
}
