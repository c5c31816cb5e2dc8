// oneLayer(): an API route's sign-in check, validators and handler run as one Hono layer. Each
// verdict must stay what it was when they were separate layers: path, header and body reach
// the handler; sign-in comes before validation; a bad header, body or media type gets its own
// problem; and a throw in the handler is the error response, with the kernel's headers.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRoute, z } from '@hono/zod-openapi';
import {
  createApiApp,
  createHttpApp,
  createLogger,
  IdempotencyKeyHeader,
  SIGNED_IN,
} from './index.js';
import { createTestDb, TestClient } from '../../../test/support/kernel/index.js';
import { kernelMigrations, type DbHandle } from '../db/index.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors/index.js';
import type { Actor } from '../auth/index.js';

const handles: DbHandle[] = [];
after(() => Promise.all(handles.map((h) => h.close())));

const buyer: Actor = {
  userId: 'usr_1',
  displayName: 'Pembeli',
  locale: 'id',
  grants: [],
  via: 'token',
};

async function appWithRoute() {
  const h = await createTestDb(kernelMigrations);
  handles.push(h);
  const config = loadConfig({ LUMBUNG_MODE: 'demo', LUMBUNG_SECRET: 'kunci-uji' });
  const app = createHttpApp(
    { h, config },
    { authenticate: async (c) => (c.req.header('authorization') ? buyer : null) },
    createLogger('silent'),
  );
  const api = createApiApp();
  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/things/{id}/notes',
      security: SIGNED_IN,
      request: {
        params: z.object({ id: z.string().regex(/^thg_\w+$/) }),
        headers: IdempotencyKeyHeader,
        body: {
          required: true,
          content: { 'application/json': { schema: z.object({ text: z.string().min(1) }) } },
        },
      },
      responses: { 201: { description: 'Noted' } },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { text } = c.req.valid('json');
      if (text === 'boom') throw new AppError('NOT_FOUND');
      return c.json({ id, text, key: c.req.valid('header')['idempotency-key'] }, 201);
    },
  );
  app.route('/', api);
  return new TestClient(app);
}

const signedIn = { authorization: 'Bearer lmb_x', 'idempotency-key': 'key-00000001' };

test('one layer: the handler gets the path, the header and the body', async () => {
  const client = await appWithRoute();
  const r = await client.json('POST', '/api/v1/things/thg_1/notes', { text: 'halo' }, signedIn);
  assert.equal(r.status, 201);
  assert.deepEqual(await r.json(), { id: 'thg_1', text: 'halo', key: 'key-00000001' });
  assert.equal(r.headers.get('x-frame-options'), 'DENY');
  assert.equal(r.headers.get('cache-control'), 'no-store');
});

test('one layer: each refusal keeps its own answer', async () => {
  const client = await appWithRoute();
  const post = (path: string, body: unknown, headers: Record<string, string>) =>
    client.json('POST', path, body, headers);
  const anonymous = await post('/api/v1/things/thg_1/notes', {}, {});
  assert.equal(anonymous.status, 401, 'sign-in is checked before validation');
  const noKey = await post(
    '/api/v1/things/thg_1/notes',
    { text: 'x' },
    { authorization: 'Bearer x' },
  );
  assert.equal(noKey.status, 400);
  assert.equal((await noKey.json()).code, 'IDEMPOTENCY_KEY_REQUIRED');
  const badBody = await post('/api/v1/things/thg_1/notes', { text: '' }, signedIn);
  assert.equal(badBody.status, 422);
  assert.equal((await badBody.json()).errors.text, 'Wajib diisi.', 'the field is named');
  const badPath = await post('/api/v1/things/nope/notes', { text: 'x' }, signedIn);
  assert.equal(badPath.status, 422);
  const thrown = await post('/api/v1/things/thg_1/notes', { text: 'boom' }, signedIn);
  assert.equal(thrown.status, 404, "the handler's throw is the error response");
  assert.equal(thrown.headers.get('x-frame-options'), 'DENY');
  assert.equal(thrown.headers.get('cache-control'), 'no-store');
  const form = await client.fetch('/api/v1/things/thg_1/notes', {
    method: 'POST',
    headers: { ...signedIn, 'content-type': 'text/plain' },
    body: 'text=x',
  });
  assert.equal(form.status, 415);
});
