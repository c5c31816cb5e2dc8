// The request log's writer: the lines of one event-loop turn go out in one write, in order,
// none lost; an error line goes out at once (with what was waiting), and so do the last lines
// when the process exits before the next turn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createLogger } from './log.js';

/**
 * Runs `fn` with process.stdout.write captured; returns each write call of log lines (the test
 * runner's own report goes through the same stream, and is passed on).
 */
async function captured(fn: (writes: string[]) => Promise<void>): Promise<string[]> {
  const writes: string[] = [];
  const original = process.stdout.write;
  process.stdout.write = ((chunk: string, ...rest: never[]) => {
    if (!String(chunk).startsWith('{"t":')) return original.call(process.stdout, chunk, ...rest);
    writes.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await fn(writes);
  } finally {
    process.stdout.write = original;
  }
  return writes;
}

test("a turn's lines are written together, in order, after the turn", async () => {
  const log = createLogger('info');
  let duringTurn = -1;
  const writes = await captured(async () => {
    log.info('request', { path: '/a' });
    log.debug('not at this level');
    log.info('request', { path: '/b', phone: '0812' });
    log.warn('slow', { ms: 900 });
    duringTurn = 0;
    await nextTurn();
  });
  assert.equal(duringTurn, 0);
  assert.equal(writes.length, 1, 'one write for the turn');
  const lines = writes[0]
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => [l.level, l.msg, l.path ?? l.ms]),
    [
      ['info', 'request', '/a'],
      ['info', 'request', '/b'],
      ['warn', 'slow', 900],
    ],
  );
  assert.equal(lines[1].phone, '[redacted]');
});

test('an error is written at once, after the lines before it', async () => {
  const log = createLogger('info');
  let atOnce: string[] = [];
  const writes = await captured(async (sofar) => {
    log.info('request', { path: '/a' });
    log.error('checkout failed', { code: 'X' });
    atOnce = [...sofar];
    await nextTurn();
  });
  assert.equal(atOnce.length, 1, 'the error went out before the turn ended');
  assert.deepEqual(
    atOnce[0]
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).msg),
    ['request', 'checkout failed'],
  );
  assert.equal(writes.length, 1, 'nothing left for the turn');
});

test('the last lines are written when the process exits before the next turn', () => {
  const code = `import('./src/kernel/http/log.ts').then((m) => {
    const log = m.createLogger('info');
    for (let i = 0; i < 3; i++) log.info('request', { n: i });
    process.exit(0);
  });`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
    cwd: `${import.meta.dirname}/../../..`,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).n),
    [0, 1, 2],
  );
});
