// Training and mentoring routes in the access matrix: own region allowed, foreign refused.
import type { AccessCase, AccessCases } from '../world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../community.js';
import { makeCourse, makeSession } from '../training.js';
import { certificateCode } from '../../../src/domains/training/sessions.service.js';
import { createUser, grantRole } from '../../../src/domains/accounts/index.js';
import { unwrap } from '../../../src/kernel/errors/index.js';

export const accessCases: AccessCases = async (w) => {
  const db = w.h.db;
  const village = await anyVillage(db, '53.09');
  const org = await makeOrganisation(db, { villageCode: village });
  const umkm = await makeUmkm(db, { villageCode: village, organisationId: org });
  const course = await makeCourse(db, { topic: 'selling_online' });
  const session = await makeSession(db, { courseId: course, regionCode: village, capacity: 50 });
  const code = certificateCode();
  await db
    .insertInto('session_participants')
    .values({
      id: 'tpt_access',
      session_id: session,
      kind: 'umkm_owner',
      full_name: 'Peserta Uji',
      umkm_id: umkm,
      user_id: null,
      attended: 1,
      attended_marked_at: null,
      completed: 1,
      certificate_code: code,
      certificate_issued_at: new Date().toISOString(),
      registered_at: new Date().toISOString(),
    })
    .execute();
  // A real mentor of the regency, so an allowed assignment can name them.
  const mentor = unwrap(
    await createUser(db, { displayName: 'Mentor Matriks', phone: '+6281377790001' }),
  );
  await db.updateTable('users').set({ status: 'active' }).where('id', '=', mentor).execute();
  unwrap(await grantRole(db, null, mentor, 'mentor', '53.09'));
  const ngadaTrainer: AccessCase['as'] = [['trainer', '53.09']];
  const ngadaOfficer: AccessCase['as'] = [['regional_officer', '53.09']];
  const bwiOfficer: AccessCase['as'] = [['regional_officer', '35.10']];
  const _manager: AccessCase['as'] = [['community_manager', org]];
  const bwiTrainer: AccessCase['as'] = [['trainer', '35.10']];
  const cases: AccessCase[] = [
    { name: 'anonymous training home', path: '/pelatihan', as: null, expect: 'login' },
    { name: 'buyer training home', path: '/pelatihan', as: [['buyer', null]], expect: 403 },
    { name: 'trainer training home', path: '/pelatihan', as: ngadaTrainer, expect: 200 },
    {
      name: 'trainer own session',
      path: `/pelatihan/sesi/${session}`,
      as: ngadaTrainer,
      expect: 200,
    },
    {
      name: 'trainer foreign session',
      path: `/pelatihan/sesi/${session}`,
      as: bwiTrainer,
      expect: 404,
    },
    {
      name: 'officer own session',
      path: `/pelatihan/sesi/${session}`,
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'trainer own attendance form',
      path: `/pelatihan/sesi/${session}/absensi`,
      as: ngadaTrainer,
      expect: 200,
    },
    {
      name: 'trainer foreign attendance form',
      path: `/pelatihan/sesi/${session}/absensi`,
      as: bwiTrainer,
      expect: 404,
    },
    {
      name: 'trainer foreign attendance post',
      method: 'POST',
      path: `/pelatihan/sesi/${session}/absensi`,
      as: bwiTrainer,
      expect: 404,
      form: { present: 'tpt_access' },
    },
    {
      name: 'trainer foreign registration',
      method: 'POST',
      path: `/pelatihan/sesi/${session}/peserta`,
      as: bwiTrainer,
      expect: 404,
      form: { full_name: 'Orang Luar', kind: 'agent' },
    },
    {
      name: 'trainer own registration',
      method: 'POST',
      path: `/pelatihan/sesi/${session}/peserta`,
      as: ngadaTrainer,
      expect: 303,
      form: { full_name: 'Orang Dalam', kind: 'agent' },
    },
    {
      name: 'trainer foreign assessment',
      path: `/pelatihan/sesi/${session}/asesmen/tpt_access`,
      as: bwiTrainer,
      expect: 404,
    },
    {
      name: 'trainer foreign completion',
      method: 'POST',
      path: `/pelatihan/sesi/${session}/selesai`,
      as: bwiTrainer,
      expect: 404,
    },
    {
      name: 'API participants own',
      path: `/api/v1/training/sessions/${session}/participants`,
      as: ngadaTrainer,
      expect: 200,
    },
    {
      name: 'API participants foreign',
      path: `/api/v1/training/sessions/${session}/participants`,
      as: bwiTrainer,
      expect: 404,
    },
    {
      name: 'API attendance foreign',
      method: 'POST',
      path: `/api/v1/training/sessions/${session}/attendance`,
      as: bwiTrainer,
      expect: 404,
      json: { present: [] },
    },
    {
      name: 'API register anonymous',
      method: 'POST',
      path: `/api/v1/training/sessions/${session}/participants`,
      as: null,
      expect: 401,
      json: { kind: 'agent', fullName: 'Anon' },
    },
    { name: 'certificate public', path: `/sertifikat/${code}`, as: null, expect: 200 },
    { name: 'certificate API public', path: `/api/v1/certificates/${code}`, as: null, expect: 200 },
    {
      name: 'literacy own region',
      path: '/pelatihan/literasi?wilayah=53.09',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'literacy foreign region',
      path: '/pelatihan/literasi?wilayah=35.10',
      as: [['regional_officer', '53.09']],
      expect: 403,
    },
    {
      name: 'question bank officer',
      path: '/pelatihan/pertanyaan',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    { name: 'question bank trainer', path: '/pelatihan/pertanyaan', as: ngadaTrainer, expect: 403 },
    {
      name: 'KPIs own',
      path: '/pelatihan/kpi?wilayah=53.09&tahun=2026',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'KPIs foreign',
      path: '/pelatihan/kpi?wilayah=35.10&tahun=2026',
      as: [['regional_officer', '53.09']],
      expect: 403,
    },
    {
      name: 'KPI API foreign',
      path: '/api/v1/training/kpis?region=35.10&year=2026',
      as: [['regional_officer', '53.09']],
      expect: 403,
    },
    {
      name: 'target foreign',
      method: 'POST',
      path: '/pelatihan/kpi/target',
      as: [['regional_officer', '53.09']],
      expect: 403,
      form: { region_code: '35.10', year: '2026', person_times: '5' },
    },
    { name: 'mentor dashboard', path: '/pendampingan', as: [['mentor', '53.09']], expect: 200 },
    { name: 'buyer mentoring', path: '/pendampingan', as: [['buyer', null]], expect: 403 },
    // Only the one mentor assigned to the UMKM logs contacts: a person, not a role, so the matrix
    // cannot sign in as them; their twins are the UMKM's file and recommendations.
    {
      name: 'unassigned mentor UMKM file',
      path: `/pendampingan/umkm/${umkm}`,
      as: [['mentor', '53.09']],
      expect: 404,
    },
    {
      name: 'unassigned mentor logs a visit',
      method: 'POST',
      path: `/pendampingan/umkm/${umkm}/kontak`,
      as: [['mentor', '53.09']],
      expect: 403,
      form: { contacted_on: '2026-01-02', mode: 'visit', notes: 'x' },
      twin: `GET /pendampingan/umkm/${umkm}`,
    },
    {
      name: 'unassigned mentor API contact',
      method: 'POST',
      path: `/api/v1/mentoring/umkm/${umkm}/contacts`,
      as: [['mentor', '53.09']],
      expect: 403,
      json: { contactedOn: '2026-01-02', mode: 'call', notes: 'x' },
      twin: `GET /api/v1/mentoring/umkm/${umkm}/recommendations`,
    },
    {
      name: 'community manager own UMKM file',
      path: `/pendampingan/umkm/${umkm}`,
      as: [['community_manager', org]],
      expect: 200,
    },
    {
      name: 'officer foreign UMKM file',
      path: `/pendampingan/umkm/${umkm}`,
      as: [['regional_officer', '35.10']],
      expect: 404,
    },
    {
      name: 'community manager assign page',
      path: '/pendampingan/tugaskan',
      as: [['community_manager', org]],
      expect: 200,
    },
    {
      name: 'foreign officer assigns',
      method: 'POST',
      path: '/pendampingan/tugaskan',
      as: [['regional_officer', '35.10']],
      expect: 404,
      form: { umkm_id: umkm, mentor_user_id: mentor },
    },
    {
      name: 'mentor cannot assign',
      path: '/pendampingan/tugaskan',
      as: [['mentor', '53.09']],
      expect: 403,
    },
    {
      name: 'officer caseloads',
      path: '/pendampingan/ringkasan',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'recommendations foreign',
      path: `/api/v1/mentoring/umkm/${umkm}/recommendations`,
      as: [['regional_officer', '35.10']],
      expect: 404,
    },
    {
      name: 'recommendations own',
      path: `/api/v1/mentoring/umkm/${umkm}/recommendations`,
      as: [['community_manager', org]],
      expect: 200,
    },
    // The allowed twins of the refusals above (the session's completion last: it closes the session).
    {
      name: 'trainer own attendance post',
      method: 'POST',
      path: `/pelatihan/sesi/${session}/absensi`,
      as: ngadaTrainer,
      expect: 303,
      form: { present: 'tpt_access' },
    },
    {
      name: 'trainer own assessment',
      path: `/pelatihan/sesi/${session}/asesmen/tpt_access`,
      as: ngadaTrainer,
      expect: 200,
    },
    {
      name: 'API attendance own',
      method: 'POST',
      path: `/api/v1/training/sessions/${session}/attendance`,
      as: ngadaTrainer,
      expect: 200,
      json: { present: [] },
    },
    {
      name: 'API register by the trainer',
      method: 'POST',
      path: `/api/v1/training/sessions/${session}/participants`,
      as: ngadaTrainer,
      expect: 201,
      json: { kind: 'agent', fullName: 'Anon' },
    },
    {
      name: 'literacy of its region',
      path: '/pelatihan/literasi?wilayah=35.10',
      as: bwiOfficer,
      expect: 200,
    },
    {
      name: 'KPIs of its region',
      path: '/pelatihan/kpi?wilayah=35.10&tahun=2026',
      as: bwiOfficer,
      expect: 200,
    },
    {
      name: 'KPI API of its region',
      path: '/api/v1/training/kpis?region=35.10&year=2026',
      as: bwiOfficer,
      expect: 200,
    },
    {
      name: 'target of its region',
      method: 'POST',
      path: '/pelatihan/kpi/target',
      as: bwiOfficer,
      expect: 303,
      form: { region_code: '35.10', year: '2026', person_times: '5' },
    },
    {
      name: 'officer of the regency assigns',
      method: 'POST',
      path: '/pendampingan/tugaskan',
      as: ngadaOfficer,
      expect: 303,
      form: { umkm_id: umkm, mentor_user_id: mentor },
    },
    {
      name: 'trainer own completion',
      method: 'POST',
      path: `/pelatihan/sesi/${session}/selesai`,
      as: ngadaTrainer,
      expect: 303,
    },
  ];
  return cases;
};
