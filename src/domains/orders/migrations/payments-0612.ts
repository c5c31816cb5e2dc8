import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// Payments gain a short reference (what a QRIS code and a transfer remark carry) and the
// exceptions table (money that arrived for a group whose reservation had already run out).
export const paymentsMigrations0612: Migrations = {
  '0612_payment_reference': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('payments').addColumn('reference', 'text').execute();
      // Existing transfer/QRIS payments take the last 10 characters of their id: the random
      // part of a ULID-like id (50 bits), so the unique index below holds for old rows too.
      await sql`update payments set reference = 'LMB' || substr(id, length(id) - 9, 10) where method in ('transfer', 'qris')`.execute(
        db,
      );
      await db.schema
        .createIndex('payments_reference')
        .on('payments')
        .column('reference')
        .unique()
        .execute();
    },
  },
  '0613_payment_exceptions': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('payment_exceptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_ref', 'text', (c) => c.notNull())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('resolution_group_id', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('resolved_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // One exception per arrival: a provider retry or a re-imported line adds nothing.
      await db.schema
        .createIndex('payment_exceptions_source')
        .on('payment_exceptions')
        .columns(['source', 'source_ref'])
        .unique()
        .execute();
      await db.schema
        .createIndex('payment_exceptions_open')
        .on('payment_exceptions')
        .columns(['status', 'village_code'])
        .execute();
    },
  },
};
