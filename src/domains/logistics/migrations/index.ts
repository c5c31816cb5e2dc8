import { sql, type Kysely } from 'kysely';
import { isPostgres, type Migrations } from '../../../kernel/db/index.js';
import { stageSummaryMigration } from './stage-summary.js';

// Migration names start with 07xx so the whole app's migrations sort by domain.
// Coordinates and kilometres are double precision (PostgreSQL's `real` loses metres).
export const logisticsMigrations: Migrations = {
  '0701_logistics_network': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('hubs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tier', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
        .addColumn('parent_hub_id', 'text', (c) => c.references('hubs.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lng', 'double precision', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('hubs_region').on('hubs').column('region_code').execute();
      await db.schema
        .createTable('hub_points')
        .addColumn('service_point_id', 'text', (c) =>
          c.primaryKey().references('service_points.id'),
        )
        .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
        .addColumn('assigned_at', 'text', (c) => c.notNull())
        .addColumn('assigned_by', 'text')
        .execute();
      await db.schema.createIndex('hub_points_hub').on('hub_points').column('hub_id').execute();
      await db.schema
        .createTable('vehicles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('capacity_kg', 'integer', (c) => c.notNull())
        .addColumn('cost_per_km', 'integer', (c) => c.notNull())
        .addColumn('speed_kmh', 'integer', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('vehicles_hub').on('vehicles').column('hub_id').execute();
      await db.schema
        .createTable('routing_settings')
        .addColumn('regency_code', 'text', (c) => c.primaryKey())
        .addColumn('detour_factor', 'double precision', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      await db.schema
        .createTable('distance_overrides')
        .addColumn('from_id', 'text', (c) => c.notNull())
        .addColumn('to_id', 'text', (c) => c.notNull())
        .addColumn('km', 'double precision', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('imported_by', 'text')
        .addPrimaryKeyConstraint('distance_overrides_pk', ['from_id', 'to_id'])
        .execute();
    },
  },
  '0702_logistics_parcels': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('parcels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tracking_number', 'text', (c) => c.notNull().unique())
        .addColumn('order_id', 'text')
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('origin_village_code', 'text')
        .addColumn('destination_village_code', 'text')
        .addColumn('origin_point_id', 'text', (c) => c.references('service_points.id'))
        .addColumn('destination_point_id', 'text', (c) => c.references('service_points.id'))
        .addColumn('weight_grams', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('node_index', 'integer', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('pickup_code', 'text')
        .addColumn('proof_kind', 'text')
        .addColumn('proof_photo', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // One parcel per order: the handed_over event may be delivered twice.
      await db.schema
        .createIndex('parcels_order')
        .on('parcels')
        .column('order_id')
        .unique()
        .execute();
      await db.schema
        .createIndex('parcels_origin')
        .on('parcels')
        .column('origin_village_code')
        .execute();
      await db.schema
        .createIndex('parcels_dest')
        .on('parcels')
        .column('destination_village_code')
        .execute();
      await db.schema
        .createTable('parcel_nodes')
        .addColumn('parcel_id', 'text', (c) => c.notNull().references('parcels.id'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'text')
        .addPrimaryKeyConstraint('parcel_nodes_pk', ['parcel_id', 'idx'])
        .execute();
      await db.schema.createIndex('parcel_nodes_ref').on('parcel_nodes').column('ref_id').execute();
      await db.schema
        .createTable('parcel_scans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('parcel_id', 'text', (c) => c.notNull().references('parcels.id'))
        .addColumn('client_scan_id', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('node_index', 'integer', (c) => c.notNull())
        .addColumn('location_id', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('note', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('parcel_scans_parcel')
        .on('parcel_scans')
        .columns(['parcel_id', 'at'])
        .execute();
    },
  },
  '0703_logistics_runs': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
        .addColumn('vehicle_id', 'text', (c) => c.notNull().references('vehicles.id'))
        .addColumn('service_date', 'text', (c) => c.notNull())
        .addColumn('trip', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('distance_km', 'double precision', (c) => c.notNull())
        .addColumn('cost', 'integer', (c) => c.notNull())
        .addColumn('duration_min', 'integer', (c) => c.notNull())
        .addColumn('planned_at', 'text', (c) => c.notNull())
        .addColumn('planned_by', 'text')
        .addColumn('solver', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('runs_hub_date')
        .on('runs')
        .columns(['hub_id', 'service_date'])
        .execute();
      await db.schema
        .createTable('run_stops')
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('service_point_id', 'text', (c) => c.notNull().references('service_points.id'))
        .addColumn('pickup_grams', 'integer', (c) => c.notNull())
        .addColumn('delivery_grams', 'integer', (c) => c.notNull())
        .addColumn('load_after_grams', 'integer', (c) => c.notNull())
        .addColumn('km_from_prev', 'double precision', (c) => c.notNull())
        .addColumn('eta', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('run_stops_pk', ['run_id', 'seq'])
        .execute();
      await db.schema
        .createTable('manifests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hub_id', 'text', (c) => c.notNull().references('hubs.id'))
        .addColumn('service_date', 'text', (c) => c.notNull())
        .addColumn('from_kind', 'text', (c) => c.notNull())
        .addColumn('from_id', 'text')
        .addColumn('to_kind', 'text', (c) => c.notNull())
        .addColumn('to_id', 'text')
        .addColumn('run_id', 'text', (c) => c.references('runs.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('manifests_hub_date')
        .on('manifests')
        .columns(['hub_id', 'service_date'])
        .execute();
      await db.schema
        .createTable('manifest_parcels')
        .addColumn('manifest_id', 'text', (c) => c.notNull().references('manifests.id'))
        .addColumn('parcel_id', 'text', (c) => c.notNull().references('parcels.id'))
        .addColumn('node_index', 'integer', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('weight_grams', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('manifest_parcels_pk', ['manifest_id', 'parcel_id'])
        .execute();
      // A leg of a parcel is on one manifest per attempt, however often "build" is pressed.
      await db.schema
        .createIndex('manifest_parcels_leg')
        .on('manifest_parcels')
        .columns(['parcel_id', 'node_index', 'attempt'])
        .unique()
        .execute();
    },
  },
  '0704_logistics_returns_proofs': {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('parcels')
        .addColumn('returning', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('parcel_scans').addColumn('proof_photo', 'text').execute();
    },
  },
  // Impact's parcel summary (issue 19) recomputes the months of the parcels changed since its
  // last run: both reads are ranges over these.
  '0705_logistics_parcel_times': {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('parcels_updated').on('parcels').column('updated_at').execute();
      await db.schema.createIndex('parcels_created').on('parcels').column('created_at').execute();
    },
  },
  // Impact's parcel summary re-read whole creation months every minute (≈ 280,000 parcels a
  // month at national size). Now every write to `parcels` logs, in its own statement, how the
  // summary's cells change: a parcel leaving one (creation month, provinces, status, lead in
  // tenths of a day) cell is -1 there and +1 in its new one. The summary job takes the log each
  // run (parcel-stats.queries.ts). Append-only, so two writers never wait on one counter row.
  '0706_logistics_parcel_count_changes': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('parcel_count_changes')
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('destination', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('tenths', 'integer')
        .addColumn('n', 'integer', (c) => c.notNull())
        .execute();
      // The cell as parcelCounts computes it (rows prefixed `new.`/`old.` in SQLite's triggers).
      const cell = (r: string, lead: string) =>
        [
          `substr(${r}created_at, 1, 7)`,
          `coalesce(substr(${r}origin_village_code, 1, 2), '')`,
          `coalesce(substr(${r}destination_village_code, 1, 2), '')`,
          `${r}status`,
          `case when ${r}status = 'delivered' and ${r}delivered_at is not null then ${lead} end`,
        ].join(', ');
      const into =
        'insert into parcel_count_changes (month, origin, destination, status, tenths, n)';
      if (isPostgres(db)) {
        // Statement triggers with transition tables: a bulk write logs one row per cell it
        // changes, and an update that moves no parcel between cells logs nothing.
        const c = cell(
          '',
          'round(extract(epoch from (delivered_at::timestamptz - created_at::timestamptz)) / 8640)',
        );
        const logged = (rows: string) => `${into}
            select m, o, d, s, t, sum(n) from (${rows}) c (m, o, d, s, t, n)
            group by m, o, d, s, t having sum(n) <> 0;`;
        const added = `select ${c}, 1 from new_rows`;
        const removed = `select ${c}, -1 from old_rows`;
        await sql
          .raw(`create function parcel_count_changes_log() returns trigger language plpgsql as $$
            begin
              if tg_op = 'INSERT' then ${logged(added)}
              elsif tg_op = 'UPDATE' then ${logged(`${added} union all ${removed}`)}
              else ${logged(removed)}
              end if;
              return null;
            end $$`)
          .execute(db);
        const transitions = {
          insert: 'new table as new_rows',
          update: 'old table as old_rows new table as new_rows',
          delete: 'old table as old_rows',
        };
        for (const [event, tables] of Object.entries(transitions))
          await sql
            .raw(`create trigger parcel_count_changes_${event} after ${event} on parcels
              referencing ${tables} for each statement execute function parcel_count_changes_log()`)
            .execute(db);
      } else {
        const lead = (r: string) =>
          `round((julianday(${r}delivered_at) - julianday(${r}created_at)) * 10)`;
        const added = `${into} values (${cell('new.', lead('new.'))}, 1);`;
        const removed = `${into} values (${cell('old.', lead('old.'))}, -1);`;
        const moved = [
          'created_at',
          'origin_village_code',
          'destination_village_code',
          'status',
          'delivered_at',
        ];
        await sql
          .raw(
            `create trigger parcel_count_changes_insert after insert on parcels begin ${added} end`,
          )
          .execute(db);
        await sql
          .raw(`create trigger parcel_count_changes_update after update of ${moved.join(', ')} on parcels
            when ${moved.map((k) => `old.${k} is not new.${k}`).join(' or ')}
            begin ${removed} ${added} end`)
          .execute(db);
        await sql
          .raw(
            `create trigger parcel_count_changes_delete after delete on parcels begin ${removed} end`,
          )
          .execute(db);
      }
    },
  },
  '0707_logistics_stage_summary': stageSummaryMigration,
};
