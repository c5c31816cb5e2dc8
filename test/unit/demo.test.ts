// The seeded demo, end to end: every printed demo login signs in with the demo password and
// opens its role's home; the public home page stays within its EDGE budget. The whole demo
// seed runs once here (it is what `npm start` does on an empty database).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { createWorld, type World } from '../../src/testing.js';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../../src/seed/index.js';
import { t } from '../../src/kernel/i18n/index.js';
import { migrateToLatest } from '../../src/kernel/db/index.js';
import { allMigrations } from '../../src/migrations.js';

let w: World;
before(async () => { w = await createWorld(); });
after(() => w.close());

test('migrations run up from empty (this database) and a second run applies nothing', async () => {
  const tables = await w.h.db.introspection.getTables();
  const names = new Set(tables.map((x) => x.name));
  for (const name of ['users', 'grants', 'sessions', 'audit_log', 'jobs', 'idempotency_keys', 'regions', 'umkm', 'products', 'stock', 'orders', 'partners', 'incentive_statements']) {
    assert.ok(names.has(name), `table ${name} exists`);
  }
  assert.deepEqual(await migrateToLatest(w.h, allMigrations), []);
});

test('the demo seeds once, and every demo login opens its role home', async () => {
  const seeded = await seedDemo(w.h);
  const logins = await demoLogins(w.h);
  assert.ok(seeded.length >= 2);
  assert.equal(logins.length, seeded.length, 'every seeded login is read back for printing on later starts');
  const roles = new Set(logins.map((l) => l.role));
  assert.ok(roles.has('national_admin') && roles.has('buyer'));
  for (const l of logins) {
    const c = w.client();
    const res = await c.form('/login', { login: l.login, password: DEMO_PASSWORD });
    assert.equal(res.status, 303, `${l.role} ${l.login} signs in`);
    const home = await c.get('/me');
    assert.equal(home.status, 200, `${l.role} home opens`);
    const html = await home.text();
    assert.ok(html.includes(t('id', `role.${l.role}`)), `${l.role} home names the role`);
  }
});

test('the public home page is at most 14 KB gzip with its CSS', async () => {
  const res = await w.client().get('/');
  assert.equal(res.status, 200);
  const html = Buffer.from(await res.arrayBuffer());
  const css = readFileSync(new URL('../../web/app.css', import.meta.url));
  const size = gzipSync(html).length + gzipSync(css).length;
  assert.ok(size <= 14 * 1024, `home page is ${size} bytes gzip`);
});

test('the OpenAPI 3.1 document builds from every domain and the docs page loads nothing remote', async () => {
  const res = await w.client().get('/api/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
  assert.match(doc.openapi, /^3\.1/);
  for (const p of ['/api/v1/regions/{code}', '/api/v1/products', '/api/v1/checkout', '/api/v1/partner/feed', '/api/v1/partner/orders']) {
    assert.ok(doc.paths[p], `${p} is documented`);
  }
  const docs = await (await w.client().get('/api/docs')).text();
  assert.ok(!/(src|href)=["']https?:\/\//.test(docs), 'no script or style from the internet');
});
