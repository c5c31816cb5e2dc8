// A query that runs on every request (the bearer token's or the session's lookup) was built
// with Kysely's builder and compiled to SQL anew each time: ≈ 3 % of a signed-in API request's
// CPU went to building and visiting the same tree. `compiledOnce` builds the query once per
// database with a stand-in for its one argument and then only swaps the argument in. On
// PostgreSQL the text is also sent as a named prepared statement (prepared.ts).
import type { Compilable, CompiledQuery } from 'kysely';
import type { Tx } from './types.js';
import { prepareNamed } from './prepared.js';

/** Never a real argument: a NUL cannot come from a header, a cookie or a hash. */
const STAND_IN = '\u0000compiled-once\u0000';

export function compiledOnce<Row>(
  build: (db: Tx, arg: string) => Compilable<Row>,
): (db: Tx, arg: string) => Promise<Row | undefined> {
  // By database: a transaction is another Kysely instance (built for it, rarely used here).
  const cache = new WeakMap<Tx, CompiledQuery<Row>>();
  return async (db, arg) => {
    let q = cache.get(db);
    if (!q) {
      q = build(db, STAND_IN).compile();
      if (q.parameters.filter((p) => p === STAND_IN).length !== 1)
        throw new Error('compiledOnce: the query must use its argument exactly once');
      prepareNamed(q.sql);
      cache.set(db, q);
    }
    const parameters = q.parameters.map((p) => (p === STAND_IN ? arg : p));
    return (await db.executeQuery<Row>({ ...q, parameters })).rows[0];
  };
}
