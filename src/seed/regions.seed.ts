// Demo data of the regions domain (see JOURNEYS.md): plausible profiles for every village of
// Ngada (NTT) and Banyuwangi (Jawa Timur), a staggered rollout 2021–2025 (deterministic, see
// demoRolloutPlan), and the regional officers who target the next villages (Pak Arif).
// Refs for other seeds: `regency:ngada`, `regency:banyuwangi`, `village:<regency>:enrolled`
// (a village enrolled in 2021), `village:<regency>:open` (a village not yet enrolled),
// `district:<regency>:2021` (the district that joined as a whole in 2021).
import type { SeedContext } from './context.js';
import { demoUser, type DemoLogin } from './demo-user.js';
import {
  DEMO_REGENCY_CODES,
  demoProfilesCsv,
  demoRolloutPlan,
  importProfilesCsv,
  recordRollout,
  villageCodesIn,
} from '../domains/regions/index.js';
import { unwrap } from '../kernel/errors/index.js';

export async function seedRegions(ctx: SeedContext): Promise<DemoLogin[]> {
  const db = ctx.h.db;
  for (const [name, regency] of Object.entries(DEMO_REGENCY_CODES)) {
    ctx.refs[`regency:${name}`] = regency;
    const villages = await villageCodesIn(db, regency);
    if (villages.length === 0) continue;
    const report = await importProfilesCsv(db, 'system', demoProfilesCsv(villages), {
      isDemo: true,
    });
    if (report.errors.length)
      throw new Error(
        `demo profiles of ${regency} invalid: ${JSON.stringify(report.errors.slice(0, 3))}`,
      );
    const plan = demoRolloutPlan(villages);
    for (const e of plan)
      unwrap(await recordRollout(db, 'system', e.code, e.joinedOn, { isDemo: true }));
    const enrolledDistrict = plan[0].code;
    ctx.refs[`district:${name}:2021`] = enrolledDistrict;
    ctx.refs[`village:${name}:enrolled`] = villages.find((v) =>
      v.startsWith(enrolledDistrict + '.'),
    )!;
    const covered = (v: string) => plan.some((e) => v === e.code || v.startsWith(e.code + '.'));
    ctx.refs[`village:${name}:open`] = villages.find((v) => !covered(v))!;
  }
  return [
    await demoUser(
      ctx.h,
      {
        role: 'regional_officer',
        name: 'Pak Arif (demo, Dinas PMD Ngada)',
        phone: '+6281100000003',
        scope: DEMO_REGENCY_CODES.ngada,
      },
      ctx.refs,
    ),
    await demoUser(
      ctx.h,
      {
        role: 'regional_officer',
        name: 'Ibu Wulan (demo, Dinas PMD Banyuwangi)',
        phone: '+6281100000004',
        scope: DEMO_REGENCY_CODES.banyuwangi,
      },
      ctx.refs,
    ),
    await demoUser(
      ctx.h,
      {
        role: 'regional_officer',
        name: 'Pak Stefanus (demo, Provinsi NTT)',
        phone: '+6281100000005',
        scope: '53',
      },
      ctx.refs,
    ),
  ];
}
