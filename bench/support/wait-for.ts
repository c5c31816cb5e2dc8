// Waits until a URL answers 200 (a server process started by a bench) and returns how long that
// took, or throws after `limitMs`. `everyMs` is the retry interval (small to time a cold start).
import { setTimeout as sleep } from 'node:timers/promises';

export async function waitFor(url: string, limitMs: number, everyMs = 20): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    try {
      if ((await fetch(url)).status === 200) return performance.now() - t0;
    } catch {}
    await sleep(everyMs);
  }
  throw new Error(`${url} did not answer within ${limitMs} ms`);
}
