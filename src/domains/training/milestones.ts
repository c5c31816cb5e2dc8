// A mentoring plan's milestones, detected from what actually happened: market-ready products
// (innovation/catalog), sales (orders), certifications (community). Detection is a pure
// function of those facts; `refreshMilestones` stores the first date each was reached.
import { newId } from '../../kernel/ids/index.js';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { MILESTONE_KINDS, type MilestoneKind } from './training.tables.js';
import { firstProductCertifiedOn } from '../community/index.js';
import { saleTimesOf } from '../orders/index.js';
import { marketReadyAt } from './training.queries.js';

export interface MilestoneFacts {
  marketReadyAt: string | null;
  sales: string[];
  certifiedOn: string | null;
}

/** Orders in one calendar month (UTC) that reach the "10 orders a month" milestone. */
export const ORDERS_PER_MONTH = 10;

/** When each milestone was first reached, or null. */
export function detectMilestones(f: MilestoneFacts): Record<MilestoneKind, string | null> {
  let tenth: string | null = null;
  const perMonth = new Map<string, number>();
  for (const at of [...f.sales].sort()) {
    const m = at.slice(0, 7);
    const n = (perMonth.get(m) ?? 0) + 1;
    perMonth.set(m, n);
    if (n === ORDERS_PER_MONTH && !tenth) tenth = at;
  }
  return {
    market_ready: f.marketReadyAt,
    first_online_sale: [...f.sales].sort()[0] ?? null,
    certification: f.certifiedOn,
    orders_10_month: tenth,
  };
}

/** Creates the standard plan (the four milestones) for an UMKM that has none yet. */
export async function ensurePlan(tx: Tx, umkmId: string): Promise<void> {
  const have = new Set(
    (
      await tx
        .selectFrom('mentoring_milestones')
        .select('kind')
        .where('umkm_id', '=', umkmId)
        .execute()
    ).map((r) => r.kind),
  );
  const missing = MILESTONE_KINDS.filter((k) => !have.has(k));
  if (missing.length)
    await tx
      .insertInto('mentoring_milestones')
      .values(
        missing.map((kind) => ({
          id: newId('mms'),
          umkm_id: umkmId,
          kind,
          target_on: null,
          achieved_at: null,
          created_at: nowIso(),
        })),
      )
      .execute();
}

export interface MilestoneRow {
  umkm_id: string;
  kind: MilestoneKind;
  target_on: string | null;
  achieved_at: string | null;
}

/** Checks the plans of these UMKM against live data, records newly reached milestones, returns all. */
export async function refreshMilestones(
  db: Tx,
  umkmIds: string[],
): Promise<Map<string, MilestoneRow[]>> {
  const out = new Map<string, MilestoneRow[]>(umkmIds.map((id) => [id, []]));
  if (umkmIds.length === 0) return out;
  const [ready, sales, certs, rows] = await Promise.all([
    marketReadyAt(db, umkmIds),
    saleTimesOf(db, umkmIds),
    firstProductCertifiedOn(db, umkmIds),
    db
      .selectFrom('mentoring_milestones')
      .select(['id', 'umkm_id', 'kind', 'target_on', 'achieved_at'])
      .where('umkm_id', 'in', umkmIds)
      .execute(),
  ]);
  const updates: { id: string; at: string }[] = [];
  for (const r of rows) {
    const found = detectMilestones({
      marketReadyAt: ready.get(r.umkm_id) ?? null,
      sales: sales.get(r.umkm_id) ?? [],
      certifiedOn: certs.get(r.umkm_id) ?? null,
    })[r.kind];
    // Once reached, a milestone stays reached (a later withdrawn listing does not undo history).
    if (!r.achieved_at && found) {
      r.achieved_at = found;
      updates.push({ id: r.id, at: found });
    }
    out.get(r.umkm_id)?.push(r);
  }
  if (updates.length) {
    await inTransaction(db, async (tx) => {
      for (const u of updates)
        await tx
          .updateTable('mentoring_milestones')
          .set({ achieved_at: u.at })
          .where('id', '=', u.id)
          .where('achieved_at', 'is', null)
          .execute();
    });
  }
  for (const list of out.values())
    list.sort((a, b) => MILESTONE_KINDS.indexOf(a.kind) - MILESTONE_KINDS.indexOf(b.kind));
  return out;
}
