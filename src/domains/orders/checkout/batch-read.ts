// The read of a batch of checkouts: one statement for the whole batch, whether it holds one
// checkout or hundreds: every variant, its stock (locked on PostgreSQL), every destination,
// and the order numbers to hand out.
import { sql } from 'kysely';
import { isPostgres, type Tx } from '../../../kernel/db/index.js';
import type { VariantInfo } from './plan.js';

export interface BatchRead {
  variants: Map<string, VariantInfo>;
  /** Village of each pickup point named. */
  points: Map<string, string>;
  /** The registry villages among the delivery addresses named. */
  villages: Set<string>;
  /** The next order number's sequence value. */
  nextSeq(): number;
}

/**
 * Everything a batch of checkouts reads, in one statement: variants with their product, UMKM
 * village and available stock, the village of every pickup point and registry village named,
 * and order sequence values (PostgreSQL hands out `seqCount` from its sequence; SQLite reads
 * max(seq), safe under its one writer). So a checkout of one line costs this read, two
 * statements per reservation, the group claim and the inserts.
 *
 * On PostgreSQL the stock rows are locked FOR UPDATE in variant-id order, so concurrent batches
 * touching the same variants queue behind each other instead of deadlocking, and the
 * availability read stays true until this batch commits.
 */
export async function readBatch(
  tx: Tx,
  o: { variantIds: string[]; pointIds: string[]; villageCodes: string[]; seqCount: number },
): Promise<BatchRead> {
  const ids = [...new Set(o.variantIds)].sort();
  const points = [...new Set(o.pointIds)];
  const villages = [...new Set(o.villageCodes)];
  const pg = isPostgres(tx as any);
  const pointsSql = !points.length
    ? sql`null`
    : pg
      ? sql`(select json_object_agg(id, village_code) from service_points where id in (${sql.join(points)}))`
      : sql`(select json_group_object(id, village_code) from service_points where id in (${sql.join(points)}))`;
  const villagesSql = !villages.length
    ? sql`null`
    : pg
      ? sql`(select json_agg(code) from regions where level = 4 and code in (${sql.join(villages)}))`
      : sql`(select json_group_array(code) from regions where level = 4 and code in (${sql.join(villages)}))`;
  const seqsSql = pg
    ? sql`null as max_seq, array(select nextval('order_number_seq') from generate_series(1, ${o.seqCount})) as seqs`
    : sql`(select coalesce(max(seq), 0) from orders) as max_seq, null as seqs`;
  const stockSql = pg ? sql`locked` : sql`stock`;
  const r = await sql<
    VariantInfo & {
      points: unknown;
      villages: unknown;
      max_seq: number | null;
      seqs: (number | string)[] | null;
    }
  >`
    ${pg ? sql`with locked as materialized (select variant_id, available from stock where variant_id in (${sql.join(ids)}) order by variant_id for update) ` : sql``}
    select v.id as variant_id, v.label, v.price, v.weight_grams, v.active, p.id as product_id, p.title, p.listed,
           p.umkm_id, u.village_code as umkm_village, s.available,
           ${pointsSql} as points, ${villagesSql} as villages, ${seqsSql}
    from variants v
    join products p on p.id = v.product_id
    join umkm u on u.id = p.umkm_id
    left join ${stockSql} s on s.variant_id = v.id
    where v.id in (${sql.join(ids)})`.execute(tx);
  const rows = r.rows;
  const json = <T>(v: unknown, empty: T): T =>
    v == null ? empty : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T);
  const first = rows[0];
  const variants = new Map<string, VariantInfo>();
  for (const { points: _p, villages: _v, max_seq: _m, seqs: _s, ...v } of rows)
    variants.set(v.variant_id, v);
  let nextSeq: () => number = () => {
    throw new Error('no order sequence values read');
  };
  if (first?.seqs) {
    const seqs = first.seqs.map(Number);
    let i = 0;
    nextSeq = () => {
      if (i >= seqs.length) throw new Error('order sequence values exhausted');
      return seqs[i++];
    };
  } else if (first) {
    let next = Number(first.max_seq ?? 0);
    nextSeq = () => ++next;
  }
  return {
    variants,
    points: new Map(Object.entries(json<Record<string, string>>(first?.points, {}))),
    villages: new Set(json<string[]>(first?.villages, [])),
    nextSeq,
  };
}
