// The seller's catalog JSON API under /api/v1, declared with createRoute so it lands in
// OpenAPI: the seller's product, variant and stock writes (scoped to the token's or session's
// UMKM) and the list of the actor's products. Errors are problem+json.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createApiApp, clientIp, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { unwrap, unwrapJson } from '../../kernel/errors/index.js';
import { inTransaction } from '../../kernel/db/index.js';
import { productsForActor } from './seller.queries.js';
import {
  addVariant,
  changeStock,
  createProduct,
  updateProduct,
  type CatalogCtx,
} from './products.service.js';
import { stockChangeSchema } from './products.schema.js';
import {
  NewProductIn,
  ProductDetailsIn,
  productDetailsInput,
  variantInput,
} from './seller.api-inputs.js';
import { Problem } from './catalog.api-parts.js';

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

export function sellerApiRoutes() {
  const app = createApiApp();

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
