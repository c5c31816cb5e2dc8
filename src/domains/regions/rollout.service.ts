// The rollout registry: the date a village, a whole district or a whole regency joined the
// programme. A village's cohort is the date of its nearest enrolled ancestor-or-self (a
// village's own date overrides its district's, which overrides its regency's). The impact
// module reads cohorts through `villageCohorts`.
import { audit } from '../../kernel/audit/index.js';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { ancestorCodes, isRegionCode, villagesIn } from './regions.queries.js';
import { canWriteRegion, type Writer } from './profiles.service.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Records (or moves) the date an area joined. Only regencies, districts and villages join. */
export async function recordRollout(
  db: Tx,
  who: Writer,
  code: string,
  joinedOn: string,
  opts: { isDemo?: boolean; reason?: string | null } = {},
): Promise<Result<{ code: string; joinedOn: string }>> {
  const checked = await checkRollout(db, who, code, joinedOn);
  if (!checked.ok) return checked;
  await inTransaction(db, (tx) => writeRollout(tx, who, code, joinedOn, opts));
  return ok({ code, joinedOn });
}

/** The checks of one rollout entry: a joinable area the writer may change, and a sane date. */
export async function checkRollout(
  db: Tx,
  who: Writer,
  code: string,
  joinedOn: string,
): Promise<Result<null>> {
  if (!isRegionCode(code)) return fail('REGIONS_BAD_CODE', { code });
  const area = await db
    .selectFrom('regions')
    .select(['code', 'level'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!area) return fail('REGIONS_UNKNOWN_CODE', { code });
  if (Number(area.level) < 2) return fail('REGIONS_ROLLOUT_LEVEL');
  if (!canWriteRegion(who, code)) return fail('FORBIDDEN');
  if (!isIsoDate(joinedOn) || joinedOn < '2000-01-01' || joinedOn > '2100-12-31')
    return fail('VALIDATION_FAILED', {}, { joined_on: { key: 'regions.rollout.bad_date' } });
  return ok(null);
}

/** Writes one checked entry and its audit row inside the caller's transaction; `reason` says why it was chosen. */
export async function writeRollout(
  tx: Tx,
  who: Writer,
  code: string,
  joinedOn: string,
  opts: { isDemo?: boolean; reason?: string | null; batch?: string } = {},
): Promise<void> {
  const by = who === 'system' ? null : who.userId;
  const reason = opts.reason ?? null;
  const before = await tx
    .selectFrom('rollouts')
    .select('joined_on')
    .where('region_code', '=', code)
    .executeTakeFirst();
  await tx
    .insertInto('rollouts')
    .values({
      region_code: code,
      joined_on: joinedOn,
      created_at: nowIso(),
      created_by: by,
      is_demo: opts.isDemo ? 1 : 0,
      reason,
    })
    .onConflict((oc) => oc.column('region_code').doUpdateSet({ joined_on: joinedOn, reason }))
    .execute();
  await audit(tx, {
    actorId: by,
    action: 'regions.rollout_recorded',
    entityType: 'rollout',
    entityId: code,
    data: {
      joinedOn,
      before: before?.joined_on ?? null,
      ...(reason ? { reason } : {}),
      ...(opts.batch ? { batch: opts.batch } : {}),
    },
  });
}

/** Removes an area's rollout entry (a correction); its villages fall back to ancestors. */
export async function removeRollout(db: Tx, who: Writer, code: string): Promise<Result<null>> {
  if (!isRegionCode(code)) return fail('REGIONS_BAD_CODE', { code });
  if (!canWriteRegion(who, code)) return fail('FORBIDDEN');
  const by = who === 'system' ? null : who.userId;
  const n = await inTransaction(db, async (tx) => {
    const r = await tx.deleteFrom('rollouts').where('region_code', '=', code).executeTakeFirst();
    if (Number(r.numDeletedRows) > 0)
      await audit(tx, {
        actorId: by,
        action: 'regions.rollout_removed',
        entityType: 'rollout',
        entityId: code,
      });
    return Number(r.numDeletedRows);
  });
  return n > 0 ? ok(null) : fail('NOT_FOUND');
}

/** Rollout entries that cover anything inside `prefix`: inside it, or on its ancestors. */
export async function enrolledPrefixes(
  db: Tx,
  prefix: string | null,
): Promise<Map<string, string>> {
  let q = db.selectFrom('rollouts').select(['region_code', 'joined_on']);
  if (prefix)
    q = q.where((eb) =>
      eb.or([
        eb('region_code', 'in', [...ancestorCodes(prefix), prefix]),
        eb('region_code', 'like', `${prefix}.%`),
      ]),
    );
  return new Map((await q.execute()).map((r) => [r.region_code, r.joined_on]));
}

/** The nearest enrolled ancestor-or-self of a code in a set of entries, or null. */
export function cohortIn(
  code: string,
  entries: Map<string, string>,
): { joinedOn: string; via: string } | null {
  for (const c of [code, ...ancestorCodes(code).reverse()]) {
    const d = entries.get(c);
    if (d) return { joinedOn: d, via: c };
  }
  return null;
}

export function isEnrolled(code: string, entries: Map<string, string>): boolean {
  return cohortIn(code, entries) !== null;
}

/** A village's (or any area's) cohort: its join date and the area whose entry gave it. */
export async function cohortOf(
  db: Tx,
  code: string,
): Promise<{ joinedOn: string; via: string } | null> {
  return cohortIn(code, await enrolledPrefixes(db, code));
}

/** Every enrolled village inside `prefix` (all when omitted) → the date it joined. */
export async function villageCohorts(db: Tx, prefix?: string): Promise<Map<string, string>> {
  const entries = await enrolledPrefixes(db, prefix ?? null);
  const out = new Map<string, string>();
  if (entries.size === 0) return out;
  // Shallow entries first, so a deeper (nearer) entry overwrites its ancestor's date.
  const sorted = [...entries].sort((a, b) => a[0].length - b[0].length);
  const inside = (c: string) => !prefix || c === prefix || c.startsWith(prefix + '.');
  for (const [code, joinedOn] of sorted) {
    if (code.split('.').length === 4) {
      if (inside(code)) out.set(code, joinedOn);
      continue;
    }
    // An ancestor of the prefix covers the prefix's villages only.
    const base = prefix && prefix.startsWith(code + '.') ? prefix : code;
    // The kept village list (a LIKE over the codes scans every area, once per entry and page).
    for (const r of await villagesIn(db, [base])) out.set(r.code, joinedOn);
  }
  return out;
}

export interface RolloutRow {
  code: string;
  name: string;
  level: number;
  joinedOn: string;
  isDemo: boolean;
  reason: string | null;
}

/** The rollout entries inside a region (for its page), by date then code. */
export async function rolloutsIn(db: Tx, prefix: string): Promise<RolloutRow[]> {
  const rows = await db
    .selectFrom('rollouts as o')
    .innerJoin('regions as r', 'r.code', 'o.region_code')
    .select(['o.region_code', 'r.name', 'r.level', 'o.joined_on', 'o.is_demo', 'o.reason'])
    .where((eb) =>
      eb.or([eb('o.region_code', '=', prefix), eb('o.region_code', 'like', `${prefix}.%`)]),
    )
    .orderBy('o.joined_on')
    .orderBy('o.region_code')
    .execute();
  return rows.map((r) => ({
    code: r.region_code,
    name: r.name,
    level: Number(r.level),
    joinedOn: r.joined_on,
    isDemo: Number(r.is_demo) === 1,
    reason: r.reason,
  }));
}
