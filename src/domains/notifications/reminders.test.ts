// Reminders from the recurring job. Certificate expiry: the UMKM's seller and its organisation's
// manager hear once at 60 days and once at 14, in their language with the certificate's name;
// a renewed certificate (a later one of the same kind) is not reminded of; an expired one neither.
// The day before (in the village's zone) a cycle order's buyer hears of the pickup and a training
// session's participants of the session: once, with one send per chosen channel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../../../test/support/community.js';
import { addCertification } from '../../../test/support/innovation.js';
import { drain, enqueue } from '../../kernel/jobs/index.js';
import { makeCycle, makeCycleWorld } from '../../../test/support/collective.js';
import { addParticipant, makeCourse, makeSession } from '../../../test/support/training.js';
import { chooseChannels, deliveriesOf } from '../../../test/support/notifications.js';
import { unwrap } from '../../kernel/errors/index.js';
import { orderFromCycle } from '../collective/index.js';
import { cancelOrder } from '../orders/index.js';
import { LEDGER_ADMIN } from '../../../test/support/ledger.js';
import { REMIND_JOB, runReminders } from './index.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w?.close();
});

const inbox = (userId: string) =>
  w.h.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();

test('a certificate expiring reaches seller and manager once at 60 days and once at 14', async () => {
  const village = await anyVillage(w.h.db);
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const umkm = await makeUmkm(w.h.db, { villageCode: village, organisationId: org });
  const seller = await w.as('seller', umkm);
  const manager = await w.as('community_manager', org);
  await addCertification(w.h.db, umkm, 'pirt', '2021-04-01', '2026-04-01');
  // A renewed NIB: only the later one counts, and it is far from expiry.
  await addCertification(w.h.db, umkm, 'nib', '2021-03-01', '2026-03-01');
  await addCertification(w.h.db, umkm, 'nib', '2026-01-15', '2031-01-15');
  // Already expired: nothing to remind of.
  await addCertification(w.h.db, umkm, 'bpom_md', '2020-01-01', '2026-01-10');

  // 70 days before: nothing yet.
  assert.equal(await runReminders(w.h.db, new Date('2026-01-21T01:00:00Z')), 0);
  // 60 days before (through the kernel job, as the worker runs it), then again the same day.
  await enqueue(w.h.db, REMIND_JOB, { now: '2026-01-31T01:00:00Z' });
  await drain(w.h.db);
  assert.equal(await runReminders(w.h.db, new Date('2026-01-31T08:00:00Z')), 0);
  const first = await inbox(seller.userId);
  assert.equal(first.length, 1);
  assert.equal(first[0].kind, 'certificate_expiring');
  assert.equal(first[0].link, `/community/umkm/${umkm}#certifications`);
  assert.equal((await inbox(manager.userId)).length, 1);
  const html = await (await seller.get('/kotak-masuk')).text();
  assert.match(html, /Sertifikat PIRT UMKM berakhir dalam 60 hari/);
  // 30 days before: still inside the 60-day threshold, already told.
  assert.equal(await runReminders(w.h.db, new Date('2026-03-02T01:00:00Z')), 0);
  // 14 days before: the second reminder, once.
  assert.equal(await runReminders(w.h.db, new Date('2026-03-18T01:00:00Z')), 2);
  assert.equal(await runReminders(w.h.db, new Date('2026-03-19T01:00:00Z')), 0);
  const all = await inbox(seller.userId);
  assert.equal(all.length, 2);
  seller.cookies.set('lumbung_lang', 'en');
  assert.match(
    await (await seller.get('/kotak-masuk')).text(),
    /The UMKM’s PIRT certificate expires in 14 days/,
  );
});

/** `date` (YYYY-MM-DD) moved by `days`. */
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

test('the day before a cycle pickup (WITA) the buyer hears once, with the day and window; a guest order is skipped', async () => {
  const cw = await makeCycleWorld(w.h, { producers: 1, points: 1 });
  const cycleId = await makeCycle(w.h, cw);
  const pickup = (
    await w.h.db
      .selectFrom('cycle_points')
      .select('pickup_date')
      .where('cycle_id', '=', cycleId)
      .executeTakeFirstOrThrow()
  ).pickup_date;
  const buyer = await w.as('buyer');
  await chooseChannels(buyer, { whatsapp: true, sms: true });
  const order = (userId: string | null) =>
    orderFromCycle(
      w.h.db,
      userId
        ? {
            userId,
            displayName: 'Ibu Maria',
            locale: null,
            via: 'session',
            grants: [{ role: 'buyer', scopeType: 'self', scopeId: null, regionCode: null }],
          }
        : null,
      {
        cycleId,
        lines: [{ variantId: cw.variants[0].variantId, qty: 1 }],
        buyer: { name: 'Ibu Maria', phone: '081234567001', userId },
        servicePointId: cw.points[0],
        paymentMethod: 'cod',
      },
    );
  const placed = unwrap(await order(buyer.userId));
  unwrap(await order(null));
  // Another buyer cancelled: a pickup that will not happen is not announced.
  const quitter = await w.as('buyer');
  const cancelled = unwrap(await order(quitter.userId));
  unwrap(await cancelOrder(w.h.db, cancelled.orders[0].id, { kind: 'actor', actor: LEDGER_ADMIN }));
  const mine = async () => (await inbox(buyer.userId)).filter((n) => n.kind === 'cycle_pickup');
  // Two days before (11:00 WITA): nothing.
  await runReminders(w.h.db, new Date(`${shift(pickup, -2)}T03:00:00Z`));
  assert.equal((await mine()).length, 0);
  // 23:30 UTC two days before is already 07:30 WITA the day before: the zone decides.
  await runReminders(w.h.db, new Date(`${shift(pickup, -2)}T23:30:00Z`));
  const [row] = await mine();
  assert.ok(row, 'reminded on the local day before');
  assert.equal(row.link, `/pesanan-saya/${placed.orders[0].id}`);
  assert.deepEqual(JSON.parse(row.params), {
    number: placed.orders[0].number,
    date: `date:${pickup}`,
    from: '08:00',
    to: '11:00',
  });
  assert.deepEqual(
    (await deliveriesOf(w, buyer.userId)).map((d) => d.channel),
    ['whatsapp', 'sms'],
  );
  // Run again the same day and on the day itself: still once.
  await runReminders(w.h.db, new Date(`${shift(pickup, -1)}T10:00:00Z`));
  await runReminders(w.h.db, new Date(`${pickup}T01:00:00Z`));
  assert.equal((await mine()).length, 1);
  assert.equal((await deliveriesOf(w, buyer.userId)).length, 2);
  assert.deepEqual(
    (await inbox(quitter.userId)).filter((n) => n.kind === 'cycle_pickup'),
    [],
  );
  assert.match(
    await (await buyer.get('/kotak-masuk')).text(),
    new RegExp(`Besok ambil pesanan ${placed.orders[0].number} di titik layanan`),
  );
});

test('the day before a training session its participants hear once (own account, and the UMKM’s seller)', async () => {
  const village = await anyVillage(w.h.db);
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const umkm = await makeUmkm(w.h.db, { villageCode: village, organisationId: org });
  const seller = await w.as('seller', umkm);
  await chooseChannels(seller, { whatsapp: true, sms: true });
  const agent = await w.as('buyer');
  const courseId = await makeCourse(w.h.db, { title: 'Foto Produk dengan HP' });
  // 09:00 WITA on 2027-02-10.
  const sessionId = await makeSession(w.h.db, {
    courseId,
    regionCode: village,
    startsAt: '2027-02-10T01:00:00.000Z',
  });
  await addParticipant(w.h.db, { sessionId, fullName: 'Ibu Sari', umkmId: umkm });
  await addParticipant(w.h.db, {
    sessionId,
    fullName: 'Mas Bagus',
    kind: 'agent',
    userId: agent.userId,
  });
  const told = async (userId: string) =>
    (await inbox(userId)).filter((n) => n.kind === 'training_session');
  await runReminders(w.h.db, new Date('2027-02-08T10:00:00Z'));
  assert.equal((await told(seller.userId)).length, 0);
  await runReminders(w.h.db, new Date('2027-02-09T02:00:00Z'));
  await runReminders(w.h.db, new Date('2027-02-09T12:00:00Z'));
  assert.equal((await told(seller.userId)).length, 1);
  assert.equal((await told(agent.userId)).length, 1);
  assert.equal((await deliveriesOf(w, seller.userId)).length, 2);
  const html = await (await seller.get('/kotak-masuk')).text();
  assert.match(
    html,
    /Pengingat: pelatihan Foto Produk dengan HP besok, .*09[.:]00.*, di Balai desa\./,
  );
});
