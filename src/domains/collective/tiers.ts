// Group-buy price tiers: "≥ 200 kg → Rp X/kg". The price of a total quantity is the lowest
// price of the tiers it reaches, else the list price. Tiers must fall as quantity rises
// (a tier that costs more for more would punish the group for growing) and never exceed the
// list price.
export interface Tier {
  minQty: number;
  price: number;
}

export type TierProblem = 'empty' | 'bad' | 'order' | 'rising' | 'above_list';

/** Checks tiers given in any order; returns them sorted by quantity, or what is wrong. */
export function checkTiers(
  tiers: Tier[],
  listPrice: number,
): { ok: true; tiers: Tier[] } | { ok: false; problem: TierProblem } {
  if (!tiers.length || tiers.length > 10) return { ok: false, problem: 'empty' };
  for (const t of tiers)
    if (
      !Number.isInteger(t.minQty) ||
      !Number.isInteger(t.price) ||
      t.minQty <= 0 ||
      t.price <= 0 ||
      t.minQty > 1_000_000
    )
      return { ok: false, problem: 'bad' };
  const sorted = [...tiers].sort((a, b) => a.minQty - b.minQty);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].minQty === sorted[i - 1].minQty) return { ok: false, problem: 'order' };
    if (sorted[i].price >= sorted[i - 1].price) return { ok: false, problem: 'rising' };
  }
  if (sorted[0].price > listPrice) return { ok: false, problem: 'above_list' };
  return { ok: true, tiers: sorted };
}

/** The price per unit when the group's total is `qty`. */
export function priceAt(tiers: readonly Tier[], listPrice: number, qty: number): number {
  let price = listPrice;
  for (const t of tiers) if (qty >= t.minQty && t.price < price) price = t.price;
  return price;
}
