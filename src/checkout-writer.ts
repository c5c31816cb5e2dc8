// The checkout writer thread's entry (a process entry point, like read-worker.ts): settles the
// checkout batcher's batches on its own writing connection to the database (see
// domains/orders/checkout/writer.ts). It composes the domains first, because a placement
// publishes to the in-transaction subscribers (logistics' parcels, partners' webhooks).
import { workerData } from 'node:worker_threads';
import { connect, idleCheckpoints } from './kernel/db/index.js';
import { answerCalls } from './kernel/offloop/index.js';
import { composeDomains } from './domains.js';
import {
  SETTLE_CALL,
  settleOnWire,
  writerConnectOptions,
  type CheckoutJob,
  type WriterConnection,
} from './domains/orders/index.js';

const { connection } = workerData as { connection: WriterConnection };
composeDomains();
const h = connect(writerConnectOptions(connection));
// On a SQLite file the thread copies the WAL into the database between batches, not in them.
const checkpoints = idleCheckpoints(h);
answerCalls(
  (name) =>
    name === SETTLE_CALL
      ? (jobs: CheckoutJob[]) => checkpoints.around(() => settleOnWire(h.db, jobs))
      : undefined,
  () => h.close(),
);
