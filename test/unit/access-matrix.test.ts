// The access matrix: every domain lists its protected routes with roles at their own scope and
// at a foreign scope; allowed requests must succeed, denied ones must be refused (401/403/404
// or a redirect to sign in) — a foreign-scope read or write anywhere fails this test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createWorld, type World, type AccessCase, type AccessCases } from '../../src/testing.js';

let w: World;
before(async () => { w = await createWorld(); });
after(() => w.close());

const domainsDir = join(import.meta.dirname, '../../src/domains');

test('access matrix over every domain', async () => {
  const all: { domain: string; c: AccessCase }[] = [];
  for (const d of readdirSync(domainsDir).sort()) {
    const file = join(domainsDir, d, 'access.cases.ts');
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as { accessCases: AccessCases };
    for (const c of await mod.accessCases(w)) all.push({ domain: d, c });
  }
  assert.ok(all.length > 0);
  const failures: string[] = [];
  for (const { domain, c } of all) {
    const client = c.as ? await w.as(c.as) : w.client();
    const method = c.method ?? 'GET';
    let res: Response;
    if (method === 'GET') res = await client.get(c.path, c.headers);
    else if (c.json !== undefined) res = await client.json('POST', c.path, c.json, c.headers);
    else res = await client.form(c.path, c.form ?? {}, { headers: c.headers });
    const denied = [401, 403, 404].includes(res.status) || (res.status === 303 && (res.headers.get('location') ?? '').startsWith('/login'));
    const allowed = res.status < 400 && !denied;
    if (c.expect === 'allow' && !allowed) failures.push(`${domain}: ${c.name} — expected allow, got ${res.status}`);
    if (c.expect === 'deny' && !denied) failures.push(`${domain}: ${c.name} — expected deny, got ${res.status}`);
  }
  assert.deepEqual(failures, [], `${failures.length} of ${all.length} access cases failed`);
});
