// Trainers choose where a session takes place by name (issue 15): a select of the kecamatan and
// desa of their scope, or for a nation-wide admin a name search that posts back, then a select.
// Officers choose a KPI target's regency by name. No page asks for or shows a region code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeCourse } from '../../../test/support/training.js';

let w: World;
let courseId: string;
before(async () => {
  // A third regency makes the nation larger than one select holds.
  w = await createWorld({ regions: ['53.09', '35.10', '53.02'] });
  courseId = await makeCourse(w.h.db, { topic: 'selling_online', title: 'Jualan Online' });
});
after(() => w.close());

const sessions = async () =>
  Number(
    (
      await w.h.db
        .selectFrom('training_sessions')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** What a person reads: the text between tags, without attribute values. */
const visibleText = (html: string) =>
  html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ');
const CODE = /\b\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?\b/;

test('a regency trainer picks the kecamatan or desa by name from a select grouped by kecamatan', async () => {
  const trainer = await w.as('trainer', '53.09');
  const html = await (await trainer.get('/pelatihan/sesi/baru')).text();
  assert.match(html, /<select id="f-region_code" name="region_code"/);
  assert.doesNotMatch(html, /<input[^>]*name="region_code"/, 'no code is typed');
  assert.match(html, /<optgroup label="Golewa">/);
  assert.match(html, /<option value="53\.09\.02">Seluruh Kecamatan Golewa<\/option>/);
  assert.match(html, /<option value="53\.09\.02\.1017">Mataloko<\/option>/);
  assert.doesNotMatch(html, /value="35\.10/, 'nothing outside the scope is offered');
  assert.doesNotMatch(visibleText(html), CODE, 'names, not codes');

  const r = await trainer.form('/pelatihan/sesi/baru', {
    course_id: courseId,
    region_code: '53.09.02.1017',
    place: 'Aula Kelurahan',
    starts_at: '2026-04-01T09:00',
    capacity: 20,
  });
  assert.equal(r.status, 303);
  const page = await (await trainer.get(r.headers.get('location')!)).text();
  assert.match(page, /Aula Kelurahan/);
});

test('a national admin searches a name, the form comes back with the matches, nothing is saved', async () => {
  const admin = await w.as('national_admin', null);
  const html = await (await admin.get('/pelatihan/sesi/baru')).text();
  assert.doesNotMatch(html, /<select id="f-region_code"/, 'the nation is too large for one select');
  assert.match(html, /ketik nama kecamatan atau desa lalu tekan Cari/);
  const before = await sessions();
  const found = await admin.form('/pelatihan/sesi/baru', {
    course_id: courseId,
    region_code_q: 'mataloko',
    place: 'Aula',
    starts_at: '2026-04-02T09:00',
    capacity: 10,
    action: 'search',
  });
  assert.equal(found.status, 200);
  const page = await found.text();
  assert.match(page, /<option value="53\.09\.02\.1017">Mataloko<\/option>/);
  assert.match(page, /value="Aula"/, 'the other fields are kept');
  assert.equal(await sessions(), before, 'a search saves nothing');
  const none = await (
    await admin.form('/pelatihan/sesi/baru', {
      course_id: courseId,
      region_code_q: 'zzzqqq',
      action: 'search',
    })
  ).text();
  assert.match(
    none,
    /Tidak ada wilayah bernama &quot;zzzqqq&quot;|Tidak ada wilayah bernama "zzzqqq"/,
  );
  const ok = await admin.form('/pelatihan/sesi/baru', {
    course_id: courseId,
    region_code: '53.09.02.1017',
    place: 'Aula',
    starts_at: '2026-04-02T09:00',
    capacity: 10,
  });
  assert.equal(ok.status, 303);
  assert.equal(await sessions(), before + 1);
});

test('submitting without a choice, or a place outside the scope, shows the form again and writes nothing', async () => {
  const trainer = await w.as('trainer', '53.09');
  const before = await sessions();
  const empty = await trainer.form('/pelatihan/sesi/baru', {
    course_id: courseId,
    region_code: '',
    place: 'Balai',
    starts_at: '2026-04-03T09:00',
    capacity: 10,
  });
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /Pilih kecamatan atau desa dalam wilayah Anda/);
  const foreign = await trainer.form('/pelatihan/sesi/baru', {
    course_id: courseId,
    region_code: '35.10.01',
    place: 'Balai',
    starts_at: '2026-04-03T09:00',
    capacity: 10,
  });
  assert.equal(foreign.status, 422);
  assert.doesNotMatch(
    await foreign.text(),
    /value="35\.10\.01"/,
    'a foreign place is not offered back',
  );
  assert.equal(await sessions(), before);
});

test('an officer chooses the KPI target regency by name', async () => {
  const officer = await w.as('regional_officer', '53');
  const html = await (await officer.get('/pelatihan/kpi?wilayah=53.09')).text();
  assert.match(html, /<optgroup label="Nusa Tenggara Timur">/);
  assert.match(
    html,
    /<option value="53\.09" selected="">Kabupaten Ngada<\/option>|<option value="53\.09" selected>Kabupaten Ngada<\/option>/,
  );
  assert.doesNotMatch(html, /<input[^>]*name="region_code"/);
  assert.doesNotMatch(html, /value="35\.10"/);
  assert.equal(
    (
      await officer.form('/pelatihan/kpi/target', {
        region_code: '53.09',
        year: 2025,
        person_times: 500,
      })
    ).status,
    303,
  );
});
