// What the incentive arithmetic reads: the partner's delivered, not-returned orders of the
// month in the scope, each with its rank among the UMKM's sales through this partner and
// whether its village is poorer than its regency. Periods are calendar months in UTC.
import { sql } from 'kysely';
import type { Tx } from '../../../kernel/db/index.js';
import type { EligibleOrder, Rule } from './compute.js';
import '../partners.tables.js';

export function periodBounds(period: string): { from: string; to: string } {
  const [y, m] = period.split('-').map(Number);
  return {
    from: new Date(Date.UTC(y, m - 1, 1)).toISOString(),
    to: new Date(Date.UTC(y, m, 1)).toISOString(),
  };
}

const inScope = (scope: string) => (scope === '' ? '%' : `${scope}.%`);

export async function rulesFor(db: Tx, period: string, scopeCode: string): Promise<Rule[]> {
  const rows = await db
    .selectFrom('incentive_rules')
    .select(['id', 'kind', 'amount', 'count'])
    .where('period', '=', period)
    .where('scope_code', '=', scopeCode)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    amount: Number(r.amount),
    count: r.count === null ? null : Number(r.count),
  }));
}

/** Household-weighted poverty share per regency (villages with a profile), for the multiplier. */
async function regencyPoverty(db: Tx, regencies: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const reg of regencies) {
    const r = await db
      .selectFrom('village_profiles')
      .select([
        sql<number>`sum(poverty_share * coalesce(households, 1))`.as('poor'),
        sql<number>`sum(coalesce(households, 1))`.as('all'),
      ])
      .where('village_code', 'like', `${reg}.%`)
      .where('poverty_share', 'is not', null)
      .executeTakeFirst();
    if (r && Number(r.all) > 0) out.set(reg, Number(r.poor) / Number(r.all));
  }
  return out;
}

export async function eligibleOrders(
  db: Tx,
  partnerId: string,
  period: string,
  scopeCode: string,
): Promise<EligibleOrder[]> {
  const { from, to } = periodBounds(period);
  const scoped =
    scopeCode === ''
      ? db.selectFrom('orders')
      : db
          .selectFrom('orders')
          .where((eb) =>
            eb.or([
              eb('orders.village_code', 'like', inScope(scopeCode)),
              eb('orders.village_code', '=', scopeCode),
            ]),
          );
  // All of the partner's delivered sales up to the period's end, to rank each UMKM's first sales.
  const history = await scoped
    .select([
      'orders.id',
      'orders.umkm_id',
      'orders.village_code',
      'orders.items_total',
      'orders.delivered_at',
    ])
    .where('orders.partner_id', '=', partnerId)
    .where('orders.fulfilment_status', '=', 'delivered')
    .where('orders.status', '!=', 'cancelled')
    .where('orders.delivered_at', '<', to)
    .orderBy('orders.delivered_at')
    .orderBy('orders.id')
    .execute();
  const rank = new Map<string, number>();
  const perUmkm = new Map<string, number>();
  for (const o of history) {
    const n = (perUmkm.get(o.umkm_id) ?? 0) + 1;
    perUmkm.set(o.umkm_id, n);
    rank.set(o.id, n);
  }
  const inPeriod = history.filter((o) => o.delivered_at! >= from);
  const villages = [...new Set(inPeriod.map((o) => o.village_code))];
  const profiles = villages.length
    ? await db
        .selectFrom('village_profiles')
        .select(['village_code', 'poverty_share'])
        .where('village_code', 'in', villages)
        .execute()
    : [];
  const share = new Map(profiles.map((p) => [p.village_code, p.poverty_share]));
  const regencyRate = await regencyPoverty(db, [
    ...new Set(villages.map((v) => v.split('.').slice(0, 2).join('.'))),
  ]);
  return inPeriod.map((o) => {
    const s = share.get(o.village_code);
    const reg = regencyRate.get(o.village_code.split('.').slice(0, 2).join('.'));
    return {
      orderId: o.id,
      umkmId: o.umkm_id,
      gmv: Number(o.items_total),
      saleRank: rank.get(o.id)!,
      poorVillage: s !== null && s !== undefined && reg !== undefined && s > reg,
    };
  });
}
