// Collective KPIs of a region over [from, to) for the impact domain: cycles run (closed),
// producers that took part in them, the share of the region's orders placed through cycles
// and through group buys, and the buyers' savings against the list price (cycle and group-buy
// prices below the listing, times quantities ordered). Region = the sellers' village prefix.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import { orderLineFacts, salesPlacedIn } from '../orders/index.js';

export interface CollectiveKpis {
  cyclesRun: number;
  participatingProducers: number;
  orders: number;
  cycleOrders: number;
  groupBuyOrders: number;
  /** (cycle + group-buy orders) / all orders; null without orders. */
  collectiveShare: number | null;
  /** Rupiah saved against list prices on cycle and group-buy order lines. */
  savings: number;
}

export async function collectiveKpis(
  db: Tx,
  regionPrefix: string,
  from: string,
  to: string,
): Promise<CollectiveKpis> {
  const cycles = await db
    .selectFrom('cycles as c')
    .select(sql<number>`count(*)`.as('n'))
    .where('c.status', '=', 'closed')
    .where('c.closed_at', '>=', from)
    .where('c.closed_at', '<', to)
    .where((eb) =>
      regionPrefix
        ? eb.or([
            eb('c.village_code', '=', regionPrefix),
            eb('c.village_code', 'like', `${regionPrefix}.%`),
          ])
        : sql<boolean>`1 = 1`,
    )
    .executeTakeFirstOrThrow();
  // The region's orders and their lines are orders' derived tables, joined to this domain's
  // own rows in one statement per figure.
  const base = db.selectFrom(salesPlacedIn(db, regionPrefix, from, to).as('o'));
  const all = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const viaCycle = await base
    .innerJoin('cycle_orders as co', 'co.order_id', 'o.id')
    .select([sql<number>`count(*)`.as('n'), sql<number>`count(distinct o.umkm_id)`.as('producers')])
    .executeTakeFirstOrThrow();
  const viaGroup = await base
    .innerJoin('group_buy_commitments as gc', 'gc.order_id', 'o.id')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const cycleSavings = await base
    .innerJoin('cycle_orders as co', 'co.order_id', 'o.id')
    .innerJoin(orderLineFacts(db).as('l'), 'l.order_id', 'o.id')
    .innerJoin('cycle_products as cp', (j) =>
      j.onRef('cp.cycle_id', '=', 'co.cycle_id').onRef('cp.variant_id', '=', 'l.variant_id'),
    )
    .select(sql<number>`coalesce(sum((cp.list_price - l.unit_price) * l.qty), 0)`.as('s'))
    .executeTakeFirstOrThrow();
  const groupSavings = await base
    .innerJoin('group_buy_commitments as gc', 'gc.order_id', 'o.id')
    .innerJoin('group_buys as g', 'g.id', 'gc.group_buy_id')
    .innerJoin(orderLineFacts(db).as('l'), 'l.order_id', 'o.id')
    .select(sql<number>`coalesce(sum((g.list_price - l.unit_price) * l.qty), 0)`.as('s'))
    .executeTakeFirstOrThrow();
  const orders = Number(all.n);
  const cycleOrders = Number(viaCycle.n);
  const groupBuyOrders = Number(viaGroup.n);
  return {
    cyclesRun: Number(cycles.n),
    participatingProducers: Number(viaCycle.producers),
    orders,
    cycleOrders,
    groupBuyOrders,
    collectiveShare: orders ? (cycleOrders + groupBuyOrders) / orders : null,
    savings: Number(cycleSavings.s) + Number(groupSavings.s),
  };
}
