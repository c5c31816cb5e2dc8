// Reads for the logistics pages, each filtered by the actor's scope in SQL.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { regionScope, scopeIds } from '../../kernel/auth/index.js';
import { regionWhere, idWhere } from '../../kernel/auth/index.js';
import { agentPointIds, hubScopeWhere, operatedHubIds, OVERSEERS } from './logistics.access.js';
import type { ParcelsTable } from './logistics.tables.js';
import { assignedPointIds } from './logistics.queries.js';
import { servicePointSites, servicePointSitesIn } from '../community/index.js';
import { orderIdsOfUmkm, orderNumbers } from '../orders/index.js';

export async function listHubs(db: Tx, actor: Actor | null) {
  return db
    .selectFrom('hubs')
    .selectAll()
    .where((eb) => hubScopeWhere(eb, actor, 'id', 'region_code'))
    .orderBy('region_code')
    .orderBy('name')
    .execute();
}

export async function visibleHub(db: Tx, actor: Actor | null, id: string) {
  return db
    .selectFrom('hubs')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => hubScopeWhere(eb, actor, 'id', 'region_code'))
    .executeTakeFirst();
}

/** The service points assigned to a hub, by name. */
export async function hubPoints(db: Tx, hubId: string) {
  return servicePointSites(
    db,
    db.selectFrom('hub_points').select('hub_points.service_point_id').where('hub_id', '=', hubId),
  );
}

/** Parcels back at the hub after a failed delivery attempt. */
export async function failedAtHub(db: Tx, hubId: string) {
  return db
    .selectFrom('parcels as p')
    .innerJoin('parcel_nodes as n', (j) =>
      j.onRef('n.parcel_id', '=', 'p.id').onRef('n.idx', '=', 'p.node_index'),
    )
    .select(['p.tracking_number', 'p.attempts', 'p.updated_at', 'p.weight_grams', 'p.returning'])
    .where('p.status', '=', 'failed_delivery')
    .where('n.ref_id', '=', hubId)
    .orderBy('p.updated_at', 'desc')
    .limit(100)
    .execute();
}

type BoardRow = Pick<
  ParcelsTable,
  'tracking_number' | 'weight_grams' | 'status' | 'updated_at' | 'returning'
>;

/** What an agent's point holds or expects: incoming from the hub, awaiting the buyer, seller drop-offs. */
export async function pointBoard(
  db: Tx,
  pointId: string,
): Promise<Record<'incoming' | 'waiting' | 'outgoing' | 'created', BoardRow[]>> {
  const cols = [
    'p.tracking_number',
    'p.weight_grams',
    'p.status',
    'p.updated_at',
    'p.returning',
  ] as const;
  const incoming = await db
    .selectFrom('parcels as p')
    .innerJoin('parcel_nodes as n', (j) =>
      j.onRef('n.parcel_id', '=', 'p.id').on('n.idx', '=', sql<number>`p.node_index + 1`),
    )
    .select(cols)
    .where('p.status', '=', 'out_for_delivery')
    .where('n.ref_id', '=', pointId)
    .orderBy('p.updated_at')
    .limit(200)
    .execute();
  const mine = (status: ParcelsTable['status'], col: 'destination_point_id' | 'origin_point_id') =>
    db
      .selectFrom('parcels as p')
      .select(cols)
      .where('p.status', '=', status)
      .where(`p.${col}`, '=', pointId)
      .where('p.returning', '=', 0)
      .orderBy('p.updated_at')
      .limit(200)
      .execute();
  return {
    incoming,
    waiting: await mine('ready_for_pickup', 'destination_point_id'),
    outgoing: await mine('at_point', 'origin_point_id'),
    created: await mine('created', 'origin_point_id'),
  };
}

/**
 * A parcel the actor may see: a hub or point on its path is theirs, its villages are in their
 * region, or (sellers) it carries an order of their UMKM (orders' subquery of the UMKM's
 * order ids tells whose parcel it is).
 */
export async function visibleParcel(db: Tx, actor: Actor | null, tracking: string) {
  const refs = [...operatedHubIds(actor), ...agentPointIds(actor)];
  const regions = regionScope(actor, OVERSEERS);
  const umkms = scopeIds(actor, 'umkm', ['seller']);
  return db
    .selectFrom('parcels as p')
    .selectAll('p')
    .where('p.tracking_number', '=', tracking.trim().toUpperCase())
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('parcel_nodes as n')
            .select('n.idx')
            .whereRef('n.parcel_id', '=', 'p.id')
            .where((e2) => idWhere(e2, 'n.ref_id', refs)),
        ),
        regionWhere(eb, 'p.origin_village_code', regions),
        regionWhere(eb, 'p.destination_village_code', regions),
        eb('p.order_id', 'in', orderIdsOfUmkm(db, umkms)),
      ]),
    )
    .executeTakeFirst();
}

/** Parcels of the seller's orders, newest first (the seller's "my parcels" list), with the order numbers. */
export async function sellerParcels(db: Tx, actor: Actor | null) {
  const umkms = scopeIds(actor, 'umkm', ['seller']);
  if (umkms.length === 0) return [];
  const rows = await db
    .selectFrom('parcels as p')
    .select([
      'p.order_id',
      'p.tracking_number',
      'p.status',
      'p.returning',
      'p.proof_kind',
      'p.updated_at',
    ])
    .where('p.order_id', 'in', orderIdsOfUmkm(db, umkms))
    .orderBy('p.updated_at', 'desc')
    .limit(100)
    .execute();
  const numbers = await orderNumbers(db, [...new Set(rows.map((r) => r.order_id!))]);
  return rows.map(({ order_id, ...r }) => ({ ...r, number: numbers.get(order_id!)?.number ?? '' }));
}

/** Points an agent works at, with names. */
export async function agentPoints(db: Tx, actor: Actor | null) {
  return servicePointSites(db, agentPointIds(actor));
}

/** Service points of the hub's regency that are not assigned to any hub yet (for overseers). */
export async function unassignedPoints(db: Tx, regencyCode: string) {
  return servicePointSitesIn(db, regencyCode, { notIn: assignedPointIds(db), limit: 200 });
}
