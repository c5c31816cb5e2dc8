// Migration 0707: the logistics KPIs' stage summary (stage-summary.ts) and the log that keeps
// it in step. `parcel_stage_months` holds, per province or regency, creation month and figure
// (a stage, end to end, failed attempts, a status), the parcels' values counted by hours to the
// tenth, as JSON ({"tenths": count}): one row where a row a value was 40 times as many rows.
// `parcel_stage_marks` holds what each parcel added, under the keys it was filed by (so a
// parcel's old values can be taken back when it changes, and the days at the edges of a period
// read without its scans). `parcel_stage_dirty` names the parcels written since they were last
// counted: triggers write it, so every writer of parcels and scans (the scan service, the
// offline agent's late scans, returns, the national generator, a hand edit) is followed.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../../kernel/db/index.js';

const into = 'insert into parcel_stage_dirty (parcel_id)';
/** What a parcel's figures depend on beside its scans. */
const MOVED = ['created_at', 'origin_village_code', 'destination_village_code', 'status'];

async function postgresTriggers(db: Kysely<any>): Promise<void> {
  // Statement triggers with transition tables: a bulk write logs each parcel once.
  const changed = MOVED.map((k) => `n.${k} is distinct from o.${k}`).join(' or ');
  const body = (key: string, updated: string) => `
    begin
      if tg_op = 'INSERT' then ${into} select distinct ${key} from new_rows;
      elsif tg_op = 'UPDATE' then ${into} ${updated};
      else ${into} select distinct ${key} from old_rows;
      end if;
      return null;
    end`;
  const fns = {
    parcels: body(
      'id',
      `select n.id from new_rows n join old_rows o on o.id = n.id where ${changed}`,
    ),
    parcel_scans: body(
      'parcel_id',
      'select parcel_id from new_rows union select parcel_id from old_rows',
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
  const triggers = {
    parcels_stage_dirty_insert: `after insert on parcels begin ${into} values (new.id); end`,
    parcels_stage_dirty_update: `after update of ${MOVED.join(', ')} on parcels
      when ${MOVED.map((k) => `old.${k} is not new.${k}`).join(' or ')}
      begin ${into} values (new.id); end`,
    parcels_stage_dirty_delete: `after delete on parcels begin ${into} values (old.id); end`,
    parcel_scans_stage_dirty_insert: `after insert on parcel_scans
      begin ${into} values (new.parcel_id); end`,
    parcel_scans_stage_dirty_update: `after update on parcel_scans
      begin ${into} values (old.parcel_id); ${into} values (new.parcel_id); end`,
    parcel_scans_stage_dirty_delete: `after delete on parcel_scans
      begin ${into} values (old.parcel_id); end`,
  };
  for (const [name, def] of Object.entries(triggers))
    await sql.raw(`create trigger ${name} ${def}`).execute(db);
}

export const stageSummaryMigration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('parcel_stage_months')
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('k', 'text', (c) => c.notNull())
      .addColumn('counts', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('parcel_stage_months_pk', ['region', 'month', 'k'])
      .execute();
    // No foreign key: a deleted parcel's marks are what takes its values back.
    await db.schema
      .createTable('parcel_stage_marks')
      .addColumn('parcel_id', 'text', (c) => c.primaryKey())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('destination', 'text', (c) => c.notNull())
      .addColumn('marks', 'text', (c) => c.notNull())
      .execute();
    for (const side of ['origin', 'destination'])
      await db.schema
        .createIndex(`parcel_stage_marks_${side}`)
        .on('parcel_stage_marks')
        .columns([side, 'day'])
        .execute();
    await db.schema
      .createTable('parcel_stage_dirty')
      .addColumn('parcel_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('parcel_stage_dirty_parcel')
      .on('parcel_stage_dirty')
      .column('parcel_id')
      .execute();
    if (isPostgres(db)) await postgresTriggers(db);
    else await sqliteTriggers(db);
    // The parcels made before: every one to be counted by the first fold.
    await sql.raw(`${into} select id from parcels`).execute(db);
  },
};
