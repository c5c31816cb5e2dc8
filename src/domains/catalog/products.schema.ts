// Inputs of the catalog domain. Forms arrive as strings, so numbers are coerced; the API
// sends JSON numbers through the same rules. HTML in text is allowed as text: it is stored
// as typed and always shown escaped.
import { z } from 'zod';
import { CATEGORY_SLUGS } from './taxonomy.js';
import { REGION_RE } from './search/index.js';

export const MAX_PRICE = 1_000_000_000;
export const MAX_WEIGHT_GRAMS = 1_000_000;
export const MAX_STOCK = 1_000_000;

const int = (min: number, max: number, message: string) =>
  z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });

export const priceSchema = int(1, MAX_PRICE, 'catalog.v.price');
export const weightSchema = int(1, MAX_WEIGHT_GRAMS, 'catalog.v.weight');
export const stockSchema = int(0, MAX_STOCK, 'catalog.v.stock');
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));
const skuSchema = z
  .string()
  .trim()
  .max(40, { message: 'catalog.v.sku' })
  .regex(/^[A-Za-z0-9._-]*$/, { message: 'catalog.v.sku' })
  .optional()
  .transform((v) => (v ? v.toUpperCase() : null));
const categorySchema = z.enum(CATEGORY_SLUGS, { message: 'catalog.v.category' });

export const variantSchema = z.object({
  label: text(1, 60),
  price: priceSchema,
  weight_grams: weightSchema,
  sku: skuSchema,
  stock: stockSchema.optional().default(0),
});
export type VariantInput = z.infer<typeof variantSchema>;

export const productDetailsSchema = z.object({
  title: text(3, 120),
  description: text(10, 4000),
  description_en: optionalText(4000),
  category: categorySchema,
});
export type ProductDetailsInput = z.infer<typeof productDetailsSchema>;

/** Step 1 of the phone form: details and the first variant as flat fields. */
export const newProductFormSchema = productDetailsSchema.extend({
  umkm_id: z.string().trim().max(64).optional().default(''),
  variant_label: text(1, 60),
  price: priceSchema,
  weight_grams: weightSchema,
  sku: skuSchema,
  stock: stockSchema,
});

export const variantFormSchema = variantSchema.extend({ stock: stockSchema.optional().default(0) });
export const variantEditSchema = z.object({
  label: text(1, 60),
  price: priceSchema,
  weight_grams: weightSchema,
});

export const STOCK_REASONS = ['restock', 'correction', 'return'] as const;
export const stockChangeSchema = z.object({
  delta: z.coerce
    .number({ message: 'catalog.v.delta' })
    .int({ message: 'catalog.v.delta' })
    .min(-MAX_STOCK, { message: 'catalog.v.delta' })
    .max(MAX_STOCK, { message: 'catalog.v.delta' })
    .refine((n) => n !== 0, { message: 'catalog.v.delta' }),
  reason: z.enum(STOCK_REASONS),
});

export const photoFormSchema = z.object({
  alt: z
    .string()
    .trim()
    .min(3, { message: 'catalog.v.alt' })
    .max(150, { message: 'catalog.v.alt' }),
  photo: z.any(),
});

const optionalRupiah = z
  .preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(0).max(MAX_PRICE).optional(),
  )
  .catch(undefined);

/** Query of /cari, /kategori and GET /api/v1/products. Bad filter values are dropped, never an error page. */
export const searchQuerySchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  category: z.string().max(40).optional().catch(undefined),
  region: z.string().regex(REGION_RE).optional().catch(undefined),
  min: optionalRupiah,
  max: optionalRupiah,
  halal: z.enum(['1']).optional().catch(undefined),
  stok: z.enum(['1']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(50).optional().catch(undefined),
});
