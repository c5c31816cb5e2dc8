// The access matrix: every domain lists its protected routes with roles at their own scope and
// at a foreign scope, each with the status the design gives that caller. The test asserts that
// status exactly, that every refusal has an allowed twin (same method and path, another caller:
// the route and record exist, so the refusal is about who asks), and that a refused write
// changes no table's row count.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createWorld, isDeny, type World, type AccessCase } from '../support/world.js';
import { accessCasesByDomain } from '../support/access/index.js';
import { PRODUCTION_TEST_ENV } from '../support/kernel/index.js';

// The same matrix in production mode: __Host- session cookies, Secure cookies, HSTS.
const worlds = {} as Record<'demo' | 'production', World>;
before(async () => {
  worlds.demo = await createWorld();
  worlds.production = await createWorld({ env: PRODUCTION_TEST_ENV });
});
after(async () => {
  await worlds.demo.close();
  await worlds.production.close();
});

const domainsDir = join(import.meta.dirname, '../../src/domains');
const casesDir = join(import.meta.dirname, '../support/access');

/** Row counts of every table of this database, in one query. */
async function rowCounts(w: World): Promise<Record<string, number>> {
  const names =
    w.h.dialect === 'postgres'
      ? (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
            w.h.db,
          )
        ).rows
      : (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
            w.h.db,
          )
        ).rows;
  const union = names
    .map((n) => `select '${n.name}' as name, count(*) as n from "${n.name}"`)
    .join(' union all ');
  const rows = (await sql<{ name: string; n: number | string }>`${sql.raw(union)}`.execute(w.h.db))
    .rows;
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

const key = (c: AccessCase) => `${c.method ?? 'GET'} ${c.path}`;

test('the matrix runs the cases file of every domain that has one', () => {
  const withCases = readdirSync(domainsDir)
    .filter((d) => existsSync(join(casesDir, `${d}.cases.ts`)))
    .sort();
  assert.deepEqual(Object.keys(accessCasesByDomain).sort(), withCases);
});

for (const mode of ['demo', 'production'] as const)
  test(`access matrix over every domain (${mode} mode)`, async () => {
    const w = worlds[mode];
    const all: { domain: string; c: AccessCase }[] = [];
    for (const d of Object.keys(accessCasesByDomain).sort())
      for (const c of await accessCasesByDomain[d](w)) all.push({ domain: d, c });
    assert.ok(all.length > 0);
    const failures: string[] = [];
    const allowed = new Set(all.filter(({ c }) => !isDeny(c.expect)).map(({ c }) => key(c)));
    for (const { domain, c } of all) {
      const twin = c.twin ?? key(c);
      if (isDeny(c.expect) && !allowed.has(twin))
        failures.push(`${domain}: ${c.name} — no allow case for ${twin}`);
    }
    for (const { domain, c } of all) {
      const client = c.as ? await w.as(c.as) : w.client();
      const method = c.method ?? 'GET';
      const write = method !== 'GET' && isDeny(c.expect);
      const before = write ? await rowCounts(w) : {};
      let res: Response;
      if (method === 'GET') res = await client.get(c.path, c.headers);
      else if (c.json !== undefined) res = await client.json('POST', c.path, c.json, c.headers);
      else res = await client.form(c.path, c.form ?? {}, { headers: c.headers });
      const location = res.headers.get('location') ?? '';
      const got = res.status === 303 && location.startsWith('/login') ? 'login' : res.status;
      if (got !== c.expect)
        failures.push(
          `${domain}: ${c.name} — expected ${c.expect}, got ${got}${location ? ` → ${location}` : ''}`,
        );
      if (write) {
        const after = await rowCounts(w);
        const changed = Object.keys(after)
          .filter((t) => after[t] !== before[t])
          .map((t) => `${t} ${before[t]}→${after[t]}`);
        if (changed.length)
          failures.push(
            `${domain}: ${c.name} — a refused write changed rows: ${changed.join(', ')}`,
          );
      }
    }
    assert.equal(
      failures.length,
      0,
      `${failures.length} of ${all.length} access cases failed:\n${failures.join('\n')}`,
    );
  });
