// JSON API of the logistics domain under /api/v1/logistics, declared with createRoute so it
// appears in /api/openapi.json. Same services and scope rules as the pages.
import { createRoute, z } from '@hono/zod-openapi';
import { createApiApp, requireRole } from '../../kernel/http/index.js';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { OVERSEERS } from './logistics.access.js';
import { body, jsonOf, P, problem, security, tags, TrackedParcel } from './logistics.api-parts.js';
import { listHubs, visibleHub } from './pages.queries.js';
import { addVehicle, assignPoint, createHub } from './network.service.js';
import { buildManifests, manifestsOf } from './consolidation.service.js';
import { planRuns, runDetail, runsOf } from './routing.service.js';
import { parcelByTracking, scansOf } from './parcels.service.js';
import { recordScan } from './scans.service.js';
import {
  assignSchema,
  clientScanIdSchema,
  dateSchema,
  hubSchema,
  manifestSchema,
  planApiSchema,
  scanApiSchema,
  trackingSchema,
} from './logistics.schema.js';
import { photoOf } from './proof-photos.js';
import {
  HubList,
  hubJson,
  ManifestBuild,
  manifestJson,
  plannedRunJson,
  RunList,
  runJson,
  RunPlan,
  ScanResult,
} from './logistics.api-schemas.js';
import type { ScanKind } from './logistics.tables.js';

const HUB_ROLES = ['hub_operator', ...OVERSEERS] as const;
const idParam = z.object({ id: z.string().min(1).max(64) });
const photoApiSchema = z.object({
  locationId: z.string().min(1).max(64),
  clientScanId: clientScanIdSchema,
  at: z.string().datetime().optional(),
  photo: z
    .any()
    .openapi({ type: 'string', format: 'binary', description: 'JPEG, PNG or WebP, at most 5 MB' }),
});

export function logisticsApi() {
  const app = createApiApp();
  const db = (c: { get(k: 'deps'): { h: { db: any } } }) => c.get('deps').h.db;
  const hubOf = async (c: any) => {
    const actor = requireRole(c, ...HUB_ROLES);
    const hub = await visibleHub(db(c), actor, c.req.valid('param').id);
    if (!hub) throw new AppError('NOT_FOUND');
    return { actor, hub };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/hubs`,
      tags,
      security,
      summary: 'Hubs in the caller’s scope',
      responses: { 200: jsonOf(HubList, 'Hubs'), 401: problem, 403: problem },
    }),
    async (c) => {
      const actor = requireRole(c, ...HUB_ROLES);
      return c.json({ items: (await listHubs(db(c), actor)).map(hubJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/hubs`,
      tags,
      security,
      summary: 'Create a kabupaten or kecamatan hub',
      request: body(hubSchema),
      responses: {
        201: jsonOf(z.object({ id: z.string() }), 'Created'),
        422: problem,
        403: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...OVERSEERS);
      const id = unwrap(await createHub(db(c), actor, c.req.valid('json') as any));
      return c.json({ id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/hubs/{id}/points`,
      tags,
      security,
      summary: 'Assign a village service point to this kecamatan hub',
      request: { params: idParam, ...body(assignSchema) },
      responses: {
        200: jsonOf(z.object({ hubId: z.string() }), 'Assigned'),
        422: problem,
        404: problem,
      },
    }),
    async (c) => {
      const { actor, hub } = await hubOf(c);
      unwrap(await assignPoint(db(c), actor, (c.req.valid('json') as any).servicePointId, hub.id));
      return c.json({ hubId: hub.id }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/hubs/{id}/vehicles`,
      tags,
      security,
      summary: 'Add a vehicle (capacity kg, cost per km) to the hub',
      request: {
        params: idParam,
        ...body(
          z
            .object({
              name: z.string().min(2).max(80),
              capacityKg: z.number().int().min(1).max(40000),
              costPerKm: z.number().int().min(0).max(1_000_000),
              speedKmh: z.number().int().min(5).max(120).optional(),
            })
            .strict(),
        ),
      },
      responses: {
        201: jsonOf(z.object({ id: z.string() }), 'Created'),
        422: problem,
        404: problem,
      },
    }),
    async (c) => {
      const { actor, hub } = await hubOf(c);
      const v = c.req.valid('json') as any;
      return c.json({ id: unwrap(await addVehicle(db(c), actor, { hubId: hub.id, ...v })) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/hubs/{id}/manifests`,
      tags,
      security,
      summary: 'Build the day’s manifests (parcels grouped by next leg)',
      request: { params: idParam, ...body(manifestSchema) },
      responses: { 200: jsonOf(ManifestBuild, 'Manifests'), 404: problem },
    }),
    async (c) => {
      const { actor, hub } = await hubOf(c);
      const { date } = c.req.valid('json') as { date: string };
      const r = unwrap(await buildManifests(db(c), actor, hub.id, date));
      return c.json(
        { ...r, items: (await manifestsOf(db(c), hub.id, date)).map(manifestJson) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/hubs/{id}/plan`,
      tags,
      security,
      summary: 'Plan the day’s runs over the manifested service points (lib/vrp)',
      request: { params: idParam, ...body(planApiSchema) },
      responses: { 201: jsonOf(RunPlan, 'Runs'), 422: problem, 404: problem },
    }),
    async (c) => {
      const { actor, hub } = await hubOf(c);
      const { date, vehicleIds } = c.req.valid('json') as { date: string; vehicleIds?: string[] };
      const r = unwrap(await planRuns(db(c), actor, hub.id, date, { vehicleIds, seconds: 1 }));
      const runs = await Promise.all(r.runIds.map((id) => runDetail(db(c), id)));
      return c.json({ ...r, runs: runs.map((d) => plannedRunJson(d!.run, d!.stops)) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/hubs/{id}/runs`,
      tags,
      security,
      summary: 'Runs of a service date',
      request: { params: idParam, query: z.object({ date: dateSchema }) },
      responses: { 200: jsonOf(RunList, 'Runs'), 404: problem },
    }),
    async (c) => {
      const { hub } = await hubOf(c);
      return c.json(
        { items: (await runsOf(db(c), hub.id, c.req.valid('query').date)).map(runJson) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/scans`,
      tags,
      security,
      summary: 'Record a scan; idempotent by clientScanId, out-of-order scans refused (409)',
      request: body(scanApiSchema),
      responses: {
        201: jsonOf(ScanResult, 'Recorded'),
        200: jsonOf(ScanResult, 'Duplicate of an earlier scan'),
        409: problem,
        422: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'village_agent', ...HUB_ROLES);
      const v = c.req.valid('json') as any;
      const r = unwrap(
        await recordScan(db(c), actor, {
          tracking: v.tracking,
          kind: v.kind as ScanKind,
          locationId: v.locationId,
          clientScanId: v.clientScanId,
          pickupCode: v.pickupCode,
          at: v.at,
        }),
      );
      return c.json(r, r.duplicate ? 200 : 201);
    },
  );

  // Roles are checked before the (up to 8 MB) body is parsed and validated.
  app.use(`${P}/parcels/:tracking/photos`, async (c, next) => {
    requireRole(c, 'village_agent', ...HUB_ROLES);
    await next();
  });
  app.openapi(
    createRoute({
      method: 'post',
      path: `${P}/parcels/{tracking}/photos`,
      tags,
      security,
      summary:
        'Deliver with a photo as proof (instead of the buyer’s code); idempotent by clientScanId',
      description:
        'multipart/form-data. JPEG, PNG or WebP by content, at most 5 MB, sides 200–6000 px. The photo is visible to hub staff on the path, overseers and the seller, never on public tracking.',
      request: {
        params: z.object({ tracking: trackingSchema }),
        body: { content: { 'multipart/form-data': { schema: photoApiSchema } }, required: true },
      },
      responses: {
        201: jsonOf(ScanResult, 'Delivered'),
        200: jsonOf(ScanResult, 'Duplicate of an earlier scan'),
        403: problem,
        409: problem,
        413: problem,
        415: problem,
        422: problem,
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'village_agent', ...HUB_ROLES);
      const v = c.req.valid('form') as z.infer<typeof photoApiSchema>;
      const file = photoOf(v);
      if (!file)
        throw new AppError(
          'LOGISTICS_PHOTO_MISSING',
          {},
          { photo: { key: 'logistics.err.photo_missing' } },
        );
      const r = unwrap(
        await recordScan(db(c), actor, {
          tracking: c.req.valid('param').tracking,
          kind: 'delivered',
          locationId: v.locationId,
          clientScanId: v.clientScanId,
          at: v.at,
          photo: {
            bytes: new Uint8Array(await file.arrayBuffer()),
            uploadDir: c.get('deps').config.uploadDir,
          },
        }),
      );
      return c.json(r, r.duplicate ? 200 : 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${P}/parcels/{tracking}`,
      tags,
      summary: 'Public tracking: status and scan history of a parcel',
      request: { params: z.object({ tracking: z.string().min(4).max(20) }) },
      responses: { 200: jsonOf(TrackedParcel, 'Parcel'), 404: problem },
    }),
    async (c) => {
      const p = await parcelByTracking(db(c), c.req.valid('param').tracking);
      if (!p) throw new AppError('LOGISTICS_UNKNOWN_PARCEL', { tracking: '' });
      // Public: status and history only — never the proof photo or who scanned.
      return c.json(
        {
          trackingNumber: p.tracking_number,
          status: p.status,
          returning: p.returning === 1,
          deliveredAt: p.delivered_at,
          scans: (await scansOf(db(c), p.id)).map((x) => ({
            kind: x.kind,
            at: x.at,
            locationId: x.location_id,
            nodeIndex: x.node_index,
          })),
        },
        200,
      );
    },
  );

  return app;
}
