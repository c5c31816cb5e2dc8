// Desa Digital readiness compared between western (KBI) and eastern (KTI) Indonesia, so the
// infrastructure gap is visible. KBI: Sumatra, Java and Bali (province codes 11–36, 51);
// KTI: Nusa Tenggara, Kalimantan, Sulawesi, Maluku and Papua (52 and up) — the Bappenas split.
// Averages are over the villages that have a value for that indicator.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';

export type Group = 'KBI' | 'KTI';

export function groupOf(code: string): Group {
  const p = Number(code.slice(0, 2));
  return p <= 36 || p === 51 ? 'KBI' : 'KTI';
}

export interface Readiness {
  /** Villages with a profile. */
  villages: number;
  povertyShare: number | null;
  electricityShare: number | null;
  /** Share of villages whose best signal is 4G / none. */
  signal4g: number | null;
  signalNone: number | null;
  officeInternet: number | null;
  allSeasonRoad: number | null;
  distanceKm: number | null;
  bumdes: number | null;
  koperasi: number | null;
}

interface Sums {
  n: number;
  [k: string]: number;
}
const INDICATORS = [
  'povertyShare',
  'electricityShare',
  'signal4g',
  'signalNone',
  'officeInternet',
  'allSeasonRoad',
  'distanceKm',
  'bumdes',
  'koperasi',
] as const;

/** Readiness averages for KBI and KTI (and per province), from one grouped query. */
export async function readinessByGroup(
  db: Tx,
  opts: { demoOnly?: boolean } = {},
): Promise<{
  groups: Record<Group, Readiness>;
  provinces: { code: string; name: string; group: Group; readiness: Readiness }[];
}> {
  const s = (expr: ReturnType<typeof sql>) => sql<number>`sum(${expr})`;
  const present = (col: string) => sql`case when ${sql.ref(col)} is null then 0 else 1 end`;
  const val = (col: string) => sql`coalesce(${sql.ref(col)}, 0)`;
  const is = (col: string, v: string) => sql`case when ${sql.ref(col)} = ${v} then 1 else 0 end`;
  let q = db
    .selectFrom('village_profiles')
    .select([
      sql<string>`substr(village_code, 1, 2)`.as('province'),
      (eb) => eb.fn.countAll<number>().as('n'),
      s(val('poverty_share')).as('povertyShare_sum'),
      s(present('poverty_share')).as('povertyShare_n'),
      s(val('electricity_share')).as('electricityShare_sum'),
      s(present('electricity_share')).as('electricityShare_n'),
      s(is('signal', '4g')).as('signal4g_sum'),
      s(present('signal')).as('signal4g_n'),
      s(is('signal', 'none')).as('signalNone_sum'),
      s(present('signal')).as('signalNone_n'),
      s(val('office_internet')).as('officeInternet_sum'),
      s(present('office_internet')).as('officeInternet_n'),
      s(is('road_access', 'all_season')).as('allSeasonRoad_sum'),
      s(present('road_access')).as('allSeasonRoad_n'),
      s(val('distance_km')).as('distanceKm_sum'),
      s(present('distance_km')).as('distanceKm_n'),
      s(val('has_bumdes')).as('bumdes_sum'),
      s(present('has_bumdes')).as('bumdes_n'),
      s(val('has_koperasi')).as('koperasi_sum'),
      s(present('has_koperasi')).as('koperasi_n'),
    ])
    .groupBy(sql`substr(village_code, 1, 2)`);
  if (opts.demoOnly) q = q.where('is_demo', '=', 1);
  const rows = (await q.execute()) as unknown as (Sums & { province: string })[];
  const names = new Map(
    (await db.selectFrom('regions').select(['code', 'name']).where('level', '=', 1).execute()).map(
      (r) => [r.code, r.name],
    ),
  );
  const total: Record<Group, Sums> = { KBI: { n: 0 }, KTI: { n: 0 } };
  const provinces = rows
    .map((r) => {
      const g = groupOf(r.province);
      for (const [k, v] of Object.entries(r))
        if (k !== 'province') total[g][k] = (total[g][k] ?? 0) + Number(v);
      return {
        code: r.province,
        name: names.get(r.province) ?? r.province,
        group: g,
        readiness: finish(r),
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return { groups: { KBI: finish(total.KBI), KTI: finish(total.KTI) }, provinces };
}

function finish(s: Sums): Readiness {
  const out: Record<string, number | null> = { villages: Number(s.n ?? 0) };
  for (const k of INDICATORS) {
    const n = Number(s[`${k}_n`] ?? 0);
    out[k] = n > 0 ? Number(s[`${k}_sum`]) / n : null;
  }
  return out as unknown as Readiness;
}
