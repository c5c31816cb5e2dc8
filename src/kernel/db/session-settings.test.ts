// What every PostgreSQL session of the app is started with (connect.ts): no parallel workers,
// and a test world's own schema kept beside that option.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb } from '../../../test/support/kernel/index.js';
import { kernelMigrations, type DbHandle } from './index.js';

let h: DbHandle;
before(async () => {
  h = await createTestDb(kernelMigrations);
});
after(async () => {
  await h.close();
});

test('PostgreSQL sessions plan without parallel workers and keep their schema', async (t) => {
  if (h.dialect !== 'postgres') return t.skip('a PostgreSQL setting');
  // Several sessions at once, so more than one pooled connection answers.
  const shown = await Promise.all(
    Array.from({ length: 4 }, () =>
      h.db.transaction().execute(async (tx) => {
        const w = await sql<{
          v: string;
        }>`select current_setting('max_parallel_workers_per_gather') as v`.execute(tx);
        const s = await sql<{ v: string }>`select current_schema() as v`.execute(tx);
        return [w.rows[0].v, s.rows[0].v];
      }),
    ),
  );
  for (const [workers, schema] of shown) {
    assert.equal(workers, '0');
    assert.equal(schema, h.schema ?? 'public');
  }
});
