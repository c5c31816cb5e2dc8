// Read models of the produce domain: a lot's trace to intakes and farmers, its public story,
// statements with their lines, and the KPIs the impact domain shows. Scope is decided by the
// caller (visibleLot / produceVisible) before any of these run.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import { findArea } from '../regions/index.js';

/** Village names by code (origin villages of a lot, a producer's village). */
export async function villageNames(db: Tx, codes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const code of [...new Set(codes)]) {
    const a = await findArea(db, code);
    if (a) out.set(code, a.name);
  }
  return out;
}

/** Every kilo of a lot back to its intakes and farmers, with losses, links, sale and settlement. */
export async function lotTrace(db: Tx, lotId: string) {
  const rows = await db
    .selectFrom('produce_lot_contributions as c')
    .innerJoin('produce_intakes as i', 'i.id', 'c.intake_id')
    .innerJoin('produce_producers as p', 'p.id', 'c.producer_id')
    .select([
      'c.intake_id',
      'c.producer_id',
      'c.grade',
      'c.net_g',
      'i.number',
      'i.received_on',
      'i.net_g as intake_net_g',
      'p.full_name',
      'p.village_code',
    ])
    .where('c.lot_id', '=', lotId)
    .orderBy('p.full_name')
    .orderBy('i.received_on')
    .execute();
  const [losses, from, to, sale, settlement] = await Promise.all([
    db
      .selectFrom('produce_lot_losses')
      .selectAll()
      .where('lot_id', '=', lotId)
      .orderBy('at')
      .execute(),
    db
      .selectFrom('produce_lot_links as l')
      .innerJoin('produce_lots as o', 'o.id', 'l.from_lot_id')
      .select(['o.id', 'o.number', 'o.name', 'l.kind'])
      .where('l.to_lot_id', '=', lotId)
      .execute(),
    db
      .selectFrom('produce_lot_links as l')
      .innerJoin('produce_lots as o', 'o.id', 'l.to_lot_id')
      .select(['o.id', 'o.number', 'o.name', 'l.kind'])
      .where('l.from_lot_id', '=', lotId)
      .execute(),
    db.selectFrom('produce_lot_sales').selectAll().where('lot_id', '=', lotId).executeTakeFirst(),
    db.selectFrom('produce_settlements').selectAll().where('lot_id', '=', lotId).executeTakeFirst(),
  ]);
  return { rows, losses, from, to, sale, settlement };
}

/** The buyer-facing story of a lot: origin villages, number of farmers, grades, harvest period. */
export async function lotStory(db: Tx, number: string) {
  const lot = await db
    .selectFrom('produce_lots')
    .selectAll()
    .where('number', '=', number)
    .executeTakeFirst();
  if (!lot) return undefined;
  const rows = await db
    .selectFrom('produce_lot_contributions as c')
    .innerJoin('produce_intakes as i', 'i.id', 'c.intake_id')
    .innerJoin('produce_producers as p', 'p.id', 'c.producer_id')
    .select(['c.producer_id', 'c.grade', 'c.net_g', 'i.received_on', 'p.village_code'])
    .where('c.lot_id', '=', lot.id)
    .execute();
  const villages = await villageNames(
    db,
    rows.map((r) => r.village_code),
  );
  const grades = new Map<string, number>();
  for (const r of rows) grades.set(r.grade, (grades.get(r.grade) ?? 0) + r.net_g);
  const days = rows.map((r) => r.received_on).sort();
  return {
    lot,
    villages: [...new Set(rows.map((r) => villages.get(r.village_code) ?? ''))]
      .filter(Boolean)
      .sort(),
    farmers: new Set(rows.map((r) => r.producer_id)).size,
    grades: [...grades].sort(([a], [b]) => (a < b ? -1 : 1)),
    harvestFrom: days[0] ?? null,
    harvestTo: days.at(-1) ?? null,
  };
}

export async function statementsOfLot(db: Tx, lotId: string) {
  return db
    .selectFrom('produce_statements as s')
    .innerJoin('produce_producers as p', 'p.id', 's.producer_id')
    .select([
      's.id',
      's.number',
      's.kind',
      's.total',
      's.paid_amount',
      's.issued_at',
      's.producer_id',
      'p.full_name',
    ])
    .where('s.lot_id', '=', lotId)
    .orderBy('p.full_name')
    .orderBy('s.issued_at')
    .execute();
}

export async function statementsOfProducer(db: Tx, producerId: string) {
  return db
    .selectFrom('produce_statements as s')
    .innerJoin('produce_lots as l', 'l.id', 's.lot_id')
    .select(['s.id', 's.number', 's.kind', 's.total', 's.paid_amount', 's.issued_at', 'l.name'])
    .where('s.producer_id', '=', producerId)
    .orderBy('s.issued_at', 'desc')
    .execute();
}

/** A statement with its lines, farmer and lot (the caller checked scope). */
export async function statementDetail(db: Tx, id: string) {
  const s = await db
    .selectFrom('produce_statements as s')
    .innerJoin('produce_producers as p', 'p.id', 's.producer_id')
    .innerJoin('produce_lots as l', 'l.id', 's.lot_id')
    .selectAll('s')
    .select([
      'p.full_name',
      'p.phone',
      'p.village_code',
      'l.number as lot_number',
      'l.name as lot_name',
      'l.commodity',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!s) return undefined;
  const lines = await db
    .selectFrom('produce_statement_lines')
    .selectAll()
    .where('statement_id', '=', id)
    .orderBy('line_no')
    .execute();
  return { ...s, lines };
}

export interface ProduceKpis {
  /** Distinct farmers with a paid statement. */
  farmersPaid: number;
  /** Grams pooled into lots (intake net weight, each intake once). */
  gramsPooled: number;
  /** Rupiah shared to farmers (share and correction lines) over the lots' sale prices. */
  farmerShare: number | null;
  /** Farmers' rupiah per kg over the local trader's recorded price per kg, minus one. */
  premiumOverTrader: number | null;
}

/** Produce KPIs inside a region prefix ('' = national): farmers paid, kg pooled, share, premium. */
export async function produceKpis(db: Tx, regionPrefix: string): Promise<ProduceKpis> {
  const inRegion = (col: string) =>
    regionPrefix
      ? sql<boolean>`(${sql.ref(col)} = ${regionPrefix} or ${sql.ref(col)} like ${`${regionPrefix}.%`})`
      : sql<boolean>`1 = 1`;
  const paid = await db
    .selectFrom('produce_statements')
    .select((eb) => eb.fn.count<number>('producer_id').distinct().as('n'))
    .where(inRegion('region_code'))
    .executeTakeFirst();
  const pooled = await db
    .selectFrom('produce_intake_pools as ip')
    .innerJoin('produce_intakes as i', 'i.id', 'ip.intake_id')
    .select((eb) => eb.fn.sum<number>('i.net_g').as('g'))
    .where(inRegion('i.region_code'))
    .executeTakeFirst();
  // Per paid lot: what farmers got, the sale price, and the kilos behind them.
  const lots = await db
    .selectFrom('produce_lots as l')
    .innerJoin('produce_lot_sales as s', 's.lot_id', 'l.id')
    .select(['l.id', 'l.organisation_id', 'l.commodity', 's.price_total', 's.sold_on'])
    .where('l.status', '=', 'paid')
    .where(inRegion('l.region_code'))
    .execute();
  let shared = 0;
  let sales = 0;
  let farmerRp = 0;
  let traderRp = 0;
  for (const lot of lots) {
    const lines = await db
      .selectFrom('produce_statement_lines as sl')
      .innerJoin('produce_statements as st', 'st.id', 'sl.statement_id')
      .select((eb) => eb.fn.sum<number>('sl.amount').as('a'))
      .where('st.lot_id', '=', lot.id)
      .where('sl.kind', 'in', ['share', 'correction'])
      .executeTakeFirst();
    const lotShared = Number(lines?.a ?? 0);
    shared += lotShared;
    sales += lot.price_total;
    // The premium compares like with like: the trader's price for each grade × its kilos.
    const byGrade = await db
      .selectFrom('produce_lot_contributions')
      .select(['grade', (eb) => eb.fn.sum<number>('net_g').as('g')])
      .where('lot_id', '=', lot.id)
      .groupBy('grade')
      .execute();
    let traderLot = 0;
    let complete = true;
    for (const g of byGrade) {
      const p = await db
        .selectFrom('produce_price_bases')
        .select('trader_price_per_kg')
        .where('organisation_id', '=', lot.organisation_id)
        .where('commodity', '=', lot.commodity)
        .where('grade', '=', g.grade)
        .where('valid_from', '<=', lot.sold_on)
        .orderBy('valid_from', 'desc')
        .executeTakeFirst();
      if (!p?.trader_price_per_kg) complete = false;
      else traderLot += (p.trader_price_per_kg * Number(g.g)) / 1000;
    }
    if (complete && traderLot > 0) {
      farmerRp += lotShared;
      traderRp += traderLot;
    }
  }
  return {
    farmersPaid: Number(paid?.n ?? 0),
    gramsPooled: Number(pooled?.g ?? 0),
    farmerShare: sales > 0 ? shared / sales : null,
    premiumOverTrader: traderRp > 0 ? farmerRp / traderRp - 1 : null,
  };
}
