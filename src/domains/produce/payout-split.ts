// The farmers' split of a settled lot: the distributable amount is shared by contribution
// (net grams × grade factor) with the largest-remainder method in exact integer arithmetic.
// Invariants (property-tested in payout-split.test.ts): every part is a non-negative whole
// rupiah, the parts sum exactly to the amount, and the same input gives the same split in any
// order — ties in the remainder go to the smaller key, never to input order.
// BigInt because amount × weight overflows a double for a large lot (Rp 10^12 × 10^11 points).

export interface Contribution {
  /** Stable key (the producer id): decides ties. */
  key: string;
  /** net grams × grade factor per mille; a non-negative safe integer. */
  weight: number;
}

/** Parts of `amount` by weight, keyed like the input; throws on a programming error (bad input). */
export function splitByContribution(
  amount: number,
  contributions: readonly Contribution[],
): Map<string, number> {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError('amount must be a non-negative whole rupiah');
  const byKey = new Map<string, bigint>();
  for (const c of contributions) {
    if (!Number.isSafeInteger(c.weight) || c.weight < 0)
      throw new RangeError('weights must be non-negative integers');
    byKey.set(c.key, (byKey.get(c.key) ?? 0n) + BigInt(c.weight));
  }
  const keys = [...byKey.keys()].sort();
  const total = keys.reduce((s, k) => s + (byKey.get(k) as bigint), 0n);
  const out = new Map<string, number>();
  if (keys.length === 0) return out;
  if (total === 0n) throw new RangeError('weights must not all be zero');
  const a = BigInt(amount);
  const rows = keys.map((key) => {
    const scaled = a * (byKey.get(key) as bigint);
    return { key, part: scaled / total, rest: scaled % total };
  });
  let left = a - rows.reduce((s, r) => s + r.part, 0n);
  // Fewer rupiah are left than there are rows (each floor loses less than one), so one pass suffices.
  const order = [...rows].sort((x, y) =>
    x.rest === y.rest ? (x.key < y.key ? -1 : 1) : x.rest > y.rest ? -1 : 1,
  );
  for (const r of order) {
    if (left === 0n) break;
    if (r.rest === 0n) continue;
    r.part += 1n;
    left -= 1n;
  }
  for (const r of rows) out.set(r.key, Number(r.part));
  return out;
}
