// What the buyer will pay, shown before placing: per seller the goods, the shipping quote to
// the chosen destination, and the producer's share. placeOrder computes the same numbers
// again from the database; the page sends the total it showed, so a changed price is caught.
import type { Tx } from '../../../kernel/db/index.js';
import { computeFees, type Fees } from '../fees.js';
import { quoteShipping } from '../shipping.js';
import type { CartView } from '../cart/cart.service.js';

export interface PreviewSeller {
  umkmId: string;
  umkmName: string;
  fees: Fees;
}
export interface Preview {
  sellers: PreviewSeller[];
  total: number;
  sellerShare: number;
}

export async function previewCart(
  db: Tx,
  cart: CartView,
  destVillage: string,
  assisted = false,
): Promise<Preview> {
  const sellers: PreviewSeller[] = [];
  for (const s of cart.sellers) {
    const grams = s.items.reduce((a, i) => a + i.weight_grams * i.qty, 0);
    const village = s.items[0].umkm_village;
    const shipping = await quoteShipping(db, {
      fromVillageCode: village,
      toVillageCode: destVillage,
      weightGrams: grams,
    });
    sellers.push({
      umkmId: s.umkmId,
      umkmName: s.umkmName,
      fees: computeFees(s.subtotal, shipping, assisted),
    });
  }
  return {
    sellers,
    total: sellers.reduce((a, s) => a + s.fees.total, 0),
    sellerShare: sellers.reduce((a, s) => a + s.fees.sellerShare, 0),
  };
}
