// The PostgreSQL plan of a statement with sequential scans forbidden: a test world's tables
// are tiny, so the planner would scan them whatever the indexes; this shows whether an index
// can serve the statement at all (the prefix indexes of orders and search are pinned so).
// On SQLite, `explain query plan` (its planner picks an index whatever the table's size).
import { CompiledQuery, sql, type Compilable, type Expression } from 'kysely';
import { inTransaction, isPostgres, type Db } from '../../src/kernel/db/index.js';

export async function planWithoutSeqScan(db: Db, statement: Expression<unknown>): Promise<string> {
  if (!isPostgres(db)) {
    // Kysely parenthesises a query used as an expression, which SQLite's EXPLAIN refuses.
    const q = (statement as unknown as Compilable).compile();
    const r = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
    );
    return r.rows.map((x) => x.detail).join('\n');
  }
  return inTransaction(db, async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const r = await sql<{ 'QUERY PLAN': string }>`explain ${statement}`.execute(tx);
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  });
}
