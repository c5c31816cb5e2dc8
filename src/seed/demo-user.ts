// One demo person: a user with a password, a grant in the demo world, and the login to print.
import { createUser, DEMO_PASSWORD, grantRole } from '../domains/accounts/index.js';
import { unwrap } from '../kernel/errors/index.js';
import type { Role } from '../kernel/auth/index.js';
import type { DbHandle } from '../kernel/db/index.js';

// The password lives with the accounts domain, which refuses it in production.
export { DEMO_PASSWORD };

export interface DemoLogin {
  role: Role;
  name: string;
  login: string;
  scope: string | null;
}

/**
 * Demo phones are +62811000000NN; each domain seed owns a block of NN:
 * accounts 01-02, regions 03-09, community 10-19, catalog/innovation 20-29, orders 30-39,
 * logistics 40-49, training 50-59, partners 60-69, impact 70-79, produce 86-87.
 */
export async function demoUser(
  h: DbHandle,
  p: { role: Role; name: string; phone: string; scope: string | null },
  refs: Record<string, string>,
): Promise<DemoLogin> {
  const id = unwrap(
    await createUser(h.db, {
      displayName: p.name,
      phone: p.phone,
      password: DEMO_PASSWORD,
      isDemo: true,
    }),
  );
  unwrap(await grantRole(h.db, null, id, p.role, p.scope));
  refs[`user:${p.phone}`] = id;
  if (!refs[`user:${p.role}`]) refs[`user:${p.role}`] = id;
  // The point's agent, who scans the demo parcels collected there (parcel-walk.ts).
  if (p.role === 'village_agent' && p.scope && !refs[`agent:${p.scope}`])
    refs[`agent:${p.scope}`] = id;
  return { role: p.role, name: p.name, login: '0' + p.phone.slice(3), scope: p.scope };
}
