// Worker-thread entry of the parallel solver: one HGS island with its own seed. It posts
// each new best on its channel to the main thread and polls the channel, synchronously
// (the search never yields), for the best solutions of the other islands.

import {
  parentPort,
  receiveMessageOnPort,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import type { VrpInstance } from './instance.ts';
import { runHgs, type SolveOptions } from './hgs.ts';

interface Job {
  inst: VrpInstance;
  opts: SolveOptions;
  startedAt: number;
  port: MessagePort;
}

const job = workerData as Job;
const opts = { ...job.opts };
// The time limit counts from the moment the caller asked, not from the worker's start.
if (opts.seconds !== undefined)
  opts.seconds = Math.max(0.05, opts.seconds - (Date.now() - job.startedAt) / 1000);
const result = runHgs(job.inst, opts, {
  publish(routes, cost) {
    job.port.postMessage({ routes, cost });
  },
  receive() {
    let best: { routes: number[][]; cost: number } | null = null;
    for (let m = receiveMessageOnPort(job.port); m; m = receiveMessageOnPort(job.port)) {
      const msg = m.message as { routes: number[][]; cost: number };
      if (!best || msg.cost < best.cost) best = msg;
    }
    return best ? best.routes : null;
  },
});
job.port.close();
parentPort!.postMessage(result);
