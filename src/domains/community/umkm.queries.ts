// UMKM facts other domains read (the innovation centre, training, orders): only community
// names its tables; these functions are exported from index.ts.
import { expressionBuilder, sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { idWhere, regionWhere } from '../../kernel/auth/index.js';
import type { Database, Tx } from '../../kernel/db/index.js';
import './community.tables.js';

export interface UmkmFacts {
  id: string;
  name: string;
  village_code: string;
  organisation_id: string | null;
  owner_name: string | null;
}

/** Name, village and organisation of these UMKM by id. */
export async function umkmFactsByIds(db: Tx, ids: string[]): Promise<Map<string, UmkmFacts>> {
  const out = new Map<string, UmkmFacts>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('umkm')
      .select(['id', 'name', 'village_code', 'organisation_id', 'owner_name'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/** UMKM ids whose organisation is one of `organisationIds` (a community manager's UMKM). */
export async function umkmOfOrganisations(db: Tx, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('umkm')
    .select('id')
    .where('organisation_id', 'in', organisationIds)
    .execute();
  return rows.map((r) => r.id);
}

/** Whose UMKM a caller manages: region prefixes ('all' = the country) and organisation ids. */
export interface UmkmManagement {
  regions: 'all' | string[];
  orgIds: string[];
}

/** The ids of the managed UMKM as a subquery (`where('umkm_id', 'in', managedUmkmIds(db, m))`). */
export function managedUmkmIds(db: Tx, m: UmkmManagement) {
  return db
    .selectFrom('umkm')
    .select('umkm.id')
    .where((eb) =>
      eb.or([
        regionWhere(eb, 'umkm.village_code', m.regions),
        idWhere(eb, 'umkm.organisation_id', m.orgIds),
      ]),
    );
}

/** The managed UMKM by name (`id` narrows to one; at most `limit`). */
export async function managedUmkm(
  db: Tx,
  m: UmkmManagement,
  opts: { id?: string; limit?: number } = {},
): Promise<UmkmFacts[]> {
  let q = db
    .selectFrom('umkm')
    .select(['id', 'name', 'village_code', 'organisation_id', 'owner_name'])
    .where('id', 'in', managedUmkmIds(db, m));
  if (opts.id !== undefined) q = q.where('id', '=', opts.id);
  return q
    .orderBy('name')
    .limit(opts.limit ?? 500)
    .execute();
}

/** UMKM of a region prefix, oldest first (demo seeds pick their participants from them). */
export async function umkmInRegion(db: Tx, prefix: string, limit: number): Promise<UmkmFacts[]> {
  return db
    .selectFrom('umkm')
    .select(['id', 'name', 'village_code', 'organisation_id', 'owner_name'])
    .where('village_code', 'like', `${prefix}.%`)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/** Earliest issue date of a product certification (PIRT, halal, BPOM) of each UMKM. */
export async function firstProductCertifiedOn(
  db: Tx,
  umkmIds: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < umkmIds.length; i += 500) {
    const rows = await db
      .selectFrom('certifications')
      .select(['umkm_id', (e) => e.fn.min('issued_on').as('on')])
      .where('umkm_id', 'in', umkmIds.slice(i, i + 500))
      .where('kind', 'in', ['pirt', 'halal_regular', 'halal_self_declare', 'bpom_md', 'bpom_ml'])
      .groupBy('umkm_id')
      .execute();
    for (const r of rows) if (r.on) out.set(r.umkm_id, String(r.on));
  }
  return out;
}

/** A subquery of UMKM ids another domain builds (sellers with a listed product, with a recent sale). */
export type UmkmIdQuery = SelectQueryBuilder<Database, keyof Database, { umkm_id: string }>;
/** The sets an active UMKM is in any of, the broadest and cheapest first (see activeParts). */
type ActiveIds = [UmkmIdQuery, ...UmkmIdQuery[]];

/**
 * Any of the sets as disjoint parts, each a condition on `umkm.id`: in the first; in the second
 * and not the first; and so on. Each is an EXISTS the planner makes a semi- or anti-join of,
 * with the set's own indexes: an UMKM with a listed product is never looked up in the orders.
 * One IN over the sets' `union all` read every id of each: 1.7 s a minute at national scale,
 * most of it the 90 days' orders of the recent sellers (bench/README.md, "The sales summary adds
 * each change once"). (`id in (a) or id in (b)` was worse: no join at all, and once a set
 * outgrew work_mem each UMKM re-read it.)
 */
function activeParts(ids: ActiveIds) {
  return ids.map((_, i) => (eb: ExpressionBuilder<Database, 'umkm'>) => {
    const isIn = (q: UmkmIdQuery) =>
      eb.exists(
        eb.selectFrom(q.as('a')).select(sql.lit(1).as('one')).whereRef('a.umkm_id', '=', 'umkm.id'),
      );
    return eb.and([isIn(ids[i]!), ...ids.slice(0, i).map((q) => eb.not(isIn(q)))]);
  });
}

/** UMKM inside region prefixes ('all' = the country): all, and those in any of `active`. */
export async function umkmCounts(
  db: Tx,
  scope: 'all' | string[],
  active: ActiveIds,
): Promise<{ total: number; active: number }> {
  const inScope = () =>
    db
      .selectFrom('umkm')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => regionWhere(eb, 'umkm.village_code', scope));
  const total = await inScope().executeTakeFirstOrThrow();
  let act = 0;
  for (const part of activeParts(active))
    act += Number((await inScope().where(part).executeTakeFirstOrThrow()).n ?? 0);
  return { total: Number(total.n ?? 0), active: act };
}

/**
 * UMKM inside region prefixes counted per area code of length `len` (a breakdown table); only
 * those in any of `active` when given (as umkmCounts' active count).
 */
export async function umkmCountBy(
  db: Tx,
  scope: 'all' | string[],
  len: number,
  active?: ActiveIds,
): Promise<Map<string, number>> {
  const area = sql<string>`substr(village_code, 1, ${sql.lit(len)})`;
  const counts = (part?: ReturnType<typeof activeParts>[number]) =>
    db
      .selectFrom('umkm')
      .select([area.as('k'), (eb) => eb.fn.countAll().as('v')])
      .where((eb) => regionWhere(eb, 'umkm.village_code', scope))
      .$if(part !== undefined, (q) => q.where(part!))
      .groupBy(area)
      .execute();
  const out = new Map<string, number>();
  for (const part of active === undefined ? [undefined] : activeParts(active))
    for (const r of await counts(part))
      out.set(String(r.k), (out.get(String(r.k)) ?? 0) + Number(r.v ?? 0));
  return out;
}

/** What of an UMKM and its organisation other domains show beside their own rows (no personal data but the public WhatsApp). */
export type UmkmShown = 'name' | 'story' | 'whatsapp' | 'village_code';
export type OrganisationShown = 'name' | 'kind';

/**
 * One column of the UMKM whose id is in the column `umkmId` (e.g. `'p.umkm_id'`), as a scalar
 * subquery another domain selects inside its own statement (`umkmColumn('p.umkm_id',
 * 'name').as('umkm_name')`): its cards and pages stay one statement without naming our tables.
 * Null when no such UMKM.
 */
export function umkmColumn<C extends UmkmShown>(umkmId: string, column: C) {
  return expressionBuilder<Database>()
    .selectFrom('umkm')
    .select(`umkm.${column}`)
    .where('umkm.id', '=', sql.ref<string>(umkmId));
}

/** One column of the organisation (BUMDes, koperasi …) running the UMKM in `umkmId`, the same way; null when it has none. */
export function umkmOrganisationColumn<C extends OrganisationShown>(umkmId: string, column: C) {
  return expressionBuilder<Database>()
    .selectFrom('umkm')
    .innerJoin('organisations', 'organisations.id', 'umkm.organisation_id')
    .select(`organisations.${column}`)
    .where('umkm.id', '=', sql.ref<string>(umkmId));
}
