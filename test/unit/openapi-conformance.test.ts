// The API document's own promises: every operation named, secured or explicitly public, every
// error a Problem; and the conformance check the test client runs on every /api/v1 response
// catches what it should (undeclared status, content type, field, missing field).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../support/world.js';
import { Conformance } from '../support/kernel/conformance.js';

let w: World;
let doc: any;
before(async () => {
  w = await createWorld();
  doc = await (await w.client().get('/api/openapi.json')).json();
});
after(() => w.close());

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );

test('every operation has a unique operationId and declares security; the document has servers and both schemes', () => {
  const ids = operations().map((o) => o.op.operationId);
  assert.ok(ids.every((id) => typeof id === 'string' && id.length > 0));
  assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
  assert.ok(
    operations().every((o) => Array.isArray(o.op.security)),
    'security declared (empty = public)',
  );
  assert.ok(doc.servers?.length > 0);
  assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), [
    'bearerToken',
    'sessionCookie',
  ]);
  for (const o of operations().filter((x) => x.op.security.length > 0)) {
    assert.ok(
      o.op.responses['401'] && o.op.responses['403'],
      `${o.method} ${o.path} declares 401 and 403`,
    );
  }
});

test('every error response is the one Problem schema', () => {
  for (const { path, method, op } of operations()) {
    for (const [status, res] of Object.entries(op.responses as Record<string, any>)) {
      if (Number(status) < 400) continue;
      assert.deepEqual(
        res.content,
        { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        `${method} ${path} ${status}`,
      );
    }
  }
});

test('a protected operation answers a stranger 401 before validating the body', async () => {
  const res = await w.client().json('POST', '/api/v1/partner/orders', {});
  assert.equal(res.status, 401);
  const p = (await res.json()) as { code: string; title: string; detail: string };
  assert.equal(p.code, 'UNAUTHENTICATED');
  assert.ok(p.title && p.detail);
});

test('every operation that needs a caller says so: a stranger with an empty body gets 401, an open one never does', async () => {
  const wrong: string[] = [];
  for (const { path, method, op } of operations()) {
    const url = path.replace(/\{\w+\}/g, 'x_unknown');
    const res = await w.app.request(`http://localhost${url}`, {
      method: method.toUpperCase(),
      headers: { 'content-type': 'application/json' },
      body: method === 'get' ? undefined : '{}',
    });
    const secured = op.security.length > 0;
    if (secured !== (res.status === 401))
      wrong.push(`${method} ${path}: ${secured ? 'secured' : 'open'} but answered ${res.status}`);
  }
  assert.deepEqual(wrong, []);
});

test('POST /api/v1/carts declares and answers its refusals: CSRF 403, oversized 413, control characters 422', async () => {
  const declared = Object.keys(doc.paths['/api/v1/carts'].post.responses).sort();
  assert.deepEqual(declared, ['201', '403', '413', '422']);
  // The test client checks each answer against the document as well.
  const visitor = w.client();
  await visitor.csrf();
  const forged = await visitor.fetch('/api/v1/carts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(forged.status, 403);
  assert.equal(((await forged.json()) as { code: string }).code, 'CSRF_FAILED');
  const huge = await w.client().json('POST', '/api/v1/carts', 'x'.repeat(2 * 1024 * 1024));
  assert.equal(huge.status, 413);
  const control = await w.client().json('POST', '/api/v1/carts?ref=%01', {});
  assert.equal(control.status, 422);
  const fine = await w.client().json('POST', '/api/v1/carts', {});
  assert.equal(fine.status, 201);
});

test('the conformance check finds undeclared statuses, content types, fields and missing fields', () => {
  const c = new Conformance({
    paths: {
      '/api/v1/things/{id}': {
        get: {
          responses: {
            200: {
              description: 'ok',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { id: { type: 'string' }, n: { type: 'integer' } },
                    required: ['id'],
                  },
                },
              },
            },
            304: { description: 'same' },
          },
        },
      },
    },
  });
  assert.deepEqual(
    c.check('GET', '/api/v1/things/1', 200, 'application/json', '{"id":"a","n":2}'),
    [],
  );
  assert.deepEqual(c.check('GET', '/api/v1/things/1', 304, null, ''), []);
  assert.match(
    c.check('GET', '/api/v1/things/1', 404, 'application/problem+json', '{}')[0],
    /status not declared/,
  );
  assert.match(
    c.check('GET', '/api/v1/things/1', 200, 'text/html', '<p>')[0],
    /content type text\/html not declared/,
  );
  assert.match(
    c.check('GET', '/api/v1/things/1', 200, 'application/json', '{"id":"a","extra":1}')[0],
    /\$\.extra: not declared/,
  );
  assert.match(
    c.check('GET', '/api/v1/things/1', 200, 'application/json', '{"n":1.5}').join(' '),
    /\$\.id: required but missing/,
  );
  assert.match(
    c.check('GET', '/api/v1/things/1', 200, 'application/json', '{"id":"a","n":1.5}')[0],
    /expected integer/,
  );
  assert.match(
    c.check('POST', '/api/v1/things/1', 200, 'application/json', '{}')[0],
    /no such operation/,
  );
});
