// Reads across other domains' tables that the innovation centre needs (products, UMKM,
// certifications, mentors). Writes to those tables never happen here: listing goes through
// catalog's setListing, certifications belong to community.
import type { Db, Tx } from '../../kernel/db/index.js';
import { regionContains } from '../../kernel/auth/index.js';
import { validCertifications } from '../community/index.js';

export interface ProductForReview {
  id: string;
  umkm_id: string;
  village_code: string;
  title: string;
  category: string;
  listing_state: string;
  organisation_id: string | null;
  umkm_name: string;
}

export async function productForReview(
  db: Tx,
  productId: string,
): Promise<ProductForReview | undefined> {
  return db
    .selectFrom('products')
    .innerJoin('umkm', 'umkm.id', 'products.umkm_id')
    .select([
      'products.id',
      'products.umkm_id',
      'products.village_code',
      'products.title',
      'products.category',
      'products.listing_state',
      'umkm.organisation_id',
      'umkm.name as umkm_name',
    ])
    .where('products.id', '=', productId)
    .executeTakeFirst();
}

/** Certification kinds an UMKM holds that are valid on `on` (YYYY-MM-DD, the region's day), by community's rule. */
export async function validKindsOf(db: Tx, umkmId: string, on: string): Promise<Set<string>> {
  return new Set((await validCertifications(db, umkmId, on)).map((c) => c.kind));
}

export interface MentorOption {
  id: string;
  display_name: string;
}

/** Active users with a mentor grant covering the village (for the review form's mentor choice). */
export async function mentorsFor(db: Tx, villageCode: string): Promise<MentorOption[]> {
  const rows = await db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(['users.id', 'users.display_name', 'grants.region_code'])
    .where('grants.role', '=', 'mentor')
    .where('users.status', '=', 'active')
    .orderBy('users.display_name')
    .execute();
  const seen = new Set<string>();
  return rows
    .filter(
      (r) =>
        (r.region_code === null || regionContains(r.region_code, villageCode)) &&
        !seen.has(r.id) &&
        seen.add(r.id),
    )
    .map((r) => ({ id: r.id, display_name: r.display_name }));
}

/** UMKM ids whose organisation is one of `organisationIds` (a community manager's UMKM). */
export async function umkmOfOrganisations(db: Tx, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('umkm')
    .select('id')
    .where('organisation_id', 'in', organisationIds)
    .execute();
  return rows.map((r) => r.id);
}

/** First active variant's price and weight (the value-add form's defaults). */
export async function firstVariant(
  db: Tx,
  productId: string,
): Promise<{ price: number; weight_grams: number } | undefined> {
  return db
    .selectFrom('variants')
    .select(['price', 'weight_grams'])
    .where('product_id', '=', productId)
    .where('active', '=', 1)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

/** Products whose listing depends on certifications and sits in one of `states`, optionally for some UMKM only. */
export async function certificationDependentProducts(
  db: Db | Tx,
  categories: string[],
  states: string[],
  umkmId?: string,
) {
  if (categories.length === 0) return [];
  let q = db
    .selectFrom('products')
    .select(['id', 'umkm_id', 'category', 'listing_state'])
    .where('category', 'in', categories)
    .where('listing_state', 'in', states);
  if (umkmId) q = q.where('umkm_id', '=', umkmId);
  return q.orderBy('id').execute();
}
