// Fee lines of one order, computed once at placement and frozen. The platform keeps a fee on
// the goods; for an assisted order the village agent's commission is paid out of that fee, so
// a producer earns the same whether a neighbour buys online or at the service point.
import { percentOf, rupiah } from '../../kernel/money/index.js';

export const PLATFORM_FEE_BP = 500; // 5 % of the goods
export const AGENT_COMMISSION_BP = 200; // 2 % of the goods, out of the platform fee

export interface Fees {
  itemsTotal: number;
  shipping: number;
  platformFee: number;
  agentCommission: number;
  total: number;
  sellerShare: number;
}

export function computeFees(itemsTotal: number, shipping: number, assisted: boolean): Fees {
  const items = rupiah(itemsTotal);
  const platformFee = percentOf(items, PLATFORM_FEE_BP);
  const agentCommission = assisted ? percentOf(items, AGENT_COMMISSION_BP) : 0;
  return {
    itemsTotal,
    shipping,
    platformFee,
    agentCommission,
    total: itemsTotal + shipping,
    sellerShare: itemsTotal - platformFee,
  };
}

/** The producer's share of what the buyer pays, 0..1. */
export function producerShare(sellerShare: number, total: number): number {
  return total > 0 ? sellerShare / total : 0;
}
