// An area's stage counts for a period, from the stage summary (stage-summary.ts): the months'
// rows for each whole month, the parcels' marks for the days at the edges, and for the parcels
// written since the last fold their values from the scans (less their old marks where a month's
// rows still hold them). All read in one snapshot, so a fold committing meanwhile changes
// nothing. A kecamatan or a village is counted from the scans: the summary does not hold them.
import type { Kysely, Transaction } from 'kysely';
import { inSnapshot, type Database, type Tx } from '../../kernel/db/index.js';
import { liveStageCounts, SCOPED_COLUMNS, type StageCount } from './stage-counts.queries.js';
import { touching } from './parcel-stats.queries.js';
import { childrenOf } from '../regions/index.js';
import { countsOf, regionsOf, tenthsOf, type Counts } from './stage-summary.js';

/**
 * Above this many parcels waiting to be folded (the first fold after the migration on a big
 * database, or a bulk load) the period is counted from the scans: correct, only slower.
 */
const MAX_WAITING = 20_000;

/** The period [from, end) as whole months and runs of days [a, b) at its edges. */
export function periodParts(
  from: string,
  end: string,
): { months: string[]; days: [string, string][] } {
  const months: string[] = [];
  const days: [string, string][] = [];
  for (let day = from; day < end; ) {
    const month = day.slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    if (day === `${month}-01` && next <= end) months.push(month);
    else {
      const b = next < end ? next : end;
      const last = days[days.length - 1];
      if (last && last[1] === day) last[1] = b;
      else days.push([day, b]);
    }
    day = next;
  }
  return { months, days };
}

export async function stageCountsOf(
  db: Tx,
  prefix: string,
  from: string,
  end: string,
  maxWaiting = MAX_WAITING,
): Promise<StageCount[]> {
  // The area's parcels created in the period (all of them, or those still to be folded).
  const scoped = (tx: Tx) =>
    tx
      .selectFrom('parcels')
      .select(SCOPED_COLUMNS)
      .where((eb) => touching(eb, [prefix]))
      .where('created_at', '>=', from)
      .where('created_at', '<', end);
  const whole = (tx: Tx) => liveStageCounts(tx, scoped(tx));
  if (prefix.length !== 2 && prefix.length !== 5) return whole(db);
  const read = async (tx: Transaction<Database>): Promise<StageCount[]> => {
    const waiting = (
      await tx
        .selectFrom('parcel_stage_dirty')
        .select('parcel_id')
        .distinct()
        .limit(maxWaiting + 1)
        .execute()
    ).map((r) => r.parcel_id);
    if (waiting.length > maxWaiting) return whole(tx);
    const stale = new Set(waiting);
    const { months, days } = periodParts(from, end);
    const out: StageCount[] = [];
    const add = (c: Counts, sign: 1 | -1) => {
      for (const [k, of] of c) for (const [tenths, n] of of) out.push({ k, tenths, n: sign * n });
    };
    if (months.length)
      for (const r of await tx
        .selectFrom('parcel_stage_months')
        .select(['k', 'counts'])
        .where('region', '=', prefix)
        .where('month', 'in', months)
        .execute())
        add(new Map([[r.k, tenthsOf(r.counts)]]), 1);
    if (days.length) {
      // The area's regencies: marks are filed by regency, and indexed so.
      const regencies =
        prefix.length === 5 ? [prefix] : (await childrenOf(tx, prefix)).map((r) => r.code);
      // One statement a run of days: PostgreSQL bounds the (regency, day) indexes by one range
      // only; the two edges of a province's year in one statement read all its 217,000 marks
      // (911 ms against 15 ms).
      for (const [a, b] of regencies.length ? days : [])
        for (const m of await tx
          .selectFrom('parcel_stage_marks')
          .select(['parcel_id', 'marks'])
          .where('day', '>=', a)
          .where('day', '<', b)
          .where((eb) => eb.or([eb('origin', 'in', regencies), eb('destination', 'in', regencies)]))
          .execute())
          if (!stale.has(m.parcel_id)) add(countsOf(m.marks), 1);
    }
    if (waiting.length) {
      // Parcels not folded yet: out of their months' rows as they were, in as they are now.
      const inMonths = new Set(months);
      for (const m of await tx
        .selectFrom('parcel_stage_marks')
        .selectAll()
        .where('parcel_id', 'in', waiting)
        .execute())
        if (inMonths.has(m.day.slice(0, 7)) && regionsOf(m).includes(prefix))
          add(countsOf(m.marks), -1);
      out.push(...(await liveStageCounts(tx, scoped(tx).where('id', 'in', waiting))));
    }
    return out;
  };
  return (db as Transaction<Database>).isTransaction
    ? read(db as Transaction<Database>)
    : inSnapshot(db as Kysely<Database>, read);
}
