// insertRows, the bulk insert of the checkout batch, on the database under test: rows and types
// land as Kysely's insert would put them, conflicts are skipped and counted, SQLite's parameter
// limit splits big inserts, and a row it cannot take is refused before anything is written.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../../../test/support/kernel/index.js';
import { insertRows, kernelMigrations, type DbHandle } from './index.js';

let h: DbHandle;
before(async () => {
  h = await createTestDb(kernelMigrations);
});
after(async () => {
  await h.close();
});

const key = (scope: string, k: string, status: number | null = 201) => ({
  scope,
  key: k,
  fingerprint: 'fp',
  state: 'done' as const,
  response_status: status,
  response_body: status === null ? null : JSON.stringify({ ok: true, é: 'ü', quote: `"'\\` }),
  created_at: '2026-12-05T00:00:00.000Z',
});

const stored = (scope: string) =>
  h.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .orderBy('key')
    .execute();

test('rows land with their types: text, integers, nulls, quotes and non-ASCII', async () => {
  const rows = [key('types', 'k1'), key('types', 'k2', null), key('types', 'k3', 409)];
  assert.equal(await insertRows(h.db, 'idempotency_keys', rows), 3);
  assert.deepEqual(await stored('types'), rows);
});

test('a row repeating the named key is skipped and not counted; the others go in', async () => {
  await insertRows(h.db, 'idempotency_keys', [key('conflict', 'a')]);
  const n = await insertRows(
    h.db,
    'idempotency_keys',
    [key('conflict', 'a', 500), key('conflict', 'b')],
    { ignoreConflictOn: ['scope', 'key'] },
  );
  assert.equal(n, 1);
  assert.deepEqual(
    (await stored('conflict')).map((r) => [r.key, r.response_status]),
    [
      ['a', 201],
      ['b', 201],
    ],
  );
});

test('without ignoreConflictOn a repeated key fails the statement and writes nothing', async () => {
  await assert.rejects(
    insertRows(h.db, 'idempotency_keys', [key('strict', 'x'), key('strict', 'x')]),
  );
  assert.deepEqual(await stored('strict'), []);
});

test('more rows than one SQLite statement may bind go in whole', async () => {
  // 7 columns: SQLite binds at most 32,766 parameters, so 5,000 rows take two statements.
  const rows = Array.from({ length: 5000 }, (_, i) => key('many', String(i).padStart(5, '0')));
  assert.equal(await insertRows(h.db, 'idempotency_keys', rows), 5000);
  const got = await stored('many');
  assert.equal(got.length, 5000);
  assert.deepEqual(got[4999], rows[4999]);
});

test('a lone UTF-16 surrogate is stored as U+FFFD, as the drivers send it', async () => {
  await insertRows(h.db, 'idempotency_keys', [
    { ...key('surrogate', 'k'), fingerprint: 'a\ud800b' },
  ]);
  assert.equal((await stored('surrogate'))[0].fingerprint, 'a\ufffdb');
});

test('rows naming other columns, or values that are not scalars, are refused before writing', async () => {
  const { fingerprint: _f, ...missing } = key('bad', 'k2');
  await assert.rejects(
    insertRows(h.db, 'idempotency_keys', [key('bad', 'k1'), missing]),
    /row 1 has no fingerprint/,
  );
  await assert.rejects(
    insertRows(h.db, 'idempotency_keys', [missing, key('bad', 'k1')]),
    /row 1 names other columns/,
  );
  // A column given as undefined is no column, in any row.
  await assert.rejects(
    insertRows(h.db, 'idempotency_keys', [
      { ...key('bad', 'k1'), fingerprint: undefined },
      key('bad', 'k3'),
    ]),
    /row 1 names other columns/,
  );
  await assert.rejects(
    insertRows(h.db, 'idempotency_keys', [
      { ...key('bad', 'k3'), response_body: { not: 'text' } as unknown as string },
    ]),
    /response_body is not a string, number or null/,
  );
  assert.deepEqual(await stored('bad'), []);
  assert.equal(await insertRows(h.db, 'idempotency_keys', []), 0);
});
