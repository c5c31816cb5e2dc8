// The one read of a checkout: every variant with its product, UMKM village and stock, the
// delivery target's village, and the order numbers to hand out — in a single statement, so a
// checkout costs 3 + 2 × lines statements (this read, two per reservation, two inserts).
import { sql } from 'kysely';
import { isPostgres, type Tx } from '../../../kernel/db/index.js';
import type { VariantInfo } from './plan.js';

/** A variant as planning needs it, plus what only this read brings. */
export interface CheckoutRow extends VariantInfo {
  /** Village of the pickup point, or the destination village when it exists in the registry. */
  dest_village: string | null;
  /** SQLite: the highest order seq so far; PostgreSQL: null. */
  max_seq: number | null;
  /** PostgreSQL: fresh order seqs (one per line, enough for one order per UMKM). */
  seqs: (number | string)[] | null;
}

export async function readCheckout(
  tx: Tx,
  variantIds: string[],
  delivery: { kind: 'pickup'; servicePointId: string } | { kind: 'address'; villageCode: string },
): Promise<CheckoutRow[]> {
  const pg = isPostgres(tx as any);
  const dest =
    delivery.kind === 'pickup'
      ? sql<
          string | null
        >`(select sp.village_code from service_points sp where sp.id = ${delivery.servicePointId})`
      : sql<
          string | null
        >`(select r.code from regions r where r.code = ${delivery.villageCode} and r.level = 4)`;
  const numbers = pg
    ? sql`null as max_seq, array(select nextval('order_number_seq') from generate_series(1, ${variantIds.length})) as seqs`
    : sql`(select coalesce(max(o.seq), 0) from orders o) as max_seq, null as seqs`;
  const r = await sql<CheckoutRow>`
    select v.id as variant_id, v.label, v.price, v.weight_grams, v.active, p.id as product_id, p.title, p.listed,
           p.umkm_id, u.village_code as umkm_village, s.available, ${dest} as dest_village, ${numbers}
    from variants v
    join products p on p.id = v.product_id
    join umkm u on u.id = p.umkm_id
    left join stock s on s.variant_id = v.id
    where v.id in (${sql.join(variantIds)})`.execute(tx);
  return r.rows;
}
