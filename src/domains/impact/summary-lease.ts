// The refresh lease of a precomputed summary (impact_summary_state, one row per summary): a
// refresh first takes it with a conditional update (`lease_until` empty or past), so two
// workers that both run the job, or a manual refresh beside the scheduled one, never refresh
// the same summary at the same time. Each summary (sales, areas) has its own row.
import type { Db } from '../../kernel/db/index.js';
import type { ImpactSummaryStateTable } from './impact.tables.js';

const LEASE_MS = 10 * 60_000;

/** Takes the refresh lease of summary `name` (null when another runner holds it). */
export async function claimSummary(
  db: Db,
  name: string,
  owner: string,
  now: Date,
): Promise<ImpactSummaryStateTable | null> {
  const r = await db
    .updateTable('impact_summary_state')
    .set({ lease_owner: owner, lease_until: new Date(now.getTime() + LEASE_MS).toISOString() })
    .where('name', '=', name)
    .where((eb) =>
      eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]),
    )
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return null;
  return (
    (await db
      .selectFrom('impact_summary_state')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst()) ?? null
  );
}

/** Gives the lease back, recording the run's state when it succeeded (`done`). */
export async function releaseSummary(
  db: Db,
  name: string,
  owner: string,
  done?: Partial<
    Pick<ImpactSummaryStateTable, 'watermark' | 'refreshed_at' | 'rebuilt_at' | 'inputs'>
  >,
): Promise<void> {
  await db
    .updateTable('impact_summary_state')
    .set({ ...done, lease_until: null, lease_owner: null })
    .where('name', '=', name)
    .where('lease_owner', '=', owner)
    .execute();
}

/**
 * Inside a transaction that writes the summary: renews the lease (recording `state` with it), or
 * throws when it is no longer this owner's, so that the transaction rolls back. A summary that
 * adds changes (sales) must never have two writers, even when a long run outlived its lease. On
 * PostgreSQL the update also fails when another runner changed the row after this transaction's
 * snapshot was taken.
 */
export async function holdSummary(
  db: Db,
  name: string,
  owner: string,
  state: Partial<Pick<ImpactSummaryStateTable, 'inputs'>> = {},
): Promise<void> {
  const r = await db
    .updateTable('impact_summary_state')
    .set({ ...state, lease_until: new Date(Date.now() + LEASE_MS).toISOString() })
    .where('name', '=', name)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new Error(`the ${name} summary's lease was lost`);
}
