import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// Migration names start with 09xx so the whole app's migrations sort by domain.
export const partnersMigrations: Migrations = {
  '0901_partners': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('partners')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('webhook_url', 'text')
        .addColumn('webhook_secret', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('partnerships')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
        .addColumn('umkm_id', 'text', (c) => c.references('umkm.id'))
        .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('commission_bps', 'integer', (c) =>
          c.notNull().check(sql`commission_bps >= 0 and commission_bps <= 5000`),
        )
        .addColumn('ships_by', 'text', (c) => c.notNull())
        .addColumn('terms', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('offered_at', 'text', (c) => c.notNull())
        .addColumn('offered_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text')
        .execute();
      await db.schema
        .createIndex('partnerships_partner')
        .on('partnerships')
        .columns(['partner_id', 'status'])
        .execute();
      await db.schema
        .createIndex('partnerships_village')
        .on('partnerships')
        .column('village_code')
        .execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_partner')
        .on('webhook_deliveries')
        .columns(['partner_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('incentive_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('scope_code', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount >= 0`))
        .addColumn('count', 'integer')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('incentive_rules_period')
        .on('incentive_rules')
        .columns(['period', 'scope_code'])
        .execute();
      await db.schema
        .createTable('incentive_statements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('scope_code', 'text', (c) => c.notNull())
        .addColumn('corrects_id', 'text', (c) => c.references('incentive_statements.id'))
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('issued_by', 'text')
        .execute();
      await db.schema
        .createIndex('incentive_statements_partner')
        .on('incentive_statements')
        .columns(['partner_id', 'period'])
        .execute();
      await db.schema
        .createTable('incentive_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('statement_id', 'text', (c) => c.notNull().references('incentive_statements.id'))
        .addColumn('order_id', 'text')
        .addColumn('rule_id', 'text', (c) => c.notNull().references('incentive_rules.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('base', 'integer', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('incentive_lines_statement')
        .on('incentive_lines')
        .column('statement_id')
        .execute();
    },
  },
};
