// Bulk writes of the synthetic national world (`lumbung demo national`, issue 19): completed,
// paid, delivered orders of the past with their lines, fees computed as checkout computes them
// and friendly numbers from the same sequence. Only the generator calls this, on a database
// nobody is checking out on (it takes the next numbers itself); every row is demo data.
import { sql } from 'kysely';
import { isPostgres, type Db } from '../../kernel/db/index.js';
import { friendlyNumber, newId } from '../../kernel/ids/index.js';
import { computeFees } from './fees.js';
import type { Channel, OrderLinesTable, OrdersTable } from './orders.tables.js';

export interface SyntheticOrder {
  /** Minted by the generator, which gives each order its parcel (`newId('ord', placedAt)`). */
  id: string;
  umkmId: string;
  villageCode: string;
  deliveryVillageCode: string;
  channel: Channel;
  placedAt: Date;
  deliveredAt: Date;
  lines: {
    variantId: string;
    productId: string;
    title: string;
    label: string;
    qty: number;
    unitPrice: number;
    weightGrams: number;
  }[];
}

/** Orders per batch (two INSERTs, orders and lines, in one transaction). */
const CHUNK = 250;

async function lastSeq(db: Db): Promise<number> {
  const r = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.max('seq').as('m'))
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

/** Inserts synthetic past orders (completed, paid by COD, delivered to a service point). */
export async function insertSyntheticOrders(
  db: Db,
  rows: readonly SyntheticOrder[],
): Promise<void> {
  let seq = await lastSeq(db);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const orders: OrdersTable[] = [];
    const lines: OrderLinesTable[] = [];
    for (const o of rows.slice(i, i + CHUNK)) {
      const id = o.id;
      const items = o.lines.reduce((s, l) => s + l.qty * l.unitPrice, 0);
      const fees = computeFees(items, 0, o.channel === 'assisted');
      const at = o.placedAt.toISOString();
      const delivered = o.deliveredAt.toISOString();
      seq += 1;
      orders.push({
        id,
        number: friendlyNumber('LMB', o.placedAt.getUTCFullYear(), seq),
        seq,
        group_id: newId('grp', o.placedAt.getTime()),
        umkm_id: o.umkmId,
        village_code: o.villageCode,
        buyer_name: 'Pembeli Demo',
        buyer_phone: null,
        buyer_user_id: null,
        delivery_kind: 'pickup' as const,
        delivery_village_code: o.deliveryVillageCode,
        delivery_address: null,
        service_point_id: null,
        channel: o.channel,
        partner_id: null,
        agent_user_id: null,
        agent_service_point_id: null,
        consent_at: null,
        status: 'completed' as const,
        payment_status: 'paid' as const,
        fulfilment_status: 'delivered' as const,
        payment_method: 'cod' as const,
        items_total: fees.itemsTotal,
        shipping: fees.shipping,
        platform_fee: fees.platformFee,
        agent_commission: fees.agentCommission,
        total: fees.total,
        seller_share: fees.sellerShare,
        reserved_until: null,
        placed_at: at,
        delivered_at: delivered,
        updated_at: delivered,
        is_demo: 1,
      });
      for (const l of o.lines)
        lines.push({
          id: newId('orl', o.placedAt.getTime()),
          order_id: id,
          variant_id: l.variantId,
          product_id: l.productId,
          title: l.title,
          variant_label: l.label,
          qty: l.qty,
          unit_price: l.unitPrice,
          weight_grams: l.weightGrams,
          line_total: l.qty * l.unitPrice,
        });
    }
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('orders').values(orders).execute();
      await tx.insertInto('order_lines').values(lines).execute();
    });
  }
  // The next checkout numbers after these (PostgreSQL draws them from its sequence).
  if (isPostgres(db) && seq > 0) await sql`select setval('order_number_seq', ${seq})`.execute(db);
}
