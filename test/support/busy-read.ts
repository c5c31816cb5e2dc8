// A read model that keeps its thread busy for `ms` and then reads the database: stands in for a
// national dashboard query in the off-loop tests (the read worker imports this module).
import { readModel } from '../../src/kernel/offloop/index.js';

export const busyRead = readModel('test.busy', async (db, ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin: synchronous work, as a long SQLite query is
  }
  const r = await db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
});

export const reads = [busyRead];
