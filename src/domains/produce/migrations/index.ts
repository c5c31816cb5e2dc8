import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// Migration names start with 15xx so the whole app's migrations sort by domain. Money columns
// are bigint (a lot's proceeds can pass 2^31 rupiah); the kernel parses int8 back to numbers.
export const produceMigrations: Migrations = {
  '1501_produce': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('produce_producers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('full_name', 'text')
        .addColumn('phone', 'text')
        .addColumn('consent_id', 'text', (c) => c.notNull())
        .addColumn('erased_at', 'text')
        .addColumn('created_by', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('produce_producers_org')
        .on('produce_producers')
        .columns(['organisation_id'])
        .execute();
      await db.schema
        .createTable('produce_plots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('producer_id', 'text', (c) => c.notNull().references('produce_producers.id'))
        .addColumn('commodity', 'text', (c) => c.notNull())
        .addColumn('area_m2', 'integer', (c) => c.check(sql`area_m2 > 0`))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('produce_plots_producer')
        .on('produce_plots')
        .columns(['producer_id'])
        .execute();
      await db.schema
        .createTable('produce_price_bases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('commodity', 'text', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('valid_to', 'text', (c) => c.notNull())
        .addColumn('price_per_kg', 'bigint', (c) => c.notNull().check(sql`price_per_kg > 0`))
        .addColumn('trader_price_per_kg', 'bigint', (c) => c.check(sql`trader_price_per_kg > 0`))
        .addColumn('set_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('produce_price_period', sql`valid_to >= valid_from`)
        .addUniqueConstraint('produce_price_once', [
          'organisation_id',
          'commodity',
          'grade',
          'valid_from',
        ])
        .execute();
      await db.schema
        .createTable('produce_intakes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('service_point_id', 'text')
        .addColumn('producer_id', 'text', (c) => c.notNull().references('produce_producers.id'))
        .addColumn('commodity', 'text', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('gross_g', 'integer', (c) => c.notNull().check(sql`gross_g > 0`))
        .addColumn('tare_g', 'integer', (c) => c.notNull().check(sql`tare_g >= 0`))
        .addColumn('net_g', 'integer', (c) => c.notNull())
        .addColumn('moisture_permille', 'integer', (c) =>
          c.notNull().check(sql`moisture_permille between 0 and 1000`),
        )
        .addColumn('measure', 'integer', (c) => c.check(sql`measure >= 0`))
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addColumn('received_by', 'text')
        .addColumn('advance', 'bigint', (c) => c.notNull().check(sql`advance >= 0`))
        .addColumn('corrects_id', 'text', (c) => c.unique().references('produce_intakes.id'))
        .addColumn('correction_reason', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('produce_intake_net', sql`net_g = gross_g - tare_g and net_g > 0`)
        .execute();
      await db.schema
        .createIndex('produce_intakes_org')
        .on('produce_intakes')
        .columns(['organisation_id', 'received_on'])
        .execute();
      await db.schema
        .createIndex('produce_intakes_producer')
        .on('produce_intakes')
        .columns(['producer_id'])
        .execute();
      await db.schema
        .createTable('produce_lots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('commodity', 'text', (c) => c.notNull())
        .addColumn('pool', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('open', 'sold', 'settled', 'paid', 'split', 'merged')`),
        )
        .addColumn('weight_g', 'integer', (c) => c.notNull().check(sql`weight_g > 0`))
        .addColumn('created_by', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('produce_lots_org')
        .on('produce_lots')
        .columns(['organisation_id', 'status'])
        .execute();
      await db.schema
        .createTable('produce_lot_contributions')
        .addColumn('lot_id', 'text', (c) => c.notNull().references('produce_lots.id'))
        .addColumn('intake_id', 'text', (c) => c.notNull().references('produce_intakes.id'))
        .addColumn('producer_id', 'text', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('net_g', 'integer', (c) => c.notNull().check(sql`net_g > 0`))
        .addPrimaryKeyConstraint('produce_lot_contributions_pk', ['lot_id', 'intake_id'])
        .execute();
      await db.schema
        .createIndex('produce_lot_contributions_intake')
        .on('produce_lot_contributions')
        .columns(['intake_id'])
        .execute();
      // An intake is pooled once: the first lot claims it (splits and merges move its grams on
      // through contributions, never through a second claim).
      await db.schema
        .createTable('produce_intake_pools')
        .addColumn('intake_id', 'text', (c) => c.primaryKey().references('produce_intakes.id'))
        .addColumn('lot_id', 'text', (c) => c.notNull().references('produce_lots.id'))
        .execute();
      await db.schema
        .createTable('produce_lot_links')
        .addColumn('from_lot_id', 'text', (c) => c.notNull().references('produce_lots.id'))
        .addColumn('to_lot_id', 'text', (c) => c.notNull().references('produce_lots.id'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('split', 'merge')`))
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('produce_lot_links_pk', ['from_lot_id', 'to_lot_id'])
        .execute();
      await db.schema
        .createTable('produce_lot_losses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('lot_id', 'text', (c) => c.notNull().references('produce_lots.id'))
        .addColumn('stage', 'text', (c) =>
          c.notNull().check(sql`stage in ('drying', 'hulling', 'sorting', 'other')`),
        )
        .addColumn('weight_before_g', 'integer', (c) => c.notNull())
        .addColumn('weight_after_g', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addCheckConstraint(
          'produce_loss_weights',
          sql`weight_after_g > 0 and weight_after_g < weight_before_g`,
        )
        .execute();
      await db.schema
        .createTable('produce_lot_sales')
        .addColumn('lot_id', 'text', (c) => c.primaryKey().references('produce_lots.id'))
        .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('trader')`))
        .addColumn('buyer_name', 'text', (c) => c.notNull())
        .addColumn('price_total', 'bigint', (c) => c.notNull().check(sql`price_total > 0`))
        .addColumn('documents', 'text')
        .addColumn('sold_on', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('produce_settlements')
        .addColumn('lot_id', 'text', (c) => c.primaryKey().references('produce_lots.id'))
        .addColumn('proceeds', 'bigint', (c) => c.notNull().check(sql`proceeds > 0`))
        .addColumn('margin_bp', 'integer', (c) =>
          c.notNull().check(sql`margin_bp between 0 and 10000`),
        )
        .addColumn('margin_amount', 'bigint', (c) => c.notNull().check(sql`margin_amount >= 0`))
        .addColumn('processing_cost', 'bigint', (c) => c.notNull().check(sql`processing_cost >= 0`))
        .addColumn('logistics_cost', 'bigint', (c) => c.notNull().check(sql`logistics_cost >= 0`))
        .addColumn('platform_fee', 'bigint', (c) => c.notNull().check(sql`platform_fee >= 0`))
        .addColumn('distributable', 'bigint', (c) => c.notNull().check(sql`distributable >= 0`))
        .addColumn('settled_by', 'text')
        .addColumn('settled_at', 'text', (c) => c.notNull())
        .addCheckConstraint(
          'produce_settlement_sum',
          sql`distributable = proceeds - margin_amount - processing_cost - logistics_cost - platform_fee`,
        )
        .execute();
      await db.schema
        .createTable('produce_statements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('lot_id', 'text', (c) => c.notNull().references('produce_lots.id'))
        .addColumn('producer_id', 'text', (c) => c.notNull().references('produce_producers.id'))
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) =>
          c.notNull().check(sql`kind in ('original', 'correction')`),
        )
        .addColumn('total', 'bigint', (c) => c.notNull())
        .addColumn('paid_amount', 'bigint', (c) => c.notNull().check(sql`paid_amount >= 0`))
        .addColumn('issued_by', 'text')
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .execute();
      // One original statement per farmer and lot: paying twice fails here even if a check is missed.
      await db.schema
        .createIndex('produce_statements_original')
        .on('produce_statements')
        .columns(['lot_id', 'producer_id'])
        .unique()
        .where(sql.ref('kind'), '=', 'original')
        .execute();
      await db.schema
        .createIndex('produce_statements_producer')
        .on('produce_statements')
        .columns(['producer_id'])
        .execute();
      await db.schema
        .createTable('produce_statement_lines')
        .addColumn('statement_id', 'text', (c) => c.notNull().references('produce_statements.id'))
        .addColumn('line_no', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) =>
          c.notNull().check(sql`kind in ('share', 'advance', 'correction')`),
        )
        .addColumn('grade', 'text')
        .addColumn('net_g', 'integer')
        .addColumn('factor_permille', 'integer')
        .addColumn('price_per_kg', 'bigint')
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('produce_statement_lines_pk', ['statement_id', 'line_no'])
        .execute();
      await db.schema
        .createTable('produce_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('produce_outbox_entity')
        .on('produce_outbox')
        .columns(['entity_id'])
        .execute();
    },
  },
  // A lot offered through the catalogue: the koperasi's own UMKM sells it as one variant of one
  // product, reviewed like any other. One listing per lot (the primary key).
  '1502_produce_lot_listings': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('produce_lot_listings')
        .addColumn('lot_id', 'text', (c) => c.primaryKey().references('produce_lots.id'))
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('umkm_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull().unique())
        .addColumn('variant_id', 'text', (c) => c.notNull().unique())
        .addColumn('pack_g', 'integer', (c) => c.notNull().check(sql`pack_g > 0`))
        .addColumn('price_per_pack', 'bigint', (c) => c.notNull().check(sql`price_per_pack > 0`))
        .addColumn('packs', 'integer', (c) => c.notNull().check(sql`packs > 0`))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // Catalogue orders of a listed lot, one row per order and variant (a replayed order event
  // records once); a cancelled, refunded or returned order is reversed, never deleted. A listing
  // is closed (stock 0) when its lot is split, merged, sold to a trader or settled. A
  // settlement names where its proceeds came from: a trader, or the UMKM's catalogue orders.
  '1503_produce_lot_order_sales': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('produce_lot_order_sales')
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('variant_id', 'text', (c) => c.notNull())
        .addColumn('lot_id', 'text', (c) => c.notNull().references('produce_lots.id'))
        .addColumn('umkm_id', 'text', (c) => c.notNull())
        .addColumn('packs', 'integer', (c) => c.notNull().check(sql`packs > 0`))
        .addColumn('grams', 'bigint', (c) => c.notNull().check(sql`grams > 0`))
        .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
        .addColumn('umkm_share', 'bigint', (c) => c.notNull().check(sql`umkm_share >= 0`))
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .addColumn('reversed_at', 'text')
        .addPrimaryKeyConstraint('produce_lot_order_sales_pk', ['order_id', 'variant_id'])
        .execute();
      await db.schema
        .createIndex('produce_lot_order_sales_lot')
        .on('produce_lot_order_sales')
        .columns(['lot_id'])
        .execute();
      await db.schema.alterTable('produce_lot_listings').addColumn('closed_at', 'text').execute();
      await db.schema
        .alterTable('produce_lot_listings')
        .addColumn('closed_reason', 'text')
        .execute();
      await db.schema
        .alterTable('produce_settlements')
        .addColumn('source', 'text', (c) => c.notNull().defaultTo('trader'))
        .execute();
    },
  },
};
