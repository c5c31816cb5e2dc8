// setWorkerYoungGeneration: a thread started after it gets the new young generation while the main
// heap keeps the one it started with. Run in a child Node with a 2 MiB cap (below the workers' 16),
// because that cap is what the function must get past (a worker's resourceLimits cannot).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { setWorkerYoungGeneration } from './worker-heap.js';

// The child grows each young generation to its cap (many objects kept alive across scavenges)
// and reports the largest semi-space capacity in MiB: half of V8's `new_space` size.
const probe = `
const v8 = require('node:v8');
const { Worker, isMainThread, parentPort } = require('node:worker_threads');
function grown() {
  let keep = [];
  for (let i = 0; i < 3e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 300000) keep = keep.slice(150000); }
  return v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 / 1048576;
}
if (isMainThread) {
  const main = grown();
  v8.setFlagsFromString('--max-semi-space-size=' + process.argv[1]);
  const w = new Worker(__filename.endsWith('[eval]') ? process.argv[2] : __filename, { eval: true });
  w.on('message', (worker) => console.log(JSON.stringify({ main, worker, mainAfter: grown() })));
} else parentPort.postMessage(grown());
`;

function run(mb: number): { main: number; worker: number; mainAfter: number } {
  // The worker evaluates the same source (eval: true), which takes its else branch.
  const out = execFileSync(
    process.execPath,
    ['--max-semi-space-size=2', '-e', probe, String(mb), probe],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim());
}

test('a worker started after the flag is raised gets the larger young generation; the main heap keeps 2 MiB', () => {
  const r = run(16);
  assert.ok(r.main <= 2, `main heap semi-space ${r.main} MiB`);
  assert.ok(r.mainAfter <= 2, `main heap after the change ${r.mainAfter} MiB`);
  assert.ok(r.worker > 2 && r.worker <= 16, `worker semi-space ${r.worker} MiB`);
});

test('the size is checked', () => {
  assert.throws(() => setWorkerYoungGeneration(0), RangeError);
  assert.throws(() => setWorkerYoungGeneration(1.5), RangeError);
  assert.throws(() => setWorkerYoungGeneration(1024), RangeError);
});
