// Programme KPIs for one area (the nation, a province, regency, district or village), read
// through the other domains' exported queries. Each block is independent: a table a domain has not shipped
// yet shows as "no data" instead of breaking the page.
import type { Db } from '../../kernel/db/index.js';
import { regionWhere } from '../../kernel/auth/index.js';
import { listedCount, listedSellerIds } from '../catalog/index.js';
import { umkmCountBy, umkmCounts } from '../community/index.js';
import { parcelOutcomes } from '../logistics/index.js';
import { recentSellerIds, salesTotals, salesValueBy } from '../orders/index.js';
import { childrenOf, connectivityOfProfiles } from '../regions/index.js';
import { attendanceTotals } from '../training/index.js';
import { villageCohorts } from './regions.queries.js';
import { householdCells, povertyBy } from './outcomes.queries.js';

import { lineBook } from './poverty-lines.js';
import { regionGroup, type RegionGroup } from './region-groups.js';
import { median } from '../../lib/stats/index.js';
import { summaryGmvBy, summarySales } from './sales-summary.queries.js';
import {
  enrolledOn,
  summaryCells,
  summaryLatestWave,
  summaryParcels,
  summaryRegencies,
  type RegencyRow,
} from './area-summary.queries.js';
import type { VillageYear } from './outcomes.queries.js';
import type { Focus } from './focus.js';

export type { Focus } from './focus.js';

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

/**
 * Which precomputed summaries a national or province view reads (kpi.reads sets them once
 * refreshed): `sales` (sales-summary.ts), `areas` (area-summary.ts); live otherwise.
 */
export interface Sources {
  /** When the summary was last refreshed (read it), or null / absent (read live). */
  sales?: string | null;
  areas?: string | null;
}

/** The latest survey wave inside the scope, or null. */
async function latestWave(db: Db, scope: 'all' | string[], from: Sources): Promise<number | null> {
  if (from.areas) return summaryLatestWave(db, scope);
  const last = await db
    .selectFrom('household_surveys')
    .select((eb) => eb.fn.max('wave_year').as('y'))
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .executeTakeFirst();
  return last?.y ? Number(last.y) : null;
}

/** One wave's village cells inside the scope (`villages`: the scope's, when read live). */
async function cellsOf(
  db: Db,
  scope: 'all' | string[],
  wave: number,
  from: Sources,
  villages: () => Promise<Awaited<ReturnType<typeof villageCohorts>>>,
): Promise<VillageYear[]> {
  if (from.areas) return summaryCells(db, scope, wave);
  return householdCells(
    db,
    scope,
    new Map((await villages()).map((v) => [v.code, v])),
    await lineBook(db),
    wave,
  );
}

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
 * The KPI set of one area. `asOf` is today's date for enrolment (ISO). `from`: which blocks
 * come from the precomputed summaries (national and province views) instead of live reads.
 */
export async function kpisFor(
  db: Db,
  focus: Focus,
  asOf = new Date().toISOString().slice(0, 10),
  from: Sources = {},
): Promise<Kpis> {
  const scope = prefixes(focus);
  const regencies = from.areas ? await summaryRegencies(db, scope) : null;
  const villages = regencies ? null : await villageCohorts(db, scope);
  const since = new Date(Date.now() - 90 * 86400_000).toISOString();
  const sum = (f: (r: RegencyRow) => number) => regencies!.reduce((a, r) => a + f(r), 0);
  const [umkm, marketReady, orders, parcels, trained, households] = await Promise.all([
    // Active: a listed product, or an order in the last 90 days.
    safe(async () =>
      regencies
        ? { total: sum((r) => r.umkm), active: sum((r) => r.umkm_active) }
        : umkmCounts(db, scope, [listedSellerIds(db), recentSellerIds(db, since)]),
    ),
    safe(async () => (regencies ? sum((r) => r.listed) : listedCount(db, scope))),
    safe(async () => {
      if (from.sales) return summarySales(db, scope, from.sales);
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
    safe(() => (from.areas ? summaryParcels(db, scope) : parcelOutcomes(db, scope))),
    safe(() => attendanceTotals(db, scope)),
    latestPoverty(db, scope, from, async () => villages!),
  ]);
  return {
    villages: regencies ? sum((r) => r.villages) : villages!.length,
    enrolledVillages: regencies
      ? sum((r) => enrolledOn(r, asOf))
      : villages!.filter((v) => v.joinedOn !== null && v.joinedOn <= asOf).length,
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
  from: Sources,
  villages: () => Promise<Awaited<ReturnType<typeof villageCohorts>>>,
) {
  const wave = await latestWave(db, scope, from);
  if (wave === null) return null;
  const cells = await cellsOf(db, scope, wave, from, villages);
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
  from: Sources = {},
): Promise<ChildRow[]> {
  const scope = prefixes(focus);
  const len = childLength(focus);
  const children = (await childrenOf(db, focus === 'all' ? null : focus)).filter(
    (c) => c.code.length === len && c.code !== focus,
  );
  const key = (c: string) => c.slice(0, len);
  // Per child: villages, enrolled and UMKM, from the regency rows or counted live.
  const counts = new Map<string, { villages: number; enrolled: number; umkm: number }>();
  const add = (code: string, villages: number, enrolled: number, umkm: number) => {
    const a = counts.get(key(code)) ?? { villages: 0, enrolled: 0, umkm: 0 };
    a.villages += villages;
    a.enrolled += enrolled;
    a.umkm += umkm;
    counts.set(key(code), a);
  };
  let villages: Awaited<ReturnType<typeof villageCohorts>> | null = null;
  let umkm: Map<string, number> | null;
  if (from.areas && len <= 5) {
    for (const r of await summaryRegencies(db, scope))
      add(r.regency_code, r.villages, enrolledOn(r, asOf), r.umkm);
    umkm = new Map([...counts].map(([k, a]) => [k, a.umkm]));
  } else {
    villages = await villageCohorts(db, scope);
    for (const v of villages) add(v.code, 1, v.joinedOn !== null && v.joinedOn <= asOf ? 1 : 0, 0);
    umkm = await safe(() => umkmCountBy(db, scope, len));
  }
  const gmv = await safe(() =>
    from.sales && len <= 5 ? summaryGmvBy(db, scope, len) : salesValueBy(db, scope, len),
  );
  const wave = await latestWave(db, scope, from);
  const pov = new Map<string, number>();
  if (wave !== null) {
    const cells = await cellsOf(db, scope, wave, from, async () => villages!);
    const rows = cells.map((c) => ({ ...c, village: key(c.village) }));
    for (const r of aggregateBy(rows)) pov.set(r.code, r.p0);
  }
  return children.map((c) => {
    const a = counts.get(c.code);
    return {
      code: c.code,
      name: c.name,
      villages: a?.villages ?? 0,
      enrolled: a?.enrolled ?? 0,
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
  from: Sources = {},
  /** The national breakdown when the caller has it already (the national page). */
  provinces?: ChildRow[],
): Promise<GroupRow[]> {
  const national = provinces ?? (await childBreakdown(db, 'all', asOf, from));
  const wave = await latestWave(db, 'all', from);
  const cells =
    wave === null ? [] : await cellsOf(db, 'all', wave, from, () => villageCohorts(db, 'all'));
  // Profiled villages with a signal, with 4G, with an electricity share, and the shares' sum.
  const conn = { KBI: [0, 0, 0, 0], KTI: [0, 0, 0, 0] };
  if (from.areas) {
    for (const r of await summaryRegencies(db, 'all')) {
      const c = conn[regionGroup(r.regency_code)];
      c[0] += r.with_signal;
      c[1] += r.signal_4g;
      c[2] += r.with_electricity;
      c[3] += r.electricity_sum;
    }
  } else {
    for (const p of await connectivityOfProfiles(db)) {
      const c = conn[regionGroup(p.village_code)];
      if (p.signal !== null) c[0]++;
      if (p.signal === '4g') c[1]++;
      if (p.electricity_share !== null) c[2]++;
      c[3] += p.electricity_share ?? 0;
    }
  }
  return (['KBI', 'KTI'] as const).map((g) => {
    const prov = national.filter((p) => regionGroup(p.code) === g);
    const [withSignal, with4g, withElec, elecSum] = conn[g] as [number, number, number, number];
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
      signal4g: withSignal ? with4g / withSignal : null,
      electricity: withElec ? elecSum / withElec : null,
      p0: persons ? cs.reduce((a, c) => a + c.poor, 0) / persons : null,
      meanPerCapita: logN ? Math.exp(cs.reduce((a, c) => a + c.logSum, 0) / logN) : null,
    };
  });
}
