// Public catalog pages: product page, search, category pages and the photo files. Listed
// products only; an unlisted or unknown product is a 404, never a hint that it exists.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'hono';
import { createApiApp, page, type AppEnv } from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { t } from '../../kernel/i18n/index.js';
import { isId } from '../../kernel/ids/index.js';
import { categoryName, categoriesFor } from './taxonomy.js';
import { originChoices, searchProducts, type SearchQuery } from './search/index.js';
import { searchQuerySchema } from './products.schema.js';
import { publicProduct } from './product-page.queries.js';
import { PHOTO_FILE_RE } from './photo-urls.js';
import { ProductPage, SearchPage } from './public.views.js';

type C = Context<AppEnv>;

/** Parses the shared search query string (bad values are dropped). */
export function readSearchQuery(c: C): {
  raw: Record<string, string | undefined>;
  query: SearchQuery;
} {
  const raw = searchQuerySchema.parse(c.req.query());
  return {
    raw: { ...raw, min: raw.min?.toString(), max: raw.max?.toString(), page: raw.page?.toString() },
    query: {
      q: raw.q,
      category: raw.category,
      region: raw.region,
      min: raw.min,
      max: raw.max,
      halal: raw.halal === '1',
      inStock: raw.stok === '1',
      page: raw.page,
    },
  };
}

async function renderSearch(c: C, opts: { category?: string; heading: string; action: string }) {
  const { raw, query } = readSearchQuery(c);
  if (opts.category) query.category = opts.category;
  const db = c.get('deps').h.db;
  const [r, origins] = await Promise.all([searchProducts(db, query), originChoices(db)]);
  return page(
    c,
    { title: opts.heading },
    <SearchPage
      c={c}
      v={{
        q: raw,
        cards: r.items,
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
        heading: opts.heading,
        origins,
        action: opts.action,
        showCategory: !opts.category,
      }}
    />,
  );
}

export function publicRoutes() {
  const app = createApiApp();

  app.get('/produk/:id', async (c) => {
    const id = c.req.param('id');
    if (!isId(id, 'prd')) throw new AppError('NOT_FOUND');
    const product = await publicProduct(c.get('deps').h.db, id);
    if (!product) throw new AppError('NOT_FOUND');
    return page(
      c,
      { title: product.title, description: product.description.slice(0, 150) },
      <ProductPage c={c} product={product} />,
    );
  });

  app.get('/cari', (c) =>
    renderSearch(c, { heading: t(c.get('locale'), 'catalog.search.title'), action: '/cari' }),
  );

  app.get('/kategori/:slug', (c) => {
    const slug = c.req.param('slug');
    if (categoriesFor(slug).length === 0) throw new AppError('NOT_FOUND');
    const name = categoryName(slug, c.get('locale'));
    return renderSearch(c, {
      category: slug,
      heading: t(c.get('locale'), 'catalog.category.title', { name }),
      action: `/kategori/${slug}`,
    });
  });

  // Photo sizes: names are random and never reused, so they may be cached for a year.
  app.get('/media/*', async (c) => {
    const rel = c.req.path.slice('/media/'.length);
    if (!PHOTO_FILE_RE.test(rel)) throw new AppError('NOT_FOUND');
    let data: Buffer;
    try {
      data = await readFile(join(c.get('deps').config.uploadDir, rel));
    } catch {
      throw new AppError('NOT_FOUND');
    }
    return c.body(new Uint8Array(data), 200, {
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });

  return app;
}
