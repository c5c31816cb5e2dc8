// Request bodies of the seller's product API: camelCase (one convention for /api/v1) over the
// same field rules as the seller's phone forms, which keep snake_case names. Each input lists
// its fields and maps them to the service's input; unknown fields are refused.
import { z } from '@hono/zod-openapi';
import {
  productDetailsSchema,
  variantSchema,
  type ProductDetailsInput,
  type VariantInput,
} from './products.schema.js';

const V = variantSchema.shape;
export const VariantIn = z
  .object({
    label: V.label,
    price: V.price,
    weightGrams: V.weight_grams,
    sku: V.sku,
    stock: V.stock,
  })
  .strict()
  .openapi('SellerVariantIn');
export const variantInput = (v: z.infer<typeof VariantIn>): VariantInput => ({
  label: v.label,
  price: v.price,
  weight_grams: v.weightGrams,
  sku: v.sku,
  stock: v.stock,
});

const P = productDetailsSchema.shape;
const details = {
  title: P.title,
  description: P.description,
  descriptionEn: P.description_en,
  category: P.category,
};
export const ProductDetailsIn = z.object(details).strict().openapi('ProductDetailsIn');
export const productDetailsInput = (v: z.infer<typeof ProductDetailsIn>): ProductDetailsInput => ({
  title: v.title,
  description: v.description,
  description_en: v.descriptionEn,
  category: v.category,
});

export const NewProductIn = z
  .object({
    ...details,
    umkmId: z.string().max(64).optional().openapi({
      description: 'Which of your UMKM (a community manager names one; a seller may leave it out)',
    }),
    variants: z.array(VariantIn).min(1).max(20),
  })
  .strict()
  .openapi('NewProductIn');
