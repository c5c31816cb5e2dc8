// Partners routes in the access matrix: a partner reads only its own feed, deliveries and
// statements; offers are decided only by the manager of the organisation offered to;
// incentives are set and issued by officers over the scope.
import type { AccessCase, AccessCases } from '../world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../community.js';
import { createPartnerRecord } from '../../../src/domains/partners/partners.service.js';
import { newId } from '../../../src/kernel/ids/index.js';
import { nowIso } from '../../../src/kernel/db/index.js';

export const accessCases: AccessCases = async (w) => {
  const db = w.h.db;
  const v = await anyVillage(db, '53.09', 7);
  const org = await makeOrganisation(db, { villageCode: v, name: 'BUMDes Matriks Mitra' });
  const orgOther = await makeOrganisation(db, { villageCode: await anyVillage(db, '35.10', 3) });
  const umkm = await makeUmkm(db, { villageCode: v, organisationId: org });
  const partner = await createPartnerRecord(db, { name: 'Mitra Matriks', kind: 'marketplace' });
  const partnerOther = await createPartnerRecord(db, { name: 'Mitra Lain', kind: 'retailer' });
  const offer = `pns_matrix_${Date.now()}`;
  await db
    .insertInto('partnerships')
    .values({
      id: offer,
      partner_id: partner,
      umkm_id: null,
      organisation_id: org,
      village_code: v,
      commission_bps: 500,
      ships_by: 'lumbung',
      terms: 'Uji',
      status: 'offered',
      offered_at: nowIso(),
      offered_by: null,
      decided_at: null,
      decided_by: null,
      starts_on: '2026-01-01',
      ends_on: null,
    })
    .execute();
  const rule = newId('inr');
  await db
    .insertInto('incentive_rules')
    .values({
      id: rule,
      period: '2026-01',
      scope_code: '53.09',
      kind: 'gmv_percent',
      amount: 100,
      count: null,
      created_by: null,
      created_at: nowIso(),
    })
    .execute();
  const statement = newId('ins');
  await db
    .insertInto('incentive_statements')
    .values({
      id: statement,
      number: `INS-MATRIX-${Date.now()}`,
      partner_id: partner,
      period: '2026-01',
      scope_code: '53.09',
      corrects_id: null,
      total: 0,
      issued_at: nowIso(),
      issued_by: null,
    })
    .execute();

  const me: [['partner', string]] = [['partner', partner]];
  const other: [['partner', string]] = [['partner', partnerOther]];
  const ngada: [['regional_officer', string]] = [['regional_officer', '53.09']];
  const bwi: [['regional_officer', string]] = [['regional_officer', '35.10']];
  const issue = { partner_id: partner, period: '2026-01', scope_code: '53.09' };
  // A period with no statement yet, so the allowed issue writes one (2026-01 is already issued).
  const issueNew = { ...issue, period: '2025-12' };
  const cases: AccessCase[] = [
    { name: 'partner dashboard', path: '/mitra', as: me, expect: 200 },
    { name: 'buyer has no partner dashboard', path: '/mitra', as: [['buyer', null]], expect: 403 },
    { name: 'anonymous feed', path: '/api/v1/partner/feed', as: null, expect: 401 },
    { name: 'partner feed', path: '/api/v1/partner/feed', as: me, expect: 200 },
    {
      name: "partner asks for another partner's feed",
      path: `/api/v1/partner/feed?partner=${partnerOther}`,
      as: me,
      expect: 404,
    },
    {
      name: 'seller has no feed',
      path: '/api/v1/partner/feed.csv',
      as: [['seller', umkm]],
      expect: 403,
    },
    { name: 'partner statements list', path: '/api/v1/partner/statements', as: me, expect: 200 },
    { name: 'own statement', path: `/insentif/laporan/${statement}`, as: me, expect: 200 },
    {
      name: "another partner's statement",
      path: `/insentif/laporan/${statement}`,
      as: other,
      expect: 404,
    },
    {
      name: "another partner's statement CSV via API",
      path: `/api/v1/partner/statements/${statement}/csv`,
      as: other,
      expect: 404,
    },
    {
      name: 'officer of the scope reads the statement',
      path: `/insentif/laporan/${statement}`,
      as: ngada,
      expect: 200,
    },
    {
      name: 'officer of another regency does not',
      path: `/insentif/laporan/${statement}`,
      as: bwi,
      expect: 404,
    },
    {
      name: 'manager of the organisation sees offers',
      path: '/kemitraan',
      as: [['community_manager', org]],
      expect: 200,
    },
    {
      name: 'manager of another organisation cannot accept',
      method: 'POST',
      path: `/kemitraan/${offer}`,
      as: [['community_manager', orgOther]],
      expect: 404,
      form: { decision: 'accepted' },
    },
    {
      name: 'a partner cannot accept its own offer',
      method: 'POST',
      path: `/kemitraan/${offer}`,
      as: me,
      expect: 403,
      form: { decision: 'accepted' },
    },
    { name: 'officer incentives page', path: '/insentif', as: ngada, expect: 200 },
    { name: 'partner has no incentives page', path: '/insentif', as: me, expect: 403 },
    {
      name: 'officer adds a rule in its regency',
      method: 'POST',
      path: '/insentif/aturan',
      as: ngada,
      expect: 303,
      form: { period: '2026-01', scope_code: '53.09', kind: 'monthly_cap', amount: '1000000' },
    },
    {
      name: 'officer cannot add a rule in another regency',
      method: 'POST',
      path: '/insentif/aturan',
      as: bwi,
      expect: 403,
      form: { period: '2026-01', scope_code: '53.09', kind: 'monthly_cap', amount: '1000000' },
    },
    {
      name: 'officer cannot issue for another regency',
      method: 'POST',
      path: '/insentif/terbitkan',
      as: bwi,
      expect: 403,
      form: issueNew,
    },
    {
      name: 'only national admins register partners',
      path: '/mitra/daftar',
      as: ngada,
      expect: 403,
    },
    {
      name: 'national admin registers partners',
      path: '/mitra/daftar',
      as: [['national_admin', null]],
      expect: 200,
    },
    // The allowed twins of the refusals above.
    {
      name: 'the other partner reads its own feed',
      path: `/api/v1/partner/feed?partner=${partnerOther}`,
      as: other,
      expect: 200,
    },
    { name: 'partner feed CSV', path: '/api/v1/partner/feed.csv', as: me, expect: 200 },
    {
      name: 'own statement CSV via API',
      path: `/api/v1/partner/statements/${statement}/csv`,
      as: me,
      expect: 200,
    },
    {
      name: 'officer issues for its regency',
      method: 'POST',
      path: '/insentif/terbitkan',
      as: ngada,
      expect: 303,
      form: issueNew,
    },
    {
      name: 'manager of the organisation accepts',
      method: 'POST',
      path: `/kemitraan/${offer}`,
      as: [['community_manager', org]],
      expect: 303,
      form: { decision: 'accepted' },
    },
  ];
  return cases;
};
