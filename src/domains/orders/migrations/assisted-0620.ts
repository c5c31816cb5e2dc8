import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// The agent's draft shopping list (one per agent and point) and the villagers' requests for
// goods the catalogue lacks (issue 15).
export const assistedMigrations0620: Migrations = {
  '0620_assisted_drafts': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('assisted_drafts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agent_user_id', 'text', (c) => c.notNull())
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('buyer_name', 'text')
        .addColumn('buyer_phone', 'text')
        .addColumn('consent_at', 'text')
        .addColumn('group_id', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // Personal data only with consent, enforced by the database as well.
        .addCheckConstraint(
          'assisted_drafts_consent',
          sql`consent_at is not null or (buyer_name is null and buyer_phone is null)`,
        )
        .execute();
      await db.schema
        .createIndex('assisted_drafts_owner')
        .on('assisted_drafts')
        .columns(['agent_user_id', 'service_point_id'])
        .unique()
        .execute();
      await db.schema
        .createTable('assisted_draft_lines')
        .addColumn('draft_id', 'text', (c) =>
          c.notNull().references('assisted_drafts.id').onDelete('cascade'),
        )
        .addColumn('variant_id', 'text', (c) => c.notNull())
        .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('assisted_draft_lines_pk', ['draft_id', 'variant_id'])
        .execute();
    },
  },
  '0621_demand_requests': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('demand_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text')
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('what', 'text', (c) => c.notNull())
        .addColumn('quantity', 'text', (c) => c.notNull())
        .addColumn('requester_name', 'text')
        .addColumn('consent_at', 'text')
        .addColumn('state', 'text', (c) =>
          c.notNull().check(sql`state in ('open', 'sourced', 'declined')`),
        )
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addCheckConstraint(
          'demand_requests_consent',
          sql`requester_name is null or consent_at is not null`,
        )
        .execute();
      await db.schema
        .createIndex('demand_requests_org')
        .on('demand_requests')
        .columns(['organisation_id', 'state', 'created_at'])
        .execute();
    },
  },
};
