// What the standing-order page shows: the actor's standing orders (their own as buyer, or the
// households' at the points where they are the agent) with items, point, series name and the
// last runs with their notices. Every query is limited to those two scopes.
import type { Tx } from '../../kernel/db/index.js';
import type { StandingOrdersTable, StandingOutcome } from './collective.tables.js';
import { pointsByIds, variantsByIds } from './collective.queries.js';
import type { Notice } from './standing-place.js';

export interface StandingView {
  so: StandingOrdersTable;
  series: string;
  point: string;
  lines: { variantId: string; title: string; qty: number }[];
  runs: { cycle: string; outcome: StandingOutcome; notices: Notice[]; at: string }[];
}

export async function standingFor(
  db: Tx,
  userId: string,
  agentPointIds: string[],
): Promise<StandingView[]> {
  const rows = await db
    .selectFrom('standing_orders')
    .selectAll()
    .where((eb) =>
      agentPointIds.length
        ? eb.or([eb('buyer_user_id', '=', userId), eb('service_point_id', 'in', agentPointIds)])
        : eb('buyer_user_id', '=', userId),
    )
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const lines = await db
    .selectFrom('standing_order_lines')
    .selectAll()
    .where('standing_order_id', 'in', ids)
    .execute();
  const runs = await db
    .selectFrom('standing_order_runs as r')
    .innerJoin('cycles as c', 'c.id', 'r.cycle_id')
    .select(['r.standing_order_id', 'r.outcome', 'r.notices', 'r.at', 'c.name', 'c.opens_at'])
    .where('r.standing_order_id', 'in', ids)
    .orderBy('r.at', 'desc')
    .execute();
  const series = await db
    .selectFrom('cycles')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      rows.map((r) => r.series_id),
    )
    .execute();
  const titles = new Map(
    (
      await variantsByIds(
        db,
        lines.map((l) => l.variant_id),
      )
    ).map((v) => [v.variant_id, `${v.title} (${v.label})`]),
  );
  const points = new Map(
    (
      await pointsByIds(
        db,
        rows.map((r) => r.service_point_id),
      )
    ).map((p) => [p.id, p.name]),
  );
  return rows.map((so) => ({
    so,
    series: series.find((s) => s.id === so.series_id)?.name ?? '',
    point: points.get(so.service_point_id) ?? '',
    lines: lines
      .filter((l) => l.standing_order_id === so.id)
      .map((l) => ({
        variantId: l.variant_id,
        title: titles.get(l.variant_id) ?? l.variant_id,
        qty: l.qty,
      })),
    runs: runs
      .filter((r) => r.standing_order_id === so.id)
      .slice(0, 5)
      .map((r) => ({
        cycle: `${r.name} (${r.opens_at.slice(0, 10)})`,
        outcome: r.outcome,
        notices: JSON.parse(r.notices) as Notice[],
        at: r.at,
      })),
  }));
}
