// The catalog's public JSON API under /api/v1, declared with createRoute so it lands in
// OpenAPI: search and product reads (listed only). The seller's writes are in seller.api.ts.
// Errors are problem+json.
import { createRoute, z } from '@hono/zod-openapi';
import { createApiApp } from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { isId } from '../../kernel/ids/index.js';
import { searchProducts } from './search/index.js';
import { publicProduct } from './product-page.queries.js';
import { searchQuerySchema } from './products.schema.js';
import { photoUrl, PHOTO_WIDTHS } from './photo-urls.js';
import { Problem } from './catalog.api-parts.js';

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

  return app;
}
