// The read of a batch of checkouts: one statement for the whole batch, whether it holds one
// checkout or hundreds: every variant, its stock (locked on PostgreSQL), every destination,
// and the order numbers to hand out.
import { sql, type RawBuilder } from 'kysely';
import { isPostgres, type Tx } from '../../../kernel/db/index.js';
import { variantsForCheckout, type CheckoutVariant } from '../../catalog/index.js';
import { servicePointVillagesQuery } from '../../community/index.js';
import { villagesAmongQuery } from '../../regions/index.js';

export interface BatchRead {
  variants: Map<string, CheckoutVariant>;
  /** Village of each pickup point named. */
  points: Map<string, string>;
  /** The registry villages among the delivery addresses named. */
  villages: Set<string>;
  /** The next order number's sequence value. */
  nextSeq(): number;
}

/**
 * Everything a batch of checkouts reads, in one statement: variants with their product, UMKM
 * village and available stock (catalog's `variantsForCheckout`), the village of every pickup
 * point (community) and registry village (regions) named, and order sequence values
 * (PostgreSQL hands out `seqCount` from its sequence; SQLite reads max(seq), safe under its one
 * writer). Each domain builds its own part, so this file names only orders' tables, and a
 * checkout of one line still costs this read, two statements per reservation (three on
 * PostgreSQL: its rows are locked first), the group claim and the inserts.
 *
 * The stock is read without a lock: the batch plans against it, and its conditional
 * reservation near the end (place-batch.ts) decides; a batch that finds less stock there than
 * it read rolls back, and its checkouts run again one by one.
 */
export async function readBatch(
  tx: Tx,
  o: { variantIds: string[]; pointIds: string[]; villageCodes: string[]; seqCount: number },
): Promise<BatchRead> {
  const points = [...new Set(o.pointIds)];
  const villages = [...new Set(o.villageCodes)];
  const pg = isPostgres(tx as any);
  const pointsOf = servicePointVillagesQuery(tx, points);
  const villagesOf = villagesAmongQuery(tx, villages);
  // The batch-wide values come on the first row only: repeated on each of a batch's rows (one
  // per variant), their parsing was 7 % of the writer thread's CPU with 1,000 UMKM's variants
  // (bench/README.md, "The batch read's per-batch values once").
  const once = (e: RawBuilder<unknown>) => sql`case when row_number() over () = 1 then ${e} end`;
  const pointsSql = !points.length
    ? sql`null`
    : once(
        pg
          ? sql`(select json_object_agg(x.id, x.village_code) from ${pointsOf} x)`
          : sql`(select json_group_object(x.id, x.village_code) from ${pointsOf} x)`,
      );
  const villagesSql = !villages.length
    ? sql`null`
    : once(
        pg
          ? sql`(select json_agg(x.code) from ${villagesOf} x)`
          : sql`(select json_group_array(x.code) from ${villagesOf} x)`,
      );
  const seqsSql = pg
    ? sql`null as max_seq, ${once(sql`array(select nextval('order_number_seq') from generate_series(1, ${o.seqCount}))`)} as seqs`
    : sql`${once(sql`(select coalesce(max(seq), 0) from orders)`)} as max_seq, null as seqs`;
  const r = await sql<
    CheckoutVariant & {
      points: unknown;
      villages: unknown;
      max_seq: number | null;
      seqs: (number | string)[] | null;
    }
  >`
    select c.*, ${pointsSql} as points, ${villagesSql} as villages, ${seqsSql}
    from (${variantsForCheckout(tx, o.variantIds)}) c`.execute(tx);
  const rows = r.rows;
  const json = <T>(v: unknown, empty: T): T =>
    v == null ? empty : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T);
  // The row that carries them (the sequence values are never null there).
  const first = rows.find((x) => x.seqs != null || x.max_seq != null);
  const variants = new Map<string, CheckoutVariant>();
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
