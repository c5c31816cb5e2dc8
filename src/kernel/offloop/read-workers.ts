// The worker side of `runRead`: one worker thread (started on the first heavy read, stopped after
// a minute without one, so an idle server keeps no second heap) that opens its own read-only
// connection to the SQLite file and runs read models by name. Calls queue in the worker, one at a
// time, which is what one SQLite connection can do anyway; the event loop stays free for pages.
import { Worker } from 'node:worker_threads';
import type { ReadRunner } from './read-model.js';
import { callError, CLOSE_CALL, type CallError } from './answer-calls.js';

export interface ReadWorkersOptions {
  /** The SQLite file a read worker opens (a thread with other work names its own in `data`). */
  sqlitePath?: string;
  /** Modules the worker imports; each exports `reads: ReadModel[]` (src/read-models.ts). */
  modules: string[];
  /** The worker script (src/read-worker.ts, or dist/read-worker.mjs when compiled). */
  script: URL;
  /** A loader to register first when the script is TypeScript (tsx's ESM API), else null. */
  loader: string | null;
  idleMs?: number;
  /** More for the worker's `workerData` (the checkout writer's synchronous setting). */
  data?: Record<string, unknown>;
  /** What the worker is, for errors ("read worker"). */
  label?: string;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  /** The thread asked: a thread that exits fails its own calls, not a successor's. */
  worker: Worker;
}

export class ReadWorkers implements ReadRunner {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private idle: NodeJS.Timeout | null = null;
  /** Reads answered by the worker (tests and the bench read it). */
  served = 0;

  constructor(private readonly o: ReadWorkersOptions) {}

  private start(): Worker {
    const data = { ...this.o.data, sqlitePath: this.o.sqlitePath, modules: this.o.modules };
    // Node 20 does not apply `--import` loaders inside workers: a TypeScript worker registers tsx.
    const w = this.o.loader
      ? new Worker(
          `import(${JSON.stringify(this.o.loader)}).then((m) => { m.register(); return import(${JSON.stringify(this.o.script.href)}); });`,
          { eval: true, workerData: data },
        )
      : new Worker(this.o.script, { workerData: data });
    w.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: CallError }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      this.served++;
      // An idle worker must not keep the process alive; a busy one must.
      if (!this.busy(w)) w.unref();
      if (m.ok) p.resolve(m.value);
      else p.reject(callError(m.error!));
      this.armIdle();
    });
    // close() lets go of a thread before it has exited, and the next call starts another: the old
    // one's exit must neither fail the new one's calls nor forget the new one (it would run on,
    // unclosed, with its connection open: a test's PostgreSQL database could not be dropped).
    const failAll = (e: Error) => {
      for (const [id, p] of this.pending)
        if (p.worker === w) {
          this.pending.delete(id);
          p.reject(e);
        }
      if (this.worker === w) this.worker = null;
    };
    w.on('error', failAll);
    w.on('exit', (code) => failAll(new Error(`${this.o.label ?? 'read worker'} exited (${code})`)));
    return w;
  }

  private busy(w: Worker): boolean {
    for (const p of this.pending.values()) if (p.worker === w) return true;
    return false;
  }

  private armIdle(): void {
    if (this.idle) clearTimeout(this.idle);
    if (this.pending.size > 0) return;
    this.idle = setTimeout(() => void this.close(), this.o.idleMs ?? 60_000);
    this.idle.unref();
  }

  call(name: string, args: unknown[]): Promise<unknown> {
    if (this.idle) clearTimeout(this.idle);
    this.worker ??= this.start();
    return this.ask(this.worker, name, args);
  }

  private ask(worker: Worker, name: string, args: unknown[]): Promise<unknown> {
    const id = ++this.seq;
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      worker.postMessage({ id, name, args });
    });
  }

  /** Lets the thread close its connection (1 s at most, and never behind a running call), then ends it. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    // An unanswered close is failed by the thread's exit below, like any call of a thread that ends.
    if (!this.busy(w))
      await Promise.race([
        this.ask(w, CLOSE_CALL, []).catch(() => {}),
        new Promise((r) => setTimeout(r, 1000).unref()),
      ]);
    await w.terminate();
  }
}
