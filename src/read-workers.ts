// Starts the read workers for a SQLite file (see kernel/offloop). The worker script sits beside
// this file: TypeScript under tsx (development, tests), a compiled .mjs in dist/ (production).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ReadWorkers, ReplicaReads } from './kernel/offloop/index.js';
import { connect } from './kernel/db/index.js';
import { reads } from './read-models.js';

export function readWorkersFor(sqlitePath: string, modules: string[] = []): ReadWorkers {
  const compiled = import.meta.url.endsWith('.mjs');
  const script = new URL(compiled ? './read-worker.mjs' : './read-worker.ts', import.meta.url);
  // tsx's ESM API: the "require" condition resolves to its CommonJS build; the ESM twin is beside.
  const loader = compiled
    ? null
    : pathToFileURL(
        createRequire(import.meta.url)
          .resolve('tsx/esm/api')
          .replace(/\.cjs$/, '.mjs'),
      ).href;
  return new ReadWorkers({ sqlitePath, modules, script, loader });
}

/** Dashboards' read models on a PostgreSQL replica (LUMBUNG_REPLICA_URL; kernel/offloop). */
export function replicaReadsFor(replicaUrl: string): ReplicaReads {
  return new ReplicaReads(connect({ databaseUrl: replicaUrl, poolSize: 4 }), reads);
}
