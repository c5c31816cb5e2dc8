// The demo world, seeded into an empty database in demo mode. Every domain adds its part in
// dependency order; everything created here is marked as demo data.
import type { DbHandle } from '../kernel/db/index.js';
import type { Progress } from '../kernel/cli/index.js';
import { seedAccounts, type DemoLogin } from './accounts.seed.js';

export const DEMO_PASSWORD = 'demo-lumbung-2026';

export interface SeedContext {
  h: DbHandle;
  progress?: Progress;
  /** Ids of the demo world's main records, shared between domain seeds. */
  refs: Record<string, string>;
}

export async function isEmpty(h: DbHandle): Promise<boolean> {
  const row = await h.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/** Seeds the whole demo world and returns the demo logins to print. */
export async function seedDemo(h: DbHandle, progress?: Progress): Promise<DemoLogin[]> {
  const ctx: SeedContext = { h, progress, refs: {} };
  return seedAccounts(ctx);
}

export type { DemoLogin };
