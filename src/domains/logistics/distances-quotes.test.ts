// Distances and quotes at the service level (both databases): the distance CSV (all or
// nothing, its quoting and line numbers, the detour bounds) and network quotes (by legs and
// weight, cached per route and seen at once after any network change).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { assignPoint, detourFor, importDistances, setDetour } from './network.service.js';
import { quoteNetwork } from './quote.js';
import { makeServicePoint } from '../../../test/support/community.js';

let w: World;
let net: TestNetwork;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 8 });
});
after(() => w.close());

test('distance CSV: a bad line rejects the whole file; detour factor bounds', async () => {
  const bad = await importDistances(
    w.h.db,
    null,
    `from,to,km\n${net.kecHub},${net.points[0]},12.5\n${net.kecHub},${net.points[1]},abc\n`,
  );
  assert.equal(!bad.ok && bad.code, 'LOGISTICS_BAD_MATRIX');
  assert.equal(!bad.ok && bad.params?.line, 3);
  assert.equal((await w.h.db.selectFrom('distance_overrides').selectAll().execute()).length, 0);
  const unknown = await importDistances(w.h.db, null, `from,to,km\n${net.kecHub},svp_nope,3\n`);
  assert.equal(unknown.ok, false);
  const good = unwrap(
    await importDistances(w.h.db, null, `from,to,km\n${net.points[0]},${net.kecHub},12.5\n`),
  );
  assert.equal(good.rows, 1);
  assert.equal((await setDetour(w.h.db, null, '53.09', 0.5)).ok, false);
  assert.equal((await setDetour(w.h.db, null, '53.09', 1.5)).ok, true);
});

test('distance CSV: quoted cells, BOM, CRLF and blank lines; a bad id or quote is named by its file line', async () => {
  const rows = async () =>
    (await w.h.db.selectFrom('distance_overrides').selectAll().execute()).length;
  const quoted = unwrap(
    await importDistances(
      w.h.db,
      null,
      `\ufefffrom,to,km\r\n\r\n"${net.points[1]}","${net.kecHub}","7.5"\r\n`,
    ),
  );
  assert.equal(quoted.rows, 1);
  const stored = await rows();
  const unknown = await importDistances(
    w.h.db,
    null,
    `from,to,km\n\n${net.points[0]},${net.kecHub},3\n\nsvp_nope,${net.kecHub},4\n`,
  );
  assert.deepEqual(!unknown.ok && [unknown.code, unknown.params?.line], [
    'LOGISTICS_BAD_MATRIX',
    5,
  ]);
  const open = await importDistances(
    w.h.db,
    null,
    `from,to,km\n${net.points[0]},"${net.kecHub},3\n${net.points[1]},${net.kecHub},4\n`,
  );
  assert.deepEqual(!open.ok && [open.code, open.params?.line], ['LOGISTICS_BAD_MATRIX', 2]);
  assert.equal(await rows(), stored, 'nothing written');
});

test('quotes: more legs and more weight cost more; no point → no quote', async () => {
  const village = async (id: string) =>
    (
      await w.h.db
        .selectFrom('service_points')
        .select('village_code')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).village_code;
  const local = await quoteNetwork(w.h.db, {
    fromVillageCode: await village(net.points[0]),
    toVillageCode: await village(net.points[1]),
    weightGrams: 1000,
  });
  const far = await quoteNetwork(w.h.db, {
    fromVillageCode: await village(net.points[0]),
    toVillageCode: await village(net.otherPoint),
    weightGrams: 1000,
  });
  const heavy = await quoteNetwork(w.h.db, {
    fromVillageCode: await village(net.points[0]),
    toVillageCode: await village(net.otherPoint),
    weightGrams: 5000,
  });
  const city = await quoteNetwork(w.h.db, {
    fromVillageCode: await village(net.points[0]),
    toVillageCode: '35.78.01.1001',
    weightGrams: 1000,
  });
  assert.ok(local && far && heavy && city);
  assert.equal(local!.legs, 2);
  assert.equal(far!.legs, 4);
  assert.ok(far!.amount > local!.amount && heavy!.amount > far!.amount && city!.exits);
  assert.equal(
    await quoteNetwork(w.h.db, {
      fromVillageCode: '35.10.01.2001',
      toVillageCode: '53.09.01.2001',
      weightGrams: 1000,
    }),
    null,
  );
});

test('quotes are cached per route, and every network change is seen at once', async () => {
  const village = async (id: string) =>
    (
      await w.h.db
        .selectFrom('service_points')
        .select('village_code')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).village_code;
  const q = {
    fromVillageCode: await village(net.points[0]),
    toVillageCode: await village(net.otherPoint),
    weightGrams: 2000,
  };
  const first = await quoteNetwork(w.h.db, q);
  const n0 = w.h.queryCount();
  assert.deepEqual(await quoteNetwork(w.h.db, q), first);
  assert.equal(w.h.queryCount() - n0, 0, 'a known route reads nothing');

  const detour = await detourFor(w.h.db, '53.09');
  unwrap(await setDetour(w.h.db, null, '53.09', detour >= 2.5 ? 1.2 : detour + 0.5));
  const after = await quoteNetwork(w.h.db, q);
  assert.notEqual(after!.km, first!.km, 'a new detour factor changes the distance');

  const bare = await w.h.db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 4)
    .where('code', 'like', '53.09.%')
    .where('code', 'not in', w.h.db.selectFrom('service_points').select('village_code'))
    .orderBy('code')
    .limit(1)
    .executeTakeFirstOrThrow();
  const toBare = { ...q, fromVillageCode: bare.code };
  assert.equal(await quoteNetwork(w.h.db, toBare), null);
  const sp = await makeServicePoint(w.h.db, { villageCode: bare.code, name: 'Titik Baru' });
  unwrap(await assignPoint(w.h.db, null, sp, net.kecHub));
  assert.ok(await quoteNetwork(w.h.db, toBare), 'a village put on the network is quoted at once');
});
