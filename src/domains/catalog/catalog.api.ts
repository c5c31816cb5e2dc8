// The catalog's JSON API under /api/v1, declared with createRoute so it lands in OpenAPI:
// public search and product reads (listed only), and the seller's product, variant and
// stock writes (scoped to the token's or session's UMKM). Errors are problem+json.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createApiApp, clientIp, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError, unwrap, unwrapJson } from '../../kernel/errors/index.js';
import { inTransaction } from '../../kernel/db/index.js';
import { isId } from '../../kernel/ids/index.js';
import { searchProducts } from './search/index.js';
import { publicProduct } from './product-page.queries.js';
import { productsForActor } from './seller.queries.js';
import {
  addVariant,
  changeStock,
  createProduct,
  updateProduct,
  type CatalogCtx,
} from './products.service.js';
import { searchQuerySchema, stockChangeSchema } from './products.schema.js';
import {
  NewProductIn,
  ProductDetailsIn,
  productDetailsInput,
  variantInput,
} from './seller.api-inputs.js';
import { photoUrl, PHOTO_WIDTHS } from './photo-urls.js';

const Problem = {
  content: {
    'application/problem+json': {
      schema: z.object({
        type: z.string(),
        title: z.string(),
        status: z.number(),
        code: z.string(),
      }),
    },
  },
  description: 'RFC 9457 problem',
};

const Card = z.object({
  id: z.string(),
  href: z.string(),
  title: z.string(),
  category: z.string(),
  umkmId: z.string(),
  umkmName: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  priceMin: z.number().int(),
  priceMax: z.number().int(),
  available: z.number().int(),
  photo: z.object({ stem: z.string(), alt: z.string() }).nullable(),
});

// Documented as plain strings; the handler applies the lenient page parser (bad filters are dropped).
const SearchQueryDoc = z.object({
  q: z
    .string()
    .optional()
    .describe('Words; prefixes and Indonesian affixes match ("aren" finds "Gula Aren")'),
  category: z
    .string()
    .optional()
    .describe('Category or group slug, e.g. gula-aren or makanan-minuman'),
  region: z
    .string()
    .optional()
    .describe('Region code prefix: 53, 53.09, 53.09.06 or a village code'),
  min: z.string().optional().describe('Lowest price from, integer rupiah'),
  max: z.string().optional().describe('Lowest price up to, integer rupiah'),
  halal: z.enum(['1']).optional().describe('Only producers with a valid halal certificate'),
  stok: z.enum(['1']).optional().describe('Only products in stock'),
  page: z.string().optional().describe('Page number from 1 (max 50)'),
  limit: z
    .string()
    .optional()
    .describe('Products per page, 1 to 100 (default 20; a larger number is capped at 100)'),
});

/** The API's page size: 1 to 100 (pageOf caps it), anything else means the default, like the filters. */
const pageSize = z.coerce.number().int().min(1).optional().catch(undefined);

// Anonymous answers are shared and carry an ETag (kernel/http/json-cache.ts).
const NotModified = {
  description: "Not modified: the client's copy (sent as If-None-Match) is current",
};
const ETag = {
  ETag: { schema: { type: 'string' as const }, description: 'Revalidate with If-None-Match' },
};

const searchRoute = createRoute({
  method: 'get',
  path: '/api/v1/products',
  tags: ['catalog'],
  summary: 'Search listed products (full text, filters, relevance order, `limit` per page)',
  request: { query: SearchQueryDoc },
  responses: {
    200: {
      description: 'A page of product cards',
      headers: ETag,
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(Card),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    304: NotModified,
  },
});

const PublicProduct = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    descriptionEn: z.string().nullable(),
    category: z.string(),
    producer: z.object({
      umkmId: z.string(),
      name: z.string(),
      story: z.string().nullable(),
      organisation: z.string().nullable(),
      villageCode: z.string(),
      village: z.string().nullable(),
      district: z.string().nullable(),
      regency: z.string().nullable(),
    }),
    variants: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        price: z.number().int(),
        weightGrams: z.number().int(),
        available: z.number().int(),
      }),
    ),
    photos: z
      .array(
        z.object({
          alt: z.string(),
          sizes: z.array(z.object({ width: z.number().int(), url: z.string() })),
        }),
      )
      .openapi({ description: 'The first is the cover' }),
    certifications: z.array(
      z.object({
        kind: z.string(),
        number: z.string().nullable(),
        expiresOn: z.string().nullable(),
      }),
    ),
  })
  .openapi('PublicProduct');

const productRoute = createRoute({
  method: 'get',
  path: '/api/v1/products/{id}',
  tags: ['catalog'],
  summary: 'One listed product with variants, stock, photos, producer and certificates',
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: {
      description: 'The product',
      headers: ETag,
      content: { 'application/json': { schema: PublicProduct } },
    },
    304: NotModified,
    404: Problem,
  },
});

const SellerItem = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  listingState: z.string(),
  umkmName: z.string(),
  available: z.number(),
  priceMin: z.number(),
  photos: z.number(),
});

const sellerListRoute = createRoute({
  method: 'get',
  path: '/api/v1/seller/products',
  tags: ['catalog'],
  summary: "The actor's products (seller: own UMKM; community manager: its organisation's UMKM)",
  security: [{ bearer: [] }],
  responses: {
    200: {
      description: 'Products',
      content: { 'application/json': { schema: z.object({ items: z.array(SellerItem) }) } },
    },
    401: Problem,
    403: Problem,
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/seller/products',
  tags: ['catalog'],
  summary: 'Add a product with its variants and initial stock (starts not_reviewed)',
  security: [{ bearer: [] }],
  request: { body: { content: { 'application/json': { schema: NewProductIn } }, required: true } },
  responses: {
    201: {
      description: 'Created',
      content: {
        'application/json': {
          schema: z.object({ id: z.string(), variantIds: z.array(z.string()) }),
        },
      },
    },
    403: Problem,
    409: Problem,
    422: Problem,
  },
});

const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/seller/products/{id}',
  tags: ['catalog'],
  summary:
    'Edit title, descriptions and category; changing reviewed content of a listed product unlists it into a new review round',
  security: [{ bearer: [] }],
  request: {
    params: z.object({ id: z.string() }),
    body: {
      content: { 'application/json': { schema: ProductDetailsIn } },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'Updated',
      content: {
        'application/json': {
          schema: z.object({
            id: z.string(),
            listingState: z.string(),
            backToReview: z
              .boolean()
              .describe('True when this edit sent the product back to review'),
          }),
        },
      },
    },
    404: Problem,
    422: Problem,
  },
});

const stockRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/seller/variants/{id}/stock',
  tags: ['catalog'],
  summary: 'Change stock through the ledger (restock, correction, return); never below zero',
  security: [{ bearer: [] }],
  request: {
    params: z.object({ id: z.string() }),
    body: {
      content: { 'application/json': { schema: stockChangeSchema.strict() } },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'New available quantity',
      content: { 'application/json': { schema: z.object({ available: z.number().int() }) } },
    },
    404: Problem,
    409: Problem,
    422: Problem,
  },
});

const sellerCtx = (c: Context<AppEnv>): CatalogCtx => ({
  db: c.get('deps').h.db,
  actor: requireRole(c, 'seller'),
  ip: clientIp(c),
});

export function apiRoutes() {
  const app = createApiApp();

  app.openapi(searchRoute, async (c) => {
    const q = searchQuerySchema.parse(c.req.query());
    const r = await searchProducts(c.get('deps').h.db, {
      q: q.q,
      category: q.category,
      region: q.region,
      min: q.min,
      max: q.max,
      halal: q.halal === '1',
      inStock: q.stok === '1',
      page: q.page,
      pageSize: pageSize.parse(c.req.query('limit')),
    });
    return c.json(r, 200);
  });

  app.openapi(productRoute, async (c) => {
    const { id } = c.req.valid('param');
    const p = isId(id, 'prd') ? await publicProduct(c.get('deps').h.db, id) : null;
    if (!p) throw new AppError('NOT_FOUND');
    return c.json(
      {
        id: p.id,
        title: p.title,
        description: p.description,
        descriptionEn: p.description_en,
        category: p.category,
        producer: {
          umkmId: p.umkm_id,
          name: p.umkm_name,
          story: p.story,
          organisation: p.org_name,
          villageCode: p.village_code,
          village: p.village_name,
          district: p.district_name,
          regency: p.regency_name,
        },
        variants: p.variants.map((v) => ({
          id: v.id,
          label: v.label,
          price: v.price,
          weightGrams: v.weight_grams,
          available: v.available,
        })),
        photos: p.photos.map((ph) => ({
          alt: ph.alt,
          sizes: PHOTO_WIDTHS.map((w) => ({ width: w, url: photoUrl(ph.path_stem, w) })),
        })),
        certifications: p.certifications.map((x) => ({
          kind: x.kind,
          number: x.number,
          expiresOn: x.expires_on,
        })),
      },
      200,
    );
  });

  app.openapi(sellerListRoute, async (c) => {
    const actor = requireRole(c, 'seller', 'community_manager');
    const rows = await productsForActor(c.get('deps').h.db, actor);
    return c.json(
      {
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          category: r.category,
          listingState: r.listing_state,
          umkmName: r.umkm_name,
          available: Number(r.available ?? 0),
          priceMin: Number(r.price_min ?? 0),
          photos: Number(r.photos ?? 0),
        })),
      },
      200,
    );
  });

  app.openapi(createRouteDef, async (c) => {
    const ctx = sellerCtx(c);
    const body = c.req.valid('json');
    // One transaction: the product and all its variants land together or not at all.
    const out = await inTransaction(ctx.db, async (tx) => {
      const txCtx = { ...ctx, db: tx as unknown as CatalogCtx['db'] };
      const [first, ...rest] = body.variants;
      const created = unwrapJson(
        await createProduct(txCtx, {
          umkmId: body.umkmId,
          details: productDetailsInput(body),
          variant: variantInput(first),
        }),
      );
      const variantIds = [created.variantId];
      for (const v of rest)
        variantIds.push(
          unwrapJson(await addVariant(txCtx, created.productId, variantInput(v))).variantId,
        );
      return { id: created.productId, variantIds };
    });
    return c.json(out, 201);
  });

  app.openapi(updateRouteDef, async (c) => {
    const { id } = c.req.valid('param');
    const details = productDetailsInput(c.req.valid('json'));
    const r = unwrapJson(await updateProduct(sellerCtx(c), id, details));
    return c.json({ id, listingState: r.listingState, backToReview: r.backToReview }, 200);
  });

  app.openapi(stockRouteDef, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    return c.json(unwrap(await changeStock(sellerCtx(c), id, b.delta, b.reason)), 200);
  });

  return app;
}
