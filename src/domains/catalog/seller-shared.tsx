// What the seller route files share: the use-case context from the request, the manage page
// rendered again with messages, field messages from a failed Result, HTTP status per code, and
// the notice of a redirect (`?catatan=`) so a post-redirect-get can still say what happened.
import type { Context } from 'hono';
import { clientIp, page, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError, type FieldErrors } from '../../kernel/errors/index.js';
import { t } from '../../kernel/i18n/index.js';
import { productForActor } from './seller.queries.js';
import type { CatalogCtx } from './products.service.js';
import type { EditOutcome } from './content-events.js';
import { ManageProduct, type ManageErrors } from './manage.views.js';

export type C = Context<AppEnv>;
export type Status = 200 | 403 | 404 | 409 | 413 | 422;

export const ctxOf = (
  c: C,
  roles: ('seller' | 'community_manager')[] = ['seller'],
): CatalogCtx => ({ db: c.get('deps').h.db, actor: requireRole(c, ...roles), ip: clientIp(c) });

/** Field messages of a failed Result, with the error's own message as a fallback field. */
export function resultErrors(
  c: C,
  code: string,
  params: Record<string, unknown> | undefined,
  fields: FieldErrors | undefined,
  fallbackField: string,
): Record<string, string> {
  const locale = c.get('locale');
  if (fields && Object.keys(fields).length) {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields))
      out[k] = t(locale, v.key, { ...params, ...v.params });
    return out;
  }
  const key = `catalog.err.${code.replace(/^CATALOG_/, '').toLowerCase()}`;
  return { [fallbackField]: t(locale, key, params) };
}

export const statusOf = (code: string): Status =>
  (
    ({
      CATALOG_UMKM_NOT_IN_SCOPE: 403,
      CATALOG_SKU_TAKEN: 409,
      CATALOG_STOCK_NEGATIVE: 409,
      CATALOG_PHOTO_LIMIT: 409,
      CATALOG_PHOTO_TOO_LARGE: 413,
      CATALOG_PHOTO_TYPE: 422,
    }) as Record<string, Status>
  )[code] ?? 422;

/** Notices a redirect may carry; only these keys are shown, never text from the URL. */
const NOTICES = {
  dinilai_ulang: 'catalog.review.back',
  foto_dihapus: 'catalog.photo.deleted',
  foto_dipindah: 'catalog.photo.moved',
} as const;
export type NoticeKey = keyof typeof NOTICES;

/** The redirect target after an edit: back-to-review wins over the edit's own notice. */
export function afterEdit(
  productId: string,
  outcome: EditOutcome,
  notice: NoticeKey | null,
  anchor: string,
): string {
  const key = outcome.backToReview ? 'dinilai_ulang' : notice;
  return `/jual/produk/${productId}${key ? `?catatan=${key}` : ''}#${anchor}`;
}

export function noticeOf(c: C): string | undefined {
  const key = c.req.query('catatan');
  return key && key in NOTICES ? t(c.get('locale'), NOTICES[key as NoticeKey]) : undefined;
}

export async function manage(
  c: C,
  productId: string,
  o: {
    errors?: ManageErrors;
    raw?: Record<string, string>;
    notice?: string;
    status?: Status;
    step2?: boolean;
  } = {},
) {
  const actor = requireRole(c, 'seller', 'community_manager');
  const m = await productForActor(c.get('deps').h.db, actor, productId);
  if (!m) throw new AppError('CATALOG_PRODUCT_NOT_FOUND');
  return page(
    c,
    { title: m.product.title, status: o.status },
    <ManageProduct c={c} m={m} errors={o.errors} raw={o.raw} notice={o.notice} step2={o.step2} />,
  );
}
