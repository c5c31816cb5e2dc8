// The role vocabulary of Lumbung, owned by accounts (who grants roles). Each role carries the
// scope type its grants name. The kernel knows roles only as the `Role` type, which this file
// hands it by declaration merging, the way each domain hands the kernel its tables.
import {
  canInRegion,
  hasRole,
  scopeIds,
  type Actor,
  type GrantTarget,
  type Role,
  type ScopeType,
} from '../../kernel/auth/index.js';

/** Every role, in the order pickers list them. */
export const ROLES = [
  'national_admin',
  'regional_officer',
  'community_manager',
  'village_agent',
  'seller',
  'mentor',
  'trainer',
  'reviewer',
  'hub_operator',
  'partner',
  'analyst',
  'buyer',
] as const;

type RoleTable = Record<(typeof ROLES)[number], ScopeType>;

declare module '../../kernel/auth/access.js' {
  interface RoleScopes extends RoleTable {}
}

/** The scope type a grant of each role names. */
export const ROLE_SCOPE: Record<Role, ScopeType> = {
  national_admin: 'national',
  regional_officer: 'region',
  community_manager: 'organisation',
  village_agent: 'service_point',
  seller: 'umkm',
  mentor: 'region',
  trainer: 'region',
  reviewer: 'region',
  hub_operator: 'hub',
  partner: 'partner',
  // Ministry analysts read national aggregates and pseudonymised exports; they write nothing.
  analyst: 'national',
  buyer: 'self',
};

/**
 * Roles a granter may hand out, and only inside what its own grants manage: national admins
 * anything; regional officers any non-national role inside their region; community managers
 * only `seller`, `village_agent` and `community_manager` on records their own organisation runs
 * (the same village is not enough: two organisations can share one).
 */
export function canGrant(granter: Actor, role: Role, target: GrantTarget): boolean {
  if (hasRole(granter, 'national_admin')) return true;
  if (role === 'national_admin' || target.regionCode === null) return false;
  // A regional officer staffs its own region (including officers of its sub-regions).
  if (canInRegion(granter, ['regional_officer'], target.regionCode)) return true;
  if (['seller', 'village_agent', 'community_manager'].includes(role)) {
    return (
      target.organisationId !== null &&
      scopeIds(granter, 'organisation', ['community_manager']).includes(target.organisationId)
    );
  }
  return false;
}
