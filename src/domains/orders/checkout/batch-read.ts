// The reads of a batch of checkouts (group commit), a few statements for the whole batch
// instead of a few per order: every variant, its stock (locked on PostgreSQL), every
// destination, and the order numbers to hand out.
import { sql } from 'kysely';
import { isPostgres, type Tx } from '../../../kernel/db/index.js';
import type { VariantInfo } from './plan.js';

/**
 * Variants with their product, UMKM village and available stock. On PostgreSQL the stock rows
 * are locked FOR UPDATE in variant-id order, so concurrent batches touching the same variants
 * queue behind each other instead of deadlocking, and the availability read stays true until
 * this batch commits. (SQLite has one writer: the batch's transaction already excludes others.)
 */
export async function readVariants(
  tx: Tx,
  variantIds: string[],
): Promise<Map<string, VariantInfo>> {
  const out = new Map<string, VariantInfo>();
  if (variantIds.length === 0) return out;
  const ids = [...new Set(variantIds)].sort();
  const pg = isPostgres(tx as any);
  const stock = new Map<string, number>();
  if (pg) {
    const locked = await sql<{ variant_id: string; available: number }>`
      select variant_id, available from stock where variant_id in (${sql.join(ids)}) order by variant_id for update`.execute(
      tx,
    );
    for (const r of locked.rows) stock.set(r.variant_id, r.available);
  }
  const rows = await sql<VariantInfo>`
    select v.id as variant_id, v.label, v.price, v.weight_grams, v.active, p.id as product_id, p.title, p.listed,
           p.umkm_id, u.village_code as umkm_village, ${pg ? sql`null` : sql`s.available`} as available
    from variants v
    join products p on p.id = v.product_id
    join umkm u on u.id = p.umkm_id
    ${pg ? sql`` : sql`left join stock s on s.variant_id = v.id`}
    where v.id in (${sql.join(ids)})`.execute(tx);
  for (const r of rows.rows)
    out.set(r.variant_id, pg ? { ...r, available: stock.get(r.variant_id) ?? null } : r);
  return out;
}

/** Village of each pickup point and each registry village named as a delivery address. */
export async function readDestinations(
  tx: Tx,
  pointIds: string[],
  villageCodes: string[],
): Promise<{ points: Map<string, string>; villages: Set<string> }> {
  const points = new Map<string, string>();
  const villages = new Set<string>();
  if (pointIds.length) {
    const rows = await tx
      .selectFrom('service_points')
      .select(['id', 'village_code'])
      .where('id', 'in', [...new Set(pointIds)])
      .execute();
    for (const r of rows) points.set(r.id, r.village_code);
  }
  if (villageCodes.length) {
    const rows = await tx
      .selectFrom('regions')
      .select('code')
      .where('code', 'in', [...new Set(villageCodes)])
      .where('level', '=', 4)
      .execute();
    for (const r of rows) villages.add(r.code);
  }
  return { points, villages };
}

/** A source of `n` order sequence values: PostgreSQL's sequence, or max(seq) + 1… on SQLite. */
export async function reserveSeqs(tx: Tx, n: number): Promise<() => number> {
  if (isPostgres(tx as any)) {
    const r = await sql<{
      seqs: (number | string)[];
    }>`select array(select nextval('order_number_seq') from generate_series(1, ${n})) as seqs`.execute(
      tx,
    );
    const seqs = r.rows[0].seqs.map(Number);
    let i = 0;
    return () => {
      if (i >= seqs.length) throw new Error('order sequence values exhausted');
      return seqs[i++];
    };
  }
  const r = await sql<{ m: number }>`select coalesce(max(seq), 0) as m from orders`.execute(tx);
  let next = Number(r.rows[0].m);
  return () => ++next;
}
