// Scans move a parcel along its path. Each kind is allowed only from certain states and at
// the node the parcel is at (or heading to), so "delivered before received" is refused.
// A scan carries a client scan id minted on the device: the same scan sent twice (a retry
// on a flaky 2G link, a double tap) is one event. The status changes by a conditional
// update on the state that was read, so two racing scans cannot both apply.
import { timingSafeEqual } from 'node:crypto';
import { inTransactionResult, isUniqueViolation, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { newId } from '../../kernel/ids/index.js';
import { hitRate } from '../../kernel/http/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { canOperateHub, canShapeNetwork, agentPointIds } from './logistics.access.js';
import { nodesOf, parcelByTracking } from './parcels.service.js';
import { servicePoint } from './logistics.queries.js';
import { nextMove, returnLegs } from './scan-moves.js';
import {
  collectOnPickup,
  dispatchPickup,
  notifyFulfilment,
  returnOrder,
} from './order-parcels.service.js';
import type { OrderEvent } from '../orders/index.js';
import { discardProof, storeProof } from './proof-photos.js';
import type { ParcelStatus, ScanKind } from './logistics.tables.js';

export { SCAN_KINDS, nextMove } from './scan-moves.js';

export interface ScanInput {
  tracking: string;
  kind: ScanKind;
  clientScanId: string;
  /** The hub or service point where the scanner stands. */
  locationId: string;
  pickupCode?: string;
  /** Proof-of-delivery photo (a `delivered` scan without a pickup code); stored under `uploadDir`. */
  photo?: { bytes: Uint8Array; uploadDir: string };
  note?: string;
  at?: string;
}

export interface ScanOutcome {
  scanId: string;
  duplicate: boolean;
  status: ParcelStatus;
  trackingNumber: string;
  parcelId: string;
  returning: boolean;
}

function mayScanAt(
  actor: Actor | null,
  locationId: string,
  hub: { id: string; region_code: string } | undefined,
  pointRegion: string | undefined,
): boolean {
  if (!actor) return true;
  if (hub) return canOperateHub(actor, hub);
  if (pointRegion)
    return agentPointIds(actor).includes(locationId) || canShapeNetwork(actor, pointRegion);
  return false;
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Records one scan; failures are values and leave the parcel and its history untouched. */
export async function recordScan(
  db: Tx,
  actor: Actor | null,
  input: ScanInput,
): Promise<Result<ScanOutcome>> {
  const prior = await db
    .selectFrom('parcel_scans as s')
    .innerJoin('parcels as p', 'p.id', 's.parcel_id')
    .select([
      's.id',
      's.kind',
      's.location_id',
      'p.tracking_number',
      'p.status',
      'p.returning',
      'p.id as parcel_id',
    ])
    .where('s.client_scan_id', '=', input.clientScanId)
    .executeTakeFirst();
  if (prior) {
    if (prior.tracking_number !== input.tracking.trim().toUpperCase() || prior.kind !== input.kind)
      return fail('LOGISTICS_SCAN_ID_REUSED');
    return ok({
      scanId: prior.id,
      duplicate: true,
      status: prior.status,
      trackingNumber: prior.tracking_number,
      parcelId: prior.parcel_id,
      returning: prior.returning === 1,
    });
  }
  const parcel = await parcelByTracking(db, input.tracking);
  if (!parcel) return fail('LOGISTICS_UNKNOWN_PARCEL', { tracking: input.tracking.slice(0, 20) });
  const [hub, point] = await Promise.all([
    db
      .selectFrom('hubs')
      .select(['id', 'region_code'])
      .where('id', '=', input.locationId)
      .executeTakeFirst(),
    servicePoint(db, input.locationId),
  ]);
  if (!hub && !point) return fail('LOGISTICS_UNKNOWN_POINT', { id: input.locationId.slice(0, 40) });
  if (!mayScanAt(actor, input.locationId, hub, point?.village_code)) return fail('FORBIDDEN');
  // The same physical scan again (a second tap with a new id) is the event already recorded.
  const last = await db
    .selectFrom('parcel_scans')
    .select(['id', 'kind', 'location_id'])
    .where('parcel_id', '=', parcel.id)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last && last.kind === input.kind && last.location_id === input.locationId) {
    return ok({
      scanId: last.id,
      duplicate: true,
      status: parcel.status,
      trackingNumber: parcel.tracking_number,
      parcelId: parcel.id,
      returning: parcel.returning === 1,
    });
  }
  const nodes = await nodesOf(db, parcel.id);
  const move = nextMove(parcel, nodes, input.kind);
  if (!move)
    return fail('LOGISTICS_SCAN_OUT_OF_ORDER', { kind: input.kind, status: parcel.status });
  if (move.expectedAt !== input.locationId || move.atPoint !== !!point)
    return fail('LOGISTICS_WRONG_LOCATION', { kind: input.kind });
  let proof: 'code' | 'photo' | null = null;
  let photo: string | null = null;
  if (input.kind === 'delivered') {
    if (input.pickupCode) {
      // Five wrong codes per parcel per hour, then the agent must wait: six digits are guessable otherwise.
      const rate = await hitRate(db, `pickup:${parcel.id}`, 5, 3600_000);
      if (!rate.allowed) return fail('RATE_LIMITED');
      if (!parcel.pickup_code || !sameCode(parcel.pickup_code, input.pickupCode.trim()))
        return fail('LOGISTICS_BAD_PICKUP_CODE');
      proof = 'code';
    } else if (input.photo) {
      // Stored only once every rule above passed, so a refused scan leaves no file behind.
      const stored = await storeProof(input.photo.uploadDir, input.photo.bytes);
      if (!stored.ok) return stored;
      proof = 'photo';
      photo = stored.value;
    } else return fail('LOGISTICS_PROOF_REQUIRED');
  }
  const at = input.at ?? new Date().toISOString();
  const scanId = newId('scn');
  const returning = input.kind === 'return_started' || parcel.returning === 1;
  let written: Result<null>;
  // A pickup at the buyer's point is the order's delivery and, for COD, the agent's cash.
  const pickup =
    input.kind === 'delivered' && move.atPoint && parcel.order_id !== null && !returning;
  let orderEvents: OrderEvent[] = [];
  try {
    written = await inTransactionResult(db, async (tx) => {
      const upd = await tx
        .updateTable('parcels')
        .set({
          status: move.status,
          node_index: move.nodeIndex,
          updated_at: at,
          ...(input.kind === 'failed_delivery' ? { attempts: parcel.attempts + 1 } : {}),
          ...(input.kind === 'delivered'
            ? { delivered_at: at, proof_kind: proof, proof_photo: photo, pickup_code: null }
            : {}),
          // The buyer's code dies with the delivery: nobody may collect a parcel going home.
          ...(input.kind === 'return_started' ? { returning: 1, pickup_code: null } : {}),
        })
        .where('id', '=', parcel.id)
        .where('status', '=', parcel.status)
        .where('node_index', '=', parcel.node_index)
        .where('returning', '=', parcel.returning)
        .executeTakeFirst();
      if (Number(upd.numUpdatedRows) !== 1) return fail('CONFLICT');
      if (input.kind === 'return_started') {
        // The rest of the path becomes the way back (the original destination stays on the parcel row).
        await tx
          .deleteFrom('parcel_nodes')
          .where('parcel_id', '=', parcel.id)
          .where('idx', '>', parcel.node_index)
          .execute();
        const back = returnLegs(nodes, parcel.node_index);
        await tx
          .insertInto('parcel_nodes')
          .values(
            back.map((n, i) => ({
              parcel_id: parcel.id,
              idx: parcel.node_index + 1 + i,
              kind: n.kind,
              ref_id: n.ref,
            })),
          )
          .execute();
      }
      await tx
        .insertInto('parcel_scans')
        .values({
          id: scanId,
          parcel_id: parcel.id,
          client_scan_id: input.clientScanId,
          kind: input.kind,
          node_index: move.nodeIndex,
          location_id: input.locationId,
          actor_id: actor?.userId ?? null,
          note: input.note?.slice(0, 200) ?? null,
          proof_photo: photo,
          at,
        })
        .execute();
      await audit(tx, {
        actorId: actor?.userId ?? null,
        action: `parcel.scan.${input.kind}`,
        entityType: 'parcel',
        entityId: parcel.id,
        data: { at: input.locationId, proof },
      });
      // Back with the seller: the order is returned (restock, earning reversed) in this same
      // transaction, so stock never shows the goods twice or not at all.
      if (input.kind === 'returned' && parcel.order_id) await returnOrder(tx, parcel.order_id);
      // The cash, the order's payment and delivery commit with the scan or not at all: an
      // unpaid transfer order refuses the scan, so the goods never leave without the money.
      if (pickup) {
        const taken = await collectOnPickup(tx, parcel.order_id!, input.locationId, actor);
        if (!taken.ok) return taken;
        orderEvents = taken.value;
      }
      return ok(null);
    });
  } catch (e) {
    if (photo) await discardProof(input.photo!.uploadDir, photo);
    if (!isUniqueViolation(e)) throw e;
    // A concurrent duplicate of the same client scan id lost the unique-key race: it is that event.
    const again = await db
      .selectFrom('parcel_scans')
      .select(['id'])
      .where('client_scan_id', '=', input.clientScanId)
      .executeTakeFirst();
    if (again)
      return ok({
        scanId: again.id,
        duplicate: true,
        status: move.status,
        trackingNumber: parcel.tracking_number,
        parcelId: parcel.id,
        returning,
      });
    throw e;
  }
  if (!written.ok) {
    if (photo) await discardProof(input.photo!.uploadDir, photo);
    return written;
  }
  // On the way back the order's fulfilment waits for `returned`: in_transit/ready moves would be refused anyway.
  if (pickup) dispatchPickup(orderEvents);
  else if (parcel.order_id && !returning)
    await notifyFulfilment(db, parcel.order_id, parcel.status, input.kind, actor);
  return ok({
    scanId,
    duplicate: false,
    status: move.status,
    trackingNumber: parcel.tracking_number,
    parcelId: parcel.id,
    returning,
  });
}
