import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// Migration names start with 05xx so the whole app's migrations sort by domain.
export const innovationMigrations: Migrations = {
  '0501_innovation_reviews': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
        .addColumn('umkm_id', 'text', (c) => c.notNull())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
        .addColumn('state', 'text', (c) =>
          c.notNull().check(sql`state in ('open', 'passed', 'changes_requested', 'withdrawn')`),
        )
        .addColumn('submitted_by', 'text')
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('reviewer_id', 'text')
        .addColumn('score', 'integer', (c) => c.check(sql`score between 0 and 100`))
        .addColumn('completed_at', 'text')
        .addUniqueConstraint('reviews_product_round', ['product_id', 'round'])
        .execute();
      await db.schema
        .createIndex('reviews_queue')
        .on('reviews')
        .columns(['state', 'submitted_at'])
        .execute();
      await db.schema
        .createIndex('reviews_village')
        .on('reviews')
        .columns(['village_code'])
        .execute();
      await db.schema
        .createTable('review_items')
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('passed', 'integer', (c) => c.notNull().check(sql`passed in (0, 1)`))
        .addColumn('comment', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('review_items_pk', ['review_id', 'item_key'])
        .execute();
      await db.schema
        .createTable('improvement_tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('umkm_id', 'text', (c) => c.notNull())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('title_key', 'text')
        .addColumn('title', 'text')
        .addColumn('mentor_user_id', 'text')
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'done')`))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text')
        .execute();
      await db.schema
        .createIndex('improvement_tasks_umkm')
        .on('improvement_tasks')
        .columns(['umkm_id', 'status'])
        .execute();
      await db.schema
        .createIndex('improvement_tasks_village')
        .on('improvement_tasks')
        .columns(['village_code', 'status'])
        .execute();
      await db.schema
        .createIndex('improvement_tasks_mentor')
        .on('improvement_tasks')
        .columns(['mentor_user_id'])
        .execute();
      await db.schema
        .createTable('improvement_task_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('task_id', 'text', (c) => c.notNull().references('improvement_tasks.id'))
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('improvement_task_events_task')
        .on('improvement_task_events')
        .columns(['task_id', 'at'])
        .execute();
      await db.schema
        .createTable('value_add_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
        .addColumn('umkm_id', 'text', (c) => c.notNull())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('weight_grams', 'integer', (c) => c.check(sql`weight_grams > 0`))
        .addColumn('raw_cost_before', 'integer', (c) =>
          c.notNull().check(sql`raw_cost_before >= 0`),
        )
        .addColumn('price_before', 'integer', (c) => c.notNull().check(sql`price_before >= 0`))
        .addColumn('raw_cost_after', 'integer', (c) => c.notNull().check(sql`raw_cost_after >= 0`))
        .addColumn('price_after', 'integer', (c) => c.notNull().check(sql`price_after >= 0`))
        .addColumn('value_added_per_kg', 'integer')
        .addColumn('note', 'text')
        .addColumn('recorded_by', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('value_add_records_product')
        .on('value_add_records')
        .columns(['product_id', 'recorded_at'])
        .execute();
    },
  },
  '0502_innovation_reopened_items': {
    // A round opened by the seller's edit of a market-ready product names the checklist items
    // the edit touched, so the reviewer knows what to look at again.
    async up(db: Kysely<any>) {
      await db.schema.alterTable('reviews').addColumn('reopened_items', 'text').execute();
    },
  },
};
