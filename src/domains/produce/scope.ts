// Who reaches which produce records. The koperasi/BUMDes managers (community_manager on the
// organisation) run everything of their organisation; a collection-point clerk (village_agent
// on a service point) registers producers and records intakes for the organisation running
// the point; regional officers and national admins read within their region. Every query
// filters by `produceVisible`, so a record outside the reach is never loaded (404).
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { idWhere, regionScope, scopeIds, type Actor } from '../../kernel/auth/index.js';
import { regionWhere } from '../../kernel/auth/index.js';
import type { Database, Tx } from '../../kernel/db/index.js';
import { servicePointPlaces } from '../community/index.js';

export interface ProduceReach {
  /** Organisations the actor manages (all produce actions). */
  managed: string[];
  /** Organisations running the actor's service points (producers and intakes), point by org. */
  clerkPoints: { pointId: string; organisationId: string }[];
  /** Region prefixes the actor reads in. */
  regions: 'all' | string[];
}

export async function produceReach(db: Tx, actor: Actor | null): Promise<ProduceReach> {
  const pointIds = scopeIds(actor, 'service_point', ['village_agent']);
  const points = await servicePointPlaces(db, pointIds);
  return {
    managed: scopeIds(actor, 'organisation', ['community_manager']),
    clerkPoints: points.flatMap((p) =>
      p.organisation_id ? [{ pointId: p.id, organisationId: p.organisation_id }] : [],
    ),
    regions: regionScope(actor, ['national_admin', 'regional_officer']),
  };
}

/** Organisations whose producers and intakes the actor may write (managers and clerks). */
export const intakeOrgs = (r: ProduceReach): string[] => [
  ...new Set([...r.managed, ...r.clerkPoints.map((p) => p.organisationId)]),
];

export const reachesAny = (r: ProduceReach): boolean =>
  r.regions === 'all' || r.regions.length > 0 || intakeOrgs(r).length > 0;

type ProduceTable =
  | 'produce_producers'
  | 'produce_intakes'
  | 'produce_lots'
  | 'produce_statements'
  | 'produce_price_bases';

/**
 * Rows the actor reads: its organisations' (managed, or run by its point when `clerk` is true)
 * or inside its region.
 */
export function produceVisible<T extends ProduceTable>(
  eb: ExpressionBuilder<Database, T>,
  table: T,
  r: ProduceReach,
  opts: { clerk: boolean },
): Expression<SqlBool> {
  const orgs = opts.clerk ? intakeOrgs(r) : r.managed;
  return eb.or([
    idWhere(eb, `${table}.organisation_id`, orgs),
    regionWhere(eb, `${table}.region_code`, r.regions),
  ]);
}

export const nothing = sql<SqlBool>`1 = 0`;
