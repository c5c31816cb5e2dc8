// Sales facts other domains read (training's milestones and KPIs): only orders names its
// tables; these functions are exported from index.ts.
import type { Tx } from '../../kernel/db/index.js';
import './orders.tables.js';

/** Placement times of every sale (an order not cancelled) of each UMKM, oldest first. */
export async function saleTimesOf(db: Tx, umkmIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(umkmIds.map((id) => [id, []]));
  for (let i = 0; i < umkmIds.length; i += 500) {
    const rows = await db
      .selectFrom('orders')
      .select(['umkm_id', 'placed_at'])
      .where('umkm_id', 'in', umkmIds.slice(i, i + 500))
      .where('status', '!=', 'cancelled')
      .orderBy('placed_at')
      .execute();
    for (const r of rows) out.get(r.umkm_id)?.push(r.placed_at);
  }
  return out;
}
