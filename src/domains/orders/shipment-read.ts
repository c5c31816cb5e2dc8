// What logistics reads of orders to ship them (it never reads these tables itself): where a
// handed-over order leaves from and goes to and what it weighs, which orders wait handed over,
// and which orders a seller's UMKM sold (whose parcel it is).
import type { SelectQueryBuilder } from 'kysely';
import type { Database, Tx } from '../../kernel/db/index.js';
import { idWhere, regionWhere } from '../../kernel/auth/index.js';
import type { DeliveryKind } from './orders.tables.js';

export interface OrderShipment {
  id: string;
  /** The seller's village (the parcel leaves from its service point). */
  villageCode: string;
  deliveryKind: DeliveryKind;
  deliveryVillageCode: string;
  /** The buyer's pickup point, for a pickup order. */
  servicePointId: string | null;
  isDemo: boolean;
  /** Sum of quantity × unit weight over the lines; null for an order without lines. */
  weightGrams: number | null;
}

/** One order's shipping facts with its lines' weight (one statement); null when unknown. */
export async function orderShipment(db: Tx, orderId: string): Promise<OrderShipment | null> {
  const o = await db
    .selectFrom('orders')
    .select((eb) => [
      'orders.id',
      'orders.village_code',
      'orders.delivery_kind',
      'orders.delivery_village_code',
      'orders.service_point_id',
      'orders.is_demo',
      eb
        .selectFrom('order_lines as l')
        .select((e2) =>
          e2.fn.sum<number>(e2(e2.ref('l.qty'), '*', e2.ref('l.weight_grams'))).as('g'),
        )
        .whereRef('l.order_id', '=', 'orders.id')
        .as('weight_grams'),
    ])
    .where('orders.id', '=', orderId)
    .executeTakeFirst();
  if (!o) return null;
  return {
    id: o.id,
    villageCode: o.village_code,
    deliveryKind: o.delivery_kind,
    deliveryVillageCode: o.delivery_village_code,
    servicePointId: o.service_point_id,
    isDemo: o.is_demo === 1,
    weightGrams: o.weight_grams == null ? null : Number(o.weight_grams),
  };
}

/** Ids of the orders of sellers inside a region prefix that are handed over and not yet moving. */
export async function handedOverOrderIds(db: Tx, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('orders')
    .select('id')
    .where('fulfilment_status', '=', 'handed_over')
    .where((eb) => regionWhere(eb, 'orders.village_code', [prefix]))
    .execute();
  return rows.map((r) => r.id);
}

/** A subquery of the ids of the orders these UMKM sold (another domain filters its rows by it). */
export function orderIdsOfUmkm(
  db: Tx,
  umkmIds: string[],
): SelectQueryBuilder<Database, 'orders', { id: string }> {
  return db
    .selectFrom('orders')
    .select('orders.id')
    .where((eb) => idWhere(eb, 'orders.umkm_id', umkmIds));
}
