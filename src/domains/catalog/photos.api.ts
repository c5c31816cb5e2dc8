// The seller's photo API under /api/v1/seller/products/{id}/photos, declared with createRoute so
// it lands in OpenAPI: list, upload (multipart: the same checks as the page — JPEG/PNG/WebP by
// magic bytes, 5 MB, 200–6000 px per side, alt text), delete (all stored sizes go), and move
// to a position (0 = cover). Scoped to the actor's own UMKM; errors are problem+json.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { createApiApp, clientIp, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { productForActor } from './seller.queries.js';
import { addPhoto, PHOTO_MAX_BYTES, PHOTO_MAX_SIDE, PHOTO_MIN_SIDE } from './photos.service.js';
import { deletePhoto, movePhoto } from './photo-edits.service.js';
import { photoFormSchema } from './products.schema.js';
import { photoUrl, PHOTO_WIDTHS } from './photo-urls.js';
import type { CatalogCtx } from './products.service.js';

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

const Params = z.object({ id: z.string().describe('Product id (prd_…)') });
const PhotoParams = Params.extend({ photoId: z.string().describe('Photo id (pho_…)') });

const Photo = z
  .object({
    id: z.string(),
    position: z.number().int().describe('0 is the cover'),
    alt: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    sizes: z.array(z.object({ width: z.number().int(), url: z.string() })),
  })
  .openapi('ProductPhoto');

const Outcome = {
  listingState: z.string().describe('The product listing state after this edit'),
  backToReview: z
    .boolean()
    .describe('True when this edit took a reviewed product off the market into a new review round'),
};

const UploadBody = z.object({
  photo: z
    .custom<File>((v) => v instanceof File && v.size > 0, { message: 'catalog.v.photo_missing' })
    .openapi({
      type: 'string',
      format: 'binary',
      description: `JPEG, PNG or WebP (decided by content), at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB, ${PHOTO_MIN_SIDE}–${PHOTO_MAX_SIDE} px per side`,
    }),
  alt: photoFormSchema.shape.alt.describe(
    'What the photo shows, 3–150 characters (for screen readers)',
  ),
});

const security = [{ bearer: [] }];

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/seller/products/{id}/photos',
  tags: ['catalog'],
  summary: "A product's photos in order (seller: own UMKM; community manager: its organisation's)",
  security,
  request: { params: Params },
  responses: {
    200: {
      description: 'Photos, cover first',
      content: { 'application/json': { schema: z.object({ items: z.array(Photo) }) } },
    },
    401: Problem,
    403: Problem,
    404: Problem,
  },
});

/**
 * Runs before the body validator: the role is checked first (a buyer learns nothing about the
 * body), and a body that is not multipart is a missing file with a clear message, not the
 * validator's bare 415 (which the error mapping does not know and would turn into a 500).
 */
const sellerMultipart: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireRole(c, 'seller');
  if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? ''))
    throw new AppError('VALIDATION_FAILED', {}, { photo: { key: 'catalog.v.photo_missing' } });
  await next();
};

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/v1/seller/products/{id}/photos',
  tags: ['catalog'],
  middleware: [sellerMultipart] as const,
  summary:
    'Upload a photo (resized to 160/320/640 px WebP, added last); a listed product goes back to review',
  security,
  request: {
    params: Params,
    body: { content: { 'multipart/form-data': { schema: UploadBody } }, required: true },
  },
  responses: {
    201: {
      description: 'Stored',
      content: { 'application/json': { schema: Photo.extend(Outcome) } },
    },
    404: Problem,
    409: { ...Problem, description: 'Photo limit reached' },
    413: { ...Problem, description: 'File too large' },
    415: { ...Problem, description: 'Not JPEG, PNG or WebP' },
    422: { ...Problem, description: 'Dimensions out of range, alt text or file missing' },
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/v1/seller/products/{id}/photos/{photoId}',
  tags: ['catalog'],
  summary:
    'Delete a photo and its stored sizes; the next photo becomes the cover. Deleting the last photo of a listed product sends it back to review',
  security,
  request: { params: PhotoParams },
  responses: {
    200: {
      description: 'Deleted',
      content: {
        'application/json': { schema: z.object({ photosLeft: z.number().int(), ...Outcome }) },
      },
    },
    404: Problem,
  },
});

/** The same guard for the JSON move: role first, then a non-JSON body is malformed JSON (400). */
const sellerJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireRole(c, 'seller');
  if (!/^application\/json/i.test(c.req.header('content-type') ?? ''))
    throw new AppError('MALFORMED_JSON');
  await next();
};

const moveRoute = createRoute({
  method: 'patch',
  path: '/api/v1/seller/products/{id}/photos/{photoId}',
  tags: ['catalog'],
  middleware: [sellerJson] as const,
  summary:
    'Move a photo to a position (0 makes it the cover); the others keep their order. Reordering does not unlist',
  security,
  request: {
    params: PhotoParams,
    body: {
      content: {
        'application/json': { schema: z.object({ position: z.number().int().min(0) }).strict() },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'The new order of photo ids',
      content: {
        'application/json': { schema: z.object({ order: z.array(z.string()), ...Outcome }) },
      },
    },
    404: Problem,
    422: Problem,
  },
});

const sellerCtx = (c: Context<AppEnv>): CatalogCtx => ({
  db: c.get('deps').h.db,
  actor: requireRole(c, 'seller'),
  ip: clientIp(c),
});

const photoJson = (ph: {
  id: string;
  position: number;
  alt: string;
  width: number;
  height: number;
  path_stem: string;
}) => ({
  id: ph.id,
  position: ph.position,
  alt: ph.alt,
  width: ph.width,
  height: ph.height,
  sizes: PHOTO_WIDTHS.map((w) => ({ width: w, url: photoUrl(ph.path_stem, w) })),
});

export function photoApiRoutes() {
  const app = createApiApp();

  app.openapi(listRoute, async (c) => {
    const m = await productForActor(
      c.get('deps').h.db,
      requireRole(c, 'seller', 'community_manager'),
      c.req.valid('param').id,
    );
    if (!m) throw new AppError('CATALOG_PRODUCT_NOT_FOUND');
    return c.json({ items: m.photos.map(photoJson) }, 200);
  });

  app.openapi(uploadRoute, async (c) => {
    const ctx = sellerCtx(c);
    const { id } = c.req.valid('param');
    const form = c.req.valid('form');
    const r = unwrap(
      await addPhoto(
        { ...ctx, uploadDir: c.get('deps').config.uploadDir },
        id,
        new Uint8Array(await form.photo.arrayBuffer()),
        form.alt,
      ),
    );
    const ph = await ctx.db
      .selectFrom('photos')
      .selectAll()
      .where('id', '=', r.photoId)
      .executeTakeFirstOrThrow();
    return c.json(
      { ...photoJson(ph), listingState: r.listingState, backToReview: r.backToReview },
      201,
    );
  });

  app.openapi(deleteRoute, async (c) => {
    const ctx = sellerCtx(c);
    const { id, photoId } = c.req.valid('param');
    return c.json(
      unwrap(await deletePhoto({ ...ctx, uploadDir: c.get('deps').config.uploadDir }, id, photoId)),
      200,
    );
  });

  app.openapi(moveRoute, async (c) => {
    const { id, photoId } = c.req.valid('param');
    return c.json(
      unwrap(await movePhoto(sellerCtx(c), id, photoId, c.req.valid('json').position)),
      200,
    );
  });

  return app;
}
