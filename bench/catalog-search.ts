// Catalog search at scale: 100,000 listed products on SQLite (file, WAL), the real
// searchProducts() (FTS5 hits + card query) over a mix of shopper queries with and without
// filters, against a baseline that does what the search seam forbids: LIKE '%…%' scans over
// title and description with the same filters. Prints p50/p99 and the ratio.
// Run: npx tsx bench/catalog-search.ts [products=100000]   (DATABASE_URL=postgres://… for PostgreSQL)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { connect, migrateToLatest } from '../src/kernel/db/index.js';
import { allMigrations } from '../src/migrations.js';
import { searchProducts, CATEGORIES, type SearchQuery } from '../src/domains/catalog/index.js';
import { percentile, seedCatalog, UMKM } from './support/catalog-seed.js';

const N = Number(process.argv[2] ?? 100_000);
// DATABASE_URL=postgres://… runs the same on PostgreSQL, in a fresh schema dropped at the end.
const url = process.env.DATABASE_URL;
const schema = url ? `bench_catalog_${process.pid}` : undefined;
// REUSE_DB=path skips seeding (a SQLite file kept by an earlier run with KEEP_DB=1).
const reuse =
  !url && process.env.REUSE_DB && existsSync(process.env.REUSE_DB) ? process.env.REUSE_DB : null;
const dir = reuse ? null : mkdtempSync(join(tmpdir(), 'lumbung-bench-'));
const path = reuse ?? join(dir!, 'bench.db');
if (url) await admin(`create schema ${schema}`);
const h = connect({ databaseUrl: url, pgSchema: schema, sqlitePath: path, synchronous: 'NORMAL' });

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(statement);
  await c.end();
}

const QUERIES: SearchQuery[] = [
  { q: 'aren' },
  { q: 'gula aren' },
  { q: 'kopi bajawa' },
  { q: 'tenun ikat sumba' },
  { q: 'keripik pedas' },
  { q: 'madu' },
  { q: 'beras merah', region: '53.09' },
  { q: 'kopi', halal: true },
  { q: 'sambal', inStock: true },
  { q: 'tenunan' },
  { q: 'anyaman', min: 20000, max: 200000 },
  { q: 'kopi', category: 'makanan-minuman', page: 3 },
  { category: 'kopi' },
  { region: '35.10', inStock: true },
  { q: 'organik', halal: true, inStock: true, region: '53' },
  { q: 'jamu kunyit' },
];

// The forbidden way: substring scans over the raw text with the same filters.
async function baseline(q: SearchQuery) {
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  let qb = h.db
    .selectFrom('products as p')
    .innerJoin('variants as v', 'v.product_id', 'p.id')
    .innerJoin('stock as s', 's.variant_id', 'v.id')
    .select(['p.id', sql<number>`count(*) over ()`.as('total')])
    .where('p.listed', '=', 1);
  for (const w of words)
    qb = qb.where((eb) =>
      eb.or([
        eb(sql`lower(p.title)`, 'like', `%${w}%`),
        eb(sql`lower(p.description)`, 'like', `%${w}%`),
      ]),
    );
  if (q.category)
    qb = qb.where(
      'p.category',
      'in',
      CATEGORIES.filter((c) => c.slug === q.category || c.group === q.category).map((c) => c.slug),
    );
  if (q.region)
    qb = qb.where((eb) =>
      eb.or([eb('p.village_code', '=', q.region!), eb('p.village_code', 'like', `${q.region}.%`)]),
    );
  if (q.min !== undefined) qb = qb.where('v.price', '>=', q.min);
  if (q.max !== undefined) qb = qb.where('v.price', '<=', q.max);
  if (q.inStock) qb = qb.where('s.available', '>', 0);
  if (q.halal)
    qb = qb.where(
      sql<boolean>`exists (select 1 from certifications c where c.umkm_id = p.umkm_id and c.kind like 'halal%')`,
    );
  return qb
    .orderBy('p.created_at', 'desc')
    .limit(20)
    .offset(((q.page ?? 1) - 1) * 20)
    .execute();
}

// Wall time, and CPU time of this process (better-sqlite3 runs the SQL on this thread), which
// stays meaningful when other work shares the cores.
async function measure(fn: (q: SearchQuery) => Promise<unknown>, rounds: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  const perQuery = QUERIES.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++)
    for (const [i, q] of QUERIES.entries()) {
      const c = process.cpuUsage();
      const t = performance.now();
      await fn(q);
      wall.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
      perQuery[i].push(performance.now() - t);
    }
  const at = percentile;
  const slowest = perQuery
    .map((xs, i) => ({ q: QUERIES[i], p50: at(xs, 0.5) }))
    .sort((a, b) => b.p50 - a.p50)
    .slice(0, 4);
  return {
    p50: at(wall, 0.5),
    p99: at(wall, 0.99),
    cpu50: at(cpu, 0.5),
    cpu99: at(cpu, 0.99),
    n: wall.length,
    slowest,
  };
}

const t0 = performance.now();
if (reuse) await migrateToLatest(h, allMigrations);
else await seedCatalog(h, N);
console.log(
  `${reuse ? 'reused' : 'loaded'} ${N} products, ${UMKM} UMKM in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
const hits = await searchProducts(h.db, { q: 'aren' }, { fresh: true });
console.log(`"aren": ${hits.total} hits, first: ${hits.items[0]?.title}`);
await measure((q) => searchProducts(h.db, q, { fresh: true }), 3); // warm-up
const fts = await measure((q) => searchProducts(h.db, q, { fresh: true }), 40);
const base = await measure(baseline, 5);
const f = (x: number) => x.toFixed(2);
console.log(
  `${h.dialect}; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
console.log(
  `search (${h.dialect === 'sqlite' ? 'FTS5' : 'tsvector'} + cards): wall p50 ${f(fts.p50)} ms, p99 ${f(fts.p99)} ms; cpu p50 ${f(fts.cpu50)} ms, p99 ${f(fts.cpu99)} ms over ${fts.n} queries (goal p99 <= 30 ms)`,
);
console.log(
  `baseline LIKE '%…%':   wall p50 ${f(base.p50)} ms, p99 ${f(base.p99)} ms; cpu p50 ${f(base.cpu50)} ms, p99 ${f(base.cpu99)} ms over ${base.n} queries`,
);
console.log(
  `slowest searches (wall p50): ${fts.slowest.map((x) => `${JSON.stringify(x.q)} ${f(x.p50)} ms`).join('; ')}`,
);
console.log(
  `ratio baseline/search: wall p50 ${f(base.p50 / fts.p50)}x, p99 ${f(base.p99 / fts.p99)}x; cpu p50 ${f(base.cpu50 / fts.cpu50)}x, p99 ${f(base.cpu99 / fts.cpu99)}x`,
);
await h.close();
if (url) await admin(`drop schema ${schema} cascade`);
if (process.env.KEEP_DB || reuse) console.log(`kept ${path}`);
else rmSync(dir!, { recursive: true, force: true });
