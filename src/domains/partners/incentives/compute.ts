// Incentive arithmetic for one partner, one month, one scope: pure, so every rule, cap and
// multiplier is tested on fixtures without a database. Amounts are integer rupiah; a share of
// GMV rounds half up per order line, so each line can be recomputed by hand from its order.
import { noteJson, type LineNote } from './notes.js';
import type { IncentiveRuleKind } from '../partners.tables.js';

export interface Rule {
  id: string;
  kind: IncentiveRuleKind;
  amount: number;
  count: number | null;
}

/** A delivered, not-returned partner order of the period. */
export interface EligibleOrder {
  orderId: string;
  umkmId: string;
  /** Item total the buyer paid for the goods (GMV), rupiah. */
  gmv: number;
  /** 1 for the UMKM's first sale through this partner (all time), 2 for the second … */
  saleRank: number;
  /** The UMKM's village is poorer than its regency (poverty share above the regency's). */
  poorVillage: boolean;
}

export interface Line {
  orderId: string | null;
  ruleId: string;
  kind: IncentiveRuleKind;
  base: number;
  amount: number;
  /** Why, as a JSON fact (notes.ts) that pages and CSV render in the reader's language. */
  note: string;
}

const share = (base: number, bps: number) => Math.floor((base * bps + 5000) / 10000);

/**
 * Lines for the orders under the rules, in a fixed order: GMV shares and first-sale bonuses
 * per order, then poverty multipliers on what that order earned, then one cap line per cap rule
 * (negative, bringing the total down to the cap; the lowest cap binds).
 */
export function computeLines(rules: Rule[], orders: EligibleOrder[]): Line[] {
  const byKind = (k: IncentiveRuleKind) => rules.filter((r) => r.kind === k);
  const lines: Line[] = [];
  const sorted = [...orders].sort((a, b) =>
    a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0,
  );
  for (const o of sorted) {
    const own: Line[] = [];
    for (const r of byKind('gmv_percent')) {
      own.push({
        orderId: o.orderId,
        ruleId: r.id,
        kind: r.kind,
        base: o.gmv,
        amount: share(o.gmv, r.amount),
        note: noteJson({ k: 'gmv_percent', bp: r.amount, gmv: o.gmv }),
      });
    }
    for (const r of byKind('first_sales_bonus')) {
      if (o.saleRank <= (r.count ?? 0))
        own.push({
          orderId: o.orderId,
          ruleId: r.id,
          kind: r.kind,
          base: o.saleRank,
          amount: r.amount,
          note: noteJson({ k: 'first_sales_bonus', rank: o.saleRank, of: r.count ?? 0 }),
        });
    }
    if (o.poorVillage) {
      const earned = own.reduce((s, l) => s + l.amount, 0);
      for (const r of byKind('poverty_multiplier')) {
        own.push({
          orderId: o.orderId,
          ruleId: r.id,
          kind: r.kind,
          base: earned,
          amount: Math.floor((earned * (r.amount - 1000) + 500) / 1000),
          note: noteJson({ k: 'poverty_multiplier', permille: r.amount }),
        });
      }
    }
    lines.push(...own.filter((l) => l.amount !== 0));
  }
  const caps = byKind('monthly_cap').sort((a, b) => a.amount - b.amount);
  if (caps.length) {
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const cap = caps[0];
    if (total > cap.amount)
      lines.push({
        orderId: null,
        ruleId: cap.id,
        kind: cap.kind,
        base: total,
        amount: cap.amount - total,
        note: noteJson({ k: 'monthly_cap', cap: cap.amount }),
      });
  }
  return lines;
}

/** Key of a line for corrections: the same order under the same rule. */
export const lineKey = (l: { orderId: string | null; ruleId: string }) =>
  `${l.orderId ?? '-'}|${l.ruleId}`;

/**
 * Correction lines turning what was issued into what is owed now: issued lines are never
 * edited, the difference per (order, rule) becomes a new line (e.g. an order returned after
 * the statement was issued gives back its share).
 */
export function correctionLines(issued: Line[], now: Line[]): Line[] {
  const sum = new Map<string, Line & { total: number }>();
  for (const l of issued) {
    const k = lineKey(l);
    const prev = sum.get(k);
    sum.set(k, { ...l, total: (prev?.total ?? 0) + l.amount });
  }
  const out: Line[] = [];
  const seen = new Set<string>();
  for (const l of now) {
    const k = lineKey(l);
    seen.add(k);
    const diff = l.amount - (sum.get(k)?.total ?? 0);
    if (diff !== 0)
      out.push({
        ...l,
        amount: diff,
        note: noteJson({ k: 'correction', of: JSON.parse(l.note) as LineNote }),
      });
  }
  for (const [k, l] of sum) {
    if (!seen.has(k) && l.total !== 0)
      out.push({
        ...l,
        amount: -l.total,
        note: noteJson({ k: 'no_longer_owed', of: JSON.parse(l.note) as LineNote }),
      });
  }
  return out;
}
