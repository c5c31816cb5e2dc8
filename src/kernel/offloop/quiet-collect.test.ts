// collectWhenQuiet: a heap grown during a burst of requests is given back once they stop, never
// while they keep coming, and once a quiet spell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { getHeapStatistics } from 'node:v8';
import { collectWhenQuiet, v8Collector } from './quiet-collect.js';

const MiB = 1024 * 1024;

async function withServer(run: (get: () => Promise<void>, server: Server) => Promise<void>) {
  const server = createServer((_q, s) => s.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await run(async () => void (await (await fetch(url)).text()), server);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/** A burst of requests that leaves ≈ 100 MiB of dead objects; the heap's size after it and a quiet second. */
async function burst(get: () => Promise<void>): Promise<{ grown: number; after: number }> {
  let held: string[][] | null = [];
  for (let i = 0; i < 200; i++) {
    held.push(Array.from({ length: 5000 }, (_, j) => `${i}-${j}-padding-padding`));
    if (i % 20 === 0) await get();
  }
  const grown = getHeapStatistics().total_heap_size;
  held = null;
  await sleep(800);
  return { grown, after: getHeapStatistics().total_heap_size };
}

test('the heap a burst grew is collected once requests stop (and V8 alone keeps it)', async () => {
  await withServer(async (get, server) => {
    // V8 alone keeps the grown heap (why the collector exists). On a loaded machine a
    // collection V8 began during the burst can finish in the quiet second (seen once in CI
    // under load), so the control gets three tries and must keep the heap in one of them.
    const tries: string[] = [];
    let kept = false;
    for (let i = 0; i < 3 && !kept; i++) {
      const alone = await burst(get);
      tries.push(`${(alone.grown / MiB).toFixed(0)} → ${(alone.after / MiB).toFixed(0)} MiB`);
      kept = alone.grown - alone.after < 8 * MiB;
    }
    assert.ok(kept, `V8 alone gave the heap back in every try: ${tries.join('; ')}`);
    const stop = collectWhenQuiet(server, { quietMs: 100, growthBytes: 16 * MiB });
    const r = await burst(get);
    stop();
    assert.ok(r.grown - r.after > 32 * MiB, `heap ${r.grown / MiB} → ${r.after / MiB} MiB`);
  });
});

test('nothing is collected while requests keep coming, and once per quiet spell', async () => {
  await withServer(async (get, server) => {
    let calls = 0;
    const real = v8Collector();
    const stop = collectWhenQuiet(server, {
      quietMs: 100,
      growthBytes: 0,
      collect: (o) => {
        calls++;
        return real(o);
      },
    });
    for (let t = 0; t < 12; t++) {
      await get();
      await sleep(30);
    }
    assert.equal(calls, 0, 'collected during the requests');
    await sleep(500);
    assert.equal(calls, 1, 'one collection after the burst');
    await sleep(400);
    // Still quiet: nothing to give back until requests come again.
    assert.equal(calls, 1);
    await get();
    await sleep(300);
    assert.equal(calls, 2, 'the next burst is collected after it too');
    stop();
  });
});
