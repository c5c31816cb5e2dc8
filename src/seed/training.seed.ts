// Demo data of the training domain (see JOURNEYS.md): courses, a year of sessions in Ngada and
// Banyuwangi with attendance, certificates and before/after assessments, regency targets, and
// mentors with caseloads and logs. Logins: Ibu Dewi (mentor, twelve UMKM in Ngada, Sari's
// first) and Bu Maria (trainer, next "Jualan Online lewat WhatsApp" session to take attendance).
import type { SeedContext } from './context.js';
import { demoUser, type DemoLogin } from './demo-user.js';
import { seedTrainingDemo } from '../domains/training/index.js';
import { assignMentor } from '../domains/innovation/index.js';
import type { Actor, Role } from '../kernel/auth/index.js';

const NGADA = '53.09';
const BANYUWANGI = '35.10';

const actor = (userId: string, role: Role, region: string | null): Actor => ({
  userId,
  displayName: role,
  locale: null,
  via: 'session',
  grants: [
    {
      role,
      scopeType: region === null ? 'national' : 'region',
      scopeId: region,
      regionCode: region,
    },
  ],
});

export async function seedTraining(ctx: SeedContext): Promise<DemoLogin[]> {
  const ngada = ctx.refs['regency:ngada'] ?? NGADA;
  const banyuwangi = ctx.refs['regency:banyuwangi'] ?? BANYUWANGI;
  const mariaRegion = ctx.refs['district:ngada:2021'] ?? ngada;
  const logins = [
    await demoUser(
      ctx.h,
      {
        role: 'mentor',
        name: 'Ibu Dewi (demo, pendamping Ngada)',
        phone: '+6281100000050',
        scope: ngada,
      },
      ctx.refs,
    ),
    await demoUser(
      ctx.h,
      {
        role: 'trainer',
        name: 'Bu Maria (demo, pelatih kecamatan)',
        phone: '+6281100000051',
        scope: mariaRegion,
      },
      ctx.refs,
    ),
    await demoUser(
      ctx.h,
      {
        role: 'trainer',
        name: 'Pak Yusuf (demo, pelatih Banyuwangi)',
        phone: '+6281100000052',
        scope: banyuwangi,
      },
      ctx.refs,
    ),
    await demoUser(
      ctx.h,
      {
        role: 'mentor',
        name: 'Mbak Rahma (demo, pendamping Banyuwangi)',
        phone: '+6281100000053',
        scope: banyuwangi,
      },
      ctx.refs,
    ),
  ];
  const id = (phone: string) => ctx.refs[`user:${phone}`];
  const dewi = actor(id('+6281100000050'), 'mentor', ngada);
  const maria = actor(id('+6281100000051'), 'trainer', mariaRegion);
  const yusuf = actor(id('+6281100000052'), 'trainer', banyuwangi);
  const adi = actor(id('+6281100000053'), 'mentor', banyuwangi);
  const admin = ctx.refs['user:national_admin']
    ? actor(ctx.refs['user:national_admin'], 'national_admin', null)
    : actor(dewi.userId, 'national_admin', null);
  const refs = await seedTrainingDemo(
    ctx.h.db,
    {
      admin,
      maria,
      dewi,
      trainers: { [ngada]: maria, [banyuwangi]: yusuf },
      mentors: { [ngada]: dewi, [banyuwangi]: adi },
    },
    [ngada, banyuwangi],
    ctx.refs['umkm:sari'],
  );
  Object.assign(ctx.refs, refs);
  // Ibu Sari's improvement tasks from the innovation centre go to her mentor (JOURNEYS: "her mentor is assigned").
  if (ctx.refs['umkm:sari']) await assignMentor(ctx.h.db, dewi, ctx.refs['umkm:sari'], dewi.userId);
  return logins;
}
