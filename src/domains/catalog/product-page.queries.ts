// Reads for the product page: four statements. The public page shows listed products only;
// the reviewer's dossier reads the same facts of a product under review. Joins the UMKM,
// its BUMDes/koperasi, the village names and the UMKM's certificates (community's tables,
// read-only here, as DESIGN.md allows for page queries).
import type { Db } from '../../kernel/db/index.js';
import './catalog.tables.js';

/** A listed product as the storefront shows it, or null. */
export const publicProduct = (db: Db, productId: string) => productFacts(db, productId, true);

/** Everything a reviewer judges of a product, whatever its listing state (callers check access). */
export const productDossier = (db: Db, productId: string) => productFacts(db, productId, false);

async function productFacts(db: Db, productId: string, listedOnly: boolean) {
  const p = await db
    .selectFrom('products as p')
    .innerJoin('umkm as u', 'u.id', 'p.umkm_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .leftJoin('regions as v', 'v.code', 'p.village_code')
    .leftJoin('regions as d', 'd.code', 'v.parent_code')
    .leftJoin('regions as r', 'r.code', 'd.parent_code')
    .select([
      'p.id',
      'p.title',
      'p.description',
      'p.description_en',
      'p.category',
      'p.umkm_id',
      'p.village_code',
      'u.name as umkm_name',
      'u.story',
      'u.whatsapp',
      'o.name as org_name',
      'o.kind as org_kind',
      'v.name as village_name',
      'd.name as district_name',
      'r.name as regency_name',
    ])
    .where('p.id', '=', productId)
    .$if(listedOnly, (q) => q.where('p.listed', '=', 1))
    .executeTakeFirst();
  if (!p) return null;
  const [variants, photos, certifications] = await Promise.all([
    db
      .selectFrom('variants as v')
      .innerJoin('stock as s', 's.variant_id', 'v.id')
      .select(['v.id', 'v.label', 'v.sku', 'v.price', 'v.weight_grams', 's.available'])
      .where('v.product_id', '=', productId)
      .where('v.active', '=', 1)
      .orderBy('v.price')
      .orderBy('v.id')
      .execute(),
    // Position 0 is the cover (the seller's photo order, see photo-edits.service.ts).
    db
      .selectFrom('photos')
      .select(['path_stem', 'alt', 'width', 'height'])
      .where('product_id', '=', productId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('certifications')
      .select(['kind', 'number', 'expires_on'])
      .where('umkm_id', '=', p.umkm_id)
      .orderBy('kind')
      .execute(),
  ]);
  return { ...p, variants, photos, certifications };
}

export type PublicProduct = NonNullable<Awaited<ReturnType<typeof publicProduct>>>;
