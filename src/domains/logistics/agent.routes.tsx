// Service point screens (village agents), parcel labels, the public tracking page
// `/lacak/{tracking}` and the regency officer's KPI page with its CSV export.
import { placeChoices, isPickerSearch, regionNames } from '../regions/index.js';
import type { Context, Hono } from 'hono';
import { qrCodeSvg } from '../../kernel/qr/index.js';
import { t } from '../../kernel/i18n/index.js';
import {
  page,
  readForm,
  requireRole,
  zodFieldErrors,
  translateFields,
  type AppEnv,
} from '../../kernel/http/index.js';
import { AppError, errorSpec } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { bothFormats, sendSheet } from '../../kernel/xlsx/index.js';
import { canInRegion, regionScope, type Actor } from '../../kernel/auth/index.js';
import { agentPointIds, OVERSEERS } from './logistics.access.js';
import { agentPoints, pointBoard, visibleParcel } from './pages.queries.js';
import { nodeNames, nodesOf, parcelByTracking, scansOf } from './parcels.service.js';
import { recordScan } from './scans.service.js';
import { parcelsFromHandedOverOrders } from './order-parcels.service.js';
import { logisticsKpisRead } from './kpis.js';
import { runRead } from '../../kernel/offloop/index.js';
import { kpiQuerySchema, scanFormSchema } from './logistics.schema.js';
import { AgentBoard, KpiView, TrackingView } from './agent.views.js';
import { LabelView } from './print.views.js';
import { failureMessage, todayAt } from './hub.routes.js';
import type { ScanKind } from './logistics.tables.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').h.db;
const AGENT_KINDS: ScanKind[] = [
  'ready_for_pickup',
  'delivered',
  'received_at_point',
  'return_started',
  'returned',
];

export async function boardPage(
  c: C,
  actor: Actor,
  pointId: string | undefined,
  extra: {
    notice?: string;
    error?: string;
    errors?: Record<string, string>;
    raw?: Record<string, string>;
    activeKind?: string;
    status?: 200 | 409 | 413 | 422;
  } = {},
) {
  const points = await agentPoints(db(c), actor);
  const tr = (k: string) => t(c.get('locale'), k);
  if (points.length === 0)
    return page(
      c,
      { title: tr('logistics.agent.title') },
      <section class="card">
        <h1>{tr('logistics.agent.title')}</h1>
        <p>{tr('logistics.agent.none')}</p>
      </section>,
    );
  const point = points.find((p) => p.id === pointId) ?? points[0];
  const board = await pointBoard(db(c), point.id);
  return page(
    c,
    { title: tr('logistics.agent.title'), status: extra.status },
    <AgentBoard
      c={c}
      point={point}
      points={points}
      board={board}
      scanId={newId('scn')}
      {...extra}
    />,
  );
}

export function agentRoutes(app: Hono<AppEnv>) {
  app.get('/titik/paket', async (c) =>
    boardPage(c, requireRole(c, 'village_agent'), c.req.query('point')),
  );

  app.post('/titik/paket/scan', async (c) => {
    const actor = requireRole(c, 'village_agent');
    const form = await readForm(c, scanFormSchema);
    const pointId = form.raw.point;
    if (!pointId || !agentPointIds(actor).includes(pointId)) throw new AppError('FORBIDDEN');
    if (!form.ok)
      return boardPage(c, actor, pointId, {
        errors: form.errors,
        raw: form.raw,
        activeKind: form.raw.kind,
        status: 422,
      });
    const kind = form.data.kind as ScanKind;
    if (!AGENT_KINDS.includes(kind))
      return boardPage(c, actor, pointId, {
        errors: { kind: t(c.get('locale'), 'validation.not_allowed') },
        status: 422,
      });
    const input = {
      tracking: form.data.tracking,
      kind,
      locationId: pointId,
      clientScanId: form.data.client_scan_id,
      pickupCode: form.data.pickup_code,
    };
    let r = await recordScan(db(c), actor, input);
    if (!r.ok && r.code === 'LOGISTICS_UNKNOWN_PARCEL' && kind === 'received_at_point') {
      // The seller's hand-over may not have become a parcel yet: catch up for this village, retry once.
      const village = (await agentPoints(db(c), actor)).find((p) => p.id === pointId)!.village_code;
      if (await parcelsFromHandedOverOrders(db(c), village))
        r = await recordScan(db(c), actor, input);
    }
    if (!r.ok) {
      const field =
        r.code === 'LOGISTICS_BAD_PICKUP_CODE' || r.code === 'LOGISTICS_PROOF_REQUIRED'
          ? 'pickup_code'
          : 'tracking';
      const status = errorSpec(r.code).status === 409 ? 409 : 422;
      return boardPage(c, actor, pointId, {
        errors: { [field]: failureMessage(c, r) },
        raw: form.raw,
        activeKind: kind,
        status,
      });
    }
    // Handed over from the agent's day page: back there, where the cash now shows.
    if (form.raw.back === 'hari-ini' && kind === 'delivered')
      return c.redirect('/agen/hari-ini', 303);
    const tr = (k: string, p: Record<string, unknown> = {}) => t(c.get('locale'), k, p);
    const notice = r.value.duplicate
      ? tr('logistics.scan.duplicate', { tracking: r.value.trackingNumber })
      : tr('logistics.scan.done', {
          tracking: r.value.trackingNumber,
          status: tr(`logistics.status.${r.value.status}`),
        });
    return boardPage(c, actor, pointId, { notice });
  });

  app.get('/paket/:tracking/label', async (c) => {
    const actor = requireRole(c, 'village_agent', 'hub_operator', 'seller', ...OVERSEERS);
    const p = await visibleParcel(db(c), actor, c.req.param('tracking'));
    if (!p) throw new AppError('NOT_FOUND');
    const nodes = await nodesOf(db(c), p.id);
    const names = await nodeNames(
      db(c),
      nodes.map((n) => n.ref),
    );
    const tr = (k: string, params: Record<string, unknown> = {}) => t(c.get('locale'), k, params);
    const route = nodes.map((n) =>
      n.ref ? (names.get(n.ref) ?? n.ref) : tr(`logistics.leg.${n.kind}`),
    );
    const url = `${new URL(c.req.url).origin}/lacak/${p.tracking_number}`;
    const qrSvg = await qrCodeSvg(url, {
      margin: 1,
      width: 168,
      errorCorrectionLevel: 'M',
    });
    // The village by name, its code in brackets for sorting by hand at the hub.
    const code = p.destination_village_code;
    const village = code ? (await regionNames(db(c), [code])).get(code) : undefined;
    const destination =
      route[route.length - 1] + (code ? ` · ${village ? `${village} (${code})` : code}` : '');
    return page(
      c,
      { title: tr('logistics.label.title') },
      <LabelView
        c={c}
        tracking={p.tracking_number}
        qrSvg={qrSvg}
        route={route}
        weightGrams={p.weight_grams}
        destination={destination}
      />,
    );
  });

  // Public and light (a buyer on 2G): status and scan history, no names or phones.
  app.get('/lacak', (c) => {
    const no = (c.req.query('no') ?? '').trim().toUpperCase();
    if (!/^LP[0-9A-Z]{10}$/.test(no)) throw new AppError('NOT_FOUND');
    return c.redirect(`/lacak/${no}`, 303);
  });
  app.get('/lacak/:tracking', async (c) => {
    const p = await parcelByTracking(db(c), c.req.param('tracking'));
    if (!p) throw new AppError('NOT_FOUND');
    const scans = await scansOf(db(c), p.id);
    const names = await nodeNames(
      db(c),
      scans.map((s) => s.location_id),
    );
    const tr = (k: string) => t(c.get('locale'), k);
    return page(
      c,
      {
        title: `${tr('logistics.track.title')} ${p.tracking_number}`,
        description: tr('logistics.track.title'),
      },
      <TrackingView
        c={c}
        tracking={p.tracking_number}
        status={p.status}
        returning={p.returning === 1}
        region={p.destination_village_code ?? p.origin_village_code}
        scans={scans.map((s) => ({
          kind: s.kind,
          at: s.at,
          place: (s.location_id && names.get(s.location_id)) ?? '',
        }))}
      />,
    );
  });

  const kpiInput = (c: C, actor: Actor) => {
    const own = actor.grants.find((g) => g.role === 'regional_officer')?.regionCode ?? '53.09';
    const to = todayAt(own);
    const raw = {
      region: c.req.query('region') ?? own,
      from:
        c.req.query('from') ?? new Date(Date.parse(to) - 29 * 86400_000).toISOString().slice(0, 10),
      to: c.req.query('to') ?? to,
    };
    return { raw, parsed: kpiQuerySchema.safeParse(raw) };
  };

  // The area is chosen by name (province, regency or kecamatan of the overseer's scope).
  const kpiAreas = (c: C, actor: Actor, region: string) =>
    placeChoices(db(c), regionScope(actor, OVERSEERS), {
      levels: [1, 2, 3],
      groupBy: 2,
      q: c.req.query('region_q'),
      keep: region,
    });
  // Off the event loop where the app has read workers (a province's year is heavy).
  const kpisOf = (c: C, q: { region: string; from: string; to: string }) =>
    runRead(c.get('deps'), logisticsKpisRead, q.region, q.from, q.to);
  app.get('/logistik/kpi', async (c) => {
    const actor = requireRole(c, ...OVERSEERS);
    const { raw, parsed } = kpiInput(c, actor);
    const title = t(c.get('locale'), 'logistics.kpi.title');
    const areas = await kpiAreas(c, actor, raw.region);
    // "Search" narrows the list of areas; the figures wait until one is chosen.
    if (isPickerSearch(c.req.query()))
      return page(c, { title }, <KpiView c={c} k={null} raw={raw} areas={areas} />);
    if (!parsed.success)
      return page(
        c,
        { title, status: 422 },
        <KpiView
          c={c}
          k={null}
          raw={raw}
          areas={areas}
          errors={translateFields(c.get('locale'), zodFieldErrors(parsed.error))}
        />,
      );
    if (!canInRegion(actor, OVERSEERS, parsed.data.region)) throw new AppError('FORBIDDEN');
    const k = await kpisOf(c, parsed.data);
    return page(c, { title }, <KpiView c={c} k={k} raw={raw} areas={areas} />);
  });

  app.on('GET', bothFormats('/logistik/kpi'), async (c) => {
    const actor = requireRole(c, ...OVERSEERS);
    const { parsed } = kpiInput(c, actor);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', {}, zodFieldErrors(parsed.error));
    if (!canInRegion(actor, OVERSEERS, parsed.data.region)) throw new AppError('FORBIDDEN');
    const k = await kpisOf(c, parsed.data);
    const rows: [string, string | number | null][] = [
      ['region', k.region],
      ['from', k.from],
      ['to', k.to],
      ['parcels', k.parcels],
      ['delivered', k.delivered],
      ['failed_deliveries', k.failedDeliveries],
      ['returned', k.returned],
      ...Object.entries(k.medianHours).map(
        ([s, v]) => [`median_hours_${s}`, v] as [string, number | null],
      ),
      ['runs', k.runs],
      ['parcels_per_run', k.parcelsPerRun],
      ['cost_per_parcel_idr', k.costPerParcel],
      ['villages_with_coordinates', k.coverage.villages],
      ['villages_point_within_5km', k.coverage.within5km],
      [
        'share_point_within_5km',
        k.coverage.share === null ? null : Math.round(k.coverage.share * 1000) / 1000,
      ],
    ];
    return sendSheet(c, `logistik-${k.region}-${k.from}-${k.to}`, {
      name: 'logistik',
      columns: ['metric', 'value'],
      rows,
      csv: { newline: '\n' },
    });
  });
}
