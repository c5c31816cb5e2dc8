import type { Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

export const communityMigrations: Migrations = {
  '0301_community': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('organisations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('village_code', 'text', (c) => c.notNull().references('regions.code'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('organisations_village')
        .on('organisations')
        .column('village_code')
        .execute();
      await db.schema
        .createTable('consents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('text_version', 'text', (c) => c.notNull())
        .addColumn('given_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('withdrawn_at', 'text')
        .execute();
      await db.schema
        .createTable('umkm')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('village_code', 'text', (c) => c.notNull().references('regions.code'))
        .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('business_type', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text')
        .addColumn('owner_user_id', 'text')
        .addColumn('phone', 'text')
        .addColumn('whatsapp', 'text')
        .addColumn('bank_name', 'text')
        .addColumn('bank_account_number', 'text')
        .addColumn('bank_account_name', 'text')
        .addColumn('story', 'text')
        .addColumn('consent_id', 'text', (c) => c.references('consents.id'))
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('umkm_village').on('umkm').column('village_code').execute();
      await db.schema.createIndex('umkm_org').on('umkm').column('organisation_id').execute();
      await db.schema
        .createTable('certifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('umkm_id', 'text', (c) => c.notNull().references('umkm.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('expires_on', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('certifications_umkm')
        .on('certifications')
        .column('umkm_id')
        .execute();
      await db.schema
        .createTable('people')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('village_code', 'text', (c) => c.notNull().references('regions.code'))
        .addColumn('umkm_id', 'text', (c) => c.references('umkm.id'))
        .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('full_name', 'text')
        .addColumn('phone', 'text')
        .addColumn('role_title', 'text')
        .addColumn('household_size', 'integer')
        .addColumn('consent_id', 'text', (c) => c.references('consents.id'))
        .addColumn('erased_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('service_points')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('village_code', 'text', (c) => c.notNull().references('regions.code'))
        .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('lat', 'real')
        .addColumn('lng', 'real')
        .addColumn('opening_hours', 'text', (c) => c.notNull())
        .addColumn('services', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('service_points_village')
        .on('service_points')
        .column('village_code')
        .execute();
    },
  },
  // Lookups the community pages make: a UMKM's or organisation's people, certificates by
  // expiry for the alert panels, agents by point through grants (accounts indexes those).
  '0302_community_indexes': {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('people_umkm').on('people').column('umkm_id').execute();
      await db.schema.createIndex('people_org').on('people').column('organisation_id').execute();
      await db.schema.createIndex('people_village').on('people').column('village_code').execute();
      await db.schema
        .createIndex('certifications_expiry')
        .on('certifications')
        .columns(['expires_on', 'umkm_id'])
        .execute();
      await db.schema
        .createIndex('service_points_org')
        .on('service_points')
        .column('organisation_id')
        .execute();
    },
  },
};
