// Sessions end to end in-process: schedule, register (capacity), attendance on the phone form,
// completion, certificate verification; bad input gives clear errors and writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeUmkm } from '../../../test/support/community.js';
import { makeCourse } from '../../../test/support/training.js';
import { certificateCode } from './sessions.service.js';

let w: World;
let village: string;
let courseId: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  courseId = await makeCourse(w.h.db, {
    topic: 'selling_online',
    title: 'Jualan Online lewat WhatsApp',
  });
});
after(() => w.close());

const count = async (table: 'session_participants' | 'training_sessions' | 'assessments') =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function newSession(trainer: Awaited<ReturnType<World['as']>>, capacity = 2) {
  const r = await trainer.form('/pelatihan/sesi/baru', {
    course_id: courseId,
    region_code: village,
    place: 'Balai Desa',
    starts_at: '2026-03-10T09:00',
    capacity,
  });
  assert.equal(r.status, 303, await r.text());
  return r.headers.get('location')!.split('/').pop()!;
}

test('a trainer schedules a session in the zone of its region and registers up to capacity', async () => {
  const trainer = await w.as('trainer', '53.09');
  const id = await newSession(trainer);
  const s = await w.h.db
    .selectFrom('training_sessions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  // 09:00 WITA (Ngada, UTC+8) is 01:00 UTC.
  assert.equal(s.starts_at, '2026-03-10T01:00:00.000Z');
  const umkm = await makeUmkm(w.h.db, { villageCode: village, name: 'Gula Aren Sari' });
  assert.equal(
    (
      await trainer.form(`/pelatihan/sesi/${id}/peserta`, {
        full_name: 'Ibu Sari',
        kind: 'umkm_owner',
        umkm_id: umkm,
      })
    ).status,
    303,
  );
  assert.equal(
    (
      await trainer.form(`/pelatihan/sesi/${id}/peserta`, {
        full_name: 'Pak Yohanes',
        kind: 'agent',
        umkm_id: '',
      })
    ).status,
    303,
  );
  const before = await count('session_participants');
  const full = await trainer.form(`/pelatihan/sesi/${id}/peserta`, {
    full_name: 'Orang Ketiga',
    kind: 'agent',
  });
  assert.equal(full.status, 409);
  assert.match(await full.text(), /Sesi sudah penuh \(2 peserta\)/);
  assert.equal(await count('session_participants'), before, 'nothing written over capacity');
  const page = await (await trainer.get(`/pelatihan/sesi/${id}`)).text();
  assert.match(page, /2 dari 2 kursi terisi/);
});

test('the API refuses a registration over capacity with a problem in English when asked', async () => {
  const trainer = await w.as('trainer', '53.09');
  const id = await newSession(trainer, 1);
  assert.equal(
    (
      await trainer.json('POST', `/api/v1/training/sessions/${id}/participants`, {
        kind: 'agent',
        fullName: 'Satu',
      })
    ).status,
    201,
  );
  const r = await trainer.json(
    'POST',
    `/api/v1/training/sessions/${id}/participants`,
    { kind: 'agent', fullName: 'Dua' },
    { 'accept-language': 'en' },
  );
  assert.equal(r.status, 409);
  const p = (await r.json()) as any;
  assert.equal(p.code, 'TRAINING_SESSION_FULL');
  assert.match(p.detail, /The session is full \(1 participants\)/);
  assert.equal(
    p.title,
    'Conflict with the current state',
    'the title is stable per type, in English too',
  );
});

test('attendance: exactly the ticked names; an unregistered id rejects the form and writes nothing', async () => {
  const trainer = await w.as('trainer', '53.09');
  const id = await newSession(trainer, 5);
  for (const n of ['Ani', 'Budi', 'Citra'])
    await trainer.form(`/pelatihan/sesi/${id}/peserta`, { full_name: n, kind: 'umkm_owner' });
  const ps = await w.h.db
    .selectFrom('session_participants')
    .select(['id', 'full_name'])
    .where('session_id', '=', id)
    .orderBy('full_name')
    .execute();
  const form = await (await trainer.get(`/pelatihan/sesi/${id}/absensi`)).text();
  assert.equal((form.match(/type="checkbox" name="present"/g) ?? []).length, 3);
  const ok = await trainer.form(`/pelatihan/sesi/${id}/absensi`, { present: [ps[0].id, ps[2].id] });
  assert.equal(ok.status, 303);
  assert.match(
    await (await trainer.get(ok.headers.get('location')!)).text(),
    /Absensi tersimpan: 2 hadir/,
  );
  const marked = await w.h.db
    .selectFrom('session_participants')
    .select(['full_name', 'attended'])
    .where('session_id', '=', id)
    .orderBy('full_name')
    .execute();
  assert.deepEqual(
    marked.map((m) => m.attended),
    [1, 0, 1],
  );

  const other = await newSession(trainer, 5);
  await trainer.form(`/pelatihan/sesi/${other}/peserta`, { full_name: 'Dedi', kind: 'agent' });
  const stranger = (
    await w.h.db
      .selectFrom('session_participants')
      .select('id')
      .where('session_id', '=', other)
      .executeTakeFirstOrThrow()
  ).id;
  const bad = await trainer.form(`/pelatihan/sesi/${id}/absensi`, {
    present: [ps[1].id, stranger],
  });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /1 nama yang tidak terdaftar di sesi ini/);
  const after = await w.h.db
    .selectFrom('session_participants')
    .select(['attended'])
    .where('session_id', '=', id)
    .orderBy('full_name')
    .execute();
  assert.deepEqual(
    after.map((m) => m.attended),
    [1, 0, 1],
    'nothing changed',
  );
  const api = await trainer.json('POST', `/api/v1/training/sessions/${id}/attendance`, {
    present: ['tpt_nobody'],
  });
  assert.equal(api.status, 422);
  assert.equal(((await api.json()) as any).code, 'TRAINING_NOT_REGISTERED');
});

test('completion issues certificates to those present; anyone verifies them at /sertifikat/{code}', async () => {
  const trainer = await w.as('trainer', '53.09');
  const id = await newSession(trainer, 5);
  await trainer.form(`/pelatihan/sesi/${id}/peserta`, {
    full_name: 'Maria Goreti',
    kind: 'community_manager',
  });
  await trainer.form(`/pelatihan/sesi/${id}/peserta`, { full_name: 'Tidak Datang', kind: 'agent' });
  const ps = await w.h.db
    .selectFrom('session_participants')
    .select(['id', 'full_name'])
    .where('session_id', '=', id)
    .execute();
  await trainer.form(`/pelatihan/sesi/${id}/absensi`, {
    present: ps.filter((p) => p.full_name === 'Maria Goreti').map((p) => p.id),
  });
  const done = await trainer.form(`/pelatihan/sesi/${id}/selesai`, {});
  assert.equal(done.status, 303);
  assert.match(
    await (await trainer.get(done.headers.get('location')!)).text(),
    /1 sertifikat diterbitkan/,
  );
  const rows = await w.h.db
    .selectFrom('session_participants')
    .select(['full_name', 'certificate_code', 'completed'])
    .where('session_id', '=', id)
    .orderBy('full_name')
    .execute();
  assert.equal(rows[0].full_name, 'Maria Goreti');
  assert.match(rows[0].certificate_code!, /^SRT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal(rows[1].certificate_code, null);
  // Completing again issues nothing twice.
  await trainer.form(`/pelatihan/sesi/${id}/selesai`, {});
  assert.equal(
    (
      await w.h.db
        .selectFrom('session_participants')
        .select('certificate_code')
        .where('session_id', '=', id)
        .where('certificate_code', 'is not', null)
        .execute()
    ).length,
    1,
  );

  const anon = w.client();
  const pageRes = await anon.get(`/sertifikat/${rows[0].certificate_code}`);
  assert.equal(pageRes.status, 200);
  const html = await pageRes.text();
  assert.match(html, /Sertifikat ini sah/);
  assert.match(html, /Maria Goreti/);
  assert.match(html, /Jualan Online lewat WhatsApp/);
  assert.match(html, /<svg/);
  const lower = await anon.get(`/sertifikat/${rows[0].certificate_code!.toLowerCase()}`);
  assert.equal(lower.status, 200);
  const api = await anon.get(`/api/v1/certificates/${rows[0].certificate_code}`);
  assert.equal(((await api.json()) as any).name, 'Maria Goreti');
  const fake = await anon.get(`/sertifikat/${certificateCode()}`);
  assert.equal(fake.status, 404);
  assert.match(await fake.text(), /Kode sertifikat tidak ditemukan/);
  assert.equal(
    (await anon.get('/sertifikat?kode=srt-aaaa-bbbb-cccc')).headers.get('location'),
    '/sertifikat/SRT-AAAA-BBBB-CCCC',
  );
});

test('a trainer of another regency neither sees nor changes the session; bad places are refused', async () => {
  const trainer = await w.as('trainer', '53.09');
  const id = await newSession(trainer);
  const foreign = await w.as('trainer', '35.10');
  assert.equal((await foreign.get(`/pelatihan/sesi/${id}`)).status, 404);
  assert.equal(
    (await foreign.form(`/pelatihan/sesi/${id}/peserta`, { full_name: 'X Y', kind: 'agent' }))
      .status,
    404,
  );
  assert.equal((await foreign.form(`/pelatihan/sesi/${id}/absensi`, { present: [] })).status, 404);
  const n = await count('training_sessions');
  const out = await foreign.form('/pelatihan/sesi/baru', {
    course_id: courseId,
    region_code: village,
    place: 'X',
    starts_at: '2026-03-10T09:00',
    capacity: 5,
  });
  assert.equal(out.status, 422);
  const bad = await trainer.form('/pelatihan/sesi/baru', {
    course_id: courseId,
    region_code: '53.09',
    place: 'X',
    starts_at: '2026-03-10T09:00',
    capacity: 0,
  });
  assert.equal(bad.status, 422);
  assert.equal(await count('training_sessions'), n);
});

test('a course with materials stored locally', async () => {
  const trainer = await w.as('trainer', '53.09');
  const r = await trainer.form('/pelatihan/kursus/baru', {
    title: 'Foto Produk dengan HP',
    topic: 'product_photography',
    focus_pillar: '',
    level: 'basic',
    duration_minutes: 90,
    materials: 'Cahaya dari jendela.\n\nLatar polos.',
    language: 'id',
  });
  assert.equal(r.status, 303);
  const html = await (await trainer.get(r.headers.get('location')!)).text();
  assert.match(html, /<p>Cahaya dari jendela.<\/p><p>Latar polos.<\/p>/);
  const bad = await trainer.form('/pelatihan/kursus/baru', {
    title: 'X',
    topic: 'nope',
    level: 'basic',
    duration_minutes: 5,
    materials: '',
    language: 'id',
  });
  assert.equal(bad.status, 422);
});

test('the API lists sessions and participants in camelCase, with booleans and no table columns', async () => {
  const trainer = await w.as('trainer', '53.09');
  const id = await newSession(trainer, 3);
  const umkm = await makeUmkm(w.h.db, { villageCode: village, name: 'Kopi Sari' });
  const reg = await trainer.json('POST', `/api/v1/training/sessions/${id}/participants`, {
    kind: 'umkm_owner',
    fullName: 'Ibu Sari',
    umkmId: umkm,
  });
  assert.equal(reg.status, 201);
  const pid = ((await reg.json()) as { id: string }).id;
  const unknown = await trainer.json(
    'POST',
    `/api/v1/training/sessions/${id}/participants`,
    { kind: 'umkm_owner', fullName: 'Pak Lain', umkmId: 'umk_not_there' },
    { 'accept-language': 'en' },
  );
  assert.equal(unknown.status, 422);
  assert.deepEqual(Object.keys(((await unknown.json()) as any).errors), ['umkmId']);
  const sessions = (await (await trainer.get('/api/v1/training/sessions')).json()) as any;
  const s = sessions.items.find((x: any) => x.id === id);
  assert.deepEqual(
    { ...s, id: undefined },
    {
      id: undefined,
      courseId,
      courseTitle: 'Jualan Online lewat WhatsApp',
      courseTopic: 'selling_online',
      regionCode: village,
      place: 'Balai Desa',
      startsAt: '2026-03-10T01:00:00.000Z',
      trainerUserId: trainer.userId,
      capacity: 3,
      registered: 1,
      status: 'scheduled',
      completedAt: null,
    },
  );
  const people = (await (
    await trainer.get(`/api/v1/training/sessions/${id}/participants`)
  ).json()) as any;
  assert.equal(people.items.length, 1);
  const p = people.items[0];
  assert.equal(p.id, pid);
  assert.equal(p.sessionId, id);
  assert.equal(p.fullName, 'Ibu Sari');
  assert.equal(p.umkmId, umkm);
  assert.equal(p.attended, false);
  assert.equal(p.completed, false);
  assert.equal(p.certificateCode, null);
  assert.match(p.registeredAt, /^\d{4}-\d{2}-\d{2}T/);
  assert.ok(!Object.keys(p).some((k) => k.includes('_')), JSON.stringify(p));
});
