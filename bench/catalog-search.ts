// Catalog search at scale: 100,000 listed products on SQLite (file, WAL), the real
// searchProducts() (FTS5 hits + card query) over a mix of shopper queries with and without
// filters, against a baseline that does what the search seam forbids: LIKE '%…%' scans over
// title and description with the same filters. Prints p50/p99 and the ratio.
// Run: npx tsx bench/catalog-search.ts [products=100000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connect, migrateToLatest, nowIso } from '../src/kernel/db/index.js';
import { newId } from '../src/kernel/ids/index.js';
import { allMigrations } from '../src/migrations.js';
import { importRegions } from '../src/domains/regions/index.js';
import { searchProducts, CATEGORIES, type SearchQuery, type ProductsTable, type VariantsTable, type StockTable, type ProductSearchTable } from '../src/domains/catalog/index.js';
import { indexText } from '../src/domains/catalog/search/normalise.js';

const N = Number(process.argv[2] ?? 100_000);
const UMKM = 2000;
const dir = mkdtempSync(join(tmpdir(), 'lumbung-bench-'));
const h = connect({ sqlitePath: join(dir, 'bench.db'), synchronous: 'NORMAL' });

let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

const NOUNS: Record<string, string[]> = {
  kopi: ['Kopi Arabika', 'Kopi Robusta', 'Kopi Luwak', 'Kopi Bubuk'], 'gula-aren': ['Gula Aren Cetak', 'Gula Semut', 'Gula Aren Cair'],
  keripik: ['Keripik Pisang', 'Keripik Singkong', 'Keripik Tempe'], sambal: ['Sambal Bawang', 'Sambal Roa', 'Sambal Lu’at'],
  tenun: ['Kain Tenun Ikat', 'Selendang Tenun', 'Sarung Tenun'], anyaman: ['Tas Anyaman Pandan', 'Bakul Anyaman Bambu', 'Tikar Anyaman'],
  beras: ['Beras Merah', 'Beras Hitam', 'Beras Pandan Wangi'], madu: ['Madu Hutan', 'Madu Kelulut'], 'ikan-olahan': ['Ikan Teri Asin', 'Abon Ikan'],
  jamu: ['Jamu Kunyit Asam', 'Jamu Beras Kencur'], batik: ['Kemeja Batik', 'Kain Batik Tulis'],
};
const PLACES = ['Bajawa', 'Flores', 'Sumba', 'Ngada', 'Banyuwangi', 'Kemiren', 'Osing', 'Golewa', 'Inerie', 'Riung'];
const ADJ = ['Asli', 'Organik', 'Premium', 'Super', 'Pedas', 'Manis', 'Tradisional', 'Khas Desa', 'Pilihan', 'Segar'];
const WORDS = ['dibuat', 'tangan', 'oleh', 'kelompok', 'ibu', 'desa', 'dengan', 'bahan', 'lokal', 'tanpa', 'pengawet', 'dikemas', 'rapi', 'tahan', 'lama', 'dipanen', 'dari', 'kebun', 'sendiri', 'pewarna', 'alam', 'dijemur', 'matahari', 'dimasak', 'tungku', 'kayu'];

async function load() {
  await migrateToLatest(h, allMigrations);
  await importRegions(h.db, { prefixes: ['53.09', '35.10'] });
  const villages = (await h.db.selectFrom('regions').select('code').where('level', '=', 4).execute()).map((r) => r.code);
  const now = nowIso();
  const umkm: { id: string; village: string }[] = [];
  for (let i = 0; i < UMKM; i++) umkm.push({ id: newId('umk'), village: pick(villages) });
  for (let i = 0; i < umkm.length; i += 500) {
    await h.db.insertInto('umkm').values(umkm.slice(i, i + 500).map((u, k) => ({
      id: u.id, village_code: u.village, organisation_id: null, name: `UMKM ${pick(ADJ)} ${i + k}`, business_type: 'makanan', owner_name: null, owner_user_id: null,
      phone: null, whatsapp: null, bank_name: null, bank_account_number: null, bank_account_name: null, story: null, consent_id: null, is_demo: 0, created_at: now, updated_at: now,
    }))).execute();
  }
  await h.db.insertInto('certifications').values(umkm.filter((_, i) => i % 3 === 0).map((u) => ({ id: newId('crt'), umkm_id: u.id, kind: 'halal_self_declare', number: 'ID1', issued_on: '2025-01-01', expires_on: '2030-01-01', created_at: now }))).execute();
  const cats = Object.keys(NOUNS);
  const B = 400;
  for (let i = 0; i < N; i += B) {
    const products: ProductsTable[] = [], variants: VariantsTable[] = [], stock: StockTable[] = [], docs: Omit<ProductSearchTable, 'doc_id'>[] = [];
    for (let k = i; k < Math.min(N, i + B); k++) {
      const u = umkm[k % UMKM];
      const category = pick(cats);
      const title = `${pick(NOUNS[category])} ${pick(ADJ)} ${pick(PLACES)}`;
      const description = Array.from({ length: 25 }, () => pick(WORDS)).join(' ');
      const id = newId('prd');
      const vid = newId('var');
      const price = 5000 + Math.floor(rnd() * 200) * 2500;
      const created = new Date(Date.UTC(2025, 0, 1) + k * 60_000).toISOString();
      products.push({ id, umkm_id: u.id, village_code: u.village, title, description, description_en: null, category, listed: 1, listing_state: 'listed', is_demo: 0, created_at: created, updated_at: created });
      variants.push({ id: vid, product_id: id, label: '1 pcs', sku: `B-${k}`, price, weight_grams: 500, active: 1, created_at: created });
      stock.push({ variant_id: vid, location_kind: 'umkm', location_id: u.id, available: k % 9 === 0 ? 0 : 10, reserved: 0, updated_at: created });
      const cat = CATEGORIES.find((c) => c.slug === category)!;
      docs.push({ product_id: id, umkm_id: u.id, village_code: u.village, category, listed: 1, price_min: price, price_max: price, title: indexText(title), names: indexText(`${cat.name.id} ${cat.name.en} UMKM ${u.village}`), body: indexText(description), created_at: created });
    }
    await h.db.transaction().execute(async (tx) => {
      await tx.insertInto('products').values(products).execute();
      await tx.insertInto('variants').values(variants).execute();
      await tx.insertInto('stock').values(stock).execute();
      await tx.insertInto('product_search').values(docs).execute();
    });
  }
  await sql`analyze`.execute(h.db);
}

const QUERIES: SearchQuery[] = [
  { q: 'aren' }, { q: 'gula aren' }, { q: 'kopi bajawa' }, { q: 'tenun ikat sumba' }, { q: 'keripik pedas' }, { q: 'madu' },
  { q: 'beras merah', region: '53.09' }, { q: 'kopi', halal: true }, { q: 'sambal', inStock: true }, { q: 'tenunan' },
  { q: 'anyaman', min: 20000, max: 200000 }, { q: 'kopi', category: 'makanan-minuman', page: 3 }, { category: 'kopi' }, { region: '35.10', inStock: true },
  { q: 'organik', halal: true, inStock: true, region: '53' }, { q: 'jamu kunyit' },
];

// The forbidden way: substring scans over the raw text with the same filters.
async function baseline(q: SearchQuery) {
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  let qb = h.db.selectFrom('products as p').innerJoin('variants as v', 'v.product_id', 'p.id').innerJoin('stock as s', 's.variant_id', 'v.id')
    .select(['p.id', sql<number>`count(*) over ()`.as('total')]).where('p.listed', '=', 1);
  for (const w of words) qb = qb.where((eb) => eb.or([eb(sql`lower(p.title)`, 'like', `%${w}%`), eb(sql`lower(p.description)`, 'like', `%${w}%`)]));
  if (q.category) qb = qb.where('p.category', 'in', CATEGORIES.filter((c) => c.slug === q.category || c.group === q.category).map((c) => c.slug));
  if (q.region) qb = qb.where((eb) => eb.or([eb('p.village_code', '=', q.region!), eb('p.village_code', 'like', `${q.region}.%`)]));
  if (q.min !== undefined) qb = qb.where('v.price', '>=', q.min);
  if (q.max !== undefined) qb = qb.where('v.price', '<=', q.max);
  if (q.inStock) qb = qb.where('s.available', '>', 0);
  if (q.halal) qb = qb.where(sql<boolean>`exists (select 1 from certifications c where c.umkm_id = p.umkm_id and c.kind like 'halal%')`);
  return qb.orderBy('p.created_at', 'desc').limit(20).offset(((q.page ?? 1) - 1) * 20).execute();
}

// Wall time, and CPU time of this process (better-sqlite3 runs the SQL on this thread), which
// stays meaningful when other work shares the cores.
async function measure(fn: (q: SearchQuery) => Promise<unknown>, rounds: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) for (const q of QUERIES) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn(q);
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const at = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  return { p50: at(wall, 0.5), p99: at(wall, 0.99), cpu50: at(cpu, 0.5), cpu99: at(cpu, 0.99), n: wall.length };
}

const t0 = performance.now();
await load();
console.log(`loaded ${N} products, ${UMKM} UMKM in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const hits = await searchProducts(h.db, { q: 'aren' });
console.log(`"aren": ${hits.total} hits, first: ${hits.items[0]?.title}`);
await measure((q) => searchProducts(h.db, q), 3); // warm-up
const fts = await measure((q) => searchProducts(h.db, q), 40);
const base = await measure(baseline, 5);
const f = (x: number) => x.toFixed(2);
console.log(`load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
console.log(`search (FTS5 + cards): wall p50 ${f(fts.p50)} ms, p99 ${f(fts.p99)} ms; cpu p50 ${f(fts.cpu50)} ms, p99 ${f(fts.cpu99)} ms over ${fts.n} queries (goal p99 <= 30 ms)`);
console.log(`baseline LIKE '%…%':   wall p50 ${f(base.p50)} ms, p99 ${f(base.p99)} ms; cpu p50 ${f(base.cpu50)} ms, p99 ${f(base.cpu99)} ms over ${base.n} queries`);
console.log(`ratio baseline/search: wall p50 ${f(base.p50 / fts.p50)}x, p99 ${f(base.p99 / fts.p99)}x; cpu p50 ${f(base.cpu50 / fts.cpu50)}x, p99 ${f(base.cpu99 / fts.cpu99)}x`);
await h.close();
if (process.env.KEEP_DB) console.log(`kept ${join(dir, 'bench.db')}`);
else rmSync(dir, { recursive: true, force: true });
