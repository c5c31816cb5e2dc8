import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// Migration names start with 10xx so the whole app's migrations sort by domain.
export const impactMigrations: Migrations = {
  '1001_impact_surveys': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('survey_consents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subject_kind', 'text', (c) => c.notNull())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('subject_code', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('text_version', 'text', (c) => c.notNull())
        .addColumn('given_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('withdrawn_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('survey_consents_subject')
        .unique()
        .on('survey_consents')
        .columns(['subject_kind', 'village_code', 'subject_code'])
        .execute();
      await db.schema
        .createTable('household_surveys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('wave_year', 'integer', (c) => c.notNull())
        .addColumn('household_code', 'text', (c) => c.notNull())
        .addColumn('household_size', 'integer', (c) => c.notNull().check(sql`household_size > 0`))
        .addColumn('income_monthly', 'integer', (c) => c.notNull().check(sql`income_monthly >= 0`))
        .addColumn('per_capita_monthly', 'integer', (c) => c.notNull())
        .addColumn('consent_id', 'text', (c) => c.notNull().references('survey_consents.id'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('entered_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('household_surveys_key')
        .unique()
        .on('household_surveys')
        .columns(['village_code', 'wave_year', 'household_code'])
        .execute();
      await db.schema
        .createIndex('household_surveys_wave')
        .on('household_surveys')
        .columns(['wave_year', 'village_code'])
        .execute();
      await db.schema
        .createTable('umkm_sales_surveys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('month', 'integer', (c) => c.notNull())
        .addColumn('umkm_code', 'text', (c) => c.notNull())
        .addColumn('sales_monthly', 'integer', (c) => c.notNull().check(sql`sales_monthly >= 0`))
        .addColumn('consent_id', 'text', (c) => c.notNull().references('survey_consents.id'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('entered_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('umkm_sales_key')
        .unique()
        .on('umkm_sales_surveys')
        .columns(['village_code', 'year', 'month', 'umkm_code'])
        .execute();
      await db.schema
        .createTable('poverty_lines')
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('area', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addPrimaryKeyConstraint('poverty_lines_pk', ['period', 'province_code', 'area'])
        .execute();
      await db.schema
        .createTable('evaluation_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('scope_code', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('evaluation_runs_scope')
        .on('evaluation_runs')
        .columns(['scope_code', 'created_at'])
        .execute();
      // The national March 2025 lines are data the platform ships (BPS, Berita Resmi Statistik
      // Juli 2025); per-province lines are imported by officers from BPS's table.
      const now = new Date().toISOString();
      const source = 'BPS, Profil Kemiskinan di Indonesia Maret 2025';
      await db
        .insertInto('poverty_lines')
        .values([
          {
            period: '2025-03',
            province_code: 'ID',
            area: 'total',
            amount: 609160,
            source,
            created_at: now,
            created_by: null,
          },
          {
            period: '2025-03',
            province_code: 'ID',
            area: 'urban',
            amount: 629561,
            source,
            created_at: now,
            created_by: null,
          },
          {
            period: '2025-03',
            province_code: 'ID',
            area: 'rural',
            amount: 580349,
            source,
            created_at: now,
            created_by: null,
          },
        ])
        .execute();
    },
  },
  '1002_impact_sales_summary': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('impact_sales_summary')
        .addColumn('regency_code', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('orders', 'integer', (c) => c.notNull())
        .addColumn('items_total', 'bigint', (c) => c.notNull())
        .addColumn('gmv', 'bigint', (c) => c.notNull())
        .addColumn('seller_share', 'bigint', (c) => c.notNull())
        .addColumn('delivered', 'integer', (c) => c.notNull())
        .addColumn('lead_tenths', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('impact_sales_summary_pk', ['regency_code', 'month'])
        .execute();
      await db.schema
        .createTable('impact_summary_state')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('watermark', 'text')
        .addColumn('refreshed_at', 'text')
        .addColumn('rebuilt_at', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('lease_owner', 'text')
        .execute();
      await db.insertInto('impact_summary_state').values({ name: 'sales' }).execute();
    },
  },
  // The other national blocks precomputed (issue 19, area-summary.ts): per regency the village,
  // UMKM, listing and village-profile counts; per village and wave the survey cells; per
  // province pair and month the parcels. Floats are sums the pages divide, kept unrounded.
  '1003_impact_area_summary': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('impact_regency_summary')
        .addColumn('regency_code', 'text', (c) => c.primaryKey())
        .addColumn('villages', 'integer', (c) => c.notNull())
        .addColumn('joined', 'text', (c) => c.notNull())
        .addColumn('umkm', 'integer', (c) => c.notNull())
        .addColumn('umkm_active', 'integer', (c) => c.notNull())
        .addColumn('listed', 'integer', (c) => c.notNull())
        .addColumn('with_signal', 'integer', (c) => c.notNull())
        .addColumn('signal_4g', 'integer', (c) => c.notNull())
        .addColumn('with_electricity', 'integer', (c) => c.notNull())
        .addColumn('electricity_sum', 'double precision', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('impact_poverty_cells')
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('wave_year', 'integer', (c) => c.notNull())
        .addColumn('households', 'integer', (c) => c.notNull())
        .addColumn('persons', 'integer', (c) => c.notNull())
        .addColumn('poor_households', 'integer', (c) => c.notNull())
        .addColumn('poor', 'integer', (c) => c.notNull())
        .addColumn('gap', 'double precision', (c) => c.notNull())
        .addColumn('log_sum', 'double precision', (c) => c.notNull())
        .addColumn('log_n', 'integer', (c) => c.notNull())
        .addColumn('line_period', 'text')
        .addPrimaryKeyConstraint('impact_poverty_cells_pk', ['wave_year', 'village_code'])
        .execute();
      await db.schema
        .createTable('impact_parcel_summary')
        .addColumn('origin_province', 'text', (c) => c.notNull())
        .addColumn('destination_province', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('delivered', 'integer', (c) => c.notNull())
        .addColumn('failed', 'integer', (c) => c.notNull())
        .addColumn('lead_tenths', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('impact_parcel_summary_pk', [
          'month',
          'origin_province',
          'destination_province',
        ])
        .execute();
      // The survey answers added since the last refresh (insert-only table).
      await db.schema
        .createIndex('household_surveys_created')
        .on('household_surveys')
        .column('created_at')
        .execute();
      // What the cells were computed with (the poverty lines): a new line rebuilds them.
      await db.schema.alterTable('impact_summary_state').addColumn('inputs', 'text').execute();
      await db.insertInto('impact_summary_state').values({ name: 'areas' }).execute();
    },
  },
};
