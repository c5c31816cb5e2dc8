// The demo world, seeded into an empty database in demo mode. Every domain adds its part in
// dependency order (each file here is owned by its domain); everything created is demo data.
import type { DbHandle } from '../kernel/db/index.js';
import { scopeLabels } from '../kernel/auth/index.js';
import { demoLoginGrants, noAccountsYet } from '../domains/accounts/index.js';
import type { Progress } from '../kernel/cli/index.js';
import type { DemoLogin } from './demo-user.js';
import type { SeedContext } from './context.js';
import { seedAccounts } from './accounts.seed.js';
import { seedRegions } from './regions.seed.js';
import { seedCommunity } from './community.seed.js';
import { seedCatalog } from './catalog.seed.js';
import { seedInnovation } from './innovation.seed.js';
import { seedOrders } from './orders.seed.js';
import { seedLogistics } from './logistics.seed.js';
import { seedTraining } from './training.seed.js';
import { seedPartners } from './partners.seed.js';
import { seedProduce } from './produce.seed.js';
import { seedImpact } from './impact.seed.js';
import { seedCollective } from './collective.seed.js';
import { seedPayouts } from './payouts.seed.js';

export { DEMO_PASSWORD, type DemoLogin } from './demo-user.js';

const STEPS: [string, (ctx: SeedContext) => Promise<DemoLogin[]>][] = [
  ['accounts', seedAccounts],
  ['regions', seedRegions],
  ['community', seedCommunity],
  ['catalog', seedCatalog],
  ['innovation', seedInnovation],
  ['orders', seedOrders],
  ['logistics', seedLogistics],
  ['training', seedTraining],
  ['partners', seedPartners],
  // After the parcels travelled and COD cash came in at pickup: only money that is in is paid.
  ['payouts', seedPayouts],
  ['collective', seedCollective],
  ['produce', seedProduce],
  ['impact', seedImpact],
];

export async function isEmpty(h: DbHandle): Promise<boolean> {
  return noAccountsYet(h.db);
}

/** The demo logins already in the database (one row per demo user and grant), printed on every start. */
export async function demoLogins(h: DbHandle): Promise<DemoLogin[]> {
  const rows = await demoLoginGrants(h.db);
  // Printed beside the login: the name of what the person works for, never its internal id.
  const names = await scopeLabels(
    h.db,
    rows.map((r) => ({ type: r.scope_type, id: r.scope_id })),
  );
  return rows.map((r) => ({
    role: r.role,
    name: r.display_name,
    login: '0' + r.phone.slice(3),
    scope: r.scope_id ? (names.get(`${r.scope_type}:${r.scope_id}`) ?? null) : null,
  }));
}

/** Seeds the whole demo world and returns the demo logins to print. */
export async function seedDemo(h: DbHandle, progress?: Progress): Promise<DemoLogin[]> {
  const ctx: SeedContext = { h, progress, refs: {} };
  const logins: DemoLogin[] = [];
  for (const [, step] of STEPS) logins.push(...(await step(ctx)));
  return logins;
}
