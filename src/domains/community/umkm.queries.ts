// UMKM facts other domains read (the innovation centre, training, orders): only community
// names its tables; these functions are exported from index.ts.
import type { Tx } from '../../kernel/db/index.js';
import './community.tables.js';

export interface UmkmFacts {
  id: string;
  name: string;
  village_code: string;
  organisation_id: string | null;
}

/** Name, village and organisation of these UMKM by id. */
export async function umkmFactsByIds(db: Tx, ids: string[]): Promise<Map<string, UmkmFacts>> {
  const out = new Map<string, UmkmFacts>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('umkm')
      .select(['id', 'name', 'village_code', 'organisation_id'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
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
