// The PostgreSQL plan of a statement with sequential scans forbidden: a test world's tables
// are tiny, so the planner would scan them whatever the indexes; this shows whether an index
// can serve the statement at all (the prefix indexes of orders and search are pinned so).
import { sql, type Expression } from 'kysely';
import { inTransaction, type Db } from '../../src/kernel/db/index.js';

export async function planWithoutSeqScan(db: Db, statement: Expression<unknown>): Promise<string> {
  return inTransaction(db, async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const r = await sql<{ 'QUERY PLAN': string }>`explain ${statement}`.execute(tx);
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  });
}
