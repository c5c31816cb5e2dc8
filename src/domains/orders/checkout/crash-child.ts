// Child process of the crash test and the crash bench: takes orders through group commit as
// fast as it can and prints "ACK <orderId>" only after the order's batch committed. The
// parent kills it with SIGKILL at a random moment and checks every ACK survived. The batches
// commit in the checkout writer thread, as in production (CRASH_WRITER_SCRIPT: the writer's
// entry, bundled by the parent).
import { writeSync } from 'node:fs';
import { connect } from '../../../kernel/db/index.js';
import { CheckoutBatcher } from './group-commit.js';
import { SETTLE_CALL, startWriterThread } from './writer.js';

const [variantsCsv, servicePointId] = process.argv.slice(2);
const variants = variantsCsv.split(',');
const h = connect({
  databaseUrl: process.env.CRASH_DATABASE_URL,
  pgSchema: process.env.CRASH_PG_SCHEMA,
  sqlitePath: process.env.CRASH_SQLITE_PATH,
  synchronous: 'FULL',
  poolSize: 4,
});
const batcher = new CheckoutBatcher(h.db, { maxBatch: 32, parallel: 1 });
const writerScript = process.env.CRASH_WRITER_SCRIPT;
const sqlitePath = process.env.CRASH_SQLITE_PATH;
const databaseUrl = process.env.CRASH_DATABASE_URL;
if (writerScript) {
  const writer = startWriterThread(h, batcher, {
    connection: databaseUrl
      ? { databaseUrl, pgSchema: process.env.CRASH_PG_SCHEMA }
      : { sqlitePath: sqlitePath!, synchronous: 'FULL' },
    script: new URL(writerScript),
    loader: null,
  });
  // Started before READY (an empty batch commits nothing), so a run measures orders, not start-up.
  await writer.call(SETTLE_CALL, [[]]);
}
let n = 0;

async function worker() {
  for (;;) {
    const i = n++;
    const r = await batcher.place(
      {
        lines: [{ variantId: variants[i % variants.length], qty: 1 + (i % 3) }],
        buyer: { name: 'Uji Crash', phone: '081234567890' },
        delivery: { kind: 'pickup', servicePointId },
        paymentMethod: 'cod',
        channel: 'api',
      },
      null,
    );
    if (r.ok) writeSync(1, `ACK ${r.value.orders[0].id}\n`);
    else writeSync(1, `NACK ${r.code}\n`);
  }
}
// Loaded and connected: wait for the parent's "go" (it warms the next child while one runs).
writeSync(1, 'READY\n');
process.stdin.once('data', () => {
  for (let k = 0; k < 32; k++) void worker();
});
