// Payouts to sellers, from the ledger alone. An UMKM's payable is credited only when an order
// completes (paid and delivered, order-postings.ts), so what a payout can pay is exactly the
// money that is in: an unpaid COD order owes the seller nothing yet. A payout debits each owed
// order's payable by that order's balance, so an order once paid out owes nothing more (paying
// twice pays nothing). On PostgreSQL the payable accounts are locked before they are read, so
// two treasurers pressing the button together pay once; SQLite serialises writers.
import { sql } from 'kysely';
import { inTransactionResult, isPostgres, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import type { SheetSpec } from '../../kernel/xlsx/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { Topic } from '../../kernel/domain/index.js';
import { payeesOfOrganisations, type Payee } from '../community/index.js';
import { accountCode, umkmPayable } from './accounts.js';
import { post } from './post.js';

export interface Owed {
  payee: Payee;
  /** What the UMKM is owed now (positive rupiah). */
  owed: number;
  /** Owed per order (order id → rupiah). */
  orders: { orderId: string | null; owed: number }[];
}

/** What each UMKM of the organisations is owed now, per order, read from the ledger. */
export async function owedInOrganisations(db: Tx, organisationIds: string[]): Promise<Owed[]> {
  const payees = await payeesOfOrganisations(db, organisationIds);
  if (payees.length === 0) return [];
  const codes = payees.map((p) => accountCode(umkmPayable(p.id)));
  const rows = await db
    .selectFrom('ledger_lines')
    .select(['account_code', 'order_id'])
    .select(sql<number>`sum(amount)`.as('balance'))
    .where('account_code', 'in', codes)
    .groupBy(['account_code', 'order_id'])
    .execute();
  const byCode = new Map<string, { orderId: string | null; owed: number }[]>();
  for (const r of rows) {
    const owed = -Number(r.balance);
    if (owed === 0) continue;
    const list = byCode.get(r.account_code) ?? [];
    list.push({ orderId: r.order_id, owed });
    byCode.set(r.account_code, list);
  }
  return payees.map((payee) => {
    const orders = byCode.get(accountCode(umkmPayable(payee.id))) ?? [];
    return { payee, orders, owed: orders.reduce((s, o) => s + o.owed, 0) };
  });
}

/** A payout was made (published in its transaction): each UMKM paid and how much. */
export interface PayoutIssued {
  payoutId: string;
  organisationId: string;
  payees: { umkmId: string; amount: number }[];
  at: string;
}
export const payoutIssued = new Topic<PayoutIssued>('ledger.payout_issued');

export interface Payout {
  id: string;
  total: number;
  payees: number;
}

/** Pays every UMKM of the organisation what its orders are owed, as one ledger transaction. */
export async function payOrganisation(
  db: Tx,
  organisationId: string,
  actorId: string,
): Promise<Result<Payout>> {
  return inTransactionResult(db, async (tx) => {
    const payees = await payeesOfOrganisations(tx, [organisationId]);
    if (payees.length && isPostgres(tx))
      await tx
        .selectFrom('ledger_accounts')
        .select('code')
        .where(
          'code',
          'in',
          payees.map((p) => accountCode(umkmPayable(p.id))),
        )
        .orderBy('code')
        .forUpdate()
        .execute();
    // Only orders owed a positive amount are paid; a UMKM whose balance is negative (a
    // correction took back more than it was owed) is left for staff to settle.
    const owed = (await owedInOrganisations(tx, [organisationId]))
      .map((u) => ({ ...u, orders: u.orders.filter((o) => o.owed > 0) }))
      .map((u) => ({ ...u, owed: u.orders.reduce((s, o) => s + o.owed, 0) }))
      .filter((u) => u.owed > 0);
    if (owed.length === 0) return fail('LEDGER_NOTHING_TO_PAY');
    const id = newId('lpo');
    const at = nowIso();
    const total = owed.reduce((s, u) => s + u.owed, 0);
    const posted = await post(tx, {
      source: `payout:${id}`,
      kind: 'payout',
      actorId,
      at,
      lines: [
        ...owed.flatMap((u) =>
          u.orders.map((o) => ({
            account: umkmPayable(u.payee.id),
            amount: o.owed,
            orderId: o.orderId,
          })),
        ),
        { account: { kind: 'bank_payouts' as const }, amount: -total, orderId: null },
      ],
    });
    if (!posted.ok) return posted;
    await tx
      .insertInto('ledger_payouts')
      .values({
        id,
        organisation_id: organisationId,
        transaction_id: posted.value.transactionId,
        total,
        payees: owed.length,
        created_by: actorId,
        created_at: at,
      })
      .execute();
    await payoutIssued.publish(tx, {
      payoutId: id,
      organisationId,
      payees: owed.map((u) => ({ umkmId: u.payee.id, amount: u.owed })),
      at,
    });
    await audit(tx, {
      actorId,
      action: 'ledger.payout',
      entityType: 'ledger_payout',
      entityId: id,
      data: { organisation: organisationId, total, payees: owed.length },
    });
    return ok({ id, total, payees: owed.length });
  });
}

export async function payoutsOf(db: Tx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('ledger_payouts')
    .selectAll()
    .where('organisation_id', 'in', organisationIds)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

/** The treasurer's transfer list of one payout (null outside the organisations given); every
 *  CSV cell quoted, as the list was first documented. */
export async function payoutSheet(
  db: Tx,
  payoutId: string,
  organisationIds: string[],
): Promise<SheetSpec | null> {
  if (organisationIds.length === 0) return null;
  const p = await db
    .selectFrom('ledger_payouts')
    .selectAll()
    .where('id', '=', payoutId)
    .where('organisation_id', 'in', organisationIds)
    .executeTakeFirst();
  if (!p) return null;
  const paid = await db
    .selectFrom('ledger_lines')
    .select('account_code')
    .select(sql<number>`sum(amount)`.as('amount'))
    .where('transaction_id', '=', p.transaction_id)
    .where('amount', '>', 0)
    .groupBy('account_code')
    .execute();
  const amountOf = new Map(paid.map((r) => [r.account_code, Number(r.amount)]));
  const payees = (await payeesOfOrganisations(db, [p.organisation_id])).filter((u) =>
    amountOf.has(accountCode(umkmPayable(u.id))),
  );
  return {
    name: p.id,
    columns: [
      'payout_id',
      { header: 'created_at', type: 'datetime' },
      'umkm_id',
      'umkm_name',
      'bank_name',
      { header: 'bank_account_number', type: 'text' },
      'bank_account_name',
      { header: 'amount_idr', type: 'rupiah' },
    ],
    rows: payees.map((u) => [
      p.id,
      p.created_at,
      u.id,
      u.name,
      u.bankName,
      u.bankAccountNumber,
      u.bankAccountName,
      amountOf.get(accountCode(umkmPayable(u.id))),
    ]),
    csv: { quoteAll: true },
  };
}

/** What one UMKM's payable still holds per order (produce's `owedToUmkm` port). */
export async function owedPerOrder(
  db: Tx,
  umkmId: string,
  orderIds: string[],
): Promise<Map<string, number>> {
  const owed = new Map(orderIds.map((id) => [id, 0]));
  if (!orderIds.length) return owed;
  // The caller settles out of this account: lock it as payOrganisation does, so a payout and a
  // lot settlement at the same moment run one after the other (SQLite writes one at a time).
  if (isPostgres(db))
    await db
      .selectFrom('ledger_accounts')
      .select('code')
      .where('code', '=', accountCode(umkmPayable(umkmId)))
      .forUpdate()
      .execute();
  const rows = await db
    .selectFrom('ledger_lines')
    .select(['order_id'])
    .select(sql<number>`sum(amount)`.as('balance'))
    .where('account_code', '=', accountCode(umkmPayable(umkmId)))
    .where('order_id', 'in', orderIds)
    .groupBy('order_id')
    .execute();
  for (const r of rows) if (r.order_id) owed.set(r.order_id, -Number(r.balance));
  return owed;
}
