// Where catalog's audited entities lie, for regional readers of the audit trail: a product by
// the village of its UMKM (copied onto the product), a variant by its product's.
import type { AuditScopeResolver } from '../../kernel/audit/index.js';

export const catalogAuditScopes: Record<string, AuditScopeResolver> = {
  product: async (db, ids) => {
    if (!ids.length) return new Map();
    const rows = await db
      .selectFrom('products')
      .select(['id', 'village_code'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.village_code]));
  },
  variant: async (db, ids) => {
    if (!ids.length) return new Map();
    const rows = await db
      .selectFrom('variants')
      .innerJoin('products', 'products.id', 'variants.product_id')
      .select(['variants.id as id', 'products.village_code as village_code'])
      .where('variants.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.village_code]));
  },
};
