// bearerActor shares a running lookup among the requests of one token that arrive meanwhile,
// and keeps nothing once it settles: a revoked token or a disabled user is refused to every
// request that arrives after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiToken, createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
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
  // Warm the token's last-used stamp, so the lookups below only read.
  await bearerActor(d, ta.token);
  await bearerActor(d, tb.token);
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

test('nothing is kept once a lookup settles: a revoked token or a disabled user is refused after', async () => {
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
