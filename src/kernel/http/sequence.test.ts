// sequence(): several middlewares as one layer must behave as Hono's compose would run them as
// separate layers: outer ones finish what inner ones answered, a throw anywhere (before or
// after a handler) becomes the error response the outer ones still finish, an answer stops the
// inner ones and the handler, and the same app built both ways answers the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono, type MiddlewareHandler } from 'hono';
import { sequence } from './sequence.js';

function build(layered: boolean) {
  const trail: string[] = [];
  const tag =
    (name: string): MiddlewareHandler =>
    async (c, next) => {
      trail.push(`>${name}`);
      await next();
      trail.push(`<${name}`);
      c.res.headers.append('x-trail', name);
    };
  const chained: MiddlewareHandler = (c, next) =>
    next().then(() => {
      trail.push('<chained');
      c.res.headers.set('x-chained', String(c.res.status));
    });
  const gate: MiddlewareHandler = async (c, next) => {
    if (c.req.query('answer')) return c.text('answered early', 202);
    if (c.req.query('throw') === 'before') throw new Error('refused before the handler');
    if (c.req.query('throw') === 'sync')
      return (() => {
        throw new Error('thrown without a promise');
      })();
    return next();
  };
  const steps = [tag('outer'), chained, gate, tag('inner')];
  const app = new Hono();
  const onError = (err: Error, c: Parameters<MiddlewareHandler>[0]) =>
    c.text(`error: ${err.message}`, 500);
  if (layered) for (const s of steps) app.use('*', s);
  else app.use('*', sequence(steps, onError));
  app.onError(onError);
  app.get('/', (c) => {
    if (c.req.query('throw') === 'handler') throw new Error('handler failed');
    return c.text('ok');
  });
  return { app, trail };
}

for (const path of ['/', '/?answer=1', '/?throw=before', '/?throw=sync', '/?throw=handler']) {
  test(`sequence answers ${path} as separate layers would`, async () => {
    const layered = build(true);
    const one = build(false);
    const a = await layered.app.request(path);
    const b = await one.app.request(path);
    assert.equal(b.status, a.status);
    assert.equal(await b.text(), await a.text());
    assert.equal(b.headers.get('x-trail'), a.headers.get('x-trail'));
    assert.equal(b.headers.get('x-chained'), a.headers.get('x-chained'));
    assert.deepEqual(one.trail, layered.trail);
  });
}

test('a throw before the handler is the error response, finished by the outer middlewares', async () => {
  const { app, trail } = build(false);
  const r = await app.request('/?throw=before');
  assert.equal(r.status, 500);
  assert.equal(await r.text(), 'error: refused before the handler');
  assert.equal(r.headers.get('x-chained'), '500');
  assert.equal(r.headers.get('x-trail'), 'outer');
  assert.deepEqual(trail, ['>outer', '<chained', '<outer']);
});

test('an early answer skips the inner middlewares and the handler', async () => {
  const { app, trail } = build(false);
  const r = await app.request('/?answer=1');
  assert.equal(r.status, 202);
  assert.equal(await r.text(), 'answered early');
  assert.deepEqual(trail, ['>outer', '<chained', '<outer']);
});

test('a value thrown that is no Error is not swallowed', async () => {
  const app = new Hono();
  app.use(
    '*',
    sequence(
      [
        async () => {
          throw 'not an error';
        },
      ],
      (_err, c) => c.text('handled', 500),
    ),
  );
  app.get('/', (c) => c.text('ok'));
  // As under compose: Hono's error handler takes Errors only, anything else is rethrown.
  await assert.rejects(Promise.resolve(app.request('/')), (e) => e === 'not an error');
});
