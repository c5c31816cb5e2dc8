// Heavy reads leave the event loop (issue 19, kernel/offloop): on a SQLite file a read model runs
// in the read worker on its own read-only connection, so a second of work there does not delay
// /healthz; the same read inline holds every request until it is done. /impact, its poverty
// table, the panel export and the logistics KPIs are served by the worker and give what the
// inline read gives; the worker's thread runs at a lower CPU priority than the event loop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createWorld, type World } from '../support/world.js';
import { testDatabaseUrl } from '../support/kernel/index.js';
import { busyRead } from '../support/busy-read.js';
import { readWorkersFor } from '../../src/read-workers.js';
import { READ_WORKER_NICE, runRead, type ReadWorkers } from '../../src/kernel/offloop/index.js';
import { panelSheetRead } from '../../src/domains/impact/kpi.reads.js';
import { logisticsKpisRead } from '../../src/domains/logistics/kpis.js';
import { kpisJson } from '../../src/domains/logistics/logistics.api-schemas.js';
import { sheetCsv } from '../../src/kernel/xlsx/index.js';

const skip = testDatabaseUrl()
  ? 'read workers serve SQLite files; PostgreSQL reads are async'
  : false;
let dir: string;
let w: World;
let reads: ReadWorkers;

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'lumbung-offloop-'));
  const file = join(dir, 'lumbung.db');
  reads = readWorkersFor(file, [
    pathToFileURL(join(import.meta.dirname, '../support/busy-read.ts')).href,
  ]);
  w = await createWorld({ sqlitePath: file, reads });
});
after(async () => {
  if (skip) return;
  await reads.close();
  await w.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a second of read work in the worker does not hold other requests; inline it does', {
  skip,
}, async () => {
  const regions = await runRead({ h: w.h, reads }, busyRead, 0); // the worker is up and warm
  assert.ok(regions > 500, 'the worker reads the same file');

  const t0 = performance.now();
  const slow = runRead({ h: w.h, reads }, busyRead, 1200);
  const health = await w.client().get('/healthz');
  const healthMs = performance.now() - t0;
  assert.equal(health.status, 200);
  assert.equal(await slow, regions);
  assert.ok(performance.now() - t0 >= 1200);
  assert.ok(
    healthMs < 600,
    `/healthz answered in ${healthMs.toFixed(0)} ms while the worker was busy`,
  );

  const t1 = performance.now();
  const blocking = runRead({ h: w.h }, busyRead, 800); // inline: spins on this thread
  const held = await w.client().get('/healthz');
  assert.equal(held.status, 200);
  assert.ok(performance.now() - t1 >= 800, 'inline, /healthz waited for the read');
  assert.equal(await blocking, regions);
});

test('/impact, its poverty table and the panel export are served by the read worker', {
  skip,
}, async () => {
  const analyst = await w.as('analyst');
  const before = reads.served;
  const kpis = await analyst.get('/impact?region=all');
  assert.equal(kpis.status, 200);
  assert.match(await kpis.text(), /<h1/);
  assert.equal(reads.served, before + 1);
  assert.equal((await analyst.get('/impact/poverty?region=all')).status, 200);
  const csv = await analyst.get('/impact/export.csv?region=all');
  assert.equal(csv.status, 200);
  assert.equal(await csv.text(), sheetCsv(await panelSheetRead.fn(w.h.db, 'all', 'test-secret')));
  assert.ok(reads.served >= before + 2, 'the export ran in the worker too');
});

test('the logistics KPI page, its sheet and the KPI API are served by the read worker', {
  skip,
}, async () => {
  const officer = await w.as('regional_officer', '53.09');
  const q = 'region=53.09&from=2020-01-01&to=2030-12-31';
  const before = reads.served;
  assert.equal((await officer.get(`/logistik/kpi?${q}`)).status, 200);
  assert.equal((await officer.get(`/logistik/kpi.csv?${q}`)).status, 200);
  const api = await officer.get(`/api/v1/logistics/kpis?${q}`);
  assert.equal(api.status, 200);
  assert.equal(reads.served, before + 3, 'page, sheet and API each ran in the worker');
  const inline = await logisticsKpisRead.fn(w.h.db, '53.09', '2020-01-01', '2030-12-31');
  assert.deepEqual(await api.json(), JSON.parse(JSON.stringify(kpisJson(inline))));
});

/** The nice value of each of this process's threads, by thread id (Linux's /proc). */
function threadNices(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    // Fields after the name in parentheses start at the state (field 3): nice is field 19.
    const after = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
    out.set(Number(tid), Number(after[16]));
  }
  return out;
}

test('the read worker runs behind the event loop: its thread alone has a lower priority', {
  skip: skip || (process.platform !== 'linux' && 'thread priorities are read from Linux /proc'),
}, async () => {
  await runRead({ h: w.h, reads }, busyRead, 0); // the worker is up
  const nices = threadNices();
  assert.equal(nices.get(process.pid), 0, 'the event loop keeps its priority');
  const lowered = [...nices].filter(([, n]) => n === READ_WORKER_NICE);
  assert.equal(lowered.length, 1, `one thread at nice ${READ_WORKER_NICE}: ${[...nices]}`);
  assert.equal(
    [...nices].filter(([, n]) => n !== 0 && n !== READ_WORKER_NICE).length,
    0,
    'no other thread changed',
  );
});
