import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// Migration names start with 11xx so the whole app's migrations sort by domain.
export const collectiveMigrations: Migrations = {
  '1101_collective_cycles': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('cycles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('opens_at', 'text', (c) => c.notNull())
        .addColumn('closes_at', 'text', (c) => c.notNull())
        .addColumn('repeat', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('order_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('previous_id', 'text', (c) => c.unique())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addCheckConstraint('cycles_window', sql`closes_at > opens_at`)
        .execute();
      await db.schema
        .createIndex('cycles_org')
        .on('cycles')
        .columns(['organisation_id', 'opens_at'])
        .execute();
      await db.schema
        .createTable('cycle_products')
        .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
        .addColumn('variant_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('umkm_id', 'text', (c) => c.notNull())
        .addColumn('price', 'integer', (c) => c.notNull().check(sql`price > 0`))
        .addColumn('list_price', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('cycle_products_pk', ['cycle_id', 'variant_id'])
        .execute();
      await db.schema
        .createTable('cycle_points')
        .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('pickup_date', 'text', (c) => c.notNull())
        .addColumn('pickup_from', 'text', (c) => c.notNull())
        .addColumn('pickup_to', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cycle_points_pk', ['cycle_id', 'service_point_id'])
        .execute();
      await db.schema
        .createTable('cycle_orders')
        .addColumn('order_id', 'text', (c) => c.primaryKey())
        .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('placed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('cycle_orders_cycle')
        .on('cycle_orders')
        .columns(['cycle_id', 'service_point_id'])
        .execute();
      await db.schema
        .createTable('cycle_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('orders', 'integer', (c) => c.notNull())
        .addColumn('items', 'integer', (c) => c.notNull())
        .addColumn('weight_grams', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('cycle_runs_point', ['cycle_id', 'service_point_id'])
        .execute();
      await db.schema
        .createTable('collective_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('collective_outbox_entity')
        .on('collective_outbox')
        .columns(['entity_id', 'at'])
        .execute();
    },
  },
  '1102_collective_group_buys': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('group_buys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text')
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('variant_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('umkm_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('unit_label', 'text', (c) => c.notNull())
        .addColumn('list_price', 'integer', (c) => c.notNull())
        .addColumn('minimum_qty', 'integer', (c) => c.notNull().check(sql`minimum_qty > 0`))
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('committed_qty', 'integer', (c) =>
          c.notNull().defaultTo(0).check(sql`committed_qty >= 0`),
        )
        .addColumn('final_price', 'integer')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('settled_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('group_buys_point')
        .on('group_buys')
        .columns(['service_point_id', 'deadline'])
        .execute();
      await db.schema
        .createIndex('group_buys_village')
        .on('group_buys')
        .columns(['village_code', 'deadline'])
        .execute();
      await db.schema
        .createTable('group_buy_tiers')
        .addColumn('group_buy_id', 'text', (c) => c.notNull().references('group_buys.id'))
        .addColumn('min_qty', 'integer', (c) => c.notNull().check(sql`min_qty > 0`))
        .addColumn('price', 'integer', (c) => c.notNull().check(sql`price > 0`))
        .addPrimaryKeyConstraint('group_buy_tiers_pk', ['group_buy_id', 'min_qty'])
        .execute();
      await db.schema
        .createTable('group_buy_commitments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('group_buy_id', 'text', (c) => c.notNull().references('group_buys.id'))
        .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
        .addColumn('buyer_name', 'text', (c) => c.notNull())
        .addColumn('buyer_phone', 'text')
        .addColumn('buyer_user_id', 'text')
        .addColumn('agent_user_id', 'text')
        .addColumn('consent_at', 'text')
        .addColumn('payment_method', 'text', (c) => c.notNull())
        .addColumn('seen_price', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('group_buy_commitments_gb')
        .on('group_buy_commitments')
        .columns(['group_buy_id', 'status'])
        .execute();
    },
  },
  '1103_collective_standing_orders': {
    async up(db: Kysely<any>) {
      // A series (a cycle and the successors it repeats into) is what a standing order follows.
      await db.schema.alterTable('cycles').addColumn('series_id', 'text').execute();
      await sql`update cycles set series_id = id where previous_id is null`.execute(db);
      // Successors inherit their series; a chain is at most as long as the cycles made so far.
      for (let i = 0; i < 1000; i++) {
        const r = await sql`update cycles set series_id = (select p.series_id from cycles p
          where p.id = cycles.previous_id) where series_id is null and exists (select 1 from
          cycles p where p.id = cycles.previous_id and p.series_id is not null)`.execute(db);
        if (!Number(r.numAffectedRows ?? 0)) break;
      }
      await db.schema.createIndex('cycles_series').on('cycles').columns(['series_id']).execute();
      await db.schema
        .createTable('standing_orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('series_id', 'text', (c) => c.notNull())
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('buyer_name', 'text', (c) => c.notNull())
        .addColumn('buyer_phone', 'text')
        .addColumn('buyer_user_id', 'text')
        .addColumn('agent_user_id', 'text')
        .addColumn('consent_at', 'text')
        .addColumn('payment_method', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('skip_next', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint(
          'standing_orders_owner',
          sql`buyer_user_id is not null or agent_user_id is not null`,
        )
        .execute();
      await db.schema
        .createIndex('standing_orders_series')
        .on('standing_orders')
        .columns(['series_id', 'status'])
        .execute();
      await db.schema
        .createIndex('standing_orders_buyer')
        .on('standing_orders')
        .columns(['buyer_user_id'])
        .execute();
      await db.schema
        .createIndex('standing_orders_agent')
        .on('standing_orders')
        .columns(['agent_user_id'])
        .execute();
      await db.schema
        .createTable('standing_order_lines')
        .addColumn('standing_order_id', 'text', (c) => c.notNull().references('standing_orders.id'))
        .addColumn('variant_id', 'text', (c) => c.notNull())
        .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
        .addPrimaryKeyConstraint('standing_order_lines_pk', ['standing_order_id', 'variant_id'])
        .execute();
      // One row per standing order and cycle: the primary key makes placement exactly once.
      await db.schema
        .createTable('standing_order_runs')
        .addColumn('standing_order_id', 'text', (c) => c.notNull().references('standing_orders.id'))
        .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text')
        .addColumn('notices', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('standing_order_runs_pk', ['standing_order_id', 'cycle_id'])
        .execute();
    },
  },
  // Cycle runs enter the logistics network: a cycle names the point its goods are gathered at
  // (the coordinator's own point by default) and each run keeps the one parcel made for it.
  '1104_collective_run_parcels': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('cycles').addColumn('collection_point_id', 'text').execute();
      await db.schema.alterTable('cycle_runs').addColumn('parcel_id', 'text').execute();
      await db.schema.alterTable('cycle_runs').addColumn('tracking_number', 'text').execute();
    },
  },
};
