// Dashboards on a replica (issue 19): with a replica configured, the impact dashboards' read
// models run on the replica's connection, not the primary's, and the pages say how far behind
// the primary it is. A second connection to the same database stands in for the replica (the
// streaming replica itself is scripts/cluster.sh's). Both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorld, type World } from '../support/world.js';
import { connectAgain, testDatabaseUrl } from '../support/kernel/index.js';
import { addRollouts } from '../support/impact.js';
import { connect, type DbHandle } from '../../src/kernel/db/index.js';
import { loadConfig } from '../../src/kernel/config.js';
import {
  ReplicaReads,
  replicationLagSeconds,
  type ReadRunner,
} from '../../src/kernel/offloop/index.js';
import { reads } from '../../src/read-models.js';
import { seedDemoSurveys } from '../../src/domains/impact/index.js';

let w: World;
let standIn: DbHandle;
let replica: ReplicaReads;
let dir: string | null = null;

before(async () => {
  if (!testDatabaseUrl()) dir = mkdtempSync(join(tmpdir(), 'lumbung-replica-'));
  const file = dir ? join(dir, 'db.sqlite') : undefined;
  // The app is built before the stand-in can open the world's schema: it asks through this.
  const runner: ReadRunner = {
    call: (name, args) => replica.call(name, args),
    source: () => replica.source(),
  };
  w = await createWorld({ sqlitePath: file, reads: runner });
  standIn = testDatabaseUrl() ? connectAgain(w.h) : connect({ sqlitePath: file!, readonly: true });
  replica = new ReplicaReads(standIn, reads);
  await addRollouts(w.h.db);
  await seedDemoSurveys(w.h.db, ['53.09']);
});
after(async () => {
  await replica.close();
  await w.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('LUMBUNG_REPLICA_URL configures the replica; unset, there is none', () => {
  const base = { LUMBUNG_SECRET: 's' };
  assert.equal(
    loadConfig({ ...base, LUMBUNG_REPLICA_URL: 'postgres://r:5433/lumbung' }).replicaUrl,
    'postgres://r:5433/lumbung',
  );
  assert.equal(loadConfig(base).replicaUrl, undefined);
});

test('the national KPI page reads its figures on the replica and shows its lag', async () => {
  const analyst = await w.as('analyst');
  const served = replica.served;
  const onReplica = standIn.queryCount();
  const res = await analyst.get('/impact?region=all');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.equal(replica.served, served + 1, 'the KPI read model ran on the replica');
  assert.ok(standIn.queryCount() - onReplica > 5, "the replica's connection did the reading");
  assert.match(html, /data-testid="replica-lag"/);
  // The stand-in is the primary itself: nothing to replay, no lag.
  assert.match(html, /Dibaca dari basis data cadangan \(replika\), tertinggal 0,0 detik/);
  assert.match(html, /data-testid="west-east"/, 'the page is whole');
});

test('the poverty page reads on the replica too; the English page says so in English', async () => {
  const analyst = await w.as('analyst');
  const served = replica.served;
  const html = await (await analyst.get('/impact/poverty?region=53.09&lang=en')).text();
  assert.equal(replica.served, served + 1);
  assert.match(html, /data-testid="replica-lag"/);
  const en = await (
    await analyst.get('/impact/poverty?region=53.09', { 'accept-language': 'en' })
  ).text();
  assert.match(en, /Read from a replica database, 0.0 seconds behind the primary/);
});

test('the lag of a database that is not in recovery is 0', async () => {
  assert.equal(await replicationLagSeconds(w.h), 0);
  assert.equal(await replicationLagSeconds(standIn), 0);
});
