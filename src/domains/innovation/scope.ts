// Who may act on which products in the innovation centre. Every list query filters by these
// in SQL: reviewers and officers by region prefix, sellers by their UMKM, community managers
// by the UMKM of their organisation.
import type { ExpressionBuilder } from 'kysely';
import { idWhere, regionScope, scopeIds, regionWhere, type Actor } from '../../kernel/auth/index.js';
import type { Db, Database } from '../../kernel/db/index.js';
import { umkmOfOrganisations } from './innovation.queries.js';

/** Region prefixes where the actor reviews products ('all' for national admins). */
export const reviewerRegions = (actor: Actor) => regionScope(actor, ['reviewer', 'national_admin']);

/** Region prefixes whose dashboard the actor may read. */
export const dashboardRegions = (actor: Actor) => regionScope(actor, ['reviewer', 'regional_officer', 'national_admin', 'analyst']);

/** UMKM the actor speaks for: as their seller, or as manager of their organisation. */
export async function ownUmkmIds(db: Db, actor: Actor): Promise<string[]> {
  const own = scopeIds(actor, 'umkm', ['seller']);
  const managed = await umkmOfOrganisations(db, scopeIds(actor, 'organisation', ['community_manager']));
  return [...new Set([...own, ...managed])];
}

/** A where-clause for tables with `umkm_id` and `village_code`: own UMKM, or reviewer region. */
export function productScopeWhere<TB extends keyof Database>(umkmIds: string[], regions: 'all' | string[], umkmCol: string, villageCol: string) {
  return (eb: ExpressionBuilder<Database, TB>) => eb.or([idWhere(eb, umkmCol, umkmIds), regionWhere(eb, villageCol, regions)]);
}
