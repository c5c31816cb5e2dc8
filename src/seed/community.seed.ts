// Demo data of the community domain (see JOURNEYS.md): in Ngada (53.09, NTT) and Banyuwangi
// (35.10, Jawa Timur) BUMDes, koperasi and kelompok in real villages, 45 UMKM across real
// product types with stories and certifications (dates relative to the seed day, so some are
// always expiring within 14/60 days and some expired), service points with agents, and the
// journeys' people: Ibu Sari (gula aren, seller login), Pak Yohanes (agent at the BUMDes
// kiosk) and the BUMDes manager. Everything goes through the community services.
// Refs: `org:<slug>` (e.g. `org:bumdes-sari`), `umkm:<slug>` (e.g. `umkm:sari`),
// `umkm:all` (comma-separated ids), `svp:<slug>` (e.g. `svp:yohanes`), `user:<phone>`.
import type { SeedContext } from './context.js';
import { demoUser, type DemoLogin } from './demo-user.js';
import { unwrap } from '../kernel/errors/index.js';
import type { Actor } from '../kernel/auth/index.js';
import {
  addCertification,
  addPerson,
  createOrganisation,
  createServicePoint,
  linkOwner,
  registerUmkm,
  type CertificationKind,
  type OrganisationKind,
} from '../domains/community/index.js';
import { regionNames } from '../domains/regions/index.js';
import { ORGS, POINTS, UMKM, type CertSpec } from './community.data.js';

const DAY = 86400_000;
const dayFromNow = (offset: number, now: number) =>
  new Date(now + offset * DAY).toISOString().slice(0, 10);

function certNumber(kind: CertificationKind, i: number, village: string): string {
  const serial = String(100000 + i * 7919).slice(-6);
  const place = village.replace(/\./g, '').slice(0, 6);
  switch (kind) {
    case 'nib':
      return `9120${place}${serial.slice(-3)}`;
    case 'pirt':
      return `P-IRT 2${place}${serial}-${26 + (i % 4)}`;
    case 'halal_regular':
    case 'halal_self_declare':
      return `ID${place}${serial}0126`;
    case 'bpom_md':
      return `MD 2${place}${serial.slice(-5)}`;
    case 'bpom_ml':
      return `ML 3${place}${serial.slice(-5)}`;
  }
}

export async function seedCommunity(ctx: SeedContext): Promise<DemoLogin[]> {
  const db = ctx.h.db;
  const adminId = ctx.refs['user:national_admin'];
  if (!adminId) throw new Error('community seed needs the accounts seed (national admin) first');
  const villages = [...new Set([...ORGS, ...UMKM].map((o) => o.village))];
  const exists = await regionNames(db, villages);
  if (exists.size < villages.length) return []; // Regions not imported (e.g. a bare database): nothing to attach to.
  const admin: Actor = {
    userId: adminId,
    displayName: 'seed',
    locale: null,
    via: 'session',
    grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
  };
  const now = Date.now();
  const logins: DemoLogin[] = [];

  // One transaction for the bulk: one commit instead of hundreds (PostgreSQL fsyncs each).
  const all: string[] = [];
  await db.transaction().execute(async (tx) => {
    for (const o of ORGS) {
      ctx.refs[`org:${o.slug}`] = unwrap(
        await createOrganisation(
          tx,
          admin,
          { village_code: o.village, kind: o.kind as OrganisationKind, name: o.name },
          { isDemo: true },
        ),
      );
    }
    for (const p of POINTS) {
      ctx.refs[`svp:${p.slug}`] = unwrap(
        await createServicePoint(
          tx,
          admin,
          {
            name: p.name,
            village_code: p.village,
            organisation_id: ctx.refs[`org:${p.org}`],
            lat: p.lat,
            lng: p.lng,
            opening_hours: p.hours,
            services: [...p.services],
          },
          { isDemo: true },
        ),
      );
    }

    for (const [i, u] of UMKM.entries()) {
      const r = unwrap(
        await registerUmkm(
          tx,
          admin,
          {
            consent: true,
            owner_name: u.owner,
            phone: `+628129900${String(1000 + i).slice(-4)}`,
            whatsapp: null,
            name: u.name,
            business_type: u.type as any,
            village_code: u.village,
            organisation_id: u.org ? ctx.refs[`org:${u.org}`] : null,
            story: u.story,
          },
          { isDemo: true, login: false },
        ),
      );
      ctx.refs[`umkm:${u.slug}`] = r.umkmId;
      all.push(r.umkmId);
      for (const c of u.certs as CertSpec[]) {
        const [kind, issuedAgo, expiresIn] = c;
        unwrap(
          await addCertification(tx, admin, r.umkmId, {
            kind,
            number: certNumber(kind, i, u.village),
            issued_on: dayFromNow(-issuedAgo, now),
            expires_on: expiresIn === null ? null : dayFromNow(expiresIn, now),
          }),
        );
      }
    }
  });
  ctx.refs['umkm:all'] = all.join(',');
  await db
    .updateTable('umkm')
    .set({
      bank_name: 'BRI',
      bank_account_name: 'Sari Dhiu',
      bank_account_number: '005301000123567',
    })
    .where('id', '=', ctx.refs['umkm:sari'])
    .execute();

  // The journeys' people: demo logins in the community block (+62811000000 10-19).
  const sari = await demoUser(
    ctx.h,
    {
      role: 'seller',
      name: 'Ibu Sari (demo, Gula Aren)',
      phone: '+6281100000010',
      scope: ctx.refs['umkm:sari'],
    },
    ctx.refs,
  );
  await linkOwner(db, admin, ctx.refs['umkm:sari'], ctx.refs['user:+6281100000010']);
  logins.push(sari);
  logins.push(
    await demoUser(
      ctx.h,
      {
        role: 'community_manager',
        name: 'Ibu Theresia (demo, manajer BUMDes Radabata)',
        phone: '+6281100000011',
        scope: ctx.refs['org:bumdes-sari'],
      },
      ctx.refs,
    ),
  );
  ctx.refs['user:bumdes-manager'] = ctx.refs['user:+6281100000011'];
  logins.push(
    await demoUser(
      ctx.h,
      {
        role: 'village_agent',
        name: 'Pak Yohanes (demo, agen kios BUMDes)',
        phone: '+6281100000012',
        scope: ctx.refs['svp:yohanes'],
      },
      ctx.refs,
    ),
  );
  ctx.refs['user:yohanes'] = ctx.refs['user:+6281100000012'];
  logins.push(
    await demoUser(
      ctx.h,
      {
        role: 'community_manager',
        name: 'Pak Hasan (demo, Koperasi Desa Merah Putih Kedungrejo)',
        phone: '+6281100000013',
        scope: ctx.refs['org:koperasi-kedungrejo'],
      },
      ctx.refs,
    ),
  );
  logins.push(
    await demoUser(
      ctx.h,
      {
        role: 'village_agent',
        name: 'Mas Bagus (demo, agen Kemiren)',
        phone: '+6281100000014',
        scope: ctx.refs['svp:kemiren'],
      },
      ctx.refs,
    ),
  );
  const adi = await demoUser(
    ctx.h,
    {
      role: 'seller',
      name: 'Mas Adi (demo, Kopi Osing Kemiren)',
      phone: '+6281100000019',
      scope: ctx.refs['umkm:kopi-osing-kemiren'],
    },
    ctx.refs,
  );
  await linkOwner(db, admin, ctx.refs['umkm:kopi-osing-kemiren'], ctx.refs['user:+6281100000019']);
  logins.push(adi);
  // Every other point has an agent too (demo password, same block).
  const others = POINTS.filter((p) => p.slug !== 'yohanes' && p.slug !== 'kemiren');
  for (const [i, p] of others.entries()) {
    logins.push(
      await demoUser(
        ctx.h,
        {
          role: 'village_agent',
          name: `${p.agent} (demo, agen ${p.name})`,
          phone: `+62811000000${15 + i}`,
          scope: ctx.refs[`svp:${p.slug}`],
        },
        ctx.refs,
      ),
    );
  }

  // Members of the BUMDes and Ibu Sari's household, each with consent recorded by the manager.
  const manager: Actor = {
    userId: ctx.refs['user:bumdes-manager'],
    displayName: 'seed',
    locale: null,
    via: 'session',
    grants: [
      {
        role: 'community_manager',
        scopeType: 'organisation',
        scopeId: ctx.refs['org:bumdes-sari'],
        regionCode: ORGS[0].village,
      },
    ],
  };
  const people: [
    string,
    'ketua' | 'bendahara' | 'sekretaris' | 'anggota' | null,
    number,
    'org' | 'sari',
  ][] = [
    ['Bapak Nikolaus Dopo', 'ketua', 4, 'org'],
    ['Ibu Agnes Bupu', 'bendahara', 5, 'org'],
    ['Bapak Gregorius Wae', 'sekretaris', 3, 'org'],
    ['Ibu Maria Goreti', 'anggota', 6, 'org'],
    ['Ibu Sari Dhiu', null, 5, 'sari'],
    ['Bapak Petrus Dhiu', null, 5, 'sari'],
  ];
  for (const [name, role, size, link] of people) {
    unwrap(
      await addPerson(
        db,
        manager,
        {
          consent: true,
          full_name: name,
          phone: null,
          role_title: role,
          household_size: size,
          umkm_id: link === 'sari' ? ctx.refs['umkm:sari'] : null,
          organisation_id: link === 'org' ? ctx.refs['org:bumdes-sari'] : null,
        },
        { isDemo: true },
      ),
    );
  }
  return logins;
}
