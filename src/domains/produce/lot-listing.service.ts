// Selling a pooled lot through the catalogue (issue 17): the koperasi/BUMDes manager offers an
// open lot as packs of a fixed weight; the koperasi's own UMKM is the seller of record. Produce
// decides who may (the lot's managers, the UMKM of the same organisation); catalog creates the
// unlisted product and the innovation centre's normal review decides when buyers see it.
import { lotOrderSales } from './catalogue-sales.js';
import { audit } from '../../kernel/audit/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { createLotProduct, productFacts } from '../catalog/index.js';
import { umkmOfOrganisations } from '../community/index.js';
import { submitForReview } from '../innovation/index.js';
import { managedLot, visibleLot } from './lots.service.js';

// The catalogue category each commodity is listed under (cocoa beans have no category of
// their own in the taxonomy; fruit crops is the nearest one a buyer browses).
const CATEGORY: Record<string, string> = { kopi_arabika: 'kopi', cengkeh: 'rempah', kakao: 'buah' };

const bad = (field: string, key: string) => fail('VALIDATION_FAILED', {}, { [field]: { key } });

export interface LotListingInput {
  /** The seller of record; may be left out when the organisation has exactly one UMKM. */
  umkmId?: string | null;
  name: string;
  packGrams: number;
  pricePerPack: number;
}

/** Offers an open lot in the catalogue and submits it for review, all in one transaction. */
export async function listLotInCatalog(
  db: Tx,
  actor: Actor,
  lotId: string,
  input: LotListingInput,
): Promise<Result<{ productId: string; variantId: string }>> {
  const lot = await managedLot(db, actor, lotId);
  if (!lot) return fail('NOT_FOUND');
  if (lot.status !== 'open') return fail('PRODUCE_LOT_NOT_OPEN');
  const name = input.name.trim();
  if (name.length < 3 || name.length > 120) return bad('name', 'produce.err.listing_name');
  if (!Number.isSafeInteger(input.packGrams) || input.packGrams <= 0)
    return bad('pack_kg', 'produce.err.positive');
  const packs = Math.floor(lot.weight_g / input.packGrams);
  if (packs < 1) return bad('pack_kg', 'produce.err.pack_too_big');
  if (!Number.isSafeInteger(input.pricePerPack) || input.pricePerPack <= 0)
    return bad('price_per_pack', 'produce.err.positive');
  const own = await umkmOfOrganisations(db, [lot.organisation_id]);
  const umkmId = input.umkmId || (own.length === 1 ? own[0] : '');
  if (!umkmId || !own.includes(umkmId)) return bad('umkm_id', 'produce.err.listing_umkm');
  const kg = (input.packGrams / 1000).toLocaleString('id-ID');
  return inTransactionResult(db, async (tx) => {
    const taken = await tx
      .selectFrom('produce_lot_listings')
      .select('lot_id')
      .where('lot_id', '=', lot.id)
      .executeTakeFirst();
    if (taken) return fail('PRODUCE_LOT_LISTED');
    const made = await createLotProduct(tx, {
      umkmId,
      actorId: actor.userId,
      title: name,
      description: `${name}. Lot ${lot.number} (${lot.name}), dikumpulkan dari petani anggota koperasi.`,
      category: CATEGORY[lot.commodity] ?? 'rempah',
      packs: [
        {
          label: `${kg} kg`,
          price: input.pricePerPack,
          weightGrams: input.packGrams,
          stock: packs,
        },
      ],
    });
    if (!made.ok) return made;
    const variantId = made.value.variantIds[0] as string;
    await tx
      .insertInto('produce_lot_listings')
      .values({
        lot_id: lot.id,
        organisation_id: lot.organisation_id,
        region_code: lot.region_code,
        umkm_id: umkmId,
        product_id: made.value.productId,
        variant_id: variantId,
        pack_g: input.packGrams,
        price_per_pack: input.pricePerPack,
        packs,
        created_by: actor.userId,
        created_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.lot_listed',
      entityType: 'produce_lot',
      entityId: lot.id,
      data: { productId: made.value.productId, packGrams: input.packGrams, packs },
    });
    const review = await submitForReview(tx, actor, made.value.productId);
    if (!review.ok) return review;
    return ok({ productId: made.value.productId, variantId });
  });
}

/** The lot's catalogue listing with the product's review state, for whoever reads the lot. */
export async function lotListing(db: Tx, actor: Actor, lotId: string) {
  const lot = await visibleLot(db, actor, lotId);
  if (!lot) return undefined;
  const listing = await db
    .selectFrom('produce_lot_listings')
    .selectAll()
    .where('lot_id', '=', lot.id)
    .executeTakeFirst();
  if (!listing) return undefined;
  const product = await productFacts(db, listing.product_id);
  // What the catalogue sold so far: completed orders count toward the settlement, pending ones
  // hold it back (settle.service.ts), so the treasurer sees both before pressing "Selesaikan".
  const { completed, pending } = await lotOrderSales(db, lot.id);
  const sum = (rows: typeof completed, k: 'packs' | 'grams' | 'umkm_share') =>
    rows.reduce((t, r) => t + Number(r[k]), 0);
  return {
    ...listing,
    listingState: product?.listing_state ?? 'not_reviewed',
    sold: {
      packs: sum(completed, 'packs'),
      grams: sum(completed, 'grams'),
      proceeds: sum(completed, 'umkm_share'),
      pendingOrders: new Set(pending.map((r) => r.order_id)).size,
    },
  };
}
