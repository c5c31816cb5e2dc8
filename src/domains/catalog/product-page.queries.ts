// Reads for the product page: four statements. The public page shows listed products only;
// the reviewer's dossier reads the same facts of a product under review. The UMKM, its
// BUMDes/koperasi and the village names come as community's and regions' scalar subqueries
// inside the product's statement; the UMKM's certificates from community's `certificationsOf`.
import type { Db } from '../../kernel/db/index.js';
import { certificationsOf, umkmColumn, umkmOrganisationColumn } from '../community/index.js';
import { areaNameOf } from '../regions/index.js';
import './catalog.tables.js';

/** A listed product as the storefront shows it, or null. */
export const publicProduct = (db: Db, productId: string) => productFacts(db, productId, true);

/** Everything a reviewer judges of a product, whatever its listing state (callers check access). */
export const productDossier = (db: Db, productId: string) => productFacts(db, productId, false);

async function productFacts(db: Db, productId: string, listedOnly: boolean) {
  const row = await db
    .selectFrom('products as p')
    .select([
      'p.id',
      'p.title',
      'p.description',
      'p.description_en',
      'p.category',
      'p.umkm_id',
      'p.village_code',
      umkmColumn('p.umkm_id', 'name').as('umkm_name'),
      umkmColumn('p.umkm_id', 'story').as('story'),
      umkmColumn('p.umkm_id', 'whatsapp').as('whatsapp'),
      umkmOrganisationColumn('p.umkm_id', 'name').as('org_name'),
      umkmOrganisationColumn('p.umkm_id', 'kind').as('org_kind'),
      areaNameOf('p.village_code').as('village_name'),
      areaNameOf('p.village_code', 1).as('district_name'),
      areaNameOf('p.village_code', 2).as('regency_name'),
    ])
    .where('p.id', '=', productId)
    .$if(listedOnly, (q) => q.where('p.listed', '=', 1))
    .executeTakeFirst();
  // Every product has its UMKM (a foreign key), so the name is never missing in practice.
  const p = row && { ...row, umkm_name: row.umkm_name ?? '' };
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
    certificationsOf(db, p.umkm_id),
  ]);
  return {
    ...p,
    variants,
    photos,
    certifications: certifications.map((c) => ({
      kind: c.kind,
      number: c.number,
      expires_on: c.expires_on,
    })),
  };
}

export type PublicProduct = NonNullable<Awaited<ReturnType<typeof publicProduct>>>;
