// The digital literacy assessment: scoring, the questionnaire form, scores outside 1–5, the
// officer-edited bank per region, regional averages against the national 3.65, and KPIs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeUmkm } from '../../../test/support/community.js';
import { makeOrder } from '../../../test/support/orders.js';
import { DEFAULT_QUESTIONS, overallIndex, scoreAnswers } from './question-bank.js';
import { makeCourse, makeSession } from '../../../test/support/training.js';
import { trainingKpis } from './index.js';

let w: World;
let village: string;
let courseId: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  courseId = await makeCourse(w.h.db, { topic: 'digital_literacy' });
});
after(() => w.close());

const all = (v: number) => Object.fromEntries(DEFAULT_QUESTIONS.map((q) => [q.id, v]));

test('scoring: the mean answer per pillar, rounded to 2 decimals; the overall index is their mean', () => {
  const answers = { ...all(3), dq_safety_1: 1, dq_safety_2: 2, dq_safety_3: 2, dq_skills_1: 5 };
  const r = scoreAnswers(DEFAULT_QUESTIONS, answers);
  assert.ok(r.ok);
  assert.deepEqual(r.scores, { skills: 3.67, ethics: 3, safety: 1.67, culture: 3 });
  assert.equal(overallIndex(r.scores), 2.84);
});

test('scoring refuses answers outside 1–5, fractions, missing answers and unknown questions', () => {
  for (const bad of [
    { ...all(3), dq_skills_1: 6 },
    { ...all(3), dq_skills_1: 0 },
    { ...all(3), dq_skills_1: 2.5 },
    { ...all(3), dq_x: 3 },
  ]) {
    assert.equal(scoreAnswers(DEFAULT_QUESTIONS, bad).ok, false, JSON.stringify(bad));
  }
  const { dq_ethics_2: _, ...missing } = all(3);
  const r = scoreAnswers(DEFAULT_QUESTIONS, missing);
  assert.ok(!r.ok && r.bad.includes('dq_ethics_2'));
});

async function sessionWith(
  names: string[],
  opts: { startsAt?: string; umkm?: (string | null)[] } = {},
) {
  const sid = await makeSession(w.h.db, {
    courseId,
    regionCode: village,
    capacity: 30,
    startsAt: opts.startsAt,
  });
  const trainer = await w.as('trainer', '53.09');
  for (const [i, n] of names.entries())
    await trainer.json('POST', `/api/v1/training/sessions/${sid}/participants`, {
      kind: 'umkm_owner',
      fullName: n,
      ...(opts.umkm?.[i] ? { umkmId: opts.umkm[i] } : {}),
    });
  const ps = await w.h.db
    .selectFrom('session_participants')
    .select(['id', 'full_name'])
    .where('session_id', '=', sid)
    .orderBy('full_name')
    .execute();
  return { sid, trainer, ps };
}

test('the questionnaire form on the phone stores a before assessment; scores outside 1–5 write nothing', async () => {
  const { sid, trainer, ps } = await sessionWith(['Ani']);
  const form = await (
    await trainer.get(`/pelatihan/sesi/${sid}/asesmen/${ps[0].id}?fase=before`)
  ).text();
  assert.equal((form.match(/type="radio"/g) ?? []).length, DEFAULT_QUESTIONS.length * 5);
  assert.match(form, /Saya tidak pernah memberikan kode OTP/);
  const body = {
    phase: 'before',
    ...Object.fromEntries(DEFAULT_QUESTIONS.map((q) => [`q_${q.id}`, '2'])),
  };
  const r = await trainer.form(`/pelatihan/sesi/${sid}/asesmen/${ps[0].id}`, body);
  assert.equal(r.status, 200);
  assert.match(await r.text(), /Tersimpan. Indeks: 2.00/);
  const n = async () =>
    (await w.h.db.selectFrom('assessments').select('id').where('session_id', '=', sid).execute())
      .length;
  assert.equal(await n(), 1);
  const bad = await trainer.form(`/pelatihan/sesi/${sid}/asesmen/${ps[0].id}`, {
    ...body,
    phase: 'after',
    q_dq_skills_1: '7',
  });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Nilai harus antara 1 dan 5/);
  const api = await trainer.json(
    'POST',
    `/api/v1/training/sessions/${sid}/assessments`,
    {
      participantId: ps[0].id,
      phase: 'after',
      scores: { skills: 4, ethics: 5.5, safety: 0, culture: 3 },
    },
    { 'accept-language': 'en' },
  );
  assert.equal(api.status, 422);
  const p = (await api.json()) as any;
  assert.equal(p.code, 'TRAINING_SCORE_OUT_OF_RANGE');
  assert.deepEqual(Object.keys(p.errors).sort(), ['scores.ethics', 'scores.safety']);
  assert.equal(p.errors['scores.ethics'], 'Scores must be between 1 and 5.');
  assert.equal(await n(), 1, 'nothing written');
  const stranger = await trainer.json('POST', `/api/v1/training/sessions/${sid}/assessments`, {
    participantId: 'tpt_x',
    phase: 'after',
    scores: { skills: 4, ethics: 4, safety: 4, culture: 4 },
  });
  assert.equal(stranger.status, 422);
  // A retake replaces the phase's row rather than adding one.
  await trainer.form(`/pelatihan/sesi/${sid}/asesmen/${ps[0].id}`, { ...body, q_dq_skills_1: '5' });
  assert.equal(await n(), 1);
});

test('an officer edits the bank of its regency; other regencies keep the national bank', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const page = await (await officer.get('/pelatihan/pertanyaan')).text();
  assert.match(page, /Perubahan berlaku untuk wilayah [^.]*Ngada/);
  const form: Record<string, string | string[]> = { id: DEFAULT_QUESTIONS.map((q) => q.id) };
  for (const q of DEFAULT_QUESTIONS) {
    form[`text_id_${q.id}`] = q.id_text;
    form[`text_en_${q.id}`] = q.en_text;
    form[`active_${q.id}`] = '1';
  }
  form.text_id_dq_culture_3 = 'Saya mempromosikan tenun ikat desa saya secara daring.';
  delete form.active_dq_skills_3;
  assert.equal((await officer.form('/pelatihan/pertanyaan', form as any)).status, 303);
  const trainer = await w.as('trainer', '53.09');
  const { sid, ps } = await sessionWith(['Budi']);
  const q = await (await trainer.get(`/pelatihan/sesi/${sid}/asesmen/${ps[0].id}`)).text();
  assert.match(q, /tenun ikat desa saya/);
  assert.equal((q.match(/type="radio"/g) ?? []).length, (DEFAULT_QUESTIONS.length - 1) * 5);
  const national = await w.h.db
    .selectFrom('assessment_questions')
    .select('text_id')
    .where('id', '=', 'dq_culture_3')
    .executeTakeFirstOrThrow();
  assert.equal(national.text_id, DEFAULT_QUESTIONS.find((x) => x.id === 'dq_culture_3')!.id_text);
  // Deactivating every question of a pillar is refused and changes nothing.
  for (const id of ['dq_skills_1', 'dq_skills_2']) delete form[`active_${id}`];
  const ids = (
    await w.h.db
      .selectFrom('assessment_questions')
      .select(['id', 'position'])
      .where('region_code', '=', '53.09')
      .orderBy('position')
      .execute()
  ).map((r) => r.id);
  const regional: Record<string, string | string[]> = { id: ids };
  for (const [i, id] of ids.entries()) {
    regional[`text_id_${id}`] = DEFAULT_QUESTIONS[i].id_text;
    regional[`text_en_${id}`] = DEFAULT_QUESTIONS[i].en_text;
    if (DEFAULT_QUESTIONS[i].pillar !== 'skills') regional[`active_${id}`] = '1';
  }
  const refused = await officer.form('/pelatihan/pertanyaan', regional as any);
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /Setiap pilar harus punya minimal satu pertanyaan aktif/);
  assert.equal(
    (
      await w.h.db
        .selectFrom('assessment_questions')
        .select('id')
        .where('region_code', '=', '53.09')
        .where('active', '=', 1)
        .where('pillar', '=', 'skills')
        .execute()
    ).length,
    2,
  );
  const trainerTries = await trainer.form('/pelatihan/pertanyaan', form as any);
  assert.equal(trainerTries.status, 403);
});

test('regional averages per pillar before/after against the national 3.65; KPIs for the impact engineer', async () => {
  const umkmA = await makeUmkm(w.h.db, { villageCode: village, name: 'A' });
  const umkmB = await makeUmkm(w.h.db, { villageCode: village, name: 'B' });
  const { sid, trainer, ps } = await sessionWith(['Citra', 'Dedi'], {
    startsAt: '2025-04-01T01:00:00.000Z',
    umkm: [umkmA, umkmB],
  });
  const scores = [
    [2, 2, 3, 3],
    [3, 3, 4, 4],
  ];
  for (const [i, p] of ps.entries()) {
    const [skills, ethics, safety, culture] = scores[i];
    await trainer.json('POST', `/api/v1/training/sessions/${sid}/assessments`, {
      participantId: p.id,
      phase: 'before',
      scores: { skills, ethics, safety, culture },
    });
    await trainer.json('POST', `/api/v1/training/sessions/${sid}/assessments`, {
      participantId: p.id,
      phase: 'after',
      scores: { skills: skills + 1, ethics: ethics + 1, safety, culture },
    });
  }
  await w.h.db
    .updateTable('assessments')
    .set({ assessed_at: '2025-04-01T05:00:00.000Z' })
    .where('session_id', '=', sid)
    .execute();
  await trainer.json('POST', `/api/v1/training/sessions/${sid}/attendance`, {
    present: [ps[0].id, ps[1].id],
  });
  await trainer.form(`/pelatihan/sesi/${sid}/selesai`, {});
  const order = await makeOrder(w.h, { umkmId: umkmA, villageCode: village });
  await w.h.db
    .updateTable('orders')
    .set({ placed_at: '2025-05-15T00:00:00.000Z' })
    .where('id', '=', order.orderId)
    .execute();
  const late = await makeOrder(w.h, { umkmId: umkmB, villageCode: village });
  await w.h.db
    .updateTable('orders')
    .set({ placed_at: '2025-09-15T00:00:00.000Z' })
    .where('id', '=', late.orderId)
    .execute();

  const officer = await w.as('regional_officer', '53.09');
  const lit = await (await officer.get('/pelatihan/literasi?wilayah=53.09')).text();
  assert.match(lit, /Indeks nasional 2023: 3,65/);
  assert.match(lit, /<svg/);
  assert.equal((await officer.get('/pelatihan/literasi?wilayah=35.10')).status, 403);

  assert.equal(
    (
      await officer.form('/pelatihan/kpi/target', {
        region_code: '53.09',
        year: 2025,
        person_times: 3000,
      })
    ).status,
    303,
  );
  assert.equal(
    (
      await officer.form('/pelatihan/kpi/target', {
        region_code: '35.10',
        year: 2025,
        person_times: 10,
      })
    ).status,
    403,
  );
  assert.equal(
    (
      await officer.form('/pelatihan/kpi/target', {
        region_code: '53.09',
        year: 2025,
        person_times: -1,
      })
    ).status,
    422,
  );
  const k = await trainingKpis(w.h.db, '53.09', 2025);
  assert.equal(k.personTimes, 2);
  assert.equal(k.target, 3000);
  assert.equal(k.registered, 2);
  assert.equal(k.completionRate, 1);
  assert.deepEqual(k.pillars.before.scores, {
    skills: 2.5,
    ethics: 2.5,
    safety: 3.5,
    culture: 3.5,
  });
  assert.deepEqual(k.pillars.after.scores, { skills: 3.5, ethics: 3.5, safety: 3.5, culture: 3.5 });
  assert.equal(k.trainedUmkm, 2);
  assert.equal(k.trainedUmkmWithSale, 1, 'A sold within 90 days; B only after 167 days');
  assert.equal(k.saleWithin90Share, 0.5);
  assert.deepEqual(k.perRegency, [{ regencyCode: '53.09', personTimes: 2, target: 3000 }]);
  const other = await trainingKpis(w.h.db, '35.10', 2025);
  assert.equal(other.personTimes, 0);
  assert.equal(other.completionRate, null);
  const page = await (await officer.get('/pelatihan/kpi?wilayah=53.09&tahun=2025')).text();
  assert.match(page, /data-kpi="person-times">2</);
  const api = await officer.get('/api/v1/training/kpis?region=53.09&year=2025');
  assert.equal(((await api.json()) as any).personTimes, 2);
  assert.equal((await officer.get('/api/v1/training/kpis?region=35.10&year=2025')).status, 403);
});
