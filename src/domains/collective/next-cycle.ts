// "This cycle has closed; the next one is …": a late order names the cycle that follows — the
// series' successor, else the organisation's next open cycle, else (a repeating cycle whose
// successor is not made yet) the window its repeat rule gives.
import { fail } from '../../kernel/errors/index.js';
import type { Tx } from '../../kernel/db/index.js';
import { formatDateTime } from '../../kernel/i18n/index.js';
import type { CyclesTable } from './collective.tables.js';
import { REPEAT_DAYS, shiftIso } from './calendar.js';

export interface NextCycle {
  id: string | null;
  name: string;
  opensAt: string;
  closesAt: string;
}

export async function nextCycleOf(
  db: Tx,
  cycle: CyclesTable,
  now = new Date(),
): Promise<NextCycle | null> {
  const successor = await db
    .selectFrom('cycles')
    .select(['id', 'name', 'opens_at', 'closes_at'])
    .where('previous_id', '=', cycle.id)
    .executeTakeFirst();
  const other =
    successor ??
    (await db
      .selectFrom('cycles')
      .select(['id', 'name', 'opens_at', 'closes_at'])
      .where('organisation_id', '=', cycle.organisation_id)
      .where('status', '=', 'open')
      .where('id', '!=', cycle.id)
      .where('closes_at', '>', now.toISOString())
      .orderBy('opens_at')
      .limit(1)
      .executeTakeFirst());
  if (other)
    return { id: other.id, name: other.name, opensAt: other.opens_at, closesAt: other.closes_at };
  if (cycle.repeat === 'none') return null;
  const days = REPEAT_DAYS[cycle.repeat];
  let opensAt = shiftIso(cycle.opens_at, days);
  let closesAt = shiftIso(cycle.closes_at, days);
  while (closesAt <= now.toISOString()) {
    opensAt = shiftIso(opensAt, days);
    closesAt = shiftIso(closesAt, days);
  }
  return { id: null, name: cycle.name, opensAt, closesAt };
}

/** The refusal of a late order, naming the next cycle when there is one. */
export async function lateFailure(db: Tx, cycle: CyclesTable, now = new Date()) {
  const next = await nextCycleOf(db, cycle, now);
  if (!next) return fail('COLLECTIVE_CYCLE_ENDED', { name: cycle.name });
  return fail('COLLECTIVE_CYCLE_CLOSED', {
    name: cycle.name,
    next: next.name,
    opens: formatDateTime('id', next.opensAt, cycle.village_code),
    nextId: next.id,
  });
}
