// The community part of the demo seed: fast, complete for the journeys, on both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { seedAccounts } from '../../seed/accounts.seed.js';
import { seedCommunity } from '../../seed/community.seed.js';
import { DEMO_PASSWORD } from '../../seed/demo-user.js';
import { certificationState, servicePointsIn } from './index.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

test('demo seed: organisations, 40+ UMKM in both regencies with certifications in every state, points with agents, journey logins', async () => {
  const ctx = { h: w.h, refs: {} as Record<string, string> };
  await seedAccounts(ctx);
  const started = performance.now();
  const logins = await seedCommunity(ctx);
  const ms = performance.now() - started;
  // ~3 s on an idle 2-core machine (SQLite), most of it argon2 for 10 demo logins; the bound
  // leaves room for a machine shared with other test runs.
  assert.ok(ms < 30000, `community seed took ${Math.round(ms)} ms`);

  const umkm = await w.h.db
    .selectFrom('umkm')
    .select(['id', 'village_code', 'story', 'consent_id', 'is_demo'])
    .execute();
  assert.ok(umkm.length >= 40);
  assert.ok(umkm.every((u) => u.story && u.consent_id && u.is_demo === 1));
  assert.ok(umkm.filter((u) => u.village_code.startsWith('53.09.')).length >= 15);
  assert.ok(umkm.filter((u) => u.village_code.startsWith('35.10.')).length >= 15);
  const certs = await w.h.db.selectFrom('certifications').select('expires_on').execute();
  const states = new Set(certs.map((c) => certificationState(c)));
  assert.deepEqual([...states].sort(), ['expired', 'expiring_14', 'expiring_60', 'valid']);
  assert.equal((await servicePointsIn(w.h.db, '53.09')).length, 3);
  assert.equal((await servicePointsIn(w.h.db, '35.10')).length, 3);

  for (const k of [
    'umkm:sari',
    'svp:yohanes',
    'org:bumdes-sari',
    'user:bumdes-manager',
    'user:yohanes',
    'umkm:kopi-bajawa-beja',
  ])
    assert.ok(ctx.refs[k], k);
  assert.equal(ctx.refs['umkm:all'].split(',').length, umkm.length);
  const sari = await w.h.db
    .selectFrom('umkm')
    .selectAll()
    .where('id', '=', ctx.refs['umkm:sari'])
    .executeTakeFirstOrThrow();
  assert.ok(sari.village_code.startsWith('53.09.'));
  assert.equal(sari.owner_user_id, ctx.refs['user:+6281100000010']);
  assert.deepEqual(logins.map((l) => l.role).sort(), [
    'community_manager',
    'community_manager',
    'seller',
    'seller',
    'village_agent',
    'village_agent',
    'village_agent',
    'village_agent',
    'village_agent',
    'village_agent',
  ]);

  // Ibu Sari signs in by phone and sees her UMKM; Pak Yohanes sees his kiosk.
  const c = w.client();
  assert.equal(
    (await c.form('/login', { login: '081100000010', password: DEMO_PASSWORD })).status,
    303,
  );
  assert.match(await (await c.get(`/community/umkm/${sari.id}`)).text(), /Gula Aren Ibu Sari/);
  const y = w.client();
  assert.equal(
    (await y.form('/login', { login: '081100000012', password: DEMO_PASSWORD })).status,
    303,
  );
  assert.match(
    await (await y.get(`/community/points/${ctx.refs['svp:yohanes']}`)).text(),
    /Kios BUMDes Radabata/,
  );
  const m = w.client();
  assert.equal(
    (await m.form('/login', { login: '081100000011', password: DEMO_PASSWORD })).status,
    303,
  );
  const home = await (await m.get('/me')).text();
  assert.match(home, /Sertifikat yang perlu diperpanjang/);
  assert.match(
    home,
    /Minyak Kemiri Golewa/,
    'the manager is alerted about an expiring PIRT of her BUMDes',
  );
  const people = await w.h.db
    .selectFrom('people')
    .select(['consent_id'])
    .where('organisation_id', '=', ctx.refs['org:bumdes-sari'])
    .execute();
  assert.ok(people.length >= 3 && people.every((p) => p.consent_id));
});
