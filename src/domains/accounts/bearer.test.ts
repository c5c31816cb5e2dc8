// bearerActor shares a running lookup among the requests of one token that arrive meanwhile,
// and keeps a settled answer only while the database is unchanged (SQLite's stamp): a revoked
// token or a disabled user is refused to every request that arrives after, whoever revoked it.
import { test, before, after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { apiToken, createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { connect } from '../../kernel/db/index.js';
import { testDatabaseUrl } from '../../../test/support/kernel/index.js';
import { bearerActor, revokeToken } from './index.js';

let w: World;
before(async () => {
  w = await createWorld();
  d.h = w.h;
});
after(() => w.close());

const tokenOf = (userId: string) => apiToken(w, userId);

const d = { h: null as unknown as World['h'], config: { mode: 'demo' } } as Parameters<
  typeof bearerActor
>[0];

test('requests of one token at once share one lookup; each token gets its own actor', async () => {
  const a = await w.as('buyer');
  const b = await w.as('buyer');
  const [ta, tb] = [await tokenOf(a.userId), await tokenOf(b.userId)];
  // Warm the token's last-used stamp, so the lookups below only read; then a write, so that no
  // settled answer is still fresh.
  await bearerActor(d, ta.token);
  await bearerActor(d, tb.token);
  w.h.noteWrites(1);
  const q = w.h.queryCount();
  const many = await Promise.all([
    ...Array.from({ length: 8 }, () => bearerActor(d, ta.token)),
    ...Array.from({ length: 8 }, () => bearerActor(d, tb.token)),
  ]);
  assert.equal(w.h.queryCount() - q, 2, 'one query a token');
  for (const x of many.slice(0, 8)) assert.equal(x?.userId, a.userId);
  for (const x of many.slice(8)) assert.equal(x?.userId, b.userId);
  assert.equal(await bearerActor(d, 'lmb_tidak-ada'), null);
});

test('a revoked token or a disabled user is refused to the next request', async () => {
  const a = await w.as('buyer');
  const t = await tokenOf(a.userId);
  assert.equal((await bearerActor(d, t.token))?.userId, a.userId);
  unwrap(await revokeToken(w.h.db, { userId: a.userId } as Actor, t.id));
  assert.equal(await bearerActor(d, t.token), null);
  const b = await w.as('buyer');
  const u = await tokenOf(b.userId);
  assert.equal((await bearerActor(d, u.token))?.userId, b.userId);
  await w.h.db
    .updateTable('users')
    .set({ status: 'disabled' })
    .where('id', '=', b.userId)
    .execute();
  assert.equal(await bearerActor(d, u.token), null);
});

test('a settled answer is kept while nothing is written (SQLite), never on PostgreSQL', async () => {
  const a = await w.as('buyer');
  const t = await tokenOf(a.userId);
  await bearerActor(d, t.token);
  w.h.noteWrites(1);
  await bearerActor(d, t.token);
  const q = w.h.queryCount();
  for (let i = 0; i < 5; i++) assert.equal((await bearerActor(d, t.token))?.userId, a.userId);
  assert.equal(w.h.queryCount() - q, testDatabaseUrl() ? 5 : 0);
  // A flood of made-up tokens does not grow what is kept: the real one is asked for again.
  for (let i = 0; i < 1100; i++) await bearerActor(d, `lmb_palsu-${i}`);
  const r = w.h.queryCount();
  assert.equal((await bearerActor(d, t.token))?.userId, a.userId);
  assert.equal(w.h.queryCount() - r, 1);
});

test('a revocation committed by another process is seen by the next request', {
  skip: testDatabaseUrl() ? 'a second connection to one SQLite file' : false,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-bearer-'));
  const file = join(dir, 'bearer.db');
  const v = await createWorld({ sqlitePath: file });
  const other = connect({ sqlitePath: file });
  try {
    const dv = { ...d, h: v.h };
    const a = await v.as('buyer');
    const t = await apiToken(v, a.userId);
    await bearerActor(dv, t.token);
    assert.equal((await bearerActor(dv, t.token))?.userId, a.userId);
    const q = v.h.queryCount();
    assert.equal((await bearerActor(dv, t.token))?.userId, a.userId);
    assert.equal(v.h.queryCount(), q, 'kept while unchanged');
    unwrap(await revokeToken(other.db, { userId: a.userId } as Actor, t.id));
    assert.equal(await bearerActor(dv, t.token), null);
  } finally {
    await other.close();
    await v.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
