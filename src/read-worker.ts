// The read worker's entry (a process entry point, like main.ts): runs read models by name on its
// own read-only connection to the SQLite file, for kernel/offloop/read-workers.ts. It knows every
// domain's `reads` (src/read-models.ts) plus any modules the starter names (tests add their own).
import { workerData } from 'node:worker_threads';
import { connect } from './kernel/db/index.js';
import { answerCalls, lowerThreadPriority, type ReadModel } from './kernel/offloop/index.js';
import { reads } from './read-models.js';

const { sqlitePath, modules } = workerData as { sqlitePath: string; modules: string[] };
// Behind the event loop and the checkout writer when the cores are contended (thread-priority.ts).
lowerThreadPriority();
const h = connect({ sqlitePath, readonly: true });
const byName = new Map<string, ReadModel<unknown[], unknown>>();
for (const r of reads) byName.set(r.name, r);
for (const m of modules) for (const r of (await import(m)).reads) byName.set(r.name, r);

answerCalls((name) => {
  const model = byName.get(name);
  return model && ((...args: unknown[]) => model.fn(h.db, ...args));
});
