// The one permission module. A user holds grants (role + scope); every scoped query asks this
// module which region prefixes or entity ids the actor may touch and filters in SQL, so data
// outside the scope is never loaded ("no load then check").
import type { Locale } from '../i18n/i18n.js';

/**
 * The roles, each with the scope type its grants name. The kernel holds no role vocabulary: the
 * accounts domain fills this interface by declaration merging (accounts/roles.ts), as domains
 * add their tables to `Database`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in accounts.
export interface RoleScopes {}
export type Role = keyof RoleScopes & string;

/** What a grant's scopeId names. Region-scoped grants carry a region code as scopeId. */
export type ScopeType =
  | 'national'
  | 'region'
  | 'organisation'
  | 'service_point'
  | 'umkm'
  | 'hub'
  | 'partner'
  | 'self';

export interface Grant {
  role: Role;
  scopeType: ScopeType;
  /** Region code, or the id of the organisation/point/UMKM/hub/partner; null for national/self. */
  scopeId: string | null;
  /** Region code the scope sits in (a point's village, an organisation's village …); null = all. */
  regionCode: string | null;
}

export interface Actor {
  userId: string;
  displayName: string;
  locale: Locale | null;
  grants: Grant[];
  /** 'session' for browser users, 'token' for API integrations. */
  via: 'session' | 'token';
  sessionId?: string;
}

export function hasRole(actor: Actor | null | undefined, ...roles: Role[]): boolean {
  return !!actor && actor.grants.some((g) => roles.includes(g.role));
}

/** True when `inner` equals `outer` or lies inside it in the region code tree. */
export function regionContains(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(outer + '.');
}

/**
 * Region prefixes the actor may act on through the given roles: 'all' for national admins,
 * otherwise the region codes of the matching grants (a regency officer → ['53.09']).
 */
export function regionScope(
  actor: Actor | null | undefined,
  roles: readonly Role[],
): 'all' | string[] {
  if (!actor) return [];
  const out: string[] = [];
  for (const g of actor.grants) {
    if (!roles.includes(g.role)) continue;
    if (g.scopeType === 'national' || (g.regionCode === null && g.scopeType === 'region'))
      return 'all';
    if (g.regionCode) out.push(g.regionCode);
  }
  return out;
}

/** True when one of the actor's grants with these roles covers the region code. */
export function canInRegion(
  actor: Actor | null | undefined,
  roles: readonly Role[],
  code: string,
): boolean {
  const scope = regionScope(actor, roles);
  return scope === 'all' || scope.some((p) => regionContains(p, code));
}

/** Ids of the entities the actor holds through grants of one scope type (e.g. its UMKM). */
export function scopeIds(
  actor: Actor | null | undefined,
  scopeType: ScopeType,
  roles?: readonly Role[],
): string[] {
  if (!actor) return [];
  return actor.grants
    .filter((g) => g.scopeType === scopeType && g.scopeId && (!roles || roles.includes(g.role)))
    .map((g) => g.scopeId as string);
}

/** Where a grant's scope sits: its region and the organisation that runs it, if any. */
export interface GrantTarget {
  regionCode: string | null;
  organisationId: string | null;
}
