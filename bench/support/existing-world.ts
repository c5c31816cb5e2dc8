// The checkout bench on a world that is already there (`npx lumbung demo national --scale N`):
// `n` listed variants of as many UMKM spread over the country, each restocked so the run never
// runs out, and a service point in the first one's village for pickup. With one product each of
// `n` UMKM, a batch's inserts land on as many different leaves of the orders' UMKM and village
// indexes and the lines' and stock ledger's variant indexes as a national shop's would, instead
// of the 32 hot leaves of the small world (checkout-world.ts).
import { sql } from 'kysely';
import type { DbHandle } from '../../src/kernel/db/index.js';
import { adjustStock } from '../../src/domains/catalog/index.js';
import { makeServicePoint } from '../../test/support/community.js';

export async function existingWorld(
  h: DbHandle,
  o: { variants: number; stock: number },
): Promise<{ servicePoint: string; variants: string[] }> {
  // One active variant of one listed product per UMKM, the UMKM in the order of a hash of their
  // id: a spread over every province, the same on every run (PostgreSQL: the generator's scale
  // worlds are measured there).
  const { rows: picked } = await sql<{ variant_id: string; village_code: string }>`
    select variant_id, village_code from (
      select distinct on (p.umkm_id) v.id as variant_id, p.umkm_id, p.village_code
      from products p join variants v on v.product_id = p.id
      where p.listed = 1 and v.active = 1
      order by p.umkm_id, v.id) x
    order by md5(umkm_id) limit ${o.variants}`.execute(h.db);
  if (picked.length < o.variants)
    throw new Error(`the world has ${picked.length} UMKM with a listed product, not ${o.variants}`);
  for (const p of picked) {
    if (!(await adjustStock(h.db, p.variant_id, o.stock, 'restock', null)))
      throw new Error(`restock of ${p.variant_id} refused`);
  }
  const servicePoint = await makeServicePoint(h.db, {
    villageCode: picked[0].village_code,
    name: 'Bench pickup point',
  });
  return { servicePoint, variants: picked.map((p) => p.variant_id) };
}
