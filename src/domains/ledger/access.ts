// Who may read which ledger account. National staff read every account; a seller reads its
// UMKM's payable; an agent reads its point's cash drawer and commission; a BUMDes/koperasi
// manager reads its organisation's account and its UMKM's payables. The answer never depends on
// an id the client sent being its own: the account's owner is checked against the actor's grants.
import type { Tx } from '../../kernel/db/index.js';
import { hasRole, scopeIds, type Actor } from '../../kernel/auth/index.js';
import { organisationOfUmkm } from '../community/index.js';
import { parseAccountCode } from './accounts.js';

export const LEDGER_READERS = [
  'national_admin',
  'seller',
  'village_agent',
  'community_manager',
] as const;

export async function mayReadAccount(db: Tx, actor: Actor, code: string): Promise<boolean> {
  const a = parseAccountCode(code);
  if (!a) return false;
  if (hasRole(actor, 'national_admin')) return true;
  if (!a.owner) return false;
  if (a.kind === 'umkm_payable') {
    if (scopeIds(actor, 'umkm', ['seller']).includes(a.owner)) return true;
    const orgs = scopeIds(actor, 'organisation', ['community_manager']);
    if (orgs.length === 0) return false;
    const org = (await organisationOfUmkm(db, [a.owner])).get(a.owner);
    return !!org && orgs.includes(org);
  }
  if (a.kind === 'cash_drawer' || a.kind === 'agent_commission')
    return scopeIds(actor, 'service_point', ['village_agent']).includes(a.owner);
  if (
    a.kind === 'organisation' ||
    a.kind === 'organisation_cash' ||
    a.kind === 'organisation_costs'
  )
    return scopeIds(actor, 'organisation', ['community_manager']).includes(a.owner);
  return false;
}

/** Whether the actor reconciles the organisation's bank account (its managers; national staff any). */
export function mayReconcile(actor: Actor, organisationId: string): boolean {
  return (
    hasRole(actor, 'national_admin') ||
    scopeIds(actor, 'organisation', ['community_manager']).includes(organisationId)
  );
}

/** The accounts an actor's grants name directly (its home balances). */
export function accountsOfActor(actor: Actor): string[] {
  return [
    ...scopeIds(actor, 'umkm', ['seller']).map((id) => `umkm_payable:${id}`),
    ...scopeIds(actor, 'service_point', ['village_agent']).flatMap((id) => [
      `cash_drawer:${id}`,
      `agent_commission:${id}`,
    ]),
    ...scopeIds(actor, 'organisation', ['community_manager']).flatMap((id) => [
      `organisation:${id}`,
      `organisation_cash:${id}`,
    ]),
  ];
}
