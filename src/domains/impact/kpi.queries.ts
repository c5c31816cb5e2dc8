// Programme KPIs for one area (the nation, a province, regency, district or village), read
// through the other domains' exported queries. Each block is independent: a table a domain has not shipped
// yet shows as "no data" instead of breaking the page.
import type { Db } from '../../kernel/db/index.js';
import { regionWhere } from '../../kernel/auth/index.js';
import { listedCount, listedSellerIds } from '../catalog/index.js';
import { umkmCountBy, umkmCounts } from '../community/index.js';
import { parcelsTouching } from '../logistics/index.js';
import { recentSellerIds, salesTotals, salesValueBy } from '../orders/index.js';
import { childrenOf, connectivityOfProfiles } from '../regions/index.js';
import { attendanceTotals } from '../training/index.js';
import { villageCohorts } from './regions.queries.js';
import { householdCells, povertyBy } from './outcomes.queries.js';

import { lineBook } from './poverty-lines.js';
import { regionGroup, type RegionGroup } from './region-groups.js';
import { median } from '../../lib/stats/index.js';
import { summaryGmvBy, summarySales } from './sales-summary.queries.js';

export type Focus = 'all' | string;
const prefixes = (f: Focus): 'all' | string[] => (f === 'all' ? 'all' : [f]);
/** Length of the code of a focus's children: nation → provinces (2), province → regencies (5) … */
export function childLength(f: Focus): number {
  return f === 'all'
    ? 2
    : (({ 2: 5, 5: 8, 8: 13 } as Record<number, number>)[f.length] ?? f.length);
}

/** Runs a KPI block; a missing table (a domain not migrated yet) gives null, other errors throw. */
async function safe<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    if (/no such table|does not exist/i.test(e instanceof Error ? e.message : String(e)))
      return null;
    throw e;
  }
}

const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86400_000;

export interface Kpis {
  villages: number;
  enrolledVillages: number;
  umkm: { total: number; active: number } | null;
  marketReady: number | null;
  orders: {
    count: number;
    gmv: number;
    sellerShare: number;
    itemsTotal: number;
    leadDays: number | null;
    delivered: number;
  } | null;
  parcels: {
    total: number;
    delivered: number;
    failed: number;
    inProgress: number;
    leadDays: number | null;
  } | null;
  trained: { attended: number; certified: number } | null;
  households: {
    wave: number;
    surveyed: number;
    below: number;
    above: number;
    p0: number;
    p1: number;
    linePeriod: string | null;
  } | null;
}

/**
 * The KPI set of one area. `asOf` is today's date for enrolment (ISO). `summary`: sales come
 * from the precomputed regency-months (national and province views) instead of the orders.
 */
export async function kpisFor(
  db: Db,
  focus: Focus,
  asOf = new Date().toISOString().slice(0, 10),
  summary = false,
): Promise<Kpis> {
  const scope = prefixes(focus);
  const villages = await villageCohorts(db, scope);
  const since = new Date(Date.now() - 90 * 86400_000).toISOString();
  const [umkm, marketReady, orders, parcels, trained, households] = await Promise.all([
    // Active: a listed product, or an order in the last 90 days.
    safe(() => umkmCounts(db, scope, [listedSellerIds(db), recentSellerIds(db, since)])),
    safe(() => listedCount(db, scope)),
    safe(async () => {
      if (summary) return summarySales(db, scope);
      const s = await salesTotals(db, scope);
      return {
        count: s.count,
        gmv: s.gmv,
        itemsTotal: s.itemsTotal,
        sellerShare: s.sellerShare,
        delivered: s.leadDays.length,
        leadDays: median(s.leadDays),
      };
    }),
    safe(async () => {
      const rows = await parcelsTouching(db, scope);
      const delivered = rows.filter((r) => r.status === 'delivered');
      return {
        total: rows.length,
        delivered: delivered.length,
        failed: rows.filter((r) => r.status === 'failed_delivery').length,
        inProgress: rows.filter((r) => r.status !== 'delivered' && r.status !== 'failed_delivery')
          .length,
        leadDays: median(
          delivered.filter((r) => r.delivered_at).map((r) => days(r.created_at, r.delivered_at!)),
        ),
      };
    }),
    safe(() => attendanceTotals(db, scope)),
    latestPoverty(db, scope, villages),
  ]);
  return {
    villages: villages.length,
    enrolledVillages: villages.filter((v) => v.joinedOn !== null && v.joinedOn <= asOf).length,
    umkm,
    marketReady,
    orders,
    parcels,
    trained,
    households,
  };
}

async function latestPoverty(
  db: Db,
  scope: 'all' | string[],
  villages: Awaited<ReturnType<typeof villageCohorts>>,
) {
  const last = await db
    .selectFrom('household_surveys')
    .select((eb) => eb.fn.max('wave_year').as('y'))
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .executeTakeFirst();
  if (!last?.y) return null;
  const wave = Number(last.y);
  const cells = await householdCells(
    db,
    scope,
    new Map(villages.map((v) => [v.code, v])),
    await lineBook(db),
    wave,
  );
  const [all] = povertyBy(
    cells.map((c) => ({ ...c, village: '00' })),
    'province',
  );
  if (!all) return null;
  return {
    wave,
    surveyed: all.households,
    below: all.poorHouseholds,
    above: all.households - all.poorHouseholds,
    p0: all.p0,
    p1: all.p1,
    linePeriod: all.linePeriod,
  };
}

export interface ChildRow {
  code: string;
  name: string;
  villages: number;
  enrolled: number;
  umkm: number | null;
  gmv: number | null;
  p0: number | null;
}

/** The focus's children (provinces, regencies, districts or villages) with a few KPIs each. */
export async function childBreakdown(
  db: Db,
  focus: Focus,
  asOf = new Date().toISOString().slice(0, 10),
  summary = false,
): Promise<ChildRow[]> {
  const scope = prefixes(focus);
  const len = childLength(focus);
  const children = (await childrenOf(db, focus === 'all' ? null : focus)).filter(
    (c) => c.code.length === len && c.code !== focus,
  );
  const villages = await villageCohorts(db, scope);
  const key = (c: string) => c.slice(0, len);
  const umkm = await safe(() => umkmCountBy(db, scope, len));
  const gmv = await safe(() =>
    summary && len <= 5 ? summaryGmvBy(db, scope, len) : salesValueBy(db, scope, len),
  );
  const last = await db
    .selectFrom('household_surveys')
    .select((eb) => eb.fn.max('wave_year').as('y'))
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .executeTakeFirst();
  const pov = new Map<string, number>();
  if (last?.y) {
    const cells = await householdCells(
      db,
      scope,
      new Map(villages.map((v) => [v.code, v])),
      await lineBook(db),
      Number(last.y),
    );
    const rows = cells.map((c) => ({ ...c, village: key(c.village) }));
    for (const r of aggregateBy(rows)) pov.set(r.code, r.p0);
  }
  const byChild = new Map<string, typeof villages>();
  for (const v of villages) {
    const list = byChild.get(key(v.code));
    if (list) list.push(v);
    else byChild.set(key(v.code), [v]);
  }
  return children.map((c) => {
    const vs = byChild.get(c.code) ?? [];
    return {
      code: c.code,
      name: c.name,
      villages: vs.length,
      enrolled: vs.filter((v) => v.joinedOn !== null && v.joinedOn <= asOf).length,
      umkm: umkm ? (umkm.get(c.code) ?? 0) : null,
      gmv: gmv ? (gmv.get(c.code) ?? 0) : null,
      p0: pov.has(c.code) ? pov.get(c.code)! : null,
    };
  });
}

function aggregateBy(cells: { village: string; persons: number; poor: number }[]) {
  const acc = new Map<string, { persons: number; poor: number }>();
  for (const c of cells) {
    const a = acc.get(c.village) ?? { persons: 0, poor: 0 };
    a.persons += c.persons;
    a.poor += c.poor;
    acc.set(c.village, a);
  }
  return [...acc].map(([code, a]) => ({ code, p0: a.persons ? a.poor / a.persons : NaN }));
}

export interface GroupRow {
  group: RegionGroup;
  villages: number;
  enrolled: number;
  umkm: number | null;
  gmv: number | null;
  signal4g: number | null;
  electricity: number | null;
  p0: number | null;
  meanPerCapita: number | null;
}

/** KBI (west) against KTI (east): readiness from village profiles, programme reach and poverty. */
export async function westEast(
  db: Db,
  asOf = new Date().toISOString().slice(0, 10),
  summary = false,
): Promise<GroupRow[]> {
  const national = await childBreakdown(db, 'all', asOf, summary);
  const profiles = await connectivityOfProfiles(db);
  const last = await db
    .selectFrom('household_surveys')
    .select((eb) => eb.fn.max('wave_year').as('y'))
    .executeTakeFirst();
  const cells = last?.y
    ? await householdCells(
        db,
        'all',
        new Map((await villageCohorts(db, 'all')).map((v) => [v.code, v])),
        await lineBook(db),
        Number(last.y),
      )
    : [];
  return (['KBI', 'KTI'] as const).map((g) => {
    const prov = national.filter((p) => regionGroup(p.code) === g);
    const pr = profiles.filter((p) => regionGroup(p.village_code) === g);
    const withSignal = pr.filter((p) => p.signal !== null);
    const withElec = pr.filter((p) => p.electricity_share !== null);
    const cs = cells.filter((c) => regionGroup(c.village) === g);
    const persons = cs.reduce((a, c) => a + c.persons, 0);
    const logN = cs.reduce((a, c) => a + c.logN, 0);
    const sumOrNull = (xs: (number | null)[]) =>
      xs.every((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0);
    return {
      group: g,
      villages: prov.reduce((a, p) => a + p.villages, 0),
      enrolled: prov.reduce((a, p) => a + p.enrolled, 0),
      umkm: sumOrNull(prov.map((p) => p.umkm)),
      gmv: sumOrNull(prov.map((p) => p.gmv)),
      signal4g: withSignal.length
        ? withSignal.filter((p) => p.signal === '4g').length / withSignal.length
        : null,
      electricity: withElec.length
        ? withElec.reduce((a, p) => a + (p.electricity_share ?? 0), 0) / withElec.length
        : null,
      p0: persons ? cs.reduce((a, c) => a + c.poor, 0) / persons : null,
      meanPerCapita: logN ? Math.exp(cs.reduce((a, c) => a + c.logSum, 0) / logN) : null,
    };
  });
}
