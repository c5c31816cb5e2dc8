// The console's budgets (issue 18): all its JavaScript plus the service worker ≤ 30 KB gzip,
// and the first install for a village with 500 products — the console page, stylesheet,
// scripts and both snapshots — ≤ 300 KB over the wire (gzip, as the server sends it).
// Photos are not part of the first install: after the snapshot the console fetches the
// 160 px files one at a time into the service worker's cache (test/browser/agentapp.test.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import './index.js';

let w: World;
let net: TestNetwork;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 1 });
});
after(() => w.close());

const gz = (b: string | Buffer) => gzipSync(b).length;
const SCRIPTS = ['web/agent/console.js', 'web/agent/sw.js'];

test('the console’s JavaScript and service worker weigh at most 30 KB gzip', () => {
  const total = SCRIPTS.reduce((s, f) => s + gz(readFileSync(f)), 0);
  assert.ok(total <= 30 * 1024, `console JS + SW = ${total} bytes gzip`);
});

test('first install for a village with 500 products is at most 300 KB over the wire', async () => {
  const village = (
    await w.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', net.points[0])
      .executeTakeFirstOrThrow()
  ).village_code;
  const umkm = await makeUmkm(w.h.db, { villageCode: village });
  for (let i = 0; i < 500; i++)
    await makeProduct(w.h, {
      umkmId: umkm,
      title: `Kopi Arabika Bajawa Sangrai Nomor ${i + 1} Kemasan 250 g`,
      price: 45000 + i * 100,
      stock: 10 + (i % 40),
    });
  const agent = await w.as('village_agent', net.points[0]);
  const sizes: Record<string, number> = {};
  for (const path of [
    '/agen/konsol',
    '/static/app.css',
    '/api/v1/agent/catalogue',
    '/api/v1/agent/parcels',
  ]) {
    const res = await agent.get(path);
    assert.equal(res.status, 200, path);
    sizes[path] = gz(Buffer.from(await res.arrayBuffer()));
  }
  const snap = (await (await agent.get('/api/v1/agent/catalogue')).json()) as { items: unknown[] };
  assert.equal(snap.items.length, 500);
  for (const f of SCRIPTS) sizes[f] = gz(readFileSync(f));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  assert.ok(total <= 300 * 1024, `first install = ${total} bytes gzip: ${JSON.stringify(sizes)}`);
  // The figure for the README and the lead's report.
  console.log(`agentapp budget: ${JSON.stringify({ total, ...sizes })}`);
});
