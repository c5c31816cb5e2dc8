// The checkout benches' world on a migrated database: one regency's regions, a service point in
// one of its villages, and 32 UMKM with one product each, stocked enough never to run out.
import type { DbHandle } from '../../src/kernel/db/index.js';
import { importRegions } from '../../src/domains/regions/index.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../test/support/community.js';
import { makeProduct } from '../../test/support/catalog.js';

type ProductFields = Omit<Parameters<typeof makeProduct>[1], 'umkmId' | 'stock'>;

export async function checkoutWorld(
  h: DbHandle,
  o: { stock: number; product?: (i: number) => ProductFields },
): Promise<{ servicePoint: string; variants: string[] }> {
  await importRegions(h.db, { prefixes: ['53.09'] });
  const village = await anyVillage(h.db);
  const servicePoint = await makeServicePoint(h.db, { villageCode: village });
  const variants: string[] = [];
  for (let i = 0; i < 32; i++) {
    const umkmId = await makeUmkm(h.db, { villageCode: village });
    const fields = o.product?.(i) ?? {};
    variants.push((await makeProduct(h, { ...fields, umkmId, stock: o.stock })).variantId);
  }
  return { servicePoint, variants };
}
