// Product photos: only JPEG, PNG and WebP (decided by the file's magic bytes, never by its
// name or declared type), at most 5 MB, sides between 200 and 6000 px. Each upload becomes
// three small WebP sizes (160/320/640 px wide) written under LUMBUNG_UPLOAD_DIR, so a
// product page on EDGE downloads a few KB per photo. Alt text is required.
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metadata } from 'sharp';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { audit } from '../../kernel/audit/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { ownedProduct, photoCount } from './seller.queries.js';
import { PHOTO_FILE_RE, PHOTO_WIDTHS } from './photo-urls.js';
import { reportContentChange, type EditOutcome } from './content-events.js';
import type { CatalogCtx } from './products.service.js';
import './catalog.tables.js';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MIN_SIDE = 200;
export const PHOTO_MAX_SIDE = 6000;
export const PHOTOS_PER_PRODUCT = 6;

export type PhotoType = 'jpeg' | 'png' | 'webp';

/** The image type by magic bytes, or null for anything else (GIF, SVG, HEIC, PDF, scripts …). */
export function sniffImage(b: Uint8Array): PhotoType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x))
    return 'png';
  if (
    b.length >= 12 &&
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP'
  )
    return 'webp';
  return null;
}

export interface ProcessedPhoto {
  sizes: { width: number; data: Buffer }[];
  width: number;
  height: number;
}

/** Checks and resizes an upload; a failure says which rule it broke. */
export async function processPhoto(bytes: Uint8Array): Promise<Result<ProcessedPhoto>> {
  // sharp (libvips, ~28 MiB resident) is loaded on the first photo, not at start.
  const { default: sharp } = await import('sharp');
  if (bytes.length > PHOTO_MAX_BYTES)
    return fail('CATALOG_PHOTO_TOO_LARGE', { max: PHOTO_MAX_BYTES / 1024 / 1024 });
  const type = sniffImage(bytes);
  if (!type) return fail('CATALOG_PHOTO_TYPE');
  let meta: Metadata;
  try {
    // limitInputPixels stops decompression bombs before any pixel is decoded.
    meta = await sharp(bytes, { limitInputPixels: PHOTO_MAX_SIDE * PHOTO_MAX_SIDE }).metadata();
  } catch {
    return fail('CATALOG_PHOTO_TYPE');
  }
  if (meta.format !== type) return fail('CATALOG_PHOTO_TYPE');
  const dims = { min: PHOTO_MIN_SIDE, max: PHOTO_MAX_SIDE };
  const w = meta.autoOrient?.width ?? meta.width ?? 0;
  const h = meta.autoOrient?.height ?? meta.height ?? 0;
  if (w < PHOTO_MIN_SIDE || h < PHOTO_MIN_SIDE || w > PHOTO_MAX_SIDE || h > PHOTO_MAX_SIDE)
    return fail('CATALOG_PHOTO_DIMENSIONS', dims);
  try {
    const sizes = await Promise.all(
      PHOTO_WIDTHS.map(async (width) => ({
        width,
        // rotate() applies EXIF orientation; metadata (GPS of the farm) is dropped by default.
        data: await sharp(bytes, { limitInputPixels: PHOTO_MAX_SIDE * PHOTO_MAX_SIDE })
          .rotate()
          .resize({ width, withoutEnlargement: false })
          .webp({ quality: 70, effort: 3 })
          .toBuffer(),
      })),
    );
    const big = await sharp(sizes[sizes.length - 1].data).metadata();
    return ok({ sizes, width: big.width ?? w, height: big.height ?? h });
  } catch {
    return fail('CATALOG_PHOTO_TYPE');
  }
}

/** Writes the sizes under `<uploadDir>/p/` and returns the stored stem (`p/pho_…`). */
export async function storePhoto(
  uploadDir: string,
  photo: ProcessedPhoto,
  id = newId('pho'),
): Promise<string> {
  const stem = `p/${id}`;
  await mkdir(join(uploadDir, 'p'), { recursive: true });
  await Promise.all(
    photo.sizes.map((s) => writeFile(join(uploadDir, `${stem}-${s.width}.webp`), s.data)),
  );
  return stem;
}

/** Adds a photo (last in order) to one of the actor's products: checks, resizes, stores, records. */
export async function addPhoto(
  ctx: CatalogCtx & { uploadDir: string },
  productId: string,
  bytes: Uint8Array,
  alt: string,
): Promise<Result<{ photoId: string; stem: string } & EditOutcome>> {
  const p = await ownedProduct(ctx.db, ctx.actor, productId);
  if (!p) return fail('CATALOG_PRODUCT_NOT_FOUND');
  if ((await photoCount(ctx.db, productId)) >= PHOTOS_PER_PRODUCT)
    return fail('CATALOG_PHOTO_LIMIT', { max: PHOTOS_PER_PRODUCT });
  const processed = await processPhoto(bytes);
  if (!processed.ok) return processed;
  const photoId = newId('pho');
  const stem = await storePhoto(ctx.uploadDir, processed.value, photoId);
  try {
    const r = await inTransactionResult(ctx.db, async (tx) => {
      // Touching the product first serialises photo writes of one product (a row lock on
      // PostgreSQL), so positions stay 0..n-1 and the limit holds under concurrent uploads.
      await tx
        .updateTable('products')
        .set({ updated_at: nowIso() })
        .where('id', '=', productId)
        .execute();
      const now = await tx
        .selectFrom('products')
        .select('listing_state')
        .where('id', '=', productId)
        .executeTakeFirstOrThrow();
      const n = await photoCount(tx, productId);
      if (n >= PHOTOS_PER_PRODUCT) return fail('CATALOG_PHOTO_LIMIT', { max: PHOTOS_PER_PRODUCT });
      await tx
        .insertInto('photos')
        .values({
          id: photoId,
          product_id: productId,
          alt,
          path_stem: stem,
          width: processed.value.width,
          height: processed.value.height,
          position: n,
          created_at: nowIso(),
        })
        .execute();
      await audit(tx, {
        actorId: ctx.actor.userId,
        action: 'catalog.photo.add',
        entityType: 'product',
        entityId: productId,
        ip: ctx.ip,
        data: { photoId },
      });
      const outcome = await reportContentChange(
        tx,
        {
          productId,
          umkmId: p.umkm_id,
          actorId: ctx.actor.userId,
          changes: ['photo_added'],
          photosLeft: n + 1,
        },
        now.listing_state,
      );
      return ok({ photoId, stem, ...outcome });
    });
    // No row, no files: an upload either fully lands or leaves nothing behind.
    if (!r.ok) await removePhotoFiles(ctx.uploadDir, stem);
    return r;
  } catch (e) {
    await removePhotoFiles(ctx.uploadDir, stem);
    throw e;
  }
}

/** Deletes every stored size of a stem; a stem that is not one of ours (path tricks) is left alone. */
export async function removePhotoFiles(uploadDir: string, stem: string): Promise<void> {
  const files = PHOTO_WIDTHS.map((w) => `${stem}-${w}.webp`).filter((f) => PHOTO_FILE_RE.test(f));
  await Promise.all(files.map((f) => rm(join(uploadDir, f), { force: true })));
}

/** Records an already stored photo (same stem) for one more product: the demo seed reuses a handful of generated tiles. */
export async function attachStoredPhoto(
  tx: Tx,
  productId: string,
  photo: { stem: string; alt: string; width: number; height: number },
): Promise<string> {
  const id = newId('pho');
  await tx
    .insertInto('photos')
    .values({
      id,
      product_id: productId,
      alt: photo.alt,
      path_stem: photo.stem,
      width: photo.width,
      height: photo.height,
      position: 0,
      created_at: nowIso(),
    })
    .execute();
  return id;
}
