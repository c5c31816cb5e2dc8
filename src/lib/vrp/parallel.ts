// Parallel solve as an island model: the calling thread runs one HGS island and T-1 worker
// threads run others with different seeds. Each new best is sent to the other islands,
// which adopt it as an elite individual. Workers take a few hundred milliseconds to start,
// so the calling thread's island is the one that uses the whole time budget.
// With threads = 1 nothing is shared and the result is deterministic.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import { checkSolution } from './check.ts';
import { runHgs, type SolveOptions, type SolveResult } from './hgs.ts';
import type { VrpInstance } from './instance.ts';

/**
 * Starts the worker script. Node 20 does not apply `--import` loaders inside workers, so
 * when running from TypeScript sources the worker first registers tsx itself.
 */
function startWorker(options: ConstructorParameters<typeof Worker>[1]): Worker {
  // Compiled (dist/, scripts/build.mjs) the worker is worker.mjs beside the bundle.
  if (import.meta.url.endsWith('.mjs'))
    return new Worker(new URL('./worker.mjs', import.meta.url), options);
  const url = new URL('./worker.ts', import.meta.url);
  let loader: string | null = null;
  try {
    // The "require" condition resolves to the CommonJS build; its ESM twin sits beside it.
    loader = pathToFileURL(
      createRequire(import.meta.url)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
  } catch {
    loader = null;
  }
  if (!loader) return new Worker(url, options);
  const boot = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

interface Offer {
  routes: number[][];
  cost: number;
}

/** Solves with the hybrid genetic search, on `threads` threads (islands) when above 1. */
export async function solve(inst: VrpInstance, opts: SolveOptions = {}): Promise<SolveResult> {
  const threads = Math.max(1, Math.floor(opts.threads ?? 1));
  if (threads === 1) return runHgs(inst, opts);
  const startedAt = Date.now();
  const seed = opts.seed ?? 1;
  const ports: MessagePort[] = [];
  const done: Promise<SolveResult>[] = [];
  for (let k = 1; k < threads; k++) {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    const worker = startWorker({
      workerData: {
        inst,
        opts: { ...opts, threads: 1, seed: seed + 7919 * k },
        startedAt,
        port: port2,
      },
      transferList: [port2],
    });
    done.push(
      new Promise<SolveResult>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`vrp worker ${k} exited with code ${code}`));
        });
      }),
    );
  }
  const own = runHgs(
    inst,
    { ...opts, threads: 1 },
    {
      publish(routes, cost) {
        for (const p of ports) p.postMessage({ routes, cost });
      },
      receive() {
        let best: Offer | null = null;
        let from = -1;
        ports.forEach((p, k) => {
          for (let m = receiveMessageOnPort(p); m; m = receiveMessageOnPort(p)) {
            const offer = m.message as Offer;
            if (!best || offer.cost < best.cost) {
              best = offer;
              from = k;
            }
          }
        });
        if (!best) return null;
        // Islands only talk through the main thread, so pass the offer on to the others.
        ports.forEach((p, k) => {
          if (k !== from) p.postMessage(best);
        });
        return (best as Offer).routes;
      },
    },
  );
  const results = [own, ...(await Promise.all(done))];
  for (const p of ports) p.close();
  let best: SolveResult | null = null;
  for (const r of results) {
    if (!checkSolution(inst, r.routes).feasible) continue;
    if (!best || r.cost < best.cost - 1e-9) best = r;
  }
  best ??= own;
  return {
    ...best,
    iterations: results.reduce((s, r) => s + r.iterations, 0),
    seconds: (Date.now() - startedAt) / 1000,
  };
}
