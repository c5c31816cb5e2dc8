// Settling a lot: what was received and what it cost (koperasi margin %, processing, logistics,
// platform fee); the rest is the farmers' pool. A lot sold to a trader settles the price the
// trader paid into the koperasi's cash. A lot offered in the catalogue settles from what the
// koperasi's UMKM is owed for the lot's completed orders (catalogue-sales.ts): the proceeds are
// computed, not typed, the listing closes so nobody orders packs of a lot already shared out,
// and the ledger takes the money out of the UMKM's payable (so it is not paid out twice). A
// catalogue lot with orders still in flight waits until they complete or are cancelled.
import { audit } from '../../kernel/audit/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { percentOf, rupiah } from '../../kernel/money/index.js';
import { lotOrderSales } from './catalogue-sales.js';
import { closeLotListing } from './listing-close.js';
import { lotSaleSettled, publishMoneyEvent } from './money-events.js';
import { managedLot } from './lots.service.js';
import { owedToUmkm } from './owed-to-umkm.js';

export interface SettleInput {
  /** What the trader paid (ignored for a catalogue lot: its orders say what was received). */
  proceeds: number;
  marginBp: number;
  processingCost: number;
  logisticsCost: number;
  platformFee: number;
}

const bad = (field: string, key: string) => fail('VALIDATION_FAILED', {}, { [field]: { key } });

/** What a listed lot's completed orders owe its UMKM, per order (undefined when not listed). */
async function catalogueProceeds(tx: Tx, lotId: string) {
  const listing = await tx
    .selectFrom('produce_lot_listings')
    .select(['umkm_id'])
    .where('lot_id', '=', lotId)
    .executeTakeFirst();
  if (!listing) return undefined;
  const { completed, pending } = await lotOrderSales(tx, lotId);
  const byOrder = new Map<string, number>();
  for (const s of completed)
    byOrder.set(s.order_id, (byOrder.get(s.order_id) ?? 0) + Number(s.umkm_share));
  const orders = [...byOrder].map(([orderId, amount]) => ({ orderId, amount }));
  return {
    umkmId: listing.umkm_id,
    orders,
    proceeds: orders.reduce((sum, o) => sum + o.amount, 0),
    pending: pending.length,
  };
}

export async function settleLot(
  db: Tx,
  actor: Actor,
  lotId: string,
  input: SettleInput,
): Promise<Result<{ distributable: number }>> {
  const lot = await managedLot(db, actor, lotId);
  if (!lot) return fail('NOT_FOUND');
  const catalogue = lot.status === 'open' ? await catalogueProceeds(db, lot.id) : undefined;
  const proceeds = catalogue ? catalogue.proceeds : input.proceeds;
  for (const [k, v] of Object.entries({
    proceeds,
    processing_cost: input.processingCost,
    logistics_cost: input.logisticsCost,
    platform_fee: input.platformFee,
  }))
    if (!Number.isSafeInteger(v) || v < 0) return bad(k, 'produce.err.negative');
  if (!Number.isInteger(input.marginBp) || input.marginBp < 0 || input.marginBp > 10000)
    return bad('margin_pct', 'produce.err.margin');
  if (catalogue?.pending) return fail('PRODUCE_LOT_ORDERS_PENDING', { n: catalogue.pending });
  if (catalogue && proceeds === 0) return fail('PRODUCE_LOT_NOT_SOLD');
  if (proceeds === 0) return bad('proceeds', 'produce.err.positive');
  const margin = percentOf(rupiah(proceeds), input.marginBp);
  const distributable =
    proceeds - margin - input.processingCost - input.logisticsCost - input.platformFee;
  if (distributable < 0) return bad('proceeds', 'produce.err.costs_exceed');
  if (!catalogue && lot.status !== 'sold')
    return fail(lot.status === 'open' ? 'PRODUCE_LOT_NOT_SOLD' : 'PRODUCE_LOT_ALREADY_SETTLED');
  const at = nowIso();
  const source = catalogue ? 'catalogue' : 'trader';
  return inTransactionResult(db, async (tx) => {
    const r = await tx
      .updateTable('produce_lots')
      .set({ status: 'settled' })
      .where('id', '=', lot.id)
      .where('status', '=', catalogue ? 'open' : 'sold')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return fail('PRODUCE_LOT_ALREADY_SETTLED');
    if (catalogue) {
      // Re-read inside the transaction: an order that completed or was cancelled meanwhile.
      const now = await catalogueProceeds(tx, lot.id);
      if (!now || now.pending || now.proceeds !== proceeds) return fail('PRODUCE_LOT_CHANGED');
      // An order the organisation already paid the seller out for is not settled again.
      const owed = await owedToUmkm.get()(
        tx,
        now.umkmId,
        now.orders.map((o) => o.orderId),
      );
      const paidOut = now.orders.filter((o) => (owed.get(o.orderId) ?? 0) < o.amount);
      if (paidOut.length) return fail('PRODUCE_LOT_PAID_OUT', { n: paidOut.length });
      await closeLotListing(tx, lot.id, 'settled', actor.userId);
    }
    await tx
      .insertInto('produce_settlements')
      .values({
        lot_id: lot.id,
        proceeds,
        margin_bp: input.marginBp,
        margin_amount: margin,
        processing_cost: input.processingCost,
        logistics_cost: input.logisticsCost,
        platform_fee: input.platformFee,
        distributable,
        source,
        settled_by: actor.userId,
        settled_at: at,
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.lot_settle',
      entityType: 'produce_lot',
      entityId: lot.id,
      data: { proceeds, distributable, source },
    });
    await publishMoneyEvent(tx, lotSaleSettled, lot.id, {
      lotId: lot.id,
      organisationId: lot.organisation_id,
      source,
      umkmId: catalogue?.umkmId ?? null,
      orders: catalogue?.orders ?? [],
      proceeds,
      marginAmount: margin,
      processingCost: input.processingCost,
      logisticsCost: input.logisticsCost,
      platformFee: input.platformFee,
      distributable,
      at,
    });
    return ok({ distributable });
  });
}
