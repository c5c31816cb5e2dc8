// Seller photo pages: upload, delete, move (left/right, make cover). Plain forms with CSRF that
// work without script; each write redirects back to the photos (post-redirect-get) with a
// notice, and says so when the edit sent the product back to review.
import { z } from 'zod';
import { createApiApp, readForm } from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { t } from '../../kernel/i18n/index.js';
import { addPhoto } from './photos.service.js';
import { deletePhoto, movePhoto } from './photo-edits.service.js';
import { photoFormSchema } from './products.schema.js';
import { afterEdit, ctxOf, manage, resultErrors, statusOf } from './seller-shared.js';

const moveFormSchema = z.object({
  position: z.coerce
    .number({ message: 'catalog.v.position' })
    .int({ message: 'catalog.v.position' })
    .min(0, { message: 'catalog.v.position' }),
});

export function sellerPhotoRoutes() {
  const app = createApiApp();

  app.post('/jual/produk/:id/photos', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const raw = { alt: typeof body.alt === 'string' ? body.alt : '' };
    const meta = photoFormSchema.safeParse({ alt: body.alt ?? '', photo: body.photo });
    const file = body.photo;
    const fileMissing = !(file instanceof File) || file.size === 0;
    if (!meta.success || fileMissing) {
      const errors: Record<string, string> = {};
      if (!meta.success) errors.alt = t(c.get('locale'), 'catalog.v.alt');
      if (fileMissing) errors.photo = t(c.get('locale'), 'catalog.v.photo_missing');
      return manage(c, id, { errors: { photo: errors }, raw, status: 422 });
    }
    const r = await addPhoto(
      { ...ctx, uploadDir: c.get('deps').config.uploadDir },
      id,
      new Uint8Array(await (file as File).arrayBuffer()),
      meta.data.alt,
    );
    if (!r.ok) {
      if (r.code === 'CATALOG_PRODUCT_NOT_FOUND') throw new AppError(r.code);
      return manage(c, id, {
        errors: { photo: resultErrors(c, r.code, r.params, r.fields, 'photo') },
        raw,
        status: statusOf(r.code),
      });
    }
    return c.redirect(afterEdit(id, r.value, null, 'ph-h'), 303);
  });

  app.post('/jual/produk/:id/photos/:photoId/hapus', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const r = await deletePhoto(
      { ...ctx, uploadDir: c.get('deps').config.uploadDir },
      id,
      c.req.param('photoId'),
    );
    if (!r.ok) throw new AppError(r.code);
    return c.redirect(afterEdit(id, r.value, 'foto_dihapus', 'ph-h'), 303);
  });

  app.post('/jual/produk/:id/photos/:photoId/posisi', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const form = await readForm(c, moveFormSchema);
    if (!form.ok) return manage(c, id, { errors: { photo: form.errors }, status: 422 });
    const r = await movePhoto(ctx, id, c.req.param('photoId'), form.data.position);
    if (!r.ok && r.code !== 'VALIDATION_FAILED') throw new AppError(r.code);
    if (!r.ok)
      return manage(c, id, {
        errors: { photo: resultErrors(c, r.code, r.params, r.fields, 'position') },
        status: 422,
      });
    return c.redirect(afterEdit(id, r.value, 'foto_dipindah', 'ph-h'), 303);
  });

  return app;
}
