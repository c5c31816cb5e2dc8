// Waits until a URL answers 200 (a server process started by a bench), or throws after `limitMs`.
import { setTimeout as sleep } from 'node:timers/promises';

export async function waitFor(url: string, limitMs: number): Promise<void> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {}
    await sleep(20);
  }
  throw new Error(`${url} did not answer within ${limitMs} ms`);
}
