// The seller tests' world (catalog/seller.test.ts and seller-api.test.ts): a BUMDes with Ibu
// Sari's UMKM and her seller login, another regency's UMKM out of her reach, and the product
// form a seller fills in.
import { createWorld, type World } from './world.js';
import { anyVillage, makeOrganisation, makeUmkm } from './community.js';

export const PRODUCT_FORM = {
  title: 'Gula Aren Cetak 500 g',
  description: 'Gula aren cetak dari nira pohon aren, dimasak di tungku kayu.',
  description_en: '',
  category: 'gula-aren',
  variant_label: '500 g',
  price: '25000',
  weight_grams: '550',
  sku: '',
  stock: '12',
};

export interface SellerWorld {
  w: World;
  orgA: string;
  umkmA: string;
  umkmB: string;
  seller: Awaited<ReturnType<World['as']>>;
}

export async function sellerWorld(): Promise<SellerWorld> {
  const w = await createWorld();
  const v = await anyVillage(w.h.db);
  const orgA = await makeOrganisation(w.h.db, { villageCode: v, name: 'BUMDes Sejahtera' });
  const umkmA = await makeUmkm(w.h.db, {
    villageCode: v,
    organisationId: orgA,
    name: 'Gula Aren Ibu Sari',
  });
  const umkmB = await makeUmkm(w.h.db, {
    villageCode: await anyVillage(w.h.db, '53.09', 1),
    name: 'Kopi Pak Yosef',
  });
  return { w, orgA, umkmA, umkmB, seller: await w.as('seller', umkmA) };
}

/** Rows in a table (a refused write must leave the count unchanged). */
export { countRows } from './world.js';
