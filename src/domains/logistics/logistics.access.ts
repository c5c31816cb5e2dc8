// Who may act on which hub, parcel and service point. Hub operators hold grants scoped to
// one hub; regional officers (and national admins) oversee every hub in their region;
// village agents act at their own service point. List queries filter with `hubScopeWhere`
// in SQL, single records are checked with `canOperateHub` before anything is loaded further.
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import {
  regionScope,
  regionContains,
  scopeIds,
  type Actor,
  type Role,
} from '../../kernel/auth/index.js';
import { idWhere, regionWhere } from '../../kernel/auth/index.js';

export const OVERSEERS: Role[] = ['regional_officer', 'national_admin'];

export function operatedHubIds(actor: Actor | null): string[] {
  return scopeIds(actor, 'hub', ['hub_operator']);
}

/** SQL filter on a hubs table alias: the actor's own hubs or hubs inside its region. */
export function hubScopeWhere<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor | null,
  idCol: string,
  regionCol: string,
): Expression<SqlBool> {
  return eb.or([
    idWhere(eb, idCol, operatedHubIds(actor)),
    regionWhere(eb, regionCol, regionScope(actor, OVERSEERS)),
  ]);
}

export function canOperateHub(
  actor: Actor | null,
  hub: { id: string; region_code: string },
): boolean {
  if (operatedHubIds(actor).includes(hub.id)) return true;
  const scope = regionScope(actor, OVERSEERS);
  return scope === 'all' || scope.some((p) => regionContains(p, hub.region_code));
}

/** Only overseers change the network's shape (hubs, assignments, distances). */
export function canShapeNetwork(actor: Actor | null, regionCode: string): boolean {
  const scope = regionScope(actor, OVERSEERS);
  return scope === 'all' || scope.some((p) => regionContains(p, regionCode));
}

export function agentPointIds(actor: Actor | null): string[] {
  return scopeIds(actor, 'service_point', ['village_agent']);
}
