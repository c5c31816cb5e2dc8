// Demo data of the catalog domain (see JOURNEYS.md): every demo UMKM the community seed
// registered sells the products that fit it (demo-products.ts: Ibu Sari's gula aren, the
// Bajawa arabica, Sumba ikat, the BUMDes shops' fertiliser and tools …), with variants,
// stock and a drawn picture each. Each kind of picture is rendered once through the
// catalog's photo pipeline (sharp, 160/320/640 px WebP) and shared by every product of that
// kind, so the seed stays fast; the pictures carry a "DEMO" label and say in their alt text
// that they are illustrations. Every product starts `not_reviewed`: the innovation seed
// decides which become listed.
// Refs: `prd:<key>` and `var:<key>` (first variant) for the journey products (`sari-gula-aren`,
// `kopi-bajawa`, `tenun-sumba`, `kopi-osing`, `pupuk`, `cangkul`, `beras`), `prd:all`.
import type { SeedContext } from './context.js';
import type { DemoLogin } from './demo-user.js';
import { loadConfig } from '../kernel/config.js';
import { inTransaction, type Db } from '../kernel/db/index.js';
import { unwrap } from '../kernel/errors/index.js';
import type { Actor } from '../kernel/auth/index.js';
import {
  attachStoredPhoto,
  createProduct,
  addVariant,
  processPhoto,
  storePhoto,
} from '../domains/catalog/index.js';
import { umkmFactsByIds } from '../domains/community/index.js';
import { pictureSvg } from './demo-pictures.js';
import type { PictureKind } from './demo-drawings.js';
import { DEMO_PRODUCTS, demoAlt, type DemoProduct } from './demo-products.js';

/** Renders and stores each picture kind once; returns the stored stem and size per kind. */
async function renderPictures(uploadDir: string, kinds: Iterable<PictureKind>) {
  const stored = new Map<PictureKind, { stem: string; width: number; height: number }>();
  await Promise.all(
    [...new Set(kinds)].map(async (kind) => {
      const { default: sharp } = await import('sharp');
      const png = await sharp(Buffer.from(pictureSvg(kind)))
        .png()
        .toBuffer();
      const p = unwrap(await processPhoto(png));
      stored.set(kind, { stem: await storePhoto(uploadDir, p), width: p.width, height: p.height });
    }),
  );
  return stored;
}

export async function seedCatalog(ctx: SeedContext): Promise<DemoLogin[]> {
  const db = ctx.h.db;
  // The community seed's refs name each UMKM by slug; only those in this database get products.
  const known = await umkmFactsByIds(
    db,
    Object.keys(DEMO_PRODUCTS).flatMap((slug) => ctx.refs[`umkm:${slug}`] ?? []),
  );
  const sellers = Object.entries(DEMO_PRODUCTS).flatMap(([slug, products]) => {
    const id = ctx.refs[`umkm:${slug}`];
    return id && known.has(id) ? [{ id, products }] : [];
  });
  if (sellers.length === 0) return []; // No community (e.g. a bare database): nothing to attach to.
  const pictures = await renderPictures(
    loadConfig(process.env).uploadDir,
    sellers.flatMap((s) => s.products.map((x) => x.pic)),
  );
  const actorFor = (umkmId: string): Actor => ({
    userId: ctx.refs['user:national_admin'] ?? 'seed',
    displayName: 'seed',
    locale: null,
    via: 'session',
    grants: [{ role: 'seller', scopeType: 'umkm', scopeId: umkmId, regionCode: null }],
  });
  const all: string[] = [];
  let n = 0;
  await inTransaction(db, async (tx) => {
    const make = async (umkmId: string, x: DemoProduct) => {
      const c = { db: tx as unknown as Db, actor: actorFor(umkmId) };
      const [first, ...rest] = x.variants;
      // A few ordinary products are sold out; the journey products always have stock.
      const stock = (k: number) => (!x.key && n % 11 === 5 ? 0 : 5 + ((n * 7 + k * 3) % 40));
      const r = unwrap(
        await createProduct(c, {
          umkmId,
          isDemo: true,
          details: {
            title: x.title,
            description: x.description,
            description_en: x.en ?? null,
            category: x.category,
          },
          variant: {
            label: first[0],
            price: first[1],
            weight_grams: first[2],
            sku: null,
            stock: stock(0),
          },
        }),
      );
      for (const [k, v] of rest.entries())
        unwrap(
          await addVariant(c, r.productId, {
            label: v[0],
            price: v[1],
            weight_grams: v[2],
            sku: null,
            stock: stock(k + 1),
          }),
        );
      await attachStoredPhoto(tx, r.productId, { ...pictures.get(x.pic)!, alt: demoAlt(x.title) });
      all.push(r.productId);
      n++;
      if (x.key) {
        ctx.refs[`prd:${x.key}`] = r.productId;
        ctx.refs[`var:${x.key}`] = r.variantId;
      }
      return r.productId;
    };
    const made: { id: string; rank: number; seller: number }[] = [];
    for (const [i, s] of sellers.entries()) {
      for (const [rank, x] of s.products.entries())
        made.push({ id: await make(s.id, x), rank, seller: i });
    }
    // "Newest first" lists (the storefront home) show a mix of producers: each UMKM's first
    // product is newer than anyone's second, and so on, a minute apart.
    made.sort((a, b) => a.rank - b.rank || a.seller - b.seller);
    const start = Date.now();
    for (const [k, m] of made.entries()) {
      const at = new Date(start - k * 60_000).toISOString();
      await tx
        .updateTable('products')
        .set({ created_at: at, updated_at: at })
        .where('id', '=', m.id)
        .execute();
      await tx
        .updateTable('product_search')
        .set({ created_at: at })
        .where('product_id', '=', m.id)
        .execute();
    }
  });
  ctx.refs['prd:all'] = all.join(',');
  ctx.progress?.update(all.length, all.length, 'catalog');
  return [];
}
