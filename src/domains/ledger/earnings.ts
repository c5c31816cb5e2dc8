// The seller's earnings, per order, from the ledger alone: what the buyer paid for the goods,
// the platform's fee, the service point's commission, shipping, the net owed to the UMKM,
// when it was settled (the order completed: paid and delivered) and when it was paid out.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import type { SheetSpec } from '../../kernel/xlsx/index.js';
import { orderNumbers } from '../orders/index.js';
import { accountCode, umkmPayable } from './accounts.js';

export interface OrderEarning {
  orderId: string;
  number: string;
  itemsTotal: number;
  platformFee: number;
  commission: number;
  shipping: number;
  net: number;
  settledAt: string;
  /** Net still owed (0 once paid out; negative when a correction took back more). */
  owed: number;
  paidOutAt: string | null;
}

/** Per settled order of the UMKM, newest first (at most `limit`). */
export async function earningsOf(db: Tx, umkmIds: string[], limit = 500): Promise<OrderEarning[]> {
  if (umkmIds.length === 0) return [];
  const codes = umkmIds.map((u) => accountCode(umkmPayable(u)));
  // The settlement transactions that credited these UMKM, with every line of each.
  const settled = await db
    .selectFrom('ledger_transactions as t')
    .innerJoin('ledger_lines as l', 'l.transaction_id', 't.id')
    .select(['t.id', 't.order_id', 't.posted_at'])
    .where('t.kind', '=', 'settlement')
    .where('l.account_code', 'in', codes)
    .orderBy('t.posted_at', 'desc')
    .limit(limit)
    .execute();
  if (settled.length === 0) return [];
  const txIds = settled.map((s) => s.id);
  const lines = await db
    .selectFrom('ledger_lines')
    .select(['transaction_id', 'account_code', 'amount'])
    .where('transaction_id', 'in', txIds)
    .execute();
  const orderIds = settled.map((s) => s.order_id).filter((x): x is string => !!x);
  // After settlement: payouts and corrections on the payable, per order.
  const later = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .select(['l.order_id', 't.kind'])
    .select(sql<number>`sum(l.amount)`.as('amount'))
    .select(sql<string>`max(l.posted_at)`.as('at'))
    .where('l.order_id', 'in', orderIds.length ? orderIds : [''])
    .where('l.account_code', 'in', codes)
    .groupBy(['l.order_id', 't.kind'])
    .execute();
  const numbers = await orderNumbers(db, orderIds);
  return settled.map((s) => {
    const of = lines.filter((l) => l.transaction_id === s.id);
    const credit = (pred: (code: string) => boolean) =>
      -of.filter((l) => pred(l.account_code)).reduce((a, l) => a + Number(l.amount), 0);
    const net = credit((c) => codes.includes(c));
    const platformFee = credit((c) => c === 'platform_fees');
    const commission = credit((c) => c.startsWith('agent_commission:'));
    const shipping = credit((c) => c === 'shipping_payable');
    const mine = later.filter((x) => x.order_id === s.order_id);
    const payout = mine.find((x) => x.kind === 'payout');
    return {
      orderId: s.order_id ?? '',
      number: numbers.get(s.order_id ?? '')?.number ?? '',
      itemsTotal: net + platformFee + commission,
      platformFee,
      commission,
      shipping,
      net,
      settledAt: s.posted_at,
      owed: -mine.reduce((a, x) => a + Number(x.amount), 0),
      paidOutAt: payout ? payout.at : null,
    };
  });
}

/** What the UMKM are owed now and what has been paid out to them, from their payable accounts. */
export async function sellerTotals(db: Tx, umkmIds: string[]) {
  if (umkmIds.length === 0) return { owed: 0, paidOut: 0 };
  const codes = umkmIds.map((u) => accountCode(umkmPayable(u)));
  const r = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .select(sql<number>`coalesce(sum(l.amount), 0)`.as('balance'))
    .select(
      sql<number>`coalesce(sum(case when t.kind = 'payout' then l.amount else 0 end), 0)`.as(
        'paid',
      ),
    )
    .where('l.account_code', 'in', codes)
    .executeTakeFirstOrThrow();
  return { owed: -Number(r.balance), paidOut: Number(r.paid) };
}

/** The per-order breakdown as a sheet (integer rupiah, ISO times: for spreadsheets and
 *  accountants); every CSV cell quoted, as this list was first documented. */
export function earningsSheet(rows: OrderEarning[]): SheetSpec {
  return {
    name: 'pendapatan',
    columns: [
      'order_number',
      { header: 'items_total_idr', type: 'rupiah' },
      { header: 'platform_fee_idr', type: 'rupiah' },
      { header: 'service_point_commission_idr', type: 'rupiah' },
      { header: 'shipping_idr', type: 'rupiah' },
      { header: 'net_idr', type: 'rupiah' },
      { header: 'settled_at', type: 'datetime' },
      { header: 'owed_idr', type: 'rupiah' },
      { header: 'paid_out_at', type: 'datetime' },
    ],
    rows: rows.map((r) => [
      r.number,
      r.itemsTotal,
      r.platformFee,
      r.commission,
      r.shipping,
      r.net,
      r.settledAt,
      r.owed,
      r.paidOutAt ?? '',
    ]),
    csv: { quoteAll: true },
  };
}
