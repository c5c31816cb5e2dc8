// Who may act on collective records. A coordinator is a community manager of the organisation
// that runs the cycle or group buy; an agent acts at their own service point; national admins
// act everywhere. Pages and API ask these, and every query names the scope it was granted.
import { hasRole, scopeIds, type Actor } from '../../kernel/auth/index.js';

/** Organisations whose cycles and group buys the actor coordinates; 'all' for national admins. */
export function coordinatedOrganisations(actor: Actor | null): string[] | 'all' {
  if (hasRole(actor, 'national_admin')) return 'all';
  return scopeIds(actor, 'organisation', ['community_manager']);
}

export function coordinates(actor: Actor | null, organisationId: string | null): boolean {
  const orgs = coordinatedOrganisations(actor);
  return orgs === 'all' || (!!organisationId && orgs.includes(organisationId));
}

/** Service points where the actor is the agent. */
export const agentPoints = (actor: Actor | null): string[] =>
  scopeIds(actor, 'service_point', ['village_agent']);

export const COORDINATOR_ROLES = ['community_manager', 'national_admin'] as const;
