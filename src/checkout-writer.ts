// The checkout writer thread's entry (a process entry point, like read-worker.ts): settles the
// checkout batcher's batches on its own writing connection to the database (see
// domains/orders/checkout/writer.ts). It composes the domains first, because a placement
// publishes to the in-transaction subscribers (logistics' parcels, partners' webhooks).
import { workerData } from 'node:worker_threads';
import { answerCalls } from './kernel/offloop/index.js';
import { composeDomains } from './domains.js';
import { SETTLE_CALL, threadSettler, type WriterConnection } from './domains/orders/index.js';

const { connection } = workerData as { connection: WriterConnection };
composeDomains();
// On a SQLite file the thread copies the WAL into the database between batches, not in them.
const writer = threadSettler(connection);
answerCalls((name) => (name === SETTLE_CALL ? writer.settle : undefined), writer.close);
