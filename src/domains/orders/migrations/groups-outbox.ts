import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// Issue 13: a checkout group is claimed once (nobody joins another checkout's group), and every
// order transition lands in one outbox table in the transaction that made it.
export const groupsOutboxMigrations: Migrations = {
  '0610_order_groups': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('order_groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // Groups placed before this migration are claimed by the checkout that made them.
      await sql`insert into order_groups (id, created_at) select group_id, min(placed_at) from orders group by group_id`.execute(
        db,
      );
    },
  },
  '0611_order_outbox': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('order_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('order_outbox_order')
        .on('order_outbox')
        .columns(['order_id', 'at'])
        .execute();
    },
  },
};
