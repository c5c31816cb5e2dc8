// Long jobs share the event loop with the requests. On embedded SQLite every statement completes
// synchronously, and awaiting a settled promise only runs the microtask queue: a job of many
// small statements is one block for the loop, however many `await`s it has. The impact area
// refresh held it 40–160 ms every minute that way, and every request waited. A job yields
// between its steps with these, so requests are answered between them.
import { setImmediate as nextImmediate } from 'node:timers/promises';

/** Lets the event loop run (I/O, timers) before going on. */
export function nextTurn(): Promise<void> {
  return nextImmediate();
}

type Results<T extends readonly (() => Promise<unknown>)[]> = {
  -readonly [K in keyof T]: Awaited<ReturnType<T[K]>>;
};

/** Runs the steps one after another, each in an event-loop turn of its own. */
export async function inTurns<const T extends readonly (() => Promise<unknown>)[]>(
  steps: T,
): Promise<Results<T>> {
  const out: unknown[] = [];
  for (const step of steps) {
    await nextTurn();
    out.push(await step());
  }
  return out as Results<T>;
}
