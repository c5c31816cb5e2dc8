// The JSON cache's refill (issue 19): concurrent misses of one key run the handler once and all
// get its body; an aged entry is served while one request refills it, but never after a write;
// a write while a refill is in flight is not answered with the older body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { JsonCache } from './json-cache.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A cached JSON route whose handler counts its runs and takes `ms` to answer. */
function world(opts: { ttlMs?: number; staleMs?: number; ms?: number } = {}) {
  let gen = 0;
  let runs = 0;
  let version = 0;
  const cache = new JsonCache({
    paths: /^\/api\/v1\/products$/,
    personalCookies: ['sid'],
    generation: () => gen,
    ttlMs: opts.ttlMs,
    staleMs: opts.staleMs,
  });
  const app = new Hono<AppEnv>();
  app.use('*', cache.middleware());
  app.get('/api/v1/products', async (c) => {
    runs++;
    const v = version;
    await sleep(opts.ms ?? 30);
    // A body large enough to be gzipped, so both encodings are exercised.
    return c.json({ version: v, run: runs, items: Array.from({ length: 400 }, (_, i) => i) });
  });
  return {
    get: (headers: Record<string, string> = {}) =>
      app.request('/api/v1/products?q=kopi', { headers }),
    write() {
      gen++;
      version++;
    },
    runs: () => runs,
  };
}

test('50 concurrent misses of one listing run the handler once and all get the same body', async () => {
  const w = world();
  const answers = await Promise.all(Array.from({ length: 50 }, () => w.get()));
  assert.equal(w.runs(), 1);
  const bodies = await Promise.all(answers.map((r) => r.text()));
  assert.ok(answers.every((r) => r.status === 200));
  assert.equal(new Set(bodies).size, 1);
  assert.equal(new Set(answers.map((r) => r.headers.get('etag'))).size, 1);
  // The next request is a plain hit.
  assert.equal(await (await w.get()).text(), bodies[0]);
  assert.equal(w.runs(), 1);
});

test('a personal request is never joined to a shared refill', async () => {
  const w = world();
  await Promise.all([w.get(), w.get({ cookie: 'sid=abc' }), w.get({ authorization: 'Bearer x' })]);
  assert.equal(w.runs(), 3);
});

test('an aged entry is served while one request refills it, then the refill is served', async () => {
  const w = world({ ttlMs: 100, staleMs: 5000, ms: 60 });
  const first = await (await w.get()).json();
  await sleep(150); // aged past ttlMs, still inside the stale window
  const refiller = w.get();
  await sleep(5);
  const during = await Promise.all(Array.from({ length: 10 }, () => w.get()));
  const duringBodies = await Promise.all(during.map((r) => r.json()));
  assert.ok(
    duringBodies.every((b) => b.run === first.run),
    'the others get the aged answer at once',
  );
  const refilled = await (await refiller).json();
  assert.equal(refilled.run, 2, 'one refill');
  assert.equal(w.runs(), 2);
  // Then the refilled answer (or, on a slow machine, a newer one), never the aged one.
  assert.notEqual((await (await w.get()).json()).run, first.run);
});

test('an entry too old for the stale window is rebuilt, with concurrent askers waiting for it', async () => {
  const w = world({ ttlMs: 20, staleMs: 20, ms: 30 });
  await w.get();
  await sleep(60);
  const again = await Promise.all(Array.from({ length: 20 }, () => w.get()));
  const bodies = await Promise.all(again.map((r) => r.json()));
  assert.ok(bodies.every((b) => b.run === 2));
  assert.equal(w.runs(), 2);
});

test('after a write, neither an aged entry nor a refill started before it is served', async () => {
  const w = world({ ttlMs: 10_000, staleMs: 10_000, ms: 40 });
  assert.equal((await (await w.get()).json()).version, 0);
  w.write();
  const after = await (await w.get()).json();
  assert.equal(after.version, 1, 'the write made the entry stale: rebuilt');
  assert.equal(w.runs(), 2);

  // A refill in flight when a write lands: askers after the write do not join it.
  w.write();
  const early = w.get();
  await sleep(5);
  w.write();
  const late = await (await w.get()).json();
  assert.equal(late.version, 3, "built after the write, not the in-flight refill's answer");
  assert.equal((await (await early).json()).version, 2);
  // The early refill was not kept (its generation is gone); the later one is.
  assert.equal((await (await w.get()).json()).version, 3);
  assert.equal(w.runs(), 4);
});

test('revalidation still answers 304 for the body a refill built', async () => {
  const w = world();
  const [a] = await Promise.all([w.get(), w.get()]);
  const etag = a.headers.get('etag')!;
  const r = await w.get({ 'if-none-match': etag });
  assert.equal(r.status, 304);
  const gz = await w.get({ 'accept-encoding': 'gzip' });
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
});
