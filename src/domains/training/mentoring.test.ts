// Mentoring: assignment within scope, contact logs with actions, flags for overdue actions and
// 30 days without contact, milestones detected from catalog/orders/community data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { makeOrder } from '../../../test/support/orders.js';
import { addCertification, makeMentor } from '../../../test/support/innovation.js';
import { detectMilestones } from './milestones.js';
import { makeAssignment, makeCourse } from '../../../test/support/training.js';

let w: World;
let village: string;
let orgId: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  orgId = await makeOrganisation(w.h.db, { villageCode: village });
});
after(() => w.close());

const rows = async (t: 'mentoring_contacts' | 'mentoring_actions' | 'mentor_assignments') =>
  Number(
    (
      await w.h.db
        .selectFrom(t)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test('milestone detection: first sale, the 10th order of a calendar month, certification, market-ready', () => {
  const sales = [
    ...Array.from({ length: 9 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}T02:00:00Z`),
    '2026-04-01T02:00:00Z',
    '2026-04-02T00:00:00Z',
    ...Array.from({ length: 10 }, (_, i) => `2026-05-${String(i + 10).padStart(2, '0')}T02:00:00Z`),
  ];
  const m = detectMilestones({
    marketReadyAt: '2026-02-01T00:00:00Z',
    sales,
    certifiedOn: '2026-01-15',
  });
  assert.equal(m.first_online_sale, '2026-03-01T02:00:00Z');
  assert.equal(
    m.orders_10_month,
    '2026-05-19T02:00:00Z',
    'March had 9 and April 2: May reaches 10 first',
  );
  assert.equal(m.certification, '2026-01-15');
  assert.equal(m.market_ready, '2026-02-01T00:00:00Z');
  assert.deepEqual(detectMilestones({ marketReadyAt: null, sales: [], certifiedOn: null }), {
    market_ready: null,
    first_online_sale: null,
    certification: null,
    orders_10_month: null,
  });
});

test('a community manager assigns a mentor to an UMKM of its organisation; not to a foreign one, not a non-mentor', async () => {
  const mentorId = await makeMentor(w.h.db, '53.09', 'Ibu Dewi');
  const umkm = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: orgId,
    name: 'Gula Aren Sari',
  });
  const cm = await w.as('community_manager', orgId);
  const page = await (await cm.get('/pendampingan/tugaskan')).text();
  assert.match(page, /Ibu Dewi/);
  assert.equal(
    (await cm.form('/pendampingan/tugaskan', { umkm_id: umkm, mentor_user_id: mentorId })).status,
    303,
  );
  const plan = await w.h.db
    .selectFrom('mentoring_milestones')
    .select('kind')
    .where('umkm_id', '=', umkm)
    .orderBy('kind')
    .execute();
  assert.deepEqual(
    plan.map((p) => p.kind),
    ['certification', 'first_online_sale', 'market_ready', 'orders_10_month'],
  );

  const before = await rows('mentor_assignments');
  const otherOrg = await makeOrganisation(w.h.db, { villageCode: village });
  const foreign = await makeUmkm(w.h.db, { villageCode: village, organisationId: otherOrg });
  assert.equal(
    (await cm.form('/pendampingan/tugaskan', { umkm_id: foreign, mentor_user_id: mentorId }))
      .status,
    404,
  );
  const banyuwangiMentor = await makeMentor(w.h.db, '35.10', 'Pak Budi');
  const wrong = await cm.form('/pendampingan/tugaskan', {
    umkm_id: umkm,
    mentor_user_id: banyuwangiMentor,
  });
  assert.equal(wrong.status, 422);
  assert.match(await wrong.text(), /bukan pendamping di wilayah UMKM/);
  assert.equal(await rows('mentor_assignments'), before);
});

test('the mentor logs a visit with actions; a mentor not assigned is refused and nothing is written', async () => {
  const dewi = await w.as('mentor', '53.09');
  const umkm = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: orgId,
    name: 'Kopi Bajawa Maria',
  });
  await makeAssignment(w.h.db, { mentorUserId: dewi.userId, umkmId: umkm });
  const ok = await dewi.form(`/pendampingan/umkm/${umkm}/kontak`, {
    contacted_on: daysAgo(1),
    mode: 'visit',
    notes: 'Foto ulang produk di dekat jendela.',
    action_1: 'Foto ulang 2 produk',
    due_1: daysAgo(-7),
  });
  assert.equal(ok.status, 303);
  const file = await (await dewi.get(ok.headers.get('location')!)).text();
  assert.match(file, /Catatan tersimpan/);
  assert.match(file, /Foto ulang 2 produk/);
  // The mentor suggests a recommended course: the visit form comes pre-filled with it as an action.
  const course = await makeCourse(w.h.db, {
    topic: 'product_photography',
    title: 'Foto Produk dengan HP',
  });
  const suggested = await (await dewi.get(`/pendampingan/umkm/${umkm}?saran=${course}`)).text();
  assert.match(
    suggested,
    /name="action_1" type="text" value="Ikuti kursus &quot;Foto Produk dengan HP&quot;"/,
  );

  const c0 = await rows('mentoring_contacts');
  const a0 = await rows('mentoring_actions');
  const other = await w.as('mentor', '53.09');
  const refused = await other.form(`/pendampingan/umkm/${umkm}/kontak`, {
    contacted_on: daysAgo(0),
    mode: 'call',
    notes: 'x',
    action_1: 'y',
    due_1: daysAgo(-3),
  });
  assert.equal(refused.status, 403);
  assert.match(await refused.text(), /tidak didampingi oleh Anda/);
  const api = await other.json(
    'POST',
    `/api/v1/mentoring/umkm/${umkm}/contacts`,
    { contactedOn: daysAgo(0), mode: 'call', notes: 'x' },
    { 'accept-language': 'en' },
  );
  assert.equal(api.status, 403);
  assert.equal(((await api.json()) as any).code, 'TRAINING_NOT_ASSIGNED');
  assert.equal((await other.get(`/pendampingan/umkm/${umkm}`)).status, 404);
  // Bad input from the right mentor: future date, action due before the visit, action without due date.
  assert.equal(
    (
      await dewi.form(`/pendampingan/umkm/${umkm}/kontak`, {
        contacted_on: daysAgo(-2),
        mode: 'visit',
        notes: 'x',
      })
    ).status,
    422,
  );
  assert.equal(
    (
      await dewi.form(`/pendampingan/umkm/${umkm}/kontak`, {
        contacted_on: daysAgo(0),
        mode: 'visit',
        notes: 'x',
        action_1: 'y',
        due_1: daysAgo(5),
      })
    ).status,
    422,
  );
  assert.equal(
    (
      await dewi.form(`/pendampingan/umkm/${umkm}/kontak`, {
        contacted_on: daysAgo(0),
        mode: 'visit',
        notes: 'x',
        action_1: 'y',
      })
    ).status,
    422,
  );
  assert.equal(await rows('mentoring_contacts'), c0);
  assert.equal(await rows('mentoring_actions'), a0);
});

test('flags: overdue actions and 30 days without contact reach the mentor and the community manager', async () => {
  const mentor = await w.as('mentor', '53.09');
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const quiet = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: org,
    name: 'Tenun Sepi',
  });
  const late = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: org,
    name: 'Madu Terlambat',
  });
  const fine = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: org,
    name: 'Kripik Baik',
  });
  for (const u of [quiet, late, fine])
    await makeAssignment(w.h.db, {
      mentorUserId: mentor.userId,
      umkmId: u,
      assignedAt: new Date(Date.now() - 90 * 86_400_000).toISOString(),
    });
  await mentor.form(`/pendampingan/umkm/${quiet}/kontak`, {
    contacted_on: daysAgo(31),
    mode: 'call',
    notes: 'Lama.',
  });
  await mentor.form(`/pendampingan/umkm/${late}/kontak`, {
    contacted_on: daysAgo(10),
    mode: 'visit',
    notes: 'Label.',
    action_1: 'Cetak label',
    due_1: daysAgo(3),
  });
  await mentor.form(`/pendampingan/umkm/${fine}/kontak`, {
    contacted_on: daysAgo(2),
    mode: 'whatsapp',
    notes: 'Baik.',
  });

  const home = await (await mentor.get('/me')).text();
  const panel = home.slice(home.indexOf('data-panel="mentoring-flags"'));
  assert.match(panel, /Tenun Sepi[\s\S]*Tidak dihubungi 30 hari/);
  assert.match(panel, /Madu Terlambat[\s\S]*1 lewat tenggat/);
  assert.ok(!panel.includes('Kripik Baik'));
  const dash = await (await mentor.get('/pendampingan')).text();
  assert.match(dash, /data-umkm="[^"]+" data-flagged="0"/);

  const cm = await w.as('community_manager', org);
  const cmHome = await (await cm.get('/me')).text();
  assert.match(cmHome, /Tenun Sepi/);
  assert.match(cmHome, /Madu Terlambat/);
  assert.ok(!cmHome.includes('Kripik Baik'));

  // Marking the action done clears the overdue flag.
  const action = await w.h.db
    .selectFrom('mentoring_actions')
    .select('id')
    .where('umkm_id', '=', late)
    .executeTakeFirstOrThrow();
  assert.equal((await mentor.form(`/pendampingan/aksi/${action.id}/selesai`, {})).status, 303);
  assert.ok(!(await (await cm.get('/me')).text()).includes('Madu Terlambat'));
});

test('milestones on the dashboard come from catalog, orders and certifications; the officer sees caseloads', async () => {
  const mentor = await w.as('mentor', '53.09');
  const umkm = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: orgId,
    name: 'Gula Aren Tonggak',
  });
  await makeAssignment(w.h.db, { mentorUserId: mentor.userId, umkmId: umkm });
  await w.h.db
    .insertInto('mentoring_milestones')
    .values(
      ['market_ready', 'first_online_sale', 'certification', 'orders_10_month'].map((kind, i) => ({
        id: `mms_t${i}${umkm.slice(-6)}`,
        umkm_id: umkm,
        kind: kind as any,
        target_on: null,
        achieved_at: null,
        created_at: new Date().toISOString(),
      })),
    )
    .execute();
  let dash = await (await mentor.get('/pendampingan')).text();
  assert.match(dash, /data-milestone="market_ready" data-reached="0"/);
  const product = await makeProduct(w.h, { umkmId: umkm, listed: true });
  await makeOrder(w.h, {
    umkmId: umkm,
    variantId: product.variantId,
    productId: product.productId,
    villageCode: village,
  });
  await addCertification(w.h.db, umkm, 'pirt', '2026-01-05', null);
  dash = await (await mentor.get('/pendampingan')).text();
  for (const k of ['market_ready', 'first_online_sale', 'certification'])
    assert.match(dash, new RegExp(`data-milestone="${k}" data-reached="1"`), k);
  assert.match(dash, /data-milestone="orders_10_month" data-reached="0"/);
  const stored = await w.h.db
    .selectFrom('mentoring_milestones')
    .select(['kind', 'achieved_at'])
    .where('umkm_id', '=', umkm)
    .where('achieved_at', 'is not', null)
    .execute();
  assert.equal(stored.length, 3);

  const officer = await w.as('regional_officer', '53.09');
  const overview = await (await officer.get('/pendampingan/ringkasan')).text();
  assert.match(
    overview,
    new RegExp(`data-mentor="${mentor.userId}"><td>[^<]+</td><td class="num">1</td>`),
  );
  const foreignOfficer = await w.as('regional_officer', '35.10');
  assert.ok(
    !(await (await foreignOfficer.get('/pendampingan/ringkasan')).text()).includes(mentor.userId),
  );
});

test('a mentor a reviewer names for improvement tasks takes the UMKM into their caseload, once', async () => {
  const { reviewFixture, results, inDays } = await import('../../../test/support/innovation.js');
  const { completeReview, submitForReview } = await import('../innovation/index.js');
  const { mentorCases } = await import('./mentoring-cases.js');
  const f = await reviewFixture(w.h, { nth: 3 });
  const mentorId = await makeMentor(w.h.db, '53.09', 'Ibu Dewi');
  const caseOf = async () => (await mentorCases(w.h.db, mentorId)).map((c) => c.id);
  assert.ok(!(await caseOf()).includes(f.umkmId));
  const round = async () => {
    const sub = await submitForReview(w.h.db, f.seller, f.productId);
    assert.ok(sub.ok);
    return sub.value.reviewId;
  };
  const review = async (reviewId: string) => {
    const r = await completeReview(w.h.db, f.reviewer, reviewId, {
      items: results('gula-aren', ['packaging', 'certification']),
      dueOn: inDays(14),
      mentorUserId: mentorId,
    });
    assert.ok(r.ok, JSON.stringify(r));
  };
  const before = await rows('mentor_assignments');
  await review(await round());
  assert.ok((await caseOf()).includes(f.umkmId), 'the named mentor now has the UMKM');
  assert.equal(await rows('mentor_assignments'), before + 1);
  // A second round naming the same mentor changes nothing.
  await review(await round());
  assert.equal(await rows('mentor_assignments'), before + 1);
});
