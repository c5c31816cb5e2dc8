// Named prepared statements on PostgreSQL for fixed-text queries run on every request (the
// bearer token's and the session's lookup, see compiled-once.ts) or every checkout batch (its
// idempotency keys, kernel/http/idempotency-batch.ts). Sent as plain text, PostgreSQL
// parses and plans such a statement on every request: under the checkout bench the ten main
// pool backends answering token lookups used 38 % of PostgreSQL's CPU (1.5 of 4.6 s). A named
// statement is parsed once per connection, and after five executions planned once (generic
// plan). Only fixed texts are registered, so each connection holds a handful of statements.
// SQLite needs none of this: its connection keeps prepared statements already (connect.ts).
import type Pg from 'pg';

const names = new Map<string, string>();

/** Registers a statement text that is run often with changing parameters only. */
export function prepareNamed(sql: string): void {
  if (!names.has(sql)) names.set(sql, `lumbung_${names.size + 1}`);
}

/** Sends the registered texts as named statements on this pool's connections. */
export function usePreparedNames(pool: Pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const [text, values, callback] = args;
      const name = typeof text === 'string' ? names.get(text) : undefined;
      return name ? query({ name, text, values }, callback) : query(...args);
    };
  });
}
