// Seller pages: my products, add (two steps), edit, variants, quick stock +/− (photos in
// seller-photos.routes.tsx). A
// refused write renders the page again with the message beside the field, status 4xx, and
// changes nothing.
import { createApiApp, page, readForm } from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { t } from '../../kernel/i18n/index.js';
import { productsForActor, sellerUmkm } from './seller.queries.js';
import {
  addVariant,
  changeStock,
  createProduct,
  updateProduct,
  updateVariant,
  type CatalogCtx,
} from './products.service.js';
import {
  newProductFormSchema,
  productDetailsSchema,
  stockChangeSchema,
  variantEditSchema,
  variantFormSchema,
} from './products.schema.js';
import { MyProducts, NewProductForm } from './seller.views.js';
import { afterEdit, ctxOf, manage, noticeOf, resultErrors, statusOf } from './seller-shared.js';
import { sellerPhotoRoutes } from './seller-photos.routes.js';

export function sellerRoutes() {
  const app = createApiApp();

  app.get('/jual/produk', async (c) => {
    const { db, actor } = ctxOf(c, ['seller', 'community_manager']);
    const [rows, own] = await Promise.all([productsForActor(db, actor), sellerUmkm(db, actor)]);
    return page(
      c,
      { title: t(c.get('locale'), 'catalog.mine.title') },
      <MyProducts c={c} rows={rows} canAdd={own.length > 0} />,
    );
  });

  app.get('/jual/produk/baru', async (c) => {
    const { db, actor } = ctxOf(c);
    const umkm = await sellerUmkm(db, actor);
    if (umkm.length === 0) throw new AppError('CATALOG_UMKM_NOT_IN_SCOPE');
    return page(
      c,
      { title: t(c.get('locale'), 'catalog.form.new_title') },
      <NewProductForm c={c} umkm={umkm} />,
    );
  });

  app.post('/jual/produk', async (c) => {
    const ctx = ctxOf(c);
    const umkm = await sellerUmkm(ctx.db, ctx.actor);
    const title = t(c.get('locale'), 'catalog.form.new_title');
    const form = await readForm(c, newProductFormSchema);
    if (!form.ok)
      return page(
        c,
        { title, status: 422 },
        <NewProductForm c={c} umkm={umkm} raw={form.raw} errors={form.errors} />,
      );
    const d = form.data;
    const r = await createProduct(ctx, {
      umkmId: d.umkm_id || null,
      details: {
        title: d.title,
        description: d.description,
        description_en: d.description_en,
        category: d.category,
      },
      variant: {
        label: d.variant_label,
        price: d.price,
        weight_grams: d.weight_grams,
        sku: d.sku,
        stock: d.stock,
      },
    });
    if (!r.ok)
      return page(
        c,
        { title, status: statusOf(r.code) },
        <NewProductForm
          c={c}
          umkm={umkm}
          raw={form.raw}
          errors={resultErrors(c, r.code, r.params, r.fields, 'umkm_id')}
        />,
      );
    return c.redirect(`/jual/produk/${r.value.productId}?langkah=2`, 303);
  });

  app.get('/jual/produk/:id', (c) =>
    manage(c, c.req.param('id'), { step2: c.req.query('langkah') === '2', notice: noticeOf(c) }),
  );

  app.post('/jual/produk/:id', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const form = await readForm(c, productDetailsSchema);
    if (!form.ok)
      return manage(c, id, { errors: { details: form.errors }, raw: form.raw, status: 422 });
    const r = await updateProduct(ctx, id, form.data);
    if (!r.ok) throw new AppError(r.code);
    return manage(c, id, {
      notice: t(
        c.get('locale'),
        r.value.backToReview ? 'catalog.review.back' : 'catalog.form.saved',
      ),
    });
  });

  app.post('/jual/produk/:id/varian', async (c) => {
    const ctx = ctxOf(c);
    const id = c.req.param('id');
    const form = await readForm(c, variantFormSchema);
    if (!form.ok)
      return manage(c, id, { errors: { newVariant: form.errors }, raw: form.raw, status: 422 });
    const r = await addVariant(ctx, id, form.data);
    if (!r.ok) {
      if (r.code === 'CATALOG_PRODUCT_NOT_FOUND') throw new AppError(r.code);
      return manage(c, id, {
        errors: { newVariant: resultErrors(c, r.code, r.params, r.fields, 'label') },
        raw: form.raw,
        status: statusOf(r.code),
      });
    }
    return c.redirect(afterEdit(id, r.value, null, 'var-h'), 303);
  });

  const variantProduct = async (ctx: CatalogCtx, variantId: string) => {
    const row = await ctx.db
      .selectFrom('variants')
      .select('product_id')
      .where('id', '=', variantId)
      .executeTakeFirst();
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
    if (!form.ok)
      return manage(c, productId, {
        errors: { variant: { id: vid, errors: form.errors } },
        status: 422,
      });
    return c.redirect(
      r && r.ok ? afterEdit(productId, r.value, null, 'var-h') : `/jual/produk/${productId}`,
      303,
    );
  });

  app.post('/jual/varian/:id/stok', async (c) => {
    const ctx = ctxOf(c);
    const vid = c.req.param('id');
    const form = await readForm(c, stockChangeSchema);
    const r = form.ok ? await changeStock(ctx, vid, form.data.delta, form.data.reason) : null;
    if (r && !r.ok && r.code === 'CATALOG_VARIANT_NOT_FOUND') throw new AppError(r.code);
    const productId = await variantProduct(ctx, vid);
    if (!productId) throw new AppError('CATALOG_VARIANT_NOT_FOUND');
    if (!form.ok)
      return manage(c, productId, {
        errors: { variant: { id: vid, errors: form.errors } },
        status: 422,
      });
    if (r && !r.ok)
      return manage(c, productId, {
        errors: {
          variant: { id: vid, errors: resultErrors(c, r.code, r.params, r.fields, 'delta') },
        },
        status: statusOf(r.code),
      });
    return c.redirect(`/jual/produk/${productId}#var-h`, 303);
  });

  app.route('/', sellerPhotoRoutes());
  return app;
}
