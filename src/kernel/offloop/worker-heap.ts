// The young generation of the threads a server starts on demand (the checkout writer, the read
// worker, the routing solver). `npm start` caps the young generation at 8 MiB semi-spaces so a
// server's memory after a burst stays near its idle size, and V8 applies that flag to every
// isolate, workers included; a worker's own `resourceLimits.maxYoungGenerationSizeMb` loses to it.
// The writer thread holds a whole batch (≈ 128 checkouts) live while it commits, so at 2 MiB most
// of it was promoted and swept from the old generation: a quarter of the thread's time went to the
// collector. V8 reads the flag when it sets up a heap, so raising it once the main heap exists
// leaves the main thread at its size and gives each thread started later the larger size. Those
// threads stop after a minute without work, so an idle server is unchanged; under load each may
// hold up to twice this size in young objects. (bench/README.md, "checkout over HTTP", has the
// figures.)
import { setFlagsFromString } from 'node:v8';

/** Threads started from now on get semi-spaces of up to `mb` MiB (the main heap keeps its own). */
export function setWorkerYoungGeneration(mb: number): void {
  if (!Number.isInteger(mb) || mb < 1 || mb > 256)
    throw new RangeError(`worker young generation must be 1–256 MiB, not ${mb}`);
  setFlagsFromString(`--max-semi-space-size=${mb}`);
}
