// Access matrix rows of accounts: the personal pages, and who may grant which role at which
// scope through an invitation. Every inviting role (national admin, regional officer, community
// manager) is tried with every role at a scope it manages and at one it does not; every other
// role is refused the invitation outright.
import type { AccessCase, AccessCases } from '../world.js';
import type { Role } from '../../../src/kernel/auth/index.js';
import { createPartnerRecord } from '../../../src/domains/partners/index.js';
import { createHub } from '../../../src/domains/logistics/index.js';
import { unwrap } from '../../../src/kernel/errors/index.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from '../community.js';

let invitee = 0;
/** A fresh local mobile number per invitation (an existing phone would answer 422, not the grant rule). */
const phone = () =>
  `0813${String(process.pid % 1000).padStart(3, '0')}${String(++invitee).padStart(5, '0')}`;

export const accessCases: AccessCases = async (w) => {
  const db = w.h.db;
  const v = await anyVillage(db, '53.09', 2);
  const java = await anyVillage(db, '35.10', 2);
  // Two organisations in the same village: a manager of one manages nothing of the other.
  const orgA = await makeOrganisation(db, { villageCode: v, name: 'BUMDes Pemberi' });
  const orgB = await makeOrganisation(db, { villageCode: v, name: 'Koperasi Tetangga' });
  const orgJava = await makeOrganisation(db, { villageCode: java, name: 'BUMDes Jauh' });
  const umkmA = await makeUmkm(db, { villageCode: v, organisationId: orgA });
  const umkmB = await makeUmkm(db, { villageCode: v, organisationId: orgB });
  const umkmFree = await makeUmkm(db, { villageCode: v, organisationId: null });
  const umkmJava = await makeUmkm(db, { villageCode: java, organisationId: orgJava });
  const pointA = await makeServicePoint(db, { villageCode: v, organisationId: orgA });
  const pointB = await makeServicePoint(db, { villageCode: v, organisationId: orgB });
  const pointFree = await makeServicePoint(db, { villageCode: v, organisationId: null });
  const pointJava = await makeServicePoint(db, { villageCode: java, organisationId: orgJava });
  const hubNgada = unwrap(
    await createHub(db, null, {
      tier: 'kabupaten',
      regionCode: '53.09',
      name: 'Hub Matriks Ngada',
      lat: -8.78,
      lng: 120.97,
    }),
  );
  const hubJava = unwrap(
    await createHub(db, null, {
      tier: 'kabupaten',
      regionCode: '35.10',
      name: 'Hub Matriks Banyuwangi',
      lat: -8.21,
      lng: 114.37,
    }),
  );
  const partner = await createPartnerRecord(db, { name: 'Mitra Matriks', kind: 'marketplace' });

  // Every role at each kind of scope: `in` = inside a Ngada officer's region and run by orgA,
  // `near` = same village but run by another organisation (or none), `far` = another regency.
  type Target = { role: Role; scope: string; where: 'in' | 'near' | 'far' | 'none' };
  const targets: Target[] = [
    { role: 'national_admin', scope: '', where: 'none' },
    { role: 'analyst', scope: '', where: 'none' },
    { role: 'buyer', scope: '', where: 'none' },
    { role: 'partner', scope: partner, where: 'none' },
    ...(['regional_officer', 'mentor', 'trainer', 'reviewer'] as const).flatMap((role) => [
      { role, scope: v, where: 'near' as const },
      { role, scope: '35.10', where: 'far' as const },
    ]),
    { role: 'community_manager', scope: orgA, where: 'in' },
    { role: 'community_manager', scope: orgB, where: 'near' },
    { role: 'community_manager', scope: orgJava, where: 'far' },
    { role: 'seller', scope: umkmA, where: 'in' },
    { role: 'seller', scope: umkmB, where: 'near' },
    { role: 'seller', scope: umkmFree, where: 'near' },
    { role: 'seller', scope: umkmJava, where: 'far' },
    { role: 'village_agent', scope: pointA, where: 'in' },
    { role: 'village_agent', scope: pointB, where: 'near' },
    { role: 'village_agent', scope: pointFree, where: 'near' },
    { role: 'village_agent', scope: pointJava, where: 'far' },
    { role: 'hub_operator', scope: hubNgada, where: 'near' },
    { role: 'hub_operator', scope: hubJava, where: 'far' },
  ];
  const granters: { label: string; as: [Role, string | null][]; may(t: Target): boolean }[] = [
    { label: 'national admin', as: [['national_admin', null]], may: () => true },
    // A regency officer grants any role but national ones inside Ngada (not partners, buyers, national roles).
    {
      label: 'Ngada officer',
      as: [['regional_officer', '53.09']],
      may: (t) => t.where === 'in' || t.where === 'near',
    },
    // A community manager grants only on what its own organisation runs.
    { label: 'orgA manager', as: [['community_manager', orgA]], may: (t) => t.where === 'in' },
  ];
  const invite = (t: Target) => ({
    display_name: `Undangan ${t.role}`,
    phone: phone(),
    role: t.role,
    scope_id: t.scope,
  });
  const cases: AccessCase[] = [
    { name: 'anonymous home page', path: '/', as: null, expect: 200 },
    { name: 'anonymous /me', path: '/me', as: null, expect: 'login' },
    { name: 'anonymous API /me', path: '/api/v1/me', as: null, expect: 401 },
    { name: 'buyer API /me', path: '/api/v1/me', as: [['buyer', null]], expect: 200 },
    { name: 'buyer /me', path: '/me', as: [['buyer', null]], expect: 200 },
    { name: 'buyer cannot invite', path: '/account/invite', as: [['buyer', null]], expect: 403 },
    {
      name: 'admin can invite',
      path: '/account/invite',
      as: [['national_admin', null]],
      expect: 200,
    },
    { name: 'anonymous tokens page', path: '/account/tokens', as: null, expect: 'login' },
    { name: 'buyer tokens page', path: '/account/tokens', as: [['buyer', null]], expect: 200 },
    {
      name: 'anonymous invites nobody',
      method: 'POST',
      path: '/account/invite',
      as: null,
      expect: 401,
      form: invite(targets[2]),
    },
  ];
  for (const g of granters) {
    for (const t of targets) {
      cases.push({
        name: `${g.label} grants ${t.role} at ${t.where} scope ${t.scope || '(none)'}`,
        method: 'POST',
        path: '/account/invite',
        as: g.as,
        expect: g.may(t) ? 201 : 403,
        form: invite(t),
      });
    }
  }
  // Roles that invite nobody, each trying the most tempting grant: its own role at its own scope.
  const own: [Role, string | null][] = [
    ['buyer', null],
    ['seller', umkmA],
    ['village_agent', pointA],
    ['mentor', '53.09'],
    ['trainer', '53.09'],
    ['reviewer', '53.09'],
    ['hub_operator', hubNgada],
    ['partner', partner],
    ['analyst', null],
  ];
  for (const [role, scope] of own) {
    cases.push({
      name: `${role} cannot grant ${role}`,
      method: 'POST',
      path: '/account/invite',
      as: [[role, scope]],
      expect: 403,
      form: { display_name: 'Undangan', phone: phone(), role, scope_id: scope ?? '' },
    });
  }
  return cases;
};
