// Several middlewares as one Hono layer. Hono's compose runs every layer in an async function of
// its own (its `dispatch`) that stays suspended until the response is ready, so each request in
// flight holds a generator, its registers, a promise and a reaction per layer. With 256
// checkouts waiting ≈ 100 ms each for their batch, those frames outlive the young generation
// and are promoted, and the garbage collector was a third of the main thread's work. This runs
// the kernel's own middlewares as compose does, with a promise chain instead of a frame a layer:
// each may answer (return a response), wrap `next`, or throw, and a throw becomes the error
// response that the outer ones then see and finish, as under compose.
import type { Context, Env, MiddlewareHandler } from 'hono';

/**
 * `onError` turns a throw into the error response at that step, as compose does for each layer;
 * without it a throw rejects and reaches the enclosing compose's error handler (`oneLayer`).
 */
export function sequence<E extends Env>(
  steps: MiddlewareHandler<E>[],
  onError?: (err: Error, c: Context<E>) => Response | Promise<Response>,
): MiddlewareHandler<E> {
  const answered = (c: Context<E>) => (res: Response | void) => {
    if (res && !c.finalized) c.res = res;
  };
  return (c, next) => {
    const run = (i: number): Promise<void> => {
      if (i === steps.length) return next();
      let out: Promise<Response | void> | Response | void;
      try {
        out = steps[i](c, () => run(i + 1));
      } catch (err) {
        out = Promise.reject(err);
      }
      // A route's handler may answer without a promise.
      const settled = Promise.resolve(out);
      if (!onError) return settled.then(answered(c));
      return settled.then(answered(c), async (err) => {
        if (!(err instanceof Error)) throw err;
        c.error = err;
        c.res = await onError(err, c);
      });
    };
    return run(0);
  };
}

/**
 * A route's middlewares and handler (the sign-in check, zod's validators, the handler) as one
 * layer for the same reason: compose would keep a suspended `dispatch` per step for as long as
 * the handler waits (a checkout: its batch). A throw rejects and reaches compose's error handler
 * as before, because route middlewares only act before the handler (they check, then hand on)
 * and do nothing once it answered.
 */
export function oneLayer<E extends Env>(steps: MiddlewareHandler<E>[]): MiddlewareHandler<E> {
  return steps.length === 1 ? steps[0] : sequence(steps);
}
