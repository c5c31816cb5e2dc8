// Demo users, one per role, each with a grant in the demo world's scope.
import { createUser, grantRole } from '../domains/accounts/index.js';
import { unwrap } from '../kernel/errors/index.js';
import type { Role } from '../kernel/auth/index.js';
import type { SeedContext } from './index.js';

export interface DemoLogin {
  role: Role;
  name: string;
  login: string;
  scope: string | null;
}

const PASSWORD = 'demo-lumbung-2026';

/** People of JOURNEYS.md; scopes that need other domains' records are filled by those seeds. */
export async function seedAccounts(ctx: SeedContext): Promise<DemoLogin[]> {
  const db = ctx.h.db;
  const people: { role: Role; name: string; phone: string; scope: string | null }[] = [
    { role: 'national_admin', name: 'Admin Nasional (demo)', phone: '+6281100000001', scope: null },
    { role: 'buyer', name: 'Mbak Rina (demo)', phone: '+6281100000002', scope: null },
  ];
  const out: DemoLogin[] = [];
  for (const p of people) {
    const id = unwrap(await createUser(db, { displayName: p.name, phone: p.phone, password: PASSWORD, isDemo: true }));
    unwrap(await grantRole(db, null, id, p.role, p.scope));
    ctx.refs[`user:${p.role}`] = id;
    out.push({ role: p.role, name: p.name, login: '0' + p.phone.slice(3), scope: p.scope });
  }
  return out;
}
