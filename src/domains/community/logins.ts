// Logins handed out by the community: an UMKM owner gets `seller` on the new UMKM, a person
// added at a service point gets `village_agent` there. Both sign in with their phone number.
// A new user gets a one-time starting password shown once to the manager/agent who hands it
// over (accounts stores only its hash). The community checks scope itself before granting;
// the grant records the granter when accounts' own rule also allows it.
import { randomInt } from 'node:crypto';
import {
  canGrant,
  createUser,
  grantRole,
  holdsGrant,
  ROLE_SCOPE,
  userByPhone,
} from '../accounts/index.js';
import { resolveScope, type Actor, type Role } from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';

export interface IssuedLogin {
  userId: string;
  /** Shown once when a new account was created; null when the phone already had an account. */
  startPassword: string | null;
  phone: string;
}

/** A readable starting password: easy to read aloud, ≥ 10 characters. */
export function startPassword(): string {
  const part = () => String(randomInt(0, 10000)).padStart(4, '0');
  return `desa-${part()}-${part()}`;
}

export async function issueLogin(
  tx: Tx,
  actor: Actor,
  p: { phone: string; displayName: string; role: Role; scopeId: string; regionCode: string },
): Promise<Result<IssuedLogin>> {
  const existing = await userByPhone(tx, p.phone);
  let userId: string;
  let password: string | null = null;
  if (existing) {
    if (existing.status === 'disabled')
      return fail(
        'COMMUNITY_ACCOUNT_DISABLED',
        {},
        { phone: { key: 'community.account_disabled' } },
      );
    userId = existing.id;
  } else {
    password = startPassword();
    const created = await createUser(
      tx,
      { displayName: p.displayName, phone: p.phone, password },
      actor.userId,
    );
    if (!created.ok) return created;
    userId = created.value;
  }
  if (await holdsGrant(tx, userId, p.role, p.scopeId))
    return fail('COMMUNITY_ALREADY_GRANTED', {}, { phone: { key: 'community.already_granted' } });
  const target = (await resolveScope(tx, ROLE_SCOPE[p.role], p.scopeId)) ?? {
    regionCode: p.regionCode,
    organisationId: null,
  };
  const granted = await grantRole(
    tx,
    canGrant(actor, p.role, target) ? actor : null,
    userId,
    p.role,
    p.scopeId,
  );
  if (!granted.ok) return granted;
  return ok({ userId, startPassword: password, phone: p.phone });
}
