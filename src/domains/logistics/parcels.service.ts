// Parcels: created when a seller hands an order over at its service point (or directly for
// goods arriving from outside the network). The path is computed once from the network:
// village point → kecamatan hub → kabupaten hub (→ other kabupaten hub → kecamatan hub →
// village point), entering or leaving the network at the kabupaten hub for addresses
// outside it. The label carries the tracking number; the buyer gets a one-time pickup code.
import { randomBytes, randomInt } from 'node:crypto';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { newId } from '../../kernel/ids/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { hubOfPoint } from './network.service.js';
import { servicePoint } from './logistics.queries.js';
import { servicePointSites } from '../community/index.js';
import type { ParcelsTable } from './logistics.tables.js';
import { consolidatedRuns } from './consolidated-runs.js';

export type { PathNode } from './scan-moves.js';
import type { PathNode } from './scan-moves.js';

/** The chain point → kecamatan hub → kabupaten hub of an assigned service point. */
async function chainOf(db: Tx, pointId: string): Promise<Result<string[]>> {
  const hub = await hubOfPoint(db, pointId);
  if (!hub) return fail('LOGISTICS_POINT_UNASSIGNED', { id: pointId });
  if (!hub.parent_hub_id) return fail('LOGISTICS_POINT_UNASSIGNED', { id: pointId });
  return ok([pointId, hub.id, hub.parent_hub_id]);
}

/** Nodes from origin to destination through the lowest hub both chains share. */
export async function pathBetween(
  db: Tx,
  originPointId: string | null,
  destinationPointId: string | null,
): Promise<Result<PathNode[]>> {
  const point = (ref: string): PathNode => ({ kind: 'point', ref });
  const hub = (ref: string): PathNode => ({ kind: 'hub', ref });
  const a = originPointId ? await chainOf(db, originPointId) : null;
  const b = destinationPointId ? await chainOf(db, destinationPointId) : null;
  if (a && !a.ok) return a;
  if (b && !b.ok) return b;
  if (a?.ok && b?.ok) {
    const [pa, ka, ba] = a.value;
    const [pb, kb, bb] = b.value;
    if (ka === kb) return ok([point(pa), hub(ka), point(pb)]);
    if (ba === bb) return ok([point(pa), hub(ka), hub(ba), hub(kb), point(pb)]);
    return ok([point(pa), hub(ka), hub(ba), hub(bb), hub(kb), point(pb)]);
  }
  if (a?.ok)
    return ok([point(a.value[0]), hub(a.value[1]), hub(a.value[2]), { kind: 'exit', ref: null }]);
  if (b?.ok)
    return ok([{ kind: 'entry', ref: null }, hub(b.value[2]), hub(b.value[1]), point(b.value[0])]);
  return fail('LOGISTICS_UNKNOWN_POINT', { id: '-' });
}

const TRACK_ALPHABET = '0123456789ACDEFGHJKMNPQRTUVWXY';
/** `LP` + 10 characters without look-alikes (no B/8, I/1, O/0, S/5, Z/2 confusion). */
export function newTrackingNumber(): string {
  const bytes = randomBytes(10);
  let s = 'LP';
  for (const b of bytes) s += TRACK_ALPHABET[b % TRACK_ALPHABET.length];
  return s;
}

export interface NewParcel {
  orderId?: string | null;
  originPointId: string | null;
  destinationPointId: string | null;
  /** The buyer's village when delivering to an address (outside the network or without a point). */
  destinationVillageCode?: string | null;
  weightGrams: number;
  at?: string;
  isDemo?: boolean;
}

export interface CreatedParcel {
  id: string;
  trackingNumber: string;
  pickupCode: string;
  duplicate: boolean;
}

/** Creates a parcel with its path; an order gets one parcel however often it is asked. */
export async function createParcel(
  db: Tx,
  actor: Actor | null,
  input: NewParcel,
): Promise<Result<CreatedParcel>> {
  if (
    !Number.isSafeInteger(input.weightGrams) ||
    input.weightGrams <= 0 ||
    input.weightGrams > 1_000_000
  ) {
    return fail('VALIDATION_FAILED', {}, { weight_grams: { key: 'logistics.err.weight' } });
  }
  if (input.orderId) {
    const existing = await db
      .selectFrom('parcels')
      .select(['id', 'tracking_number', 'pickup_code'])
      .where('order_id', '=', input.orderId)
      .executeTakeFirst();
    if (existing)
      return ok({
        id: existing.id,
        trackingNumber: existing.tracking_number,
        pickupCode: existing.pickup_code ?? '',
        duplicate: true,
      });
  }
  for (const id of [input.originPointId, input.destinationPointId]) {
    if (id && !(await servicePoint(db, id))) return fail('LOGISTICS_UNKNOWN_POINT', { id });
  }
  const path = await pathBetween(db, input.originPointId, input.destinationPointId);
  if (!path.ok) return path;
  const [origin, dest] = await Promise.all([
    input.originPointId ? servicePoint(db, input.originPointId) : undefined,
    input.destinationPointId ? servicePoint(db, input.destinationPointId) : undefined,
  ]);
  const destVillage = dest?.village_code ?? input.destinationVillageCode ?? null;
  const direction: ParcelsTable['direction'] = !origin
    ? 'inbound'
    : !dest
      ? 'outbound'
      : origin.village_code.slice(0, 5) === dest.village_code.slice(0, 5)
        ? 'local'
        : 'outbound';
  const id = newId('pcl');
  const trackingNumber = newTrackingNumber();
  const pickupCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const at = input.at ?? nowIso();
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('parcels')
      .values({
        id,
        tracking_number: trackingNumber,
        order_id: input.orderId ?? null,
        direction,
        origin_village_code: origin?.village_code ?? null,
        destination_village_code: destVillage,
        origin_point_id: input.originPointId,
        destination_point_id: input.destinationPointId,
        weight_grams: input.weightGrams,
        status: 'created',
        node_index: 0,
        attempts: 0,
        pickup_code: pickupCode,
        proof_kind: null,
        proof_photo: null,
        returning: 0,
        created_at: at,
        updated_at: at,
        delivered_at: null,
        is_demo: input.isDemo ? 1 : 0,
      })
      .execute();
    await tx
      .insertInto('parcel_nodes')
      .values(path.value.map((n, idx) => ({ parcel_id: id, idx, kind: n.kind, ref_id: n.ref })))
      .execute();
    await audit(tx, {
      actorId: actor?.userId ?? null,
      action: 'parcel.create',
      entityType: 'parcel',
      entityId: id,
      data: { orderId: input.orderId ?? null, legs: path.value.length - 1 },
    });
  });
  return ok({ id, trackingNumber, pickupCode, duplicate: false });
}

export async function parcelByTracking(
  db: Tx,
  tracking: string,
): Promise<ParcelsTable | undefined> {
  return db
    .selectFrom('parcels')
    .selectAll()
    .where('tracking_number', '=', tracking.trim().toUpperCase())
    .executeTakeFirst();
}

export async function nodesOf(db: Tx, parcelId: string): Promise<PathNode[]> {
  const rows = await db
    .selectFrom('parcel_nodes')
    .select(['kind', 'ref_id'])
    .where('parcel_id', '=', parcelId)
    .orderBy('idx')
    .execute();
  return rows.map((r) => ({ kind: r.kind, ref: r.ref_id }));
}

export async function scansOf(db: Tx, parcelId: string) {
  // No proof photo here: this feeds the public tracking page and API.
  return db
    .selectFrom('parcel_scans')
    .select(['kind', 'at', 'location_id', 'node_index'])
    .where('parcel_id', '=', parcelId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export interface OrderParcel {
  trackingNumber: string;
  status: string;
  pickupCode: string | null;
  /** A market-day run's parcel the order travels in with others (its buyer collects by name). */
  consolidated?: true;
}

/** Tracking numbers and pickup codes of each order's parcels (one read), for the buyer's pages. */
export async function parcelsForOrders(
  db: Tx,
  orderIds: string[],
): Promise<Map<string, OrderParcel[]>> {
  const out = new Map<string, OrderParcel[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return out;
  const rows = await db
    .selectFrom('parcels')
    .select([
      'order_id',
      'tracking_number',
      'status',
      'pickup_code',
      'destination_point_id',
      'returning',
    ])
    .where('order_id', 'in', orderIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  // A parcel on its way back to the seller has no code left to show (it is cleared on return).
  for (const r of rows) {
    out.get(r.order_id!)?.push({
      trackingNumber: r.tracking_number,
      status: r.status,
      pickupCode:
        r.destination_point_id && r.status !== 'delivered' && r.returning === 0
          ? r.pickup_code
          : null,
    });
  }
  await addRunParcels(db, out);
  return out;
}

/**
 * Orders without a parcel of their own that travel in a consolidated run show the run's parcel:
 * its tracking number and status, never its pickup code (that code is the point's, for the whole
 * run; the buyer collects against the point's packing list).
 */
async function addRunParcels(db: Tx, out: Map<string, OrderParcel[]>): Promise<void> {
  const bare = [...out].filter(([, ps]) => ps.length === 0).map(([id]) => id);
  if (!bare.length) return;
  const runs = await consolidatedRuns.get()(db, bare);
  const ids = [...new Set([...runs.values()].filter((id): id is string => !!id))];
  if (!ids.length) return;
  const parcels = new Map(
    (
      await db
        .selectFrom('parcels')
        .select(['id', 'tracking_number', 'status'])
        .where('id', 'in', ids)
        .execute()
    ).map((p) => [p.id, p]),
  );
  for (const [orderId, parcelId] of runs) {
    const p = parcelId ? parcels.get(parcelId) : undefined;
    if (p)
      out.get(orderId)?.push({
        trackingNumber: p.tracking_number,
        status: p.status,
        pickupCode: null,
        consolidated: true,
      });
  }
}

/** The parcels of one order. */
export async function parcelsForOrder(db: Tx, orderId: string): Promise<OrderParcel[]> {
  return (await parcelsForOrders(db, [orderId])).get(orderId)!;
}

/** Display names of hubs and points on a path, for labels, tracking and manifests. */
export async function nodeNames(db: Tx, refs: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(refs.filter((r): r is string => !!r))];
  if (ids.length === 0) return new Map();
  const [hubs, pts] = await Promise.all([
    db.selectFrom('hubs').select(['id', 'name']).where('id', 'in', ids).execute(),
    servicePointSites(db, ids),
  ]);
  return new Map([...hubs, ...pts].map((r) => [r.id, r.name]));
}
