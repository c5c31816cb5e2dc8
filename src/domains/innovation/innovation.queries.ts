// What the innovation centre reads of other domains (products, UMKM, certifications, mentors),
// each through the owning domain's index.ts: innovation names only its own tables. Listing
// goes through catalog's setListing, certifications belong to community.
import type { Tx } from '../../kernel/db/index.js';
import { regionContains } from '../../kernel/auth/index.js';
import { umkmFactsByIds, validCertifications } from '../community/index.js';
import { activeHoldersOf } from '../accounts/index.js';
import { productFacts } from '../catalog/index.js';

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
  const p = await productFacts(db, productId);
  const u = p && (await umkmFactsByIds(db, [p.umkm_id])).get(p.umkm_id);
  return p && u ? { ...p, organisation_id: u.organisation_id, umkm_name: u.name } : undefined;
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
  const rows = await activeHoldersOf(db, 'mentor');
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
