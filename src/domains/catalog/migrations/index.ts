import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

export const catalogMigrations: Migrations = {
  '0401_catalog': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('products')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('umkm_id', 'text', (c) => c.notNull().references('umkm.id'))
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('description_en', 'text')
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('listed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('listing_state', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('products_umkm').on('products').column('umkm_id').execute();
      await db.schema.createIndex('products_listed').on('products').columns(['listed', 'category']).execute();
      await db.schema.createIndex('products_village').on('products').column('village_code').execute();
      await db.schema
        .createTable('variants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('sku', 'text', (c) => c.notNull().unique())
        .addColumn('price', 'integer', (c) => c.notNull().check(sql`price > 0`))
        .addColumn('weight_grams', 'integer', (c) => c.notNull().check(sql`weight_grams > 0`))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('variants_product').on('variants').column('product_id').execute();
      await db.schema
        .createTable('stock')
        .addColumn('variant_id', 'text', (c) => c.primaryKey().references('variants.id'))
        .addColumn('location_kind', 'text', (c) => c.notNull())
        .addColumn('location_id', 'text', (c) => c.notNull())
        .addColumn('available', 'integer', (c) => c.notNull().check(sql`available >= 0`))
        .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0).check(sql`reserved >= 0`))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('stock_ledger')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('variant_id', 'text', (c) => c.notNull().references('variants.id'))
        .addColumn('delta_available', 'integer', (c) => c.notNull())
        .addColumn('delta_reserved', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('ref', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('stock_ledger_variant').on('stock_ledger').columns(['variant_id', 'at']).execute();
      await db.schema
        .createTable('photos')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
        .addColumn('alt', 'text', (c) => c.notNull())
        .addColumn('path_stem', 'text', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('photos_product').on('photos').column('product_id').execute();
    },
  },
};
