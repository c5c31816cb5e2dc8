// HTTP details that matter on shared computers and behind caches, in demo and production mode:
// signed-in pages are never stored, public files never carry a cookie, framing is refused the
// same way by both headers, HSTS and Secure cookies in production, and a 413 closes honestly.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp, createLogger, serveApp } from './index.js';
import {
  createTestDb,
  PRODUCTION_TEST_ENV,
  TestClient,
} from '../../../test/support/kernel/index.js';
import { kernelMigrations, type DbHandle } from '../db/index.js';
import { loadConfig } from '../config.js';
import type { Actor } from '../auth/index.js';

const handles: DbHandle[] = [];
/** How many times the cached page and JSON were made (a hit does not make them). */
let rendered = 0;
after(() => Promise.all(handles.map((h) => h.close())));

const someone: Actor = {
  userId: 'usr_1',
  displayName: 'Petugas',
  locale: 'id',
  grants: [
    { role: 'village_agent', scopeType: 'service_point', scopeId: 'svp_1', regionCode: '53.09' },
  ],
  via: 'session',
};

/** The kernel app in a mode, with a page, a photo route and the real static files; `sid` signs in. */
async function appIn(mode: 'demo' | 'production') {
  const h = await createTestDb(kernelMigrations);
  handles.push(h);
  const config = {
    ...loadConfig(
      mode === 'production'
        ? PRODUCTION_TEST_ENV
        : { LUMBUNG_MODE: mode, LUMBUNG_SECRET: 'kunci-uji' },
    ),
    maxBodyBytes: 1024,
  };
  const app = createHttpApp(
    { h, config },
    {
      authenticate: async (c) =>
        (c.req.header('cookie') ?? '').includes('sid=') || c.req.header('authorization')
          ? someone
          : null,
      paths: {
        publicFiles: ['/media/'],
        cachedPages: [/^\/toko$/],
        cachedJson: [/^\/api\/v1\/katalog$/],
      },
    },
    createLogger('silent'),
  );
  app.get('/halaman', (c) => c.html('<p>halaman</p>'));
  app.get('/toko', (c) => {
    rendered++;
    return c.html('<p>toko</p>');
  });
  app.get('/api/v1/katalog', (c) => {
    rendered++;
    return c.json({ items: [] });
  });
  app.get('/media/p/foto.webp', (c) =>
    c.body('RIFF', 200, {
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
    }),
  );
  app.post('/api/v1/things', async (c) => c.json(await c.req.json(), 201));
  return app;
}

for (const mode of ['demo', 'production'] as const) {
  test(`${mode}: signed-in pages are no-store, public files stay cacheable`, async () => {
    const app = await appIn(mode);
    const signedIn = new TestClient(app);
    signedIn.cookies.set('sid', 'x');
    assert.equal((await signedIn.get('/halaman')).headers.get('cache-control'), 'no-store');
    assert.equal(
      (await signedIn.get('/no-such-page')).headers.get('cache-control'),
      'no-store',
      'error pages too',
    );
    assert.equal(
      (await signedIn.get('/static/app.css')).headers.get('cache-control'),
      'public, max-age=86400',
    );
    assert.equal(
      (await signedIn.get('/media/p/foto.webp')).headers.get('cache-control'),
      'public, max-age=31536000, immutable',
    );
    assert.equal(
      (await new TestClient(app).get('/halaman')).headers.get('cache-control'),
      null,
      'anonymous pages are not forced to no-store',
    );
    // An API client with a bearer token: its JSON is no-store too, and it is handed no CSRF
    // cookie (it has no cookie jar and needs no token).
    const api = await new TestClient(app).json(
      'POST',
      '/api/v1/things',
      { a: 1 },
      { authorization: 'Bearer lmb_test' },
    );
    assert.equal(api.status, 201);
    assert.deepEqual(await api.json(), { a: 1 });
    assert.equal(api.headers.get('cache-control'), 'no-store');
    assert.equal(api.headers.get('set-cookie'), null);
  });

  test(`${mode}: /static and /media set no cookie; pages set the CSRF cookie (Secure in production)`, async () => {
    const app = await appIn(mode);
    for (const path of ['/static/app.css', '/media/p/foto.webp', '/static/no-such-file.css']) {
      const res = await new TestClient(app).get(path);
      assert.equal(res.headers.get('set-cookie'), null, path);
    }
    const page = await new TestClient(app).get('/halaman');
    const cookie = page.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^lumbung_csrf=[a-f0-9]{32};/);
    assert.equal(/;\s*Secure/i.test(cookie), mode === 'production');
  });

  test(`${mode}: X-Frame-Options agrees with frame-ancestors; HSTS only in production`, async () => {
    const res = await new TestClient(await appIn(mode)).get('/halaman');
    assert.match(res.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(
      res.headers.get('strict-transport-security'),
      mode === 'production' ? 'max-age=31536000; includeSubDomains' : null,
    );
  });

  test(`${mode}: a 413 says Connection: close and the server closes the socket`, async () => {
    const app = await appIn(mode);
    const server = serveApp(app, { port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const body = Buffer.alloc(256 * 1024, 'a');
    const got = await new Promise<{
      status: number;
      connection: string | undefined;
      closed: boolean;
    }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/things',
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            connection: 'keep-alive',
          },
        },
        (res) => {
          res.resume();
          const closed = new Promise<boolean>((r) => {
            res.socket.once('close', () => r(true));
            setTimeout(() => r(false), 3000);
          });
          res.on('end', async () =>
            resolve({
              status: res.statusCode!,
              connection: res.headers.connection,
              closed: await closed,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    server.close();
    assert.equal(got.status, 413);
    assert.equal(got.connection, 'close');
    assert.ok(got.closed, 'the socket was closed');
  });
}

/** Every answer's security headers, as browsers must get them (a fixed vector, not our encoder). */
const SECURITY = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

for (const mode of ['demo', 'production'] as const) {
  // Over a socket the headers go on Node's response before the handler runs, and cache hits are
  // answered before Hono: each kind of answer must still carry them, once.
  test(`${mode}: over a socket every answer carries the security headers and a request id`, async () => {
    const app = await appIn(mode);
    const server = serveApp(app, { port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const expected: Record<string, string> = {
        ...SECURITY,
        ...(mode === 'production'
          ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
          : {}),
      };
      const check = (res: Response, what: string) => {
        for (const [name, value] of Object.entries(expected))
          assert.equal(res.headers.get(name), value, `${what}: ${name}`);
        if (mode === 'demo') assert.equal(res.headers.get('strict-transport-security'), null);
        assert.match(res.headers.get('x-request-id') ?? '', /^[\w-]{8,64}$/, what);
      };
      const before = rendered;
      for (const path of ['/toko', '/toko', '/api/v1/katalog', '/api/v1/katalog'])
        check(await fetch(base + path), path);
      assert.equal(rendered - before, 2, 'the second of each was a cache hit');
      check(await fetch(`${base}/no-such-page`), 'a 404');
      const photo = await fetch(`${base}/media/p/foto.webp`);
      check(photo, 'a photo');
      assert.equal(photo.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      const mine = await fetch(`${base}/halaman`, {
        headers: { cookie: 'sid=x', 'x-request-id': 'req-from-the-proxy-1' },
      });
      check(mine, 'a signed-in page');
      assert.equal(mine.headers.get('cache-control'), 'no-store');
      assert.equal(mine.headers.get('x-request-id'), 'req-from-the-proxy-1');
      const api = await fetch(`${base}/api/v1/things`, {
        method: 'POST',
        headers: { authorization: 'Bearer lmb_test', 'content-type': 'application/json' },
        body: '{"a":1}',
      });
      assert.equal(api.status, 201);
      check(api, 'an API answer');
      assert.equal(api.headers.get('cache-control'), 'no-store');
    } finally {
      server.close();
    }
  });
}

test('production: required settings are refused when missing, never filled with demo defaults', () => {
  assert.throws(
    () => loadConfig({ LUMBUNG_MODE: 'production' }),
    /LUMBUNG_SECRET must be set in production mode/,
  );
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /LUMBUNG_SECRET/);
  assert.throws(
    () => loadConfig({ LUMBUNG_MODE: 'production', LUMBUNG_SECRET: 'kunci' }),
    /LUMBUNG_PAYEE_BANK/,
    'payee settings are required too',
  );
  assert.equal(loadConfig(PRODUCTION_TEST_ENV).mode, 'production');
  assert.equal(loadConfig({}).mode, 'demo');
});
