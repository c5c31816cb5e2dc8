// What the incentive arithmetic reads: the partner's delivered, not-returned orders of the
// month in the scope, each with its rank among the UMKM's sales through this partner and
// whether its village is poorer than its regency. Periods are calendar months in UTC.
import type { Tx } from '../../../kernel/db/index.js';
import { partnerDeliveredSales } from '../../orders/index.js';
import { regencyPovertyRates, villageProfiles } from '../../regions/index.js';
import type { EligibleOrder, Rule } from './compute.js';
import '../partners.tables.js';

export function periodBounds(period: string): { from: string; to: string } {
  const [y, m] = period.split('-').map(Number);
  return {
    from: new Date(Date.UTC(y, m - 1, 1)).toISOString(),
    to: new Date(Date.UTC(y, m, 1)).toISOString(),
  };
}

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

const regencyOf = (villageCode: string) => villageCode.split('.').slice(0, 2).join('.');

export async function eligibleOrders(
  db: Tx,
  partnerId: string,
  period: string,
  scopeCode: string,
): Promise<EligibleOrder[]> {
  const { from, to } = periodBounds(period);
  // All of the partner's delivered sales up to the period's end, to rank each UMKM's first sales.
  const history = await partnerDeliveredSales(db, partnerId, { before: to, scope: scopeCode });
  const rank = new Map<string, number>();
  const perUmkm = new Map<string, number>();
  for (const o of history) {
    const n = (perUmkm.get(o.umkm_id) ?? 0) + 1;
    perUmkm.set(o.umkm_id, n);
    rank.set(o.id, n);
  }
  const inPeriod = history.filter((o) => o.delivered_at! >= from);
  const villages = [...new Set(inPeriod.map((o) => o.village_code))];
  const profiles = await villageProfiles(db, villages);
  const regencies = [...new Set(villages.map(regencyOf))];
  const regencyRate = regencies.length
    ? await regencyPovertyRates(db, regencies)
    : new Map<string, number>();
  return inPeriod.map((o) => {
    const s = profiles.get(o.village_code)?.poverty_share;
    const reg = regencyRate.get(regencyOf(o.village_code));
    return {
      orderId: o.id,
      umkmId: o.umkm_id,
      gmv: Number(o.items_total),
      saleRank: rank.get(o.id)!,
      poorVillage: s !== null && s !== undefined && reg !== undefined && s > reg,
    };
  });
}
