// What the collective domain provides to orders' pages: the pickup sentence of a cycle order
// (confirmation and tracking) and the village page's section of open group buys and cycles.
import type { Tx } from '../../kernel/db/index.js';
import { t, formatDateTime, type Locale } from '../../kernel/i18n/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { cyclePickups } from './cycle-read.js';
import { pickupText } from './pickup-text.js';
import { priceAt } from './tiers.js';
import { tiersOf } from './group-buys.service.js';
import { servicePointPlaces, servicePointsOfVillage } from '../community/index.js';

export async function pickupNotesFor(db: Tx, orderIds: string[], locale: Locale) {
  const rows = await cyclePickups(db, orderIds);
  return new Map(
    rows.map((r) => [
      r.order_id,
      t(locale, 'collective.pickup.line', {
        point: r.point_name,
        when: pickupText(locale, r.pickup_date, r.pickup_from, r.pickup_to),
        cycle: r.cycle_name,
      }),
    ]),
  );
}

/** Open group buys and open cycles reachable from a village (its points). */
export async function openHere(db: Tx, villageCode: string, pointId?: string) {
  const now = new Date().toISOString();
  let gq = db
    .selectFrom('group_buys as g')
    .select([
      'g.id',
      'g.title',
      'g.unit_label',
      'g.list_price',
      'g.committed_qty',
      'g.minimum_qty',
      'g.deadline',
      'g.village_code',
      'g.service_point_id',
    ])
    .where('g.status', '=', 'open')
    .where('g.deadline', '>', now);
  gq = pointId
    ? gq.where('g.service_point_id', '=', pointId)
    : gq.where('g.village_code', '=', villageCode);
  const openBuys = await gq.orderBy('g.deadline').limit(20).execute();
  // The village's points (or the one point) through community: cycles are found by them.
  const here = pointId
    ? await servicePointPlaces(db, [pointId])
    : await servicePointsOfVillage(db, villageCode);
  const hereIds = here.map((p) => p.id);
  const openCycles = hereIds.length
    ? await db
        .selectFrom('cycles as c')
        .innerJoin('cycle_points as cp', 'cp.cycle_id', 'c.id')
        .select(['c.id', 'c.name', 'c.closes_at', 'c.village_code', 'cp.service_point_id'])
        .where('c.status', '=', 'open')
        .where('c.opens_at', '<=', now)
        .where('c.closes_at', '>', now)
        .where('cp.service_point_id', 'in', hereIds)
        .orderBy('c.closes_at')
        .limit(20)
        .execute()
    : [];
  const buyPoints = openBuys.map((b) => b.service_point_id).filter((id) => !hereIds.includes(id));
  const names = new Map(
    [...here, ...(await servicePointPlaces(db, [...new Set(buyPoints)]))].map((p) => [
      p.id,
      p.name,
    ]),
  );
  const point = (id: string) => names.get(id) ?? '';
  const buys = openBuys.map((b) => ({ ...b, point: point(b.service_point_id) }));
  const cycles = openCycles.map((c) => ({ ...c, point: point(c.service_point_id) }));
  const prices = new Map<string, number>();
  for (const b of buys)
    prices.set(b.id, priceAt(await tiersOf(db, b.id), b.list_price, b.committed_qty));
  return { buys, cycles, prices };
}

export async function CollectiveHere(p: {
  db: Tx;
  villageCode: string;
  locale: Locale;
  pointId?: string;
}) {
  const { buys, cycles, prices } = await openHere(p.db, p.villageCode, p.pointId);
  if (!buys.length && !cycles.length) return null;
  const tr = (k: string, x?: Record<string, unknown>) => t(p.locale, k, x);
  return (
    <section class="card" aria-labelledby="h-collective">
      <h2 id="h-collective">{tr('collective.here.title')}</h2>
      <ul>
        {buys.map((b) => (
          <li>
            <a href={`/patungan/${b.id}`}>{b.title}</a> ·{' '}
            {tr('collective.here.buy_line', {
              qty: b.committed_qty,
              min: b.minimum_qty,
              unit: b.unit_label,
              price: formatRupiah(prices.get(b.id) ?? b.list_price),
              deadline: formatDateTime(p.locale, b.deadline, b.village_code),
              point: b.point,
            })}
          </li>
        ))}
        {cycles.map((c) => (
          <li>
            <a href={`/pasar/${c.id}`}>{c.name}</a> ·{' '}
            {tr('collective.here.cycle_line', {
              point: c.point,
              closes: formatDateTime(p.locale, c.closes_at, c.village_code),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const villageSectionFor = async (db: Tx, villageCode: string, locale: Locale) =>
  CollectiveHere({ db, villageCode, locale });
