// Gives a grown heap back once a burst of requests is over. Under load (256 checkouts in flight)
// much of what a request holds outlives the main thread's young generation (8 MiB semi-spaces) and
// is promoted, so the old generation grows fast. Capping its growth (`--heap-growing-percent=20`)
// kept the memory small after load, but made V8 run a full collection every few hundred checkouts:
// the GC helper threads then used as much CPU as the main thread, and checkout ran ≈ 10 % slower.
// With V8's own growth the heap is collected rarely under load, and the space it grew to stays
// mapped until something collects it again; an idle server allocates too little for V8 to start a
// collection on its own for a minute or more (bench/README.md has both). So when requests stop for
// half a second after a burst, and the heap has grown, this runs one full collection. It costs
// nothing while requests keep coming and runs at most once a quiet spell.
import type { Server } from 'node:http';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type Collect = (options: { type: 'major'; execution: 'async' }) => Promise<void>;

let collect: Collect | undefined;
/** V8's `gc` function, without `--expose-gc` on every command line (it is made in a new context). */
export function v8Collector(): Collect {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as Collect;
  }
  return collect;
}

export interface QuietCollectOptions {
  /** How long no request may arrive before the burst counts as over. */
  quietMs?: number;
  /** Collect only when the heap holds at least this much more than after the last collection. */
  growthBytes?: number;
  /** What collects (V8's full collection; a test counts the calls). */
  collect?: Collect;
}

/** Watches `server`'s requests; returns a function that stops watching. */
export function collectWhenQuiet(server: Server, opts: QuietCollectOptions = {}): () => void {
  const quietMs = opts.quietMs ?? 500;
  const growthBytes = opts.growthBytes ?? 16 * 1024 * 1024;
  const gc = opts.collect ?? v8Collector();
  let requests = 0;
  let seen = 0;
  let collectedAt = 0;
  // What the heap held after the last collection (none yet: the first burst is always collected).
  let settled = 0;
  const count = () => {
    requests++;
  };
  server.on('request', count);
  const timer = setInterval(() => {
    if (requests !== seen) {
      seen = requests;
      return;
    }
    // Quiet since the last tick: collect once for this spell, if there was a burst that grew the heap.
    if (collectedAt === requests) return;
    collectedAt = requests;
    if (getHeapStatistics().used_heap_size < settled + growthBytes) return;
    void gc({ type: 'major', execution: 'async' }).then(() => {
      settled = getHeapStatistics().used_heap_size;
    });
  }, quietMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    server.off('request', count);
  };
}
