// Migration 0707: the logistics KPIs' stage summary (stage-summary.ts) and the log that keeps
// it in step. `parcel_stage_counts` holds, per province or regency and per creation day and
// month, the parcels' stage hours to the tenth, counted (and their statuses and failed
// attempts). `parcel_stage_dirty` names the cells a write touched since the summary last
// took them: a parcel's creation day and its origin and destination regencies. Triggers write
// it, so every writer of parcels and scans (the scan service, the offline agent's late scans,
// returns, the national generator, a hand edit) is followed.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../../kernel/db/index.js';

/** The cell of a parcel row (prefix `new.`/`old.` in SQLite's row triggers). */
const cell = (r: string) =>
  [
    `substr(${r}created_at, 1, 10)`,
    `coalesce(substr(${r}origin_village_code, 1, 5), '')`,
    `coalesce(substr(${r}destination_village_code, 1, 5), '')`,
  ].join(', ');
const into = 'insert into parcel_stage_dirty (day, origin, destination)';
/** What a parcel's figures depend on beside its scans. */
const MOVED = ['created_at', 'origin_village_code', 'destination_village_code', 'status'];

async function postgresTriggers(db: Kysely<any>): Promise<void> {
  // Statement triggers with transition tables: a bulk write logs each cell once.
  const changed = MOVED.map((k) => `n.${k} is distinct from o.${k}`).join(' or ');
  const moves = (side: 'n' | 'o') =>
    `select ${cell(`${side}.`)} from new_rows n join old_rows o on o.id = n.id where ${changed}`;
  const ofParcels = (rows: string) =>
    `select ${cell('')} from parcels where id in (select parcel_id from ${rows})`;
  const body = (inserted: string, updated: string, deleted: string) => `
    begin
      if tg_op = 'INSERT' then ${into} select distinct * from (${inserted}) c;
      elsif tg_op = 'UPDATE' then ${into} select distinct * from (${updated}) c;
      else ${into} select distinct * from (${deleted}) c;
      end if;
      return null;
    end`;
  const fns = {
    parcels: body(
      `select ${cell('')} from new_rows`,
      `${moves('n')} union all ${moves('o')}`,
      `select ${cell('')} from old_rows`,
    ),
    parcel_scans: body(
      ofParcels('new_rows'),
      `${ofParcels('new_rows')} union all ${ofParcels('old_rows')}`,
      ofParcels('old_rows'),
    ),
  };
  const transitions = {
    insert: 'new table as new_rows',
    update: 'old table as old_rows new table as new_rows',
    delete: 'old table as old_rows',
  };
  for (const [table, fn] of Object.entries(fns)) {
    await sql
      .raw(`create function ${table}_stage_dirty() returns trigger language plpgsql as $$${fn}$$`)
      .execute(db);
    for (const [event, tables] of Object.entries(transitions))
      await sql
        .raw(`create trigger ${table}_stage_dirty_${event} after ${event} on ${table}
          referencing ${tables} for each statement execute function ${table}_stage_dirty()`)
        .execute(db);
  }
}

async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  const ofParcel = (r: string) =>
    `${into} select ${cell('')} from parcels where id = ${r}parcel_id;`;
  const triggers = {
    parcels_stage_dirty_insert: `after insert on parcels begin ${into} values (${cell('new.')}); end`,
    parcels_stage_dirty_update: `after update of ${MOVED.join(', ')} on parcels
      when ${MOVED.map((k) => `old.${k} is not new.${k}`).join(' or ')}
      begin ${into} values (${cell('old.')}); ${into} values (${cell('new.')}); end`,
    parcels_stage_dirty_delete: `after delete on parcels begin ${into} values (${cell('old.')}); end`,
    parcel_scans_stage_dirty_insert: `after insert on parcel_scans begin ${ofParcel('new.')} end`,
    parcel_scans_stage_dirty_update: `after update on parcel_scans
      begin ${ofParcel('old.')} ${ofParcel('new.')} end`,
    parcel_scans_stage_dirty_delete: `after delete on parcel_scans begin ${ofParcel('old.')} end`,
  };
  for (const [name, def] of Object.entries(triggers))
    await sql.raw(`create trigger ${name} ${def}`).execute(db);
}

export const stageSummaryMigration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('parcel_stage_counts')
      .addColumn('region', 'text', (c) => c.notNull())
      // 'YYYY-MM' (the month's parcels) or 'YYYY-MM-DD' (the day's).
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('k', 'text', (c) => c.notNull())
      .addColumn('tenths', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('parcel_stage_counts_pk', ['region', 'period', 'k', 'tenths'])
      .execute();
    await db.schema
      .createTable('parcel_stage_dirty')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('destination', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('parcel_stage_dirty_day')
      .on('parcel_stage_dirty')
      .column('day')
      .execute();
    if (isPostgres(db)) await postgresTriggers(db);
    else await sqliteTriggers(db);
    // The parcels made before: every cell to be counted by the first run.
    await sql.raw(`${into} select distinct ${cell('')} from parcels`).execute(db);
  },
};
