// The rollback the kernel offers: a failure Result leaves nothing written, a success commits,
// and constraint violations are named the same way on both dialects.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb, sqlitePair, testDatabaseUrl } from '../../../test/support/kernel/index.js';
import {
  constraintViolation,
  inTransactionResult,
  kernelMigrations,
  type DbHandle,
} from './index.js';
import { fail, ok } from '../errors/index.js';
import { audit } from '../audit/index.js';

let h: DbHandle;
before(async () => {
  h = await createTestDb(kernelMigrations);
});
after(async () => {
  await h.close();
});

const auditRows = async () =>
  Number(
    (
      await h.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a failure Result rolls the transaction back; success commits', async () => {
  const before = await auditRows();
  const r = await inTransactionResult(h.db, async (tx) => {
    await audit(tx, { actorId: null, action: 'x.try', entityType: 'x', entityId: '1' });
    return fail('CONFLICT', { why: 'test' });
  });
  assert.deepEqual(r, { ok: false, code: 'CONFLICT', params: { why: 'test' }, fields: undefined });
  assert.equal(await auditRows(), before, 'the write before the failure was rolled back');
  const s = await inTransactionResult(h.db, async (tx) => {
    await audit(tx, { actorId: null, action: 'x.do', entityType: 'x', entityId: '2' });
    return ok(7);
  });
  assert.deepEqual(s, { ok: true, value: 7 });
  assert.equal(await auditRows(), before + 1);
});

test('inside a caller transaction the failure is returned and the caller decides', async () => {
  const before = await auditRows();
  await h.db.transaction().execute(async (tx) => {
    await audit(tx, { actorId: null, action: 'outer', entityType: 'x', entityId: '3' });
    const inner = await inTransactionResult(tx, async () => fail('NOT_FOUND'));
    assert.equal(inner.ok, false);
  });
  assert.equal(await auditRows(), before + 1, 'the outer transaction committed its own write');
});

test('unique and not-null violations are named on both dialects', async () => {
  const dup = await h.db
    .insertInto('audit_log')
    .values({ seq: 1 } as never)
    .execute()
    .catch((e: unknown) => e);
  assert.equal(constraintViolation(dup), 'not_null');
  const row = await h.db.selectFrom('audit_log').selectAll().limit(1).executeTakeFirstOrThrow();
  const again = await h.db
    .insertInto('audit_log')
    .values(row as never)
    .execute()
    .catch((e: unknown) => e);
  assert.equal(constraintViolation(again), 'unique');
  assert.equal(
    constraintViolation(new Error('unique constraint failed')),
    null,
    'messages are never matched',
  );
});

test('a SQLite transaction holds the write lock from its first statement (begin immediate)', {
  skip: testDatabaseUrl() ? 'SQLite locking' : false,
}, async () => {
  const { a, b, close } = sqlitePair();
  try {
    await sql`create table t (n integer)`.execute(a.db);
    await sql`insert into t values (1)`.execute(a.db);
    await sql`pragma busy_timeout = 0`.execute(b.db);
    await a.db.transaction().execute(async (tx) => {
      await sql`select n from t`.execute(tx);
      // Begun deferred, A would hold only a read snapshot here: B's write would commit, and A's
      // write below would then fail with SQLITE_BUSY_SNAPSHOT, which no waiting can fix.
      const blocked = await sql`update t set n = 2`.execute(b.db).catch((e: Error) => e);
      assert.match(String(blocked), /database is locked/);
      await sql`update t set n = n + 10`.execute(tx);
    });
    const r = await sql<{ n: number }>`select n from t`.execute(b.db);
    assert.deepEqual(r.rows, [{ n: 11 }]);
  } finally {
    await close();
  }
});
