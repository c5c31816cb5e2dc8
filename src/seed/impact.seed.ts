// Demo data of the impact domain (see JOURNEYS.md): household income and UMKM sales survey
// waves 2019–2025 for every village of Ngada and Banyuwangi, drawn from the rollout registry
// the regions seed recorded, with a known effect (larger in poorer villages) that the
// evaluation page recovers; and Ibu Lestari, the ministry analyst.
import type { SeedContext } from './context.js';
import { demoUser, type DemoLogin } from './demo-user.js';
import { seedDemoSurveys } from '../domains/impact/index.js';

export async function seedImpact(ctx: SeedContext): Promise<DemoLogin[]> {
  const regencies = [
    ctx.refs['regency:ngada'] ?? '53.09',
    ctx.refs['regency:banyuwangi'] ?? '35.10',
  ];
  await seedDemoSurveys(ctx.h.db, regencies);
  return [
    await demoUser(
      ctx.h,
      {
        role: 'analyst',
        name: 'Ibu Lestari (demo, analis kementerian)',
        phone: '+6281100000070',
        scope: null,
      },
      ctx.refs,
    ),
  ];
}
