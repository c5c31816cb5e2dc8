// Who may act on which products in the innovation centre. Every list query filters by these
// in SQL: reviewers and officers by region prefix, sellers by their UMKM, community managers
// by the UMKM of their organisation.
import { canInRegion, regionScope, scopeIds, type Actor } from '../../kernel/auth/index.js';
import { AppError } from '../../kernel/errors/index.js';
import type { Db } from '../../kernel/db/index.js';
import { umkmOfOrganisations } from '../community/index.js';

/** The roles that review products, and those that read the innovation dashboard. */
export const REVIEWERS = ['reviewer', 'national_admin'] as const;
export const DASHBOARD = ['reviewer', 'regional_officer', 'national_admin', 'analyst'] as const;

/** Region prefixes where the actor reviews products ('all' for national admins). */
export const reviewerRegions = (actor: Actor) => regionScope(actor, ['reviewer', 'national_admin']);

/** Region prefixes whose dashboard the actor may read. */
export const dashboardRegions = (actor: Actor) =>
  regionScope(actor, ['reviewer', 'regional_officer', 'national_admin', 'analyst']);

/** UMKM the actor speaks for: as their seller, or as manager of their organisation. */
export async function ownUmkmIds(db: Db, actor: Actor): Promise<string[]> {
  const own = scopeIds(actor, 'umkm', ['seller']);
  const managed = await umkmOfOrganisations(
    db,
    scopeIds(actor, 'organisation', ['community_manager']),
  );
  return [...new Set([...own, ...managed])];
}

/** The dashboard's region: the asked one when inside the actor's scope, else their first region. */
export function dashboardRegion(actor: Actor, asked: string | undefined): string {
  const scope = dashboardRegions(actor);
  const region = (asked ?? '').trim();
  if (region && !/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(region))
    throw new AppError('VALIDATION_FAILED', {}, { region: { key: 'validation.bad_format' } });
  if (scope !== 'all' && scope.length === 0) throw new AppError('FORBIDDEN');
  if (!region) return scope === 'all' ? '' : scope[0];
  if (!canInRegion(actor, ['reviewer', 'regional_officer', 'national_admin', 'analyst'], region))
    throw new AppError('INNOVATION_NOT_FOUND');
  return region;
}
