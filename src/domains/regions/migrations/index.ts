import type { Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

export const regionsMigrations: Migrations = {
  '0201_regions': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('regions')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('parent_code', 'text')
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_norm', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source_version', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('regions_parent').on('regions').column('parent_code').execute();
      await db.schema.createIndex('regions_name_norm').on('regions').columns(['name_norm', 'level']).execute();
      await db.schema
        .createTable('village_profiles')
        .addColumn('village_code', 'text', (c) => c.primaryKey().references('regions.code'))
        .addColumn('population', 'integer')
        .addColumn('households', 'integer')
        .addColumn('poverty_share', 'real')
        .addColumn('electricity_share', 'real')
        .addColumn('signal', 'text')
        .addColumn('office_internet', 'integer')
        .addColumn('road_access', 'text')
        .addColumn('distance_km', 'real')
        .addColumn('has_bumdes', 'integer')
        .addColumn('has_koperasi', 'integer')
        .addColumn('lat', 'real')
        .addColumn('lng', 'real')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      await db.schema
        .createTable('targeting_weights')
        .addColumn('scope_code', 'text', (c) => c.primaryKey())
        .addColumn('w_poverty', 'real', (c) => c.notNull())
        .addColumn('w_signal', 'real', (c) => c.notNull())
        .addColumn('w_electricity', 'real', (c) => c.notNull())
        .addColumn('w_road', 'real', (c) => c.notNull())
        .addColumn('w_distance', 'real', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      await db.schema
        .createTable('rollouts')
        .addColumn('region_code', 'text', (c) => c.primaryKey().references('regions.code'))
        .addColumn('joined_on', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
};
