// Seller pages: my products, add (two steps), edit, variants, quick stock +/−, photos. A
// refused write renders the page again with the message beside the field, status 4xx, and
// changes nothing.
import type { Context } from 'hono';
import { createApiApp, clientIp, page, readForm, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError, type FieldErrors } from '../../kernel/errors/index.js';
import { t } from '../../kernel/i18n/index.js';
import { productForActor, productsForActor, sellerUmkm } from './products.repo.js';
import { addVariant, changeStock, createProduct, updateProduct, updateVariant, type CatalogCtx } from './products.service.js';
import { addPhoto } from './photos.service.js';
import { newProductFormSchema, photoFormSchema, productDetailsSchema, stockChangeSchema, variantEditSchema, variantFormSchema } from './products.schema.js';
import { ManageProduct, MyProducts, NewProductForm, type ManageErrors } from './seller.views.js';

type C = Context<AppEnv>;
type Status = 200 | 403 | 404 | 409 | 413 | 422;

const ctxOf = (c: C, roles: ('seller' | 'community_manager')[] = ['seller']): CatalogCtx => ({ db: c.get('deps').h.db, actor: requireRole(c, ...roles), ip: clientIp(c) });

/** Field messages of a failed Result, with the error's own message as a fallback field. */
function resultErrors(c: C, code: string, params: Record<string, unknown> | undefined, fields: FieldErrors | undefined, fallbackField: string): Record<string, string> {
  const locale = c.get('locale');
  if (fields && Object.keys(fields).length) {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) out[k] = t(locale, v.key, { ...params, ...v.params });
    return out;
  }
  const key = `catalog.err.${code.replace(/^CATALOG_/, '').toLowerCase()}`;
  return { [fallbackField]: t(locale, key, params) };
}

const statusOf = (code: string): Status =>
  (({ CATALOG_UMKM_NOT_IN_SCOPE: 403, CATALOG_SKU_TAKEN: 409, CATALOG_STOCK_NEGATIVE: 409, CATALOG_PHOTO_LIMIT: 409, CATALOG_PHOTO_TOO_LARGE: 413, CATALOG_PHOTO_TYPE: 422 }) as Record<string, Status>)[code] ?? 422;

async function manage(c: C, productId: string, o: { errors?: ManageErrors; raw?: Record<string, string>; notice?: string; status?: Status; step2?: boolean } = {}) {
  const actor = requireRole(c, 'seller', 'community_manager');
  const m = await productForActor(c.get('deps').h.db, actor, productId);
  if (!m) throw new AppError('CATALOG_PRODUCT_NOT_FOUND');
  return page(c, { title: m.product.title, status: o.status }, <ManageProduct c={c} m={m} errors={o.errors} raw={o.raw} notice={o.notice} step2={o.step2} />);
}

export function sellerRoutes() {
  const app = createApiApp();

  app.get('/jual/produk', async (c) => {
    const { db, actor } = ctxOf(c, ['seller', 'community_manager']);
    const [rows, own] = await Promise.all([productsForActor(db, actor), sellerUmkm(db, actor)]);
    return page(c, { title: t(c.get('locale'), 'catalog.mine.title') }, <MyProducts c={c} rows={rows} canAdd={own.length > 0} />);
  });

  app.get('/jual/produk/baru', async (c) => {
    const { db, actor } = ctxOf(c);
    const umkm = await sellerUmkm(db, actor);
    if (umkm.length === 0) throw new AppError('CATALOG_UMKM_NOT_IN_SCOPE');
    return page(c, { title: t(c.get('locale'), 'catalog.form.new_title') }, <NewProductForm c={c} umkm={umkm} />);
  });

  app.post('/jual/produk', async (c) => {
    const ctx = ctxOf(c);
    const umkm = await sellerUmkm(ctx.db, ctx.actor);
    const title = t(c.get('locale'), 'catalog.form.new_title');
    const form = await readForm(c, newProductFormSchema);
    if (!form.ok) return page(c, { title, status: 422 }, <NewProductForm c={c} umkm={umkm} raw={form.raw} errors={form.errors} />);
    const d = form.data;
    const r = await createProduct(ctx, {
      umkmId: d.umkm_id || null,
      details: { title: d.title, description: d.description, description_en: d.description_en, category: d.category },
      variant: { label: d.variant_label, price: d.price, weight_grams: d.weight_grams, sku: d.sku, stock: d.stock },
    });
    if (!r.ok) return page(c, { title, status: statusOf(r.code) }, <NewProductForm c={c} umkm={umkm} raw={form.raw} errors={resultErrors(c, r.code, r.params, r.fields, 'umkm_id')} />);
    return c.redirect(`/jual/produk/${r.value.productId}?langkah=2`, 303);
  });

  app.get('/jual/produk/:id', (c) => manage(c, c.req.param('id'), { step2: c.req.query('langkah') === '2' }));

  app.post('/jual/produk/:id', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const form = await readForm(c, productDetailsSchema);
    if (!form.ok) return manage(c, id, { errors: { details: form.errors }, raw: form.raw, status: 422 });
    const r = await updateProduct(ctx, id, form.data);
    if (!r.ok) throw new AppError(r.code);
    return manage(c, id, { notice: t(c.get('locale'), 'catalog.form.saved') });
  });

  app.post('/jual/produk/:id/varian', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const form = await readForm(c, variantFormSchema);
    if (!form.ok) return manage(c, id, { errors: { newVariant: form.errors }, raw: form.raw, status: 422 });
    const r = await addVariant(ctx, id, form.data);
    if (!r.ok) {
      if (r.code === 'CATALOG_PRODUCT_NOT_FOUND') throw new AppError(r.code);
      return manage(c, id, { errors: { newVariant: resultErrors(c, r.code, r.params, r.fields, 'label') }, raw: form.raw, status: statusOf(r.code) });
    }
    return c.redirect(`/jual/produk/${id}`, 303);
  });

  const variantProduct = async (ctx: CatalogCtx, variantId: string) => {
    const row = await ctx.db.selectFrom('variants').select('product_id').where('id', '=', variantId).executeTakeFirst();
    return row?.product_id;
  };

  app.post('/jual/varian/:id', async (c) => {
    const ctx = ctxOf(c);
    const vid = c.req.param('id');
    const form = await readForm(c, variantEditSchema);
    const r = form.ok ? await updateVariant(ctx, vid, form.data) : null;
    if (r && !r.ok) throw new AppError(r.code);
    const productId = await variantProduct(ctx, vid);
    if (!productId) throw new AppError('CATALOG_VARIANT_NOT_FOUND');
    if (!form.ok) return manage(c, productId, { errors: { variant: { id: vid, errors: form.errors } }, status: 422 });
    return c.redirect(`/jual/produk/${productId}`, 303);
  });

  app.post('/jual/varian/:id/stok', async (c) => {
    const ctx = ctxOf(c);
    const vid = c.req.param('id');
    const form = await readForm(c, stockChangeSchema);
    const r = form.ok ? await changeStock(ctx, vid, form.data.delta, form.data.reason) : null;
    if (r && !r.ok && r.code === 'CATALOG_VARIANT_NOT_FOUND') throw new AppError(r.code);
    const productId = await variantProduct(ctx, vid);
    if (!productId) throw new AppError('CATALOG_VARIANT_NOT_FOUND');
    if (!form.ok) return manage(c, productId, { errors: { variant: { id: vid, errors: form.errors } }, status: 422 });
    if (r && !r.ok) return manage(c, productId, { errors: { variant: { id: vid, errors: resultErrors(c, r.code, r.params, r.fields, 'delta') } }, status: statusOf(r.code) });
    return c.redirect(`/jual/produk/${productId}#var-h`, 303);
  });

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
    const r = await addPhoto({ ...ctx, uploadDir: c.get('deps').config.uploadDir }, id, new Uint8Array(await (file as File).arrayBuffer()), meta.data.alt);
    if (!r.ok) {
      if (r.code === 'CATALOG_PRODUCT_NOT_FOUND') throw new AppError(r.code);
      return manage(c, id, { errors: { photo: resultErrors(c, r.code, r.params, r.fields, 'photo') }, raw, status: statusOf(r.code) });
    }
    return c.redirect(`/jual/produk/${id}#ph-h`, 303);
  });

  return app;
}

