// Dashboards on a PostgreSQL replica (issue 19, "Past one machine"). With LUMBUNG_REPLICA_URL
// set, `runRead` sends every read model (the impact KPIs, poverty tables, panel export: the
// heavy dashboard reads) to a streaming replica, so national dashboards never compete with
// checkouts for the primary. Writes, sessions and every other read stay on the primary. A
// replica may be behind: the pages that read from it say by how much (`readSource`).
import { sql } from 'kysely';
import type { DbHandle } from '../db/types.js';
import type { ReadModel, ReadRunner, ReadSource } from './read-model.js';

/**
 * How far a database's data is behind its primary, in seconds: 0 on a primary (or SQLite),
 * 0 on a replica that has replayed everything it received (an idle primary sends nothing, so
 * the last replay's age would overstate it), else the age of the last replayed transaction.
 */
export async function replicationLagSeconds(h: DbHandle): Promise<number | null> {
  if (h.dialect !== 'postgres') return 0;
  const r = await sql<{ lag: number | null }>`
    select case
      when not pg_is_in_recovery() then 0
      when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
      else extract(epoch from now() - pg_last_xact_replay_timestamp())
    end::float8 as lag`.execute(h.db);
  const lag = r.rows[0]?.lag;
  return lag === null || lag === undefined ? null : Math.max(0, Number(lag));
}

export class ReplicaReads implements ReadRunner {
  private readonly byName = new Map<string, ReadModel<unknown[], unknown>>();
  /** Reads answered by the replica (tests read it). */
  served = 0;

  constructor(
    readonly replica: DbHandle,
    models: ReadModel<any[], unknown>[],
  ) {
    for (const m of models) this.byName.set(m.name, m);
  }

  async call(name: string, args: unknown[]): Promise<unknown> {
    const model = this.byName.get(name);
    if (!model) throw new Error(`unknown read model ${name}`);
    const value = await model.fn(this.replica.db, ...args);
    this.served++;
    return value;
  }

  async source(): Promise<ReadSource> {
    return { replica: true, lagSeconds: await replicationLagSeconds(this.replica) };
  }

  close(): Promise<void> {
    return this.replica.close();
  }
}
