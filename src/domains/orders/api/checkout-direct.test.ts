// POST /api/v1/checkout with a bearer token over a real socket, where the kernel's direct path
// answers it before Hono (kernel/http/direct.ts): the money rules hold there as on the stack.
// A placed order is answered as the stack answers it; a replay returns the first response; the
// same key with another payload, or sent twice at once, never places a second order; another
// buyer's identical key is that buyer's own; a refusal (stock) writes nothing and reads as the
// stack's problem in the buyer's language; a revoked token is a guest's request to the stack.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiToken, countRows, createWorld, type World } from '../../../../test/support/world.js';
import { postOverSocket, type SocketAnswer } from '../../../../test/support/kernel/index.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { createLogger, serveApp } from '../../../kernel/http/index.js';
import { unwrap } from '../../../kernel/errors/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import { revokeToken } from '../../accounts/index.js';

let w: World;
let server: Server;
let port: number;
let sp: string;
let umkm: string;
const lines: Record<string, unknown>[] = [];

/** A signed-in buyer's API token (explicit lines need a signed-in caller). */
async function buyerToken(locale: 'id' | 'en') {
  const c = await w.as('buyer');
  await w.h.db.updateTable('users').set({ locale }).where('id', '=', c.userId).execute();
  return { ...(await apiToken(w, c.userId)), userId: c.userId };
}

before(async () => {
  w = await createWorld({ log: createLogger('info', (l) => lines.push(JSON.parse(l))) });
  const village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
  umkm = await makeUmkm(w.h.db, { villageCode: village });
  server = serveApp(w.app, { port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  server.close();
  await w.close();
});

interface Answer {
  status: number;
  headers: SocketAnswer['headers'];
  body: Record<string, unknown>;
  /** The request's log line: `direct: true` when the direct route answered. */
  direct: boolean;
}

async function checkout(path: string, token: string, key: string, body: unknown): Promise<Answer> {
  const a = await postOverSocket(
    port,
    path,
    {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    JSON.stringify(body),
  );
  const line = lines.find((l) => l.msg === 'request' && l.requestId === a.headers['x-request-id']);
  return { ...a, body: JSON.parse(a.body.toString()), direct: line?.direct === true };
}

const order = (variantId: string, qty = 1) => ({
  lines: [{ variantId, qty }],
  buyer: { name: 'Bu Rina', phone: '081234567890' },
  delivery: { kind: 'pickup', servicePointId: sp },
  paymentMethod: 'cod',
});

const count = (t: 'orders' | 'audit_log' | 'idempotency_keys') => countRows(w, t);

/** The scopes under which `key` is stored. */
const keysOf = async (key: string) =>
  (await w.h.db.selectFrom('idempotency_keys').select('scope').where('key', '=', key).execute())
    .map((r) => r.scope)
    .sort();

test('a placed order is answered directly, as the stack answers one, with its audit rows', async () => {
  const buyer = await buyerToken('id');
  const p = await makeProduct(w.h, { umkmId: umkm, price: 12000, stock: 50 });
  const before = { orders: await count('orders'), audit: await count('audit_log') };
  const direct = await checkout(
    '/api/v1/checkout',
    buyer.token,
    'langsung-0001',
    order(p.variantId),
  );
  const stack = await checkout(
    '/api/v1/checkout?lewat=hono',
    buyer.token,
    'langsung-0002',
    order(p.variantId),
  );
  assert.equal(direct.direct, true);
  assert.equal(stack.direct, false);
  assert.equal(direct.status, 201);
  assert.equal(stack.status, 201);
  // Two orders of the same shape: the same members, totals and headers, other ids.
  assert.deepEqual(Object.keys(direct.body).sort(), Object.keys(stack.body).sort());
  assert.equal(direct.body.total, stack.body.total);
  assert.notEqual(direct.body.groupId, stack.body.groupId);
  const names = (a: Answer) =>
    Object.keys(a.headers)
      .filter((n) => !['date', 'connection', 'keep-alive'].includes(n))
      .sort();
  assert.deepEqual(names(direct), names(stack));
  assert.equal(direct.headers['content-length'], stack.headers['content-length']);
  assert.equal(direct.headers['cache-control'], 'no-store');
  assert.equal(await count('orders'), before.orders + 2);
  assert.ok((await count('audit_log')) >= before.audit + 2);
  assert.deepEqual(await keysOf('langsung-0001'), [`checkout:${buyer.userId}`]);
});

test('a replay returns the first response; another payload or a twin in flight places nothing', async () => {
  const buyer = await buyerToken('id');
  const p = await makeProduct(w.h, { umkmId: umkm, price: 7000, stock: 50 });
  const first = await checkout('/api/v1/checkout', buyer.token, 'ulang-0001', order(p.variantId));
  assert.equal(first.status, 201);
  const n = await count('orders');
  const replay = await checkout('/api/v1/checkout', buyer.token, 'ulang-0001', order(p.variantId));
  assert.equal(replay.direct, true);
  assert.equal(replay.status, 201);
  assert.equal(replay.headers['idempotent-replayed'], 'true');
  assert.deepEqual(replay.body, first.body);
  const other = await checkout(
    '/api/v1/checkout',
    buyer.token,
    'ulang-0001',
    order(p.variantId, 2),
  );
  assert.equal(other.status, 422);
  assert.equal(other.body.code, 'IDEMPOTENCY_KEY_REUSED');
  assert.equal(await count('orders'), n);
  // The same new key twice at once: one order, and the other answer is that order or "in flight".
  const twins = await Promise.all(
    [0, 1].map(() => checkout('/api/v1/checkout', buyer.token, 'kembar-0001', order(p.variantId))),
  );
  assert.equal(await count('orders'), n + 1);
  const placed = twins.filter((t) => t.status === 201);
  assert.ok(placed.length >= 1);
  for (const t of placed) assert.equal(t.body.groupId, placed[0].body.groupId);
  for (const t of twins.filter((x) => x.status !== 201)) {
    assert.equal(t.status, 409);
    assert.equal(t.body.code, 'IDEMPOTENCY_IN_FLIGHT');
  }
});

test("another buyer's identical key is that buyer's own order, never the first buyer's", async () => {
  const a = await buyerToken('id');
  const b = await buyerToken('id');
  const p = await makeProduct(w.h, { umkmId: umkm, price: 9000, stock: 50 });
  const first = await checkout('/api/v1/checkout', a.token, 'sama-0001', order(p.variantId));
  const second = await checkout('/api/v1/checkout', b.token, 'sama-0001', order(p.variantId));
  assert.equal(second.status, 201, JSON.stringify(second.body));
  assert.equal(second.headers['idempotent-replayed'], undefined);
  assert.notEqual(second.body.groupId, first.body.groupId);
  // Each key is stored under its own buyer: neither answer can be replayed to the other.
  assert.deepEqual(
    await keysOf('sama-0001'),
    [`checkout:${a.userId}`, `checkout:${b.userId}`].sort(),
  );
});

test("a refusal writes nothing and is the stack's problem, in the buyer's language", async () => {
  const buyer = await buyerToken('en');
  const p = await makeProduct(w.h, { umkmId: umkm, price: 5000, stock: 2 });
  const n = { orders: await count('orders'), keys: await count('idempotency_keys') };
  const direct = await checkout(
    '/api/v1/checkout',
    buyer.token,
    'habis-0001',
    order(p.variantId, 5),
  );
  const stack = await checkout(
    '/api/v1/checkout?lewat=hono',
    buyer.token,
    'habis-0002',
    order(p.variantId, 5),
  );
  assert.equal(direct.direct, true);
  assert.equal(direct.status, 409);
  assert.equal(direct.body.code, 'ORDERS_INSUFFICIENT_STOCK');
  assert.deepEqual(direct.body, stack.body);
  assert.match(String(direct.body.detail), /^Only 2 of/);
  assert.deepEqual({ orders: await count('orders'), keys: await count('idempotency_keys') }, n);
});

test("a revoked token is a guest's request, answered by the stack, and places nothing", async () => {
  const buyer = await buyerToken('id');
  unwrap(await revokeToken(w.h.db, { userId: buyer.userId } as Actor, buyer.id));
  const p = await makeProduct(w.h, { umkmId: umkm, price: 5000, stock: 9 });
  const n = await count('orders');
  const a = await checkout('/api/v1/checkout', buyer.token, 'cabut-0001', order(p.variantId));
  assert.equal(a.direct, false);
  assert.equal(a.status, 422);
  assert.equal(a.body.code, 'ORDERS_GUEST_NEEDS_CART');
  assert.equal(await count('orders'), n);
});
