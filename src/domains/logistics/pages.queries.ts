// Reads for the logistics pages, each filtered by the actor's scope in SQL.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { regionScope, scopeIds } from '../../kernel/auth/index.js';
import { regionWhere, idWhere } from '../../kernel/auth/index.js';
import { agentPointIds, hubScopeWhere, operatedHubIds, OVERSEERS } from './logistics.access.js';
import type { ParcelsTable } from './logistics.tables.js';

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

export async function hubPoints(db: Tx, hubId: string) {
  return db
    .selectFrom('hub_points as hp')
    .innerJoin('service_points as sp', 'sp.id', 'hp.service_point_id')
    .select(['sp.id', 'sp.name', 'sp.village_code', 'sp.lat', 'sp.lng'])
    .where('hp.hub_id', '=', hubId)
    .orderBy('sp.name')
    .execute();
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
 * region, or (sellers) it carries an order of their UMKM. The seller reads the `orders` row
 * only to learn whose parcel it is.
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
        eb.exists(
          eb
            .selectFrom('orders as o')
            .select('o.id')
            .whereRef('o.id', '=', 'p.order_id')
            .where((e2) => idWhere(e2, 'o.umkm_id', umkms)),
        ),
      ]),
    )
    .executeTakeFirst();
}

/** Parcels of the seller's orders, newest first (the seller's "my parcels" list). */
export async function sellerParcels(db: Tx, actor: Actor | null) {
  const umkms = scopeIds(actor, 'umkm', ['seller']);
  if (umkms.length === 0) return [];
  return db
    .selectFrom('parcels as p')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .select([
      'p.tracking_number',
      'p.status',
      'p.returning',
      'p.proof_kind',
      'p.updated_at',
      'o.number',
    ])
    .where('o.umkm_id', 'in', umkms)
    .orderBy('p.updated_at', 'desc')
    .limit(100)
    .execute();
}

/** Points an agent works at, with names. */
export async function agentPoints(db: Tx, actor: Actor | null) {
  const ids = agentPointIds(actor);
  if (ids.length === 0) return [];
  return db
    .selectFrom('service_points')
    .select(['id', 'name', 'village_code'])
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
}

/** Service points of the hub's regency that are not assigned to any hub yet (for overseers). */
export async function unassignedPoints(db: Tx, regencyCode: string) {
  return db
    .selectFrom('service_points as sp')
    .leftJoin('hub_points as hp', 'hp.service_point_id', 'sp.id')
    .select(['sp.id', 'sp.name', 'sp.village_code'])
    .where('hp.hub_id', 'is', null)
    .where('sp.village_code', 'like', `${regencyCode}.%`)
    .orderBy('sp.name')
    .limit(200)
    .execute();
}
