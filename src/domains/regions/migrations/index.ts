import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../../kernel/db/index.js';
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
      await db.schema
        .createIndex('regions_name_norm')
        .on('regions')
        .columns(['name_norm', 'level'])
        .execute();
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
  // Word index for search: one row per word of an area's normalised name, so a word-prefix
  // query is a range scan. On PostgreSQL the column uses the "C" collation so that range
  // bounds compare bytewise, as SQLite does.
  '0202_region_words': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('region_words')
        .addColumn('word', isPostgres(db) ? sql`text collate "C"` : 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull().references('regions.code'))
        .addColumn('level', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('region_words_pk', ['word', 'code'])
        .execute();
      await db.schema.createIndex('region_words_code').on('region_words').column('code').execute();
      await db.schema.createIndex('rollouts_joined').on('rollouts').column('joined_on').execute();
    },
  },
  // PostgreSQL's `real` is 4-byte; shares, distances, coordinates and weights need the
  // 8-byte double SQLite's REAL already is, or 0.235 reads back as 0.23500000685.
  '0203_regions_double': {
    async up(db: Kysely<any>) {
      if (!isPostgres(db)) return;
      for (const c of ['poverty_share', 'electricity_share', 'distance_km', 'lat', 'lng']) {
        await sql`alter table village_profiles alter column ${sql.ref(c)} type double precision`.execute(
          db,
        );
      }
      for (const c of ['w_poverty', 'w_signal', 'w_electricity', 'w_road', 'w_distance']) {
        await sql`alter table targeting_weights alter column ${sql.ref(c)} type double precision`.execute(
          db,
        );
      }
    },
  },
  // Search walks one level at a time in word order, so a short prefix ("su") stops after the
  // first hits instead of sorting thousands of candidates.
  '0204_region_words_level': {
    async up(db: Kysely<any>) {
      await db.schema
        .createIndex('region_words_level_word')
        .on('region_words')
        .columns(['level', 'word', 'code'])
        .execute();
    },
  },
  // An officer enrolling villages from the priority list records why each was chosen.
  '0205_rollout_reason': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('rollouts').addColumn('reason', 'text').execute();
    },
  },
};
