// Training KPIs of a region and year: person-times trained against the officer's target
// (NRECDP counties had to reach ≥ 3,000 each), completion, pillar scores before/after, and
// whether trained UMKM went on to sell within 90 days.
import { sql } from 'kysely';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { canInRegion, regionWhere, type Actor } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { pillarAverages, type PillarAverage } from './assessment.service.js';
import { findArea } from '../regions/index.js';
import { saleTimesOf } from '../orders/index.js';

export const SALE_WINDOW_DAYS = 90;

export interface TrainingKpis {
  regionPrefix: string;
  year: number;
  /** Attendances (one person at one session counts once). */
  personTimes: number;
  /** The officer's target for this region and year, or null when none is set. */
  target: number | null;
  registered: number;
  completed: number;
  /** completed / registered, null without registrations. */
  completionRate: number | null;
  pillars: Record<'before' | 'after', PillarAverage>;
  trainedUmkm: number;
  trainedUmkmWithSale: number;
  /** Share of trained UMKM that sold within 90 days after their session; null when none trained. */
  saleWithin90Share: number | null;
  perRegency: { regencyCode: string; personTimes: number; target: number | null }[];
}

// '' = the whole country.
const inRegion = (prefix: string) =>
  prefix === ''
    ? sql<boolean>`1 = 1`
    : sql<boolean>`(training_sessions.region_code = ${prefix} or training_sessions.region_code like ${prefix + '.%'})`;

/** The training KPIs of `regionPrefix` (a province, regency or district code; '' = national) in `year`. */
export async function trainingKpis(
  db: Tx,
  regionPrefix: string,
  year: number,
): Promise<TrainingKpis> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const base = db
    .selectFrom('session_participants')
    .innerJoin('training_sessions', 'training_sessions.id', 'session_participants.session_id')
    .where(inRegion(regionPrefix))
    .where('training_sessions.starts_at', '>=', from)
    .where('training_sessions.starts_at', '<', to);
  const [totals, byRegency, targets, trained, pillars] = await Promise.all([
    base
      .select((eb) => [
        eb.fn.countAll<number>().as('registered'),
        eb.fn.sum<number>('session_participants.attended').as('attended'),
        eb.fn.sum<number>('session_participants.completed').as('completed'),
      ])
      .executeTakeFirstOrThrow(),
    base
      .select([
        sql<string>`substr(training_sessions.region_code, 1, 5)`.as('regency'),
        (eb) => eb.fn.sum<number>('session_participants.attended').as('attended'),
      ])
      .groupBy(sql`substr(training_sessions.region_code, 1, 5)`)
      .execute(),
    db
      .selectFrom('training_targets')
      .select(['region_code', 'person_times'])
      .where('year', '=', year)
      .where((eb) =>
        regionPrefix === ''
          ? eb.lit(true)
          : eb.or([
              eb('region_code', '=', regionPrefix),
              eb('region_code', 'like', `${regionPrefix}.%`),
            ]),
      )
      .execute(),
    base
      .select([
        'session_participants.umkm_id',
        (eb) => eb.fn.min('training_sessions.starts_at').as('first'),
      ])
      .where('session_participants.completed', '=', 1)
      .where('session_participants.umkm_id', 'is not', null)
      .groupBy('session_participants.umkm_id')
      .execute(),
    pillarAverages(db, regionPrefix || 'all', year),
  ]);
  const targetOf = new Map(targets.map((t) => [t.region_code, Number(t.person_times)]));
  const umkmIds = trained.map((r) => r.umkm_id as string);
  const sales = await saleTimesOf(db, umkmIds);
  let withSale = 0;
  for (const r of trained) {
    const start = new Date(String(r.first)).getTime();
    const end = start + SALE_WINDOW_DAYS * 86_400_000;
    if (
      (sales.get(r.umkm_id as string) ?? []).some((s) => {
        const t = new Date(s).getTime();
        return t >= start && t <= end;
      })
    )
      withSale++;
  }
  const registered = Number(totals.registered);
  const completed = Number(totals.completed ?? 0);
  const regencies = new Set([
    ...byRegency.map((r) => r.regency),
    ...targets.filter((t) => t.region_code.length === 5).map((t) => t.region_code),
  ]);
  return {
    regionPrefix,
    year,
    personTimes: Number(totals.attended ?? 0),
    target: targetOf.get(regionPrefix) ?? null,
    registered,
    completed,
    completionRate: registered ? completed / registered : null,
    pillars,
    trainedUmkm: trained.length,
    trainedUmkmWithSale: withSale,
    saleWithin90Share: trained.length ? withSale / trained.length : null,
    perRegency: [...regencies].sort().map((c) => ({
      regencyCode: c,
      personTimes: Number(byRegency.find((r) => r.regency === c)?.attended ?? 0),
      target: targetOf.get(c) ?? null,
    })),
  };
}

/** Sets the person-times target of a regency (or province) for a year; officers in scope only. */
export async function setTarget(
  db: Tx,
  actor: Actor,
  regionCode: string,
  year: number,
  personTimes: number,
): Promise<Result<void>> {
  if (!canInRegion(actor, ['national_admin', 'regional_officer'], regionCode))
    return fail('FORBIDDEN');
  const region = await findArea(db, regionCode);
  if (!region || region.level > 2)
    return fail(
      'TRAINING_TARGET_REGION',
      {},
      { region_code: { key: 'training.error.target_region' } },
    );
  const now = nowIso();
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('training_targets')
      .values({
        region_code: regionCode,
        year,
        person_times: personTimes,
        updated_at: now,
        updated_by: actor.userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['region_code', 'year'])
          .doUpdateSet({ person_times: personTimes, updated_at: now, updated_by: actor.userId }),
      )
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'training.target.set',
      entityType: 'region',
      entityId: regionCode,
      data: { year, personTimes },
    });
  });
  return ok(undefined);
}

/** Attendances and certificates of sessions held inside region prefixes ('all' = the country). */
export async function attendanceTotals(
  db: Tx,
  scope: 'all' | string[],
): Promise<{ attended: number; certified: number }> {
  const r = await db
    .selectFrom('session_participants')
    .innerJoin('training_sessions', 'training_sessions.id', 'session_participants.session_id')
    .select((eb) => [
      eb.fn
        .sum(eb.case().when('session_participants.attended', '=', 1).then(1).else(0).end())
        .as('attended'),
      eb.fn
        .sum(eb.case().when('session_participants.completed', '=', 1).then(1).else(0).end())
        .as('certified'),
    ])
    .where((eb) => regionWhere(eb, 'training_sessions.region_code', scope))
    .executeTakeFirstOrThrow();
  return { attended: Number(r.attended ?? 0), certified: Number(r.certified ?? 0) };
}
