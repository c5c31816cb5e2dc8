// Access matrix cases of the regions domain: area browsing is public; profiles, targeting,
// weights, rollout and imports are allowed to officers inside their region and national
// staff, and denied to officers of another region and to other roles.
import type { AccessCases } from '../world.js';

export const accessCases: AccessCases = async (w) => {
  const villages = await w.h.db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 4)
    .where('code', 'like', '53.09.%')
    .orderBy('code')
    .limit(3)
    .execute();
  const v = villages[0].code;
  const v2 = villages[2].code;
  const ngada: ['regional_officer', string][] = [['regional_officer', '53.09']];
  const ntt: ['regional_officer', string][] = [['regional_officer', '53']];
  const banyuwangi: ['regional_officer', string][] = [['regional_officer', '35.10']];
  const profile = {
    population: '900',
    households: '200',
    poverty_share: '0.3',
    electricity_share: '0.9',
    signal: '2g',
    office_internet: '0',
    road_access: 'dry_season',
    distance_km: '7',
    has_bumdes: '1',
    has_koperasi: '0',
    lat: '',
    lng: '',
  };
  const weights = { poverty: '40', signal: '20', electricity: '15', road: '15', distance: '10' };
  return [
    { name: 'anyone browses regions', path: '/wilayah?q=bajawa', as: null, expect: 200 },
    { name: 'anyone reads an area (API)', path: '/api/v1/regions/53.09', as: null, expect: 200 },
    {
      name: 'visitor: no village profile (API)',
      path: `/api/v1/regions/${v}/profile`,
      as: null,
      expect: 401,
    },
    {
      name: 'buyer: no village profile (API)',
      path: `/api/v1/regions/${v}/profile`,
      as: [['buyer', null]],
      expect: 403,
    },
    {
      name: 'Ngada officer reads own village profile (API)',
      path: `/api/v1/regions/${v}/profile`,
      as: ngada,
      expect: 200,
    },
    {
      name: 'Banyuwangi officer: no Ngada profile (API)',
      path: `/api/v1/regions/${v}/profile`,
      as: banyuwangi,
      expect: 403,
    },
    {
      name: 'analyst reads a profile nationally (API)',
      path: `/api/v1/regions/${v}/profile`,
      as: [['analyst', null]],
      expect: 200,
    },
    {
      name: 'Ngada officer opens own profile form',
      path: `/wilayah/${v}/profil`,
      as: ngada,
      expect: 200,
    },
    {
      name: 'Banyuwangi officer: no Ngada profile form',
      path: `/wilayah/${v}/profil`,
      as: banyuwangi,
      expect: 403,
    },
    {
      name: 'analyst cannot edit profiles',
      path: `/wilayah/${v}/profil`,
      as: [['analyst', null]],
      expect: 403,
    },
    {
      name: 'Ngada officer saves own profile',
      method: 'POST',
      path: `/wilayah/${v}/profil`,
      as: ngada,
      form: profile,
      expect: 303,
    },
    {
      name: 'NTT province officer saves a Ngada profile',
      method: 'POST',
      path: `/wilayah/${v2}/profil`,
      as: ntt,
      form: profile,
      expect: 303,
    },
    {
      name: 'Banyuwangi officer cannot save a Ngada profile',
      method: 'POST',
      path: `/wilayah/${v}/profil`,
      as: banyuwangi,
      form: profile,
      expect: 403,
    },
    {
      name: 'buyer cannot save a profile',
      method: 'POST',
      path: `/wilayah/${v}/profil`,
      as: [['buyer', null]],
      form: profile,
      expect: 403,
    },
    {
      name: 'visitor cannot save a profile',
      method: 'POST',
      path: `/wilayah/${v}/profil`,
      as: null,
      form: profile,
      expect: 401,
    },
    {
      name: 'Ngada officer: targeting page',
      path: '/wilayah/53.09/prioritas',
      as: ngada,
      expect: 200,
    },
    {
      name: 'Banyuwangi officer: no Ngada targeting page',
      path: '/wilayah/53.09/prioritas',
      as: banyuwangi,
      expect: 403,
    },
    {
      name: 'Ngada officer: no NTT-wide targeting',
      path: '/wilayah/53/prioritas',
      as: ngada,
      expect: 403,
    },
    {
      name: 'Ngada officer: targeting API',
      path: '/api/v1/regions/53.09/targeting?n=5',
      as: ngada,
      expect: 200,
    },
    {
      name: 'Banyuwangi officer: no Ngada targeting API',
      path: '/api/v1/regions/53.09/targeting',
      as: banyuwangi,
      expect: 403,
    },
    {
      name: 'Ngada officer: targeting CSV',
      path: '/wilayah/53.09/prioritas.csv',
      as: ngada,
      expect: 200,
    },
    {
      name: 'Banyuwangi officer: no Ngada targeting CSV',
      path: '/wilayah/53.09/prioritas.csv',
      as: banyuwangi,
      expect: 403,
    },
    {
      name: 'Ngada officer sets Ngada weights',
      method: 'POST',
      path: '/wilayah/53.09/bobot',
      as: ngada,
      form: weights,
      expect: 303,
    },
    {
      name: 'Banyuwangi officer cannot set Ngada weights',
      method: 'POST',
      path: '/wilayah/53.09/bobot',
      as: banyuwangi,
      form: weights,
      expect: 403,
    },
    {
      name: 'Ngada officer cannot set NTT-wide weights',
      method: 'POST',
      path: '/wilayah/53/bobot',
      as: ngada,
      form: weights,
      expect: 403,
    },
    {
      name: 'Ngada officer records a rollout',
      method: 'POST',
      path: `/wilayah/${v}/bergabung`,
      as: ngada,
      form: { joined_on: '2024-03-01' },
      expect: 303,
    },
    {
      name: 'Banyuwangi officer cannot record a Ngada rollout',
      method: 'POST',
      path: `/wilayah/${v}/bergabung`,
      as: banyuwangi,
      form: { joined_on: '2024-03-01' },
      expect: 403,
    },
    {
      name: 'Ngada officer reads Ngada rollout (API)',
      path: '/api/v1/regions/53.09/rollout',
      as: ngada,
      expect: 200,
    },
    {
      name: 'Banyuwangi officer: no Ngada rollout (API)',
      path: '/api/v1/regions/53.09/rollout',
      as: banyuwangi,
      expect: 403,
    },
    {
      name: 'officer opens the profile import page',
      path: '/wilayah/impor',
      as: ngada,
      expect: 200,
    },
    {
      name: 'buyer: no profile import page',
      path: '/wilayah/impor',
      as: [['buyer', null]],
      expect: 403,
    },
    { name: 'officer: readiness page', path: '/wilayah/kesiapan', as: ngada, expect: 200 },
    { name: 'visitor: no readiness page', path: '/wilayah/kesiapan', as: null, expect: 'login' },
    {
      name: 'buyer: no readiness API',
      path: '/api/v1/regions/readiness',
      as: [['buyer', null]],
      expect: 403,
    },
    // The allowed twins of the refusals above.
    {
      name: 'NTT officer: NTT-wide targeting',
      path: '/wilayah/53/prioritas',
      as: ntt,
      expect: 200,
    },
    {
      name: 'Ngada officer: targeting API (default size)',
      path: '/api/v1/regions/53.09/targeting',
      as: ngada,
      expect: 200,
    },
    {
      name: 'NTT officer sets NTT-wide weights',
      method: 'POST',
      path: '/wilayah/53/bobot',
      as: ntt,
      form: weights,
      expect: 303,
    },
    { name: 'officer: readiness API', path: '/api/v1/regions/readiness', as: ngada, expect: 200 },
  ];
};
