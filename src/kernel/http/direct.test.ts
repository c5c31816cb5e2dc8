// Direct routes over a real socket: a bearer-token JSON write is answered before Hono with the
// very answer the whole stack gives (status, body and every header), errors included; every
// request a direct route must not answer alone (no token, a cookie, a token that names nobody,
// bad JSON, an invalid body or header, control characters, a body too large or chunked, another
// content type) reaches the stack and gets its answer. `?lewat=hono` sends a request the direct
// route does not take (its path must match exactly), so each answer is compared with the stack's.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRoute, z } from '@hono/zod-openapi';
import { createHttpApp, createLogger, serveApp } from './index.js';
import { answerWith, directRoute } from './direct.js';
import { IdempotencyKeyHeader } from './openapi.js';
import {
  createTestDb,
  postOverSocket,
  type SocketAnswer,
} from '../../../test/support/kernel/index.js';
import { kernelMigrations, type DbHandle } from '../db/index.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors/index.js';
import type { Actor } from '../auth/index.js';

const agent: Actor = {
  userId: 'usr_agen',
  displayName: 'Agen Desa',
  locale: 'en',
  grants: [{ role: 'buyer', scopeType: 'self', scopeId: null, regionCode: null }],
  via: 'token',
};

const Titip = z
  .object({ qty: z.number().int().min(1).max(9), note: z.string().max(4000) })
  .strict();
const titip = directRoute({
  path: '/api/v1/titip',
  header: IdempotencyKeyHeader,
  body: Titip,
  async run({ header, body, actor }) {
    if (body.qty === 8) throw new AppError('IDEMPOTENCY_IN_FLIGHT');
    if (body.qty === 9) throw new Error('rusak');
    return {
      status: 201,
      body: { key: header['idempotency-key'], by: actor?.userId ?? null, ...body },
      headers: body.qty === 2 ? { 'idempotent-replayed': 'true' } : undefined,
    };
  },
});

let h: DbHandle;
let server: Server;
let port: number;
const lines: Record<string, unknown>[] = [];
before(async () => {
  h = await createTestDb(kernelMigrations);
  const config = { ...loadConfig({ LUMBUNG_SECRET: 'kunci-uji' }), maxBodyBytes: 2048 };
  const tokenActor = async (token: string) => (token === 'lmb_agen' ? agent : null);
  const app = createHttpApp(
    { h, config },
    {
      authenticate: async (c) =>
        tokenActor((c.req.header('authorization') ?? '').replace(/^Bearer\s+/i, '')),
      bearer: tokenActor,
      paths: { direct: [titip] },
    },
    createLogger('info', (l) => lines.push(JSON.parse(l))),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/titip',
      request: {
        headers: IdempotencyKeyHeader,
        body: { content: { 'application/json': { schema: Titip } }, required: true },
      },
      responses: { 201: { description: 'Dititipkan' } },
    }),
    async (c) =>
      answerWith(
        c,
        await titip.run({
          header: c.req.valid('header'),
          body: c.req.valid('json'),
          actor: c.get('actor'),
          deps: c.get('deps'),
        }),
      ),
  );
  server = serveApp(app, { port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  server.close();
  await h.close();
});

interface Answer extends SocketAnswer {
  /** The request's log line: `direct: true` when the direct route answered. */
  direct: boolean;
}

async function send(
  path: string,
  headers: Record<string, string | string[]>,
  body: string,
): Promise<Answer> {
  const a = await postOverSocket(port, path, headers, body);
  const line = lines.find((l) => l.msg === 'request' && l.requestId === a.headers['x-request-id']);
  return { ...a, direct: line?.direct === true };
}

/** The headers that must match: all but the request id's and a fresh CSRF token's values and the connection's own. */
function comparable(a: Answer) {
  const { 'x-request-id': id, date, connection, 'keep-alive': _k, ...rest } = a.headers;
  assert.match(String(id), /^[\w-]{8,64}$/);
  const cookies = rest['set-cookie'] as string[] | undefined;
  if (cookies) rest['set-cookie'] = cookies.map((c) => c.replace(/=[0-9a-f]{32};/, '=…;'));
  return rest;
}

/** Sends the request to the direct path and to the stack; both answers must be the same. */
async function bothWays(headers: Record<string, string | string[]>, body: string, direct: boolean) {
  const viaDirect = await send('/api/v1/titip', headers, body);
  const viaStack = await send('/api/v1/titip?lewat=hono', headers, body);
  assert.equal(viaStack.direct, false);
  assert.equal(viaDirect.direct, direct, `answered directly: ${viaDirect.direct}`);
  assert.equal(viaDirect.status, viaStack.status);
  assert.deepEqual(comparable(viaDirect), comparable(viaStack));
  assert.deepEqual(viaDirect.body, viaStack.body);
  return viaDirect;
}

const ok = {
  authorization: 'Bearer lmb_agen',
  'content-type': 'application/json',
  'idempotency-key': 'titip-0001',
};
const json = (v: unknown) => JSON.stringify(v);

test('a bearer-token write is answered directly, with every header the stack sends', async () => {
  const a = await bothWays(ok, json({ qty: 1, note: 'beras' }), true);
  assert.equal(a.status, 201);
  assert.deepEqual(JSON.parse(a.body.toString()), {
    key: 'titip-0001',
    by: 'usr_agen',
    qty: 1,
    note: 'beras',
  });
  assert.equal(a.headers['cache-control'], 'no-store');
  assert.equal(a.headers['x-frame-options'], 'DENY');
  assert.match(String(a.headers['content-security-policy']), /frame-ancestors 'none'/);
  // The route's own header, and a caller's well-formed request id kept.
  const replay = await bothWays(ok, json({ qty: 2, note: 'beras' }), true);
  assert.equal(replay.headers['idempotent-replayed'], 'true');
  const traced = await send(
    '/api/v1/titip',
    { ...ok, 'x-request-id': 'hp-agen-000042' },
    '{"qty":1,"note":""}',
  );
  assert.equal(traced.headers['x-request-id'], 'hp-agen-000042');
  assert.equal(traced.direct, true);
});

test('a large answer is gzipped for a client that takes it, as the stack does', async () => {
  const note = 'padi gabah kering giling '.repeat(60);
  const a = await bothWays({ ...ok, 'accept-encoding': 'gzip' }, json({ qty: 1, note }), true);
  assert.equal(a.headers['content-encoding'], 'gzip');
  const plain = await bothWays(ok, json({ qty: 1, note }), true);
  assert.equal(plain.headers['content-encoding'], undefined);
});

test("the use case's errors are the stack's problems, in the caller's language", async () => {
  const conflict = await bothWays(ok, json({ qty: 8, note: '' }), true);
  assert.equal(conflict.status, 409);
  const p = JSON.parse(conflict.body.toString());
  assert.equal(p.code, 'IDEMPOTENCY_IN_FLIGHT');
  assert.equal(p.instance, '/api/v1/titip');
  assert.match(conflict.headers['content-type'] as string, /^application\/problem\+json/);
  const before = lines.filter((l) => l.msg === 'unhandled error').length;
  const broken = await bothWays(ok, json({ qty: 9, note: '' }), true);
  assert.equal(broken.status, 500);
  assert.equal(JSON.parse(broken.body.toString()).code, 'INTERNAL');
  // Logged once for each way, with the request id and no body.
  const logged = lines.filter((l) => l.msg === 'unhandled error').slice(before);
  assert.equal(logged.length, 2);
  assert.equal(logged[0].error, 'rusak');
  assert.equal(JSON.stringify(logged).includes('lmb_agen'), false);
});

test('every request the direct route must not answer alone gets the whole stack’s answer', async () => {
  const body = json({ qty: 1, note: 'beras' });
  const cases: [string, Record<string, string | string[]>, string, number][] = [
    ['no token', { ...ok, authorization: '' }, body, 201],
    ['a cookie', { ...ok, cookie: 'lumbung_lang=en' }, body, 201],
    ['a token that names nobody', { ...ok, authorization: 'Bearer lmb_lain' }, body, 201],
    ['bad JSON', ok, '{"qty": 1,', 400],
    ['an invalid body', ok, json({ qty: 0, note: 'beras' }), 422],
    ['an unknown field', ok, json({ qty: 1, note: 'beras', harga: 1 }), 422],
    ['control characters', ok, json({ qty: 1, note: 'be\u0007ras' }), 422],
    ['no Idempotency-Key', { ...ok, 'idempotency-key': '' }, body, 400],
    ['a malformed Idempotency-Key', { ...ok, 'idempotency-key': 'a b' }, body, 400],
    ['a body too large', ok, json({ qty: 1, note: 'x'.repeat(3000) }), 413],
    ['a chunked body', { ...ok, 'transfer-encoding': 'chunked' }, body, 201],
    ['a form', { ...ok, 'content-type': 'application/x-www-form-urlencoded' }, 'qty=1', 415],
    // Node keeps the first of a repeated header where the stack's web headers join them.
    [
      'two Authorization headers',
      { ...ok, authorization: ['Bearer lmb_agen', 'Bearer lmb_lain'] },
      body,
      201,
    ],
    ['two Content-Types', { ...ok, 'content-type': ['application/json', 'text/plain'] }, body, 415],
  ];
  for (const [name, headers, b, status] of cases) {
    const sent = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
    const a = await bothWays(sent, b, false).catch((e) => {
      throw new Error(`${name}: ${e.message}`);
    });
    assert.equal(a.status, status, name);
    // The toy route is open to guests: the stack's guest answer, never the agent's.
    if (status === 201 && String(headers.authorization) !== 'Bearer lmb_agen')
      assert.equal(JSON.parse(a.body.toString()).by, null, name);
  }
});

test('a client that hangs up mid-body is no server error, and the next request is answered', async () => {
  const { connect } = await import('node:net');
  const before = lines.length;
  await new Promise<void>((resolve) => {
    const s = connect(port, '127.0.0.1', () => {
      s.write(
        'POST /api/v1/titip HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer lmb_agen\r\n' +
          'Content-Type: application/json\r\nIdempotency-Key: titip-0009\r\nContent-Length: 100\r\n\r\n{"qty":',
      );
      setTimeout(() => s.destroy(), 50);
    });
    s.on('close', () => resolve());
  });
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(
    lines.slice(before).filter((l) => l.level === 'error'),
    [],
  );
  const a = await send('/api/v1/titip', ok, json({ qty: 1, note: 'lagi' }));
  assert.equal(a.status, 201);
  assert.equal(a.direct, true);
});
