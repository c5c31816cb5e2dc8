// The HTTP kernel in-process: bad input answers in the user's language and writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { createRoute } from '@hono/zod-openapi';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp, createLogger, readJson, serveApp } from './index.js';
import { createTestDb, TestClient } from '../../../test/support/kernel/index.js';
import { kernelMigrations, type DbHandle } from '../db/index.js';
import { loadConfig } from '../config.js';

let h: DbHandle;
let app: ReturnType<typeof createHttpApp>;
let writes = 0;
const logged: string[] = [];

before(async () => {
  h = await createTestDb(kernelMigrations);
  const config = { ...loadConfig({ LUMBUNG_SECRET: 's' }), maxBodyBytes: 1024 };
  app = createHttpApp(
    { h, config },
    { authenticate: async () => null },
    createLogger('info', (l) => logged.push(l)),
  );
  const schema = z
    .object({ name: z.string().min(2).max(20), qty: z.number().int().positive() })
    .strict();
  app.post('/api/v1/things', async (c) => {
    const body = await readJson(c, schema);
    writes++;
    return c.json(body, 201);
  });
  app.get('/boom', () => {
    throw new Error('secret internals');
  });
  // A documented route whose body must be JSON: the validator throws its own 415 otherwise.
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/documented',
      request: { body: { required: true, content: { 'application/json': { schema: schema } } } },
      responses: { 201: { description: 'made' } },
    }),
    (c) => {
      writes++;
      return c.json(c.req.valid('json'), 201);
    },
  );
});
after(() => h.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  new TestClient(app).fetch('/api/v1/things', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

test('malformed JSON → 400 problem+json', async () => {
  const r = await post('{"name": ');
  assert.equal(r.status, 400);
  assert.match(r.headers.get('content-type')!, /application\/problem\+json/);
  const p = (await r.json()) as any;
  assert.equal(p.code, 'MALFORMED_JSON');
  assert.equal(p.title, 'Isi permintaan bukan JSON yang sah.');
});

test('wrong types and unknown fields → 422 with a message per field, in English when asked', async () => {
  const r = await post(JSON.stringify({ name: 'x', qty: 'two', admin: true }), {
    'accept-language': 'en',
  });
  assert.equal(r.status, 422);
  const p = (await r.json()) as any;
  assert.equal(p.code, 'VALIDATION_FAILED');
  assert.equal(p.errors.name, 'Too short (at least 2 characters).');
  assert.equal(p.errors.qty, 'Wrong type of value.');
  assert.equal(p.errors.admin, 'Unknown field.');
});

test('oversized bodies → 413', async () => {
  const r = await post(JSON.stringify({ name: 'x'.repeat(5000), qty: 1 }));
  assert.equal(r.status, 413);
  assert.equal(((await r.json()) as any).code, 'PAYLOAD_TOO_LARGE');
});

test('a body of the wrong content type on a documented route → 415 problem+json, not a 500', async () => {
  const r = await new TestClient(app).fetch('/api/v1/documented', {
    method: 'POST',
    body: 'name=gula',
    headers: { 'content-type': 'text/plain' },
  });
  assert.equal(r.status, 415);
  const p = (await r.json()) as any;
  assert.equal(p.code, 'UNSUPPORTED_MEDIA_TYPE');
  assert.match(p.title, /Content-Type/);
});

test('control characters in a JSON body → 422 per field, on plain and documented routes', async () => {
  for (const path of ['/api/v1/things', '/api/v1/documented']) {
    const r = await new TestClient(app).fetch(path, {
      method: 'POST',
      body: JSON.stringify({ name: 'gu\u0000la', qty: 1 }),
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    });
    assert.equal(r.status, 422, path);
    const p = (await r.json()) as any;
    assert.equal(p.errors.name, 'Contains control characters (such as NUL) that are not allowed.');
  }
  // A control character in a key is named too, beside zod's own complaints.
  const k = await post(JSON.stringify({ name: 'gula', qty: 1, 'x\u0001': 1 }));
  assert.equal(k.status, 422);
  assert.equal(
    ((await k.json()) as any).errors['x\u0001'],
    'Berisi karakter kontrol (misalnya NUL) yang tidak diizinkan.',
  );
});

test('a deeply nested JSON body is refused without overflowing the stack', async () => {
  const deep = '['.repeat(400) + ']'.repeat(400);
  const r = await new TestClient(app).fetch('/api/v1/documented', {
    method: 'POST',
    body: deep,
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(r.status, 422);
});

test('nothing was written by any bad request; a good one is', async () => {
  assert.equal(writes, 0);
  assert.equal((await post(JSON.stringify({ name: 'gula', qty: 2 }))).status, 201);
  assert.equal(writes, 1);
});

test('over a socket: a declared length over the limit and a chunked body over it → 413, nothing written', async () => {
  const server = serveApp(app, { port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  // Node's own client: `content-length` as declared, or chunked when the body is streamed.
  const send = (chunks: string[], declared: boolean) =>
    new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
      const size = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
      const req = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/api/v1/things',
          headers: {
            'content-type': 'application/json',
            ...(declared ? { 'content-length': String(size) } : {}),
          },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () =>
            resolve({ status: res.statusCode!, connection: res.headers.connection, body }),
          );
        },
      );
      req.on('error', reject);
      for (const c of chunks) req.write(c);
      req.end();
    });
  try {
    const before = writes;
    const big = JSON.stringify({ name: 'x'.repeat(5000), qty: 1 });
    const declared = await send([big], true);
    assert.equal(declared.status, 413);
    assert.equal(declared.connection, 'close');
    assert.equal(JSON.parse(declared.body).code, 'PAYLOAD_TOO_LARGE');
    const chunked = await send([big.slice(0, 2000), big.slice(2000)], false);
    assert.equal(chunked.status, 413);
    assert.equal(JSON.parse(chunked.body).code, 'PAYLOAD_TOO_LARGE');
    assert.equal(writes, before);
    // Within the limit both ways of sending are read and accepted.
    const ok = JSON.stringify({ name: 'gula', qty: 2 });
    assert.equal((await send([ok], true)).status, 201);
    assert.equal((await send([ok.slice(0, 5), ok.slice(5)], false)).status, 201);
    assert.equal(writes, before + 2);
  } finally {
    server.close();
  }
});

test('404 and 500 pages in the user language, no stack trace, request id logged', async () => {
  const c = new TestClient(app);
  const nf = await c.get('/no-such-page', { 'accept-language': 'en' });
  assert.equal(nf.status, 404);
  assert.match(await nf.text(), /Page or record not found/);
  const api404 = await c.get('/api/v1/nothing');
  assert.equal(((await api404.json()) as any).code, 'NOT_FOUND');
  const boom = await c.get('/boom');
  assert.equal(boom.status, 500);
  const text = await boom.text();
  assert.ok(!text.includes('secret internals'));
  assert.match(text, /Terjadi kesalahan di server/);
  const id = boom.headers.get('x-request-id');
  assert.ok(logged.some((l) => l.includes('unhandled error') && l.includes(id!)));
});

test('security headers: CSP forbids inline script; health check reports the database', async () => {
  const r = await new TestClient(app).get('/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { status: 'ok', database: h.dialect });
  const csp = r.headers.get('content-security-policy')!;
  assert.match(csp, /script-src 'self'/);
  assert.ok(!csp.includes('unsafe-inline'));
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
});
