// The 100,000-product catalogue shared by the catalog benches: 2,000 UMKM in the Ngada and
// Banyuwangi villages, one variant each, every ninth sold out, a third of the UMKM halal
// certified, and the search document written as reindexProduct would. Deterministic (seeded
// LCG), so every bench run sees the same rows. The vocabulary is small on purpose: each query
// word matches 3–10 % of the catalogue, the worst case for ranking and counting.
import { sql } from 'kysely';
import {
  migrateToLatest,
  nowIso,
  type Database,
  type DbHandle,
} from '../../src/kernel/db/index.js';
import { newId } from '../../src/kernel/ids/index.js';
import { allMigrations } from '../../src/migrations.js';
import { importRegions } from '../../src/domains/regions/index.js';
import { CATEGORIES } from '../../src/domains/catalog/index.js';
import { indexText } from '../../src/domains/catalog/search/normalise.js';

export const UMKM = 2000;
export const SEED_REGIONS = ['53.09', '35.10'];

let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

const NOUNS: Record<string, string[]> = {
  kopi: ['Kopi Arabika', 'Kopi Robusta', 'Kopi Luwak', 'Kopi Bubuk'],
  'gula-aren': ['Gula Aren Cetak', 'Gula Semut', 'Gula Aren Cair'],
  keripik: ['Keripik Pisang', 'Keripik Singkong', 'Keripik Tempe'],
  sambal: ['Sambal Bawang', 'Sambal Roa', 'Sambal Lu’at'],
  tenun: ['Kain Tenun Ikat', 'Selendang Tenun', 'Sarung Tenun'],
  anyaman: ['Tas Anyaman Pandan', 'Bakul Anyaman Bambu', 'Tikar Anyaman'],
  beras: ['Beras Merah', 'Beras Hitam', 'Beras Pandan Wangi'],
  madu: ['Madu Hutan', 'Madu Kelulut'],
  'ikan-olahan': ['Ikan Teri Asin', 'Abon Ikan'],
  jamu: ['Jamu Kunyit Asam', 'Jamu Beras Kencur'],
  batik: ['Kemeja Batik', 'Kain Batik Tulis'],
};
const PLACES = [
  'Bajawa',
  'Flores',
  'Sumba',
  'Ngada',
  'Banyuwangi',
  'Kemiren',
  'Osing',
  'Golewa',
  'Inerie',
  'Riung',
];
const ADJ = [
  'Asli',
  'Organik',
  'Premium',
  'Super',
  'Pedas',
  'Manis',
  'Tradisional',
  'Khas Desa',
  'Pilihan',
  'Segar',
];
const WORDS = [
  'dibuat',
  'tangan',
  'oleh',
  'kelompok',
  'ibu',
  'desa',
  'dengan',
  'bahan',
  'lokal',
  'tanpa',
  'pengawet',
  'dikemas',
  'rapi',
  'tahan',
  'lama',
  'dipanen',
  'dari',
  'kebun',
  'sendiri',
  'pewarna',
  'alam',
  'dijemur',
  'matahari',
  'dimasak',
  'tungku',
  'kayu',
];

/** Migrates `h` and loads `n` listed products (plus regions, UMKM, certifications), then ANALYZE. */
export async function seedCatalog(h: DbHandle, n: number): Promise<void> {
  seed = 42;
  await migrateToLatest(h, allMigrations);
  await importRegions(h.db, { prefixes: SEED_REGIONS });
  const villages = (
    await h.db.selectFrom('regions').select('code').where('level', '=', 4).execute()
  ).map((r) => r.code);
  const now = nowIso();
  const umkm: { id: string; village: string }[] = [];
  for (let i = 0; i < UMKM; i++) umkm.push({ id: newId('umk'), village: pick(villages) });
  for (let i = 0; i < umkm.length; i += 500) {
    await h.db
      .insertInto('umkm')
      .values(
        umkm.slice(i, i + 500).map((u, k) => ({
          id: u.id,
          village_code: u.village,
          organisation_id: null,
          name: `UMKM ${pick(ADJ)} ${i + k}`,
          business_type: 'makanan',
          owner_name: null,
          owner_user_id: null,
          phone: null,
          whatsapp: null,
          bank_name: null,
          bank_account_number: null,
          bank_account_name: null,
          story: null,
          consent_id: null,
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  await h.db
    .insertInto('certifications')
    .values(
      umkm
        .filter((_, i) => i % 3 === 0)
        .map((u) => ({
          id: newId('crt'),
          umkm_id: u.id,
          kind: 'halal_self_declare',
          number: 'ID1',
          issued_on: '2025-01-01',
          expires_on: '2030-01-01',
          created_at: now,
        })),
    )
    .execute();
  const cats = Object.keys(NOUNS);
  const B = 400;
  for (let i = 0; i < n; i += B) {
    const products: Database['products'][] = [],
      variants: Database['variants'][] = [],
      stock: Database['stock'][] = [],
      docs: Omit<Database['product_search'], 'doc_id'>[] = [];
    for (let k = i; k < Math.min(n, i + B); k++) {
      const u = umkm[k % UMKM];
      const category = pick(cats);
      const title = `${pick(NOUNS[category])} ${pick(ADJ)} ${pick(PLACES)}`;
      const description = Array.from({ length: 25 }, () => pick(WORDS)).join(' ');
      const id = newId('prd');
      const vid = newId('var');
      const price = 5000 + Math.floor(rnd() * 200) * 2500;
      const created = new Date(Date.UTC(2025, 0, 1) + k * 60_000).toISOString();
      products.push({
        id,
        umkm_id: u.id,
        village_code: u.village,
        title,
        description,
        description_en: null,
        category,
        listed: 1,
        listing_state: 'listed',
        is_demo: 0,
        created_at: created,
        updated_at: created,
      });
      variants.push({
        id: vid,
        product_id: id,
        label: '1 pcs',
        sku: `B-${k}`,
        price,
        weight_grams: 500,
        active: 1,
        created_at: created,
      });
      stock.push({
        variant_id: vid,
        location_kind: 'umkm',
        location_id: u.id,
        available: k % 9 === 0 ? 0 : 10,
        reserved: 0,
        updated_at: created,
      });
      const cat = CATEGORIES.find((c) => c.slug === category)!;
      docs.push({
        product_id: id,
        umkm_id: u.id,
        village_code: u.village,
        category,
        listed: 1,
        price_min: price,
        price_max: price,
        title: indexText(title),
        names: indexText(`${cat.name.id} ${cat.name.en} UMKM ${u.village}`),
        body: indexText(description),
        created_at: created,
      });
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

/** Percentile of a sample (nearest rank). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}
