// inTurns / nextTurn: a job's steps run in order with their results, and the event loop runs
// between them (a timer due meanwhile fires before the next step), which awaiting alone does not do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inTurns } from './turns.js';

/** Busy-waits: a synchronous SQLite statement holds the thread the same way. */
const hold = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

test('steps run in order, each in its own turn, and give their results in order', async () => {
  const seen: string[] = [];
  const timer = setTimeout(() => seen.push('timer'), 0);
  const [a, b, c] = await inTurns([
    async () => {
      hold(5);
      seen.push('a');
      return 1;
    },
    async () => {
      hold(5);
      seen.push('b');
      return 'two';
    },
    async () => {
      seen.push('c');
      return [3];
    },
  ]);
  clearTimeout(timer);
  assert.deepEqual([a, b, c], [1, 'two', [3]]);
  // The timer fired between the steps, not after the last.
  assert.notEqual(seen.indexOf('timer'), seen.length - 1, seen.join(','));
  assert.deepEqual(
    seen.filter((s) => s !== 'timer'),
    ['a', 'b', 'c'],
  );
});

test('without turns, awaiting settled steps never lets the timer run in between', async () => {
  const seen: string[] = [];
  const timer = setTimeout(() => seen.push('timer'), 0);
  for (const name of ['a', 'b', 'c']) {
    await (async () => {
      hold(5);
      seen.push(name);
    })();
  }
  clearTimeout(timer);
  assert.deepEqual(seen, ['a', 'b', 'c']);
});
