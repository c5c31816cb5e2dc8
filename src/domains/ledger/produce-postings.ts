// Posting what the produce domain moves, inside the produce change's transaction (subscribed to
// produce.advance_paid, produce.lot_sale_settled and produce.farmer_paid in the manifest): if
// the posting fails, the intake, settlement or payout rolls back with it.
//
//   advance at intake   Dr farmer_payable:<farmer> (the farmer now owes it)
//                       Cr organisation_cash:<koperasi> (cash handed over at the point)
//   lot sale settled    Dr organisation_cash:<koperasi> proceeds a trader paid, or (a lot sold
//                       through the catalogue) Dr umkm_payable:<the koperasi's UMKM> per order:
//                       the buyers' money is already in (bank/QRIS clearing → buyer payments →
//                       UMKM payable at completion), so the lot takes it from what the UMKM is
//                       owed and a seller payout can no longer pay the same rupiah again
//                       Cr organisation:<koperasi> margin, organisation_costs:<koperasi>
//                       processing + logistics, platform_fees the platform fee, and
//                       lot_pool:<lot> the farmers' pool still to be shared
//   farmer paid         share: Dr lot_pool:<lot>  Cr farmer_payable:<farmer>
//                       paid:  Dr farmer_payable:<farmer>  Cr organisation_cash:<koperasi>
//                       (share − paid is the advance recovered, which clears the intake's debit)
//   payout correction   the share difference against the koperasi's cash (a late cost paid out
//                       of it, or an extra payment from the buyer into it), then what is paid
//
// So a farmer's account holds exactly their statements: credits are shares, debits advances
// and payments, and its balance is what the koperasi still owes them (negative: what they owe).
// Each posting's source is the produce record, so a re-delivered event posts nothing.
import type { Tx } from '../../kernel/db/index.js';
import { AppError } from '../../kernel/errors/index.js';
import type { AdvancePaid, FarmerPaid, LotSaleSettled } from '../produce/index.js';
import { umkmPayable, type AccountRef } from './accounts.js';
import { post, type Posting, type PostingLine } from './post.js';

export const farmerPayable = (producerId: string): AccountRef => ({
  kind: 'farmer_payable',
  owner: producerId,
});
export const organisationCash = (organisationId: string): AccountRef => ({
  kind: 'organisation_cash',
  owner: organisationId,
});
const lotPool = (lotId: string): AccountRef => ({ kind: 'lot_pool', owner: lotId });

/** The source keys of a farmer's statement in the ledger (reproducing a statement reads them). */
export const statementSource = (statementId: string, part: 'share' | 'paid') =>
  `produce:statement:${statementId}:${part}`;

async function postOrThrow(tx: Tx, p: Posting): Promise<void> {
  const lines = p.lines.filter((l) => l.amount !== 0);
  if (lines.length < 2) return; // nothing moves (a zero share paid nothing)
  const r = await post(tx, { ...p, lines });
  if (!r.ok) throw new AppError(r.code, r.params);
}

/** Subscriber of produce.advance_paid. */
export async function postAdvance(tx: Tx, e: AdvancePaid): Promise<void> {
  await postOrThrow(tx, {
    source: `produce:advance:${e.intakeId}`,
    kind: 'advance',
    at: e.at,
    lines: [
      { account: farmerPayable(e.producerId), amount: e.amount },
      { account: organisationCash(e.organisationId), amount: -e.amount },
    ],
  });
}

/** Where a settled lot's proceeds come from (debits summing to the proceeds). */
function proceedsFrom(e: LotSaleSettled): PostingLine[] {
  if (e.source === 'trader' || !e.umkmId)
    return [{ account: organisationCash(e.organisationId), amount: e.proceeds }];
  const umkm = umkmPayable(e.umkmId);
  const lines = e.orders.map((o) => ({ account: umkm, amount: o.amount, orderId: o.orderId }));
  const sum = lines.reduce((s, l) => s + l.amount, 0);
  if (sum !== e.proceeds)
    throw new AppError('LEDGER_UNBALANCED', { reason: `orders sum to ${sum}, not ${e.proceeds}` });
  return lines;
}

/** Subscriber of produce.lot_sale_settled. */
export async function postLotSettlement(tx: Tx, e: LotSaleSettled): Promise<void> {
  const o = e.organisationId;
  await postOrThrow(tx, {
    source: `produce:lot_settled:${e.lotId}`,
    kind: 'lot_settlement',
    at: e.at,
    memo: e.source === 'catalogue' ? `lot ${e.lotId} (katalog)` : null,
    lines: [
      ...proceedsFrom(e),
      { account: { kind: 'organisation', owner: o }, amount: -e.marginAmount },
      {
        account: { kind: 'organisation_costs', owner: o },
        amount: -(e.processingCost + e.logisticsCost),
      },
      { account: { kind: 'platform_fees' }, amount: -e.platformFee },
      { account: lotPool(e.lotId), amount: -e.distributable },
    ],
  });
}

/**
 * Subscriber of produce.farmer_paid: the statement's share (credited to the farmer) and its
 * payment (debited) as two transactions, so each reads back alone: share − paid is the advance
 * the statement recovered.
 */
export async function postFarmerPaid(tx: Tx, e: FarmerPaid): Promise<void> {
  const farmer = farmerPayable(e.producerId);
  const cash = organisationCash(e.organisationId);
  const original = e.kind === 'original';
  await postOrThrow(tx, {
    source: statementSource(e.statementId, 'share'),
    kind: original ? 'farmer_payout' : 'correction',
    at: e.at,
    memo: `lot ${e.lotId}`,
    lines: [
      { account: original ? lotPool(e.lotId) : cash, amount: e.share },
      { account: farmer, amount: -e.share },
    ],
  });
  await postOrThrow(tx, {
    source: statementSource(e.statementId, 'paid'),
    kind: 'farmer_payout',
    at: e.at,
    memo: `lot ${e.lotId}`,
    lines: [
      { account: farmer, amount: e.amount },
      { account: cash, amount: -e.amount },
    ],
  });
}
