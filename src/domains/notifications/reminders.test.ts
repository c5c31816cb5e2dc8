// Certificate expiry reminders from the recurring job: the UMKM's seller and its organisation's
// manager hear once at 60 days and once at 14, in their language with the certificate's name;
// a renewed certificate (a later one of the same kind) is not reminded of; an expired one neither.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../../../test/support/community.js';
import { addCertification } from '../../../test/support/innovation.js';
import { drain, enqueue } from '../../kernel/jobs/index.js';
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
