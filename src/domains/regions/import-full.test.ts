// The full national import, run once (it is the heaviest test of the domain): exact counts
// from idn-area-data (Kemendagri 2025) and idempotency — a second run writes nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../../../test/support/kernel/index.js';
import type { DbHandle } from '../../kernel/db/index.js';
import { allMigrations } from '../../migrations.js';
import { importRegions, regionCounts } from './index.js';
import { regionsNeedImport } from './cli.js';

let h: DbHandle | undefined;
after(() => h?.close());

test('full import: 38 provinces, 514 regencies, 7,285 districts, 83,762 villages; second run changes nothing', async () => {
  h = await createTestDb(allMigrations);
  assert.equal(await regionsNeedImport(h.db), true, 'an empty database imports on first start');
  let last: [number, number] = [0, 0];
  const first = await importRegions(h.db, {
    onProgress: (d, t) => {
      last = [d, t];
    },
  });
  assert.deepEqual(
    { ...first, version: undefined },
    {
      provinces: 38,
      regencies: 514,
      districts: 7285,
      villages: 83762,
      inserted: 91599,
      updated: 0,
      version: undefined,
    },
  );
  assert.equal(last[0], last[1], 'the progress bar ends at 100 %');
  assert.deepEqual(await regionCounts(h.db), {
    provinces: 38,
    regencies: 514,
    districts: 7285,
    villages: 83762,
  });
  const kinds = await h.db
    .selectFrom('regions')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('level', '=', 4)
    .groupBy('kind')
    .execute();
  const byKind = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
  assert.equal(byKind.desa + byKind.kelurahan + (byKind.desa_adat ?? 0), 83762);
  assert.ok(byKind.kelurahan > 8000 && byKind.desa > 70000, JSON.stringify(byKind));
  const words = Number(
    (
      await h.db
        .selectFrom('region_words')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  assert.equal(await regionsNeedImport(h.db), false);

  const second = await importRegions(h.db);
  assert.equal(second.inserted, 0);
  assert.equal(second.updated, 0);
  assert.deepEqual(await regionCounts(h.db), {
    provinces: 38,
    regencies: 514,
    districts: 7285,
    villages: 83762,
  });
  assert.equal(
    Number(
      (
        await h.db
          .selectFrom('region_words')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    words,
  );
});
