// Demo users with no domain of their own: the national admin and Mbak Rina the buyer.
import type { SeedContext } from './context.js';
import { demoUser, type DemoLogin } from './demo-user.js';

export async function seedAccounts(ctx: SeedContext): Promise<DemoLogin[]> {
  return [
    await demoUser(
      ctx.h,
      {
        role: 'national_admin',
        name: 'Admin Nasional (demo)',
        phone: '+6281100000001',
        scope: null,
      },
      ctx.refs,
    ),
    await demoUser(
      ctx.h,
      { role: 'buyer', name: 'Mbak Rina (demo)', phone: '+6281100000002', scope: null },
      ctx.refs,
    ),
  ];
}
