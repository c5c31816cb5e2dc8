// Starts the worker threads of a SQLite file: the read workers (see kernel/offloop) and the
// checkout writer (domains/orders/checkout/writer.ts). Each worker script sits beside this file:
// TypeScript under tsx (development, tests), a compiled .mjs in dist/ (production).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ReadWorkers, ReplicaReads } from './kernel/offloop/index.js';
import { connect, type DbHandle } from './kernel/db/index.js';
import { reads } from './read-models.js';
import {
  checkoutBatcher,
  startWriterThread,
  type WriterConnection,
} from './domains/orders/index.js';

function workerScript(name: string) {
  const compiled = import.meta.url.endsWith('.mjs');
  const script = new URL(compiled ? `./${name}.mjs` : `./${name}.ts`, import.meta.url);
  // tsx's ESM API: the "require" condition resolves to its CommonJS build; the ESM twin is beside.
  const loader = compiled
    ? null
    : pathToFileURL(
        createRequire(import.meta.url)
          .resolve('tsx/esm/api')
          .replace(/\.cjs$/, '.mjs'),
      ).href;
  return { script, loader };
}

export function readWorkersFor(sqlitePath: string, modules: string[] = []): ReadWorkers {
  return new ReadWorkers({ sqlitePath, modules, ...workerScript('read-worker') });
}

/**
 * Hands the checkout batches of `h` to a writer thread with its own connection to the same
 * database (a SQLite file, or PostgreSQL). Like the read workers it starts on the first batch
 * and stops after a minute without one. Returns the thread, to close on shutdown.
 */
export function startCheckoutWriter(h: DbHandle, connection: WriterConnection): ReadWorkers {
  return startWriterThread(h, checkoutBatcher(h.db), {
    connection,
    ...workerScript('checkout-writer'),
  });
}

/** Dashboards' read models on a PostgreSQL replica (LUMBUNG_REPLICA_URL; kernel/offloop). */
export function replicaReadsFor(replicaUrl: string): ReplicaReads {
  return new ReplicaReads(connect({ databaseUrl: replicaUrl, poolSize: 4 }), reads);
}
