// Shipping quotes. Logistics provides a quoter that knows real routes; without it (or when
// it has no quote for a pair) the flat weight-band table below prices by how far apart the
// two villages are in the region tree. The quote is frozen into the order at placement.
import type { Tx } from '../../kernel/db/index.js';
import { Port } from '../../kernel/domain/index.js';

export interface ShippingQuery {
  fromVillageCode: string;
  toVillageCode: string;
  weightGrams: number;
}
export type ShippingQuoter = (db: Tx, q: ShippingQuery) => Promise<number | null>;

/** Real route prices (logistics provides them); without a quote the flat table below prices. */
export const shippingQuoter = new Port<ShippingQuoter>('orders.shipping_quoter', async () => null);

/** Band by distance in the region tree: base for the first kg, then per started extra kg. */
export const FLAT_RATES = {
  same_village: { base: 5000, perKg: 1000 },
  same_district: { base: 8000, perKg: 2000 },
  same_regency: { base: 12000, perKg: 3000 },
  same_province: { base: 18000, perKg: 5000 },
  national: { base: 25000, perKg: 9000 },
} as const;

export function band(from: string, to: string): keyof typeof FLAT_RATES {
  if (from === to) return 'same_village';
  const p = (code: string, n: number) => code.split('.').slice(0, n).join('.');
  if (p(from, 3) === p(to, 3)) return 'same_district';
  if (p(from, 2) === p(to, 2)) return 'same_regency';
  if (p(from, 1) === p(to, 1)) return 'same_province';
  return 'national';
}

export function flatRate(q: ShippingQuery): number {
  const r = FLAT_RATES[band(q.fromVillageCode, q.toVillageCode)];
  const extraKg = Math.max(0, Math.ceil(q.weightGrams / 1000) - 1);
  return r.base + extraKg * r.perKg;
}

export async function quoteShipping(db: Tx, q: ShippingQuery): Promise<number> {
  const v = await shippingQuoter.get()(db, q);
  if (v !== null && Number.isSafeInteger(v) && v >= 0) return v;
  return flatRate(q);
}
