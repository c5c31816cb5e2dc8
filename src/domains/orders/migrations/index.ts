import { sql, type Kysely } from 'kysely';
import { isPostgres, type Migrations } from '../../../kernel/db/index.js';
import { groupsOutboxMigrations } from './groups-outbox.js';
import { paymentsMigrations0612 } from './payments-0612.js';
import { assistedMigrations0620 } from './assisted-0620.js';
import { dropSellerLedgerMigrations0630 } from './drop-seller-ledger-0630.js';
import { villagePrefixMigrations0640 } from './village-prefix-0640.js';
import { placedAtMigrations0641 } from './placed-at-0641.js';
import { partialIndexMigrations0642 } from './partial-0642.js';
import { linesIndexMigrations0643 } from './lines-index-0643.js';

// Migration names start with 06xx so the whole app's migrations sort by domain.
export const ordersMigrations: Migrations = {
  '0601_orders': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('seq', 'integer', (c) => c.notNull().unique())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('umkm_id', 'text', (c) => c.notNull().references('umkm.id'))
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('buyer_name', 'text', (c) => c.notNull())
        .addColumn('buyer_phone', 'text')
        .addColumn('buyer_user_id', 'text')
        .addColumn('delivery_kind', 'text', (c) => c.notNull())
        .addColumn('delivery_village_code', 'text', (c) => c.notNull())
        .addColumn('delivery_address', 'text')
        .addColumn('service_point_id', 'text')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text')
        .addColumn('agent_user_id', 'text')
        .addColumn('agent_service_point_id', 'text')
        .addColumn('consent_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('payment_status', 'text', (c) => c.notNull())
        .addColumn('fulfilment_status', 'text', (c) => c.notNull())
        .addColumn('payment_method', 'text', (c) => c.notNull())
        .addColumn('items_total', 'integer', (c) => c.notNull().check(sql`items_total > 0`))
        .addColumn('shipping', 'integer', (c) => c.notNull().check(sql`shipping >= 0`))
        .addColumn('platform_fee', 'integer', (c) => c.notNull())
        .addColumn('agent_commission', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('seller_share', 'integer', (c) => c.notNull())
        .addColumn('reserved_until', 'text')
        .addColumn('placed_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // PostgreSQL hands out order numbers from a sequence (concurrent checkouts); SQLite has one
      // writer at a time and takes max(seq) + 1 inside the checkout transaction.
      if (isPostgres(db)) await sql`create sequence order_number_seq`.execute(db);
      await db.schema.createIndex('orders_group').on('orders').column('group_id').execute();
      await db.schema
        .createIndex('orders_umkm')
        .on('orders')
        .columns(['umkm_id', 'placed_at'])
        .execute();
      await db.schema
        .createIndex('orders_village')
        .on('orders')
        .columns(['village_code', 'placed_at'])
        .execute();
      await db.schema
        .createIndex('orders_buyer')
        .on('orders')
        .columns(['buyer_user_id', 'placed_at'])
        .execute();
      await db.schema
        .createIndex('orders_point')
        .on('orders')
        .columns(['service_point_id', 'fulfilment_status'])
        .execute();
      await db.schema
        .createIndex('orders_agent')
        .on('orders')
        .columns(['agent_user_id', 'placed_at'])
        .execute();
      await db.schema
        .createIndex('orders_reserved')
        .on('orders')
        .column('reserved_until')
        .execute();
      await db.schema
        .createTable('order_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('variant_id', 'text', (c) => c.notNull().references('variants.id'))
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('variant_label', 'text', (c) => c.notNull())
        .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
        .addColumn('unit_price', 'integer', (c) => c.notNull().check(sql`unit_price > 0`))
        .addColumn('weight_grams', 'integer', (c) => c.notNull())
        .addColumn('line_total', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('order_lines_order')
        .on('order_lines')
        .column('order_id')
        .execute();
      await db.schema
        .createIndex('order_lines_variant')
        .on('order_lines')
        .column('variant_id')
        .execute();
      await db.schema
        .createTable('carts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('cart_lines')
        .addColumn('cart_id', 'text', (c) => c.notNull().references('carts.id').onDelete('cascade'))
        .addColumn('variant_id', 'text', (c) => c.notNull().references('variants.id'))
        .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cart_lines_pk', ['cart_id', 'variant_id'])
        .execute();
      await db.schema
        .createTable('payments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
        .addColumn('unique_code', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('matched_by', 'text')
        .addColumn('provider', 'text')
        .addColumn('provider_ref', 'text')
        .addColumn('collected_by', 'text')
        .addColumn('service_point_id', 'text')
        .addColumn('paid_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('payments_group_method')
        .on('payments')
        .columns(['group_id', 'method'])
        .unique()
        .execute();
      // Two open transfers never share an amount, so a statement line names one payment.
      await db.schema
        .createIndex('payments_open_amount')
        .on('payments')
        .column('amount')
        .unique()
        .where(sql.ref('status'), '=', 'pending')
        .where(sql.ref('method'), '=', 'transfer')
        .execute();
      await db.schema
        .createIndex('payments_collector')
        .on('payments')
        .columns(['collected_by', 'paid_at'])
        .execute();
      await db.schema
        .createTable('bank_statement_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
        .addColumn('booked_on', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('payment_id', 'text')
        .addColumn('imported_by', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('cash_handovers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('agent_user_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('declared_amount', 'integer', (c) =>
          c.notNull().check(sql`declared_amount >= 0`),
        )
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('cash_handovers_day')
        .on('cash_handovers')
        .columns(['service_point_id', 'day'])
        .execute();
      await db.schema
        .createTable('settlements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('lines', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('seller_ledger')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('umkm_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('settlement_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('seller_ledger_umkm')
        .on('seller_ledger')
        .columns(['umkm_id', 'at'])
        .execute();
      // An order earns (and is reversed) at most once.
      await db.schema
        .createIndex('seller_ledger_order_kind')
        .on('seller_ledger')
        .columns(['order_id', 'kind'])
        .unique()
        .where(sql.ref('kind'), '<>', 'settlement')
        .execute();
      await db.schema
        .createTable('agent_commissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('agent_user_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('agent_commissions_agent')
        .on('agent_commissions')
        .columns(['agent_user_id', 'at'])
        .execute();
      await db.schema
        .createIndex('agent_commissions_order_kind')
        .on('agent_commissions')
        .columns(['order_id', 'kind'])
        .unique()
        .execute();
    },
  },
  ...groupsOutboxMigrations,
  ...paymentsMigrations0612,
  ...assistedMigrations0620,
  ...dropSellerLedgerMigrations0630,
  ...villagePrefixMigrations0640,
  ...placedAtMigrations0641,
  ...partialIndexMigrations0642,
  ...linesIndexMigrations0643,
};
