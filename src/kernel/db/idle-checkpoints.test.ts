// Checkpoints between a SQLite writer's pieces of work (idle-checkpoints.ts): after every
// `every` pieces, once none is running, the WAL is copied into the database file, so the next
// commit writes the WAL from its start again and the file stops growing; a piece still running
// holds the checkpoint back. A connection without them lets the WAL grow to the ceiling.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { sql } from 'kysely';
import { connect, idleCheckpoints, WAL_CEILING_PAGES, type DbHandle } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'lumbung-checkpoints-'));
const open: DbHandle[] = [];
after(async () => {
  for (const h of open) await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function scratch(name: string) {
  const h = connect({ sqlitePath: join(dir, `${name}.db`) });
  open.push(h);
  await sql`create table blobs (b blob not null)`.execute(h.db);
  const walBytes = () => statSync(join(dir, `${name}.db-wal`)).size;
  // 16 KiB a write: a few overflow pages and a leaf, some 5 frames of WAL.
  const write = () => sql`insert into blobs (b) values (zeroblob(16384))`.execute(h.db);
  const rows = async () =>
    Number((await sql<{ n: number }>`select count(*) as n from blobs`.execute(h.db)).rows[0].n);
  return { h, walBytes, write, rows };
}

test('every writable connection checkpoints only past the ceiling', async () => {
  const { h } = await scratch('ceiling');
  const r = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(h.db);
  assert.equal(r.rows[0].wal_autocheckpoint, WAL_CEILING_PAGES);
});

test('after every 3 pieces of work the WAL is copied and starts over; without, it grows', async () => {
  const plain = await scratch('plain');
  const idle = await scratch('idle');
  const checkpoints = idleCheckpoints(idle.h, 3);
  for (let i = 0; i < 24; i++) {
    await plain.write();
    await checkpoints.around(idle.write);
    await turn();
    await turn();
  }
  assert.equal(await plain.rows(), 24);
  assert.equal(await idle.rows(), 24);
  // Without checkpoints all 24 writes are in the WAL; with them at most the last 3 or so.
  assert.ok(
    idle.walBytes() * 4 < plain.walBytes(),
    `WAL ${idle.walBytes()} bytes with checkpoints, ${plain.walBytes()} without`,
  );
});

test('weighted pieces count by weight: pieces of 4 units checkpoint every third, of 1 unit every twelfth', async () => {
  const heavy = await scratch('heavy');
  const light = await scratch('light');
  const plain = await scratch('unchecked');
  const byFour = idleCheckpoints(heavy.h, 12);
  const byOne = idleCheckpoints(light.h, 12);
  for (let i = 0; i < 24; i++) {
    await byFour.around(heavy.write, 4);
    await byOne.around(light.write, 1);
    await plain.write();
    await turn();
    await turn();
  }
  // 24 pieces of weight 4 checkpointed 8 times: the WAL holds about the last 3 writes. Of weight
  // 1 only twice (after the 12th and the 24th): the WAL held 12 writes before starting over.
  assert.ok(
    heavy.walBytes() * 2 < light.walBytes(),
    `WAL ${heavy.walBytes()} bytes by weight 4, ${light.walBytes()} by weight 1`,
  );
  assert.ok(
    light.walBytes() < plain.walBytes(),
    `WAL ${light.walBytes()} bytes by weight 1, ${plain.walBytes()} without checkpoints`,
  );
});

test('a piece of work still running holds the checkpoint back', async () => {
  const held = await scratch('held');
  const plain = await scratch('control');
  const checkpoints = idleCheckpoints(held.h, 3);
  let release!: () => void;
  const long = checkpoints.around(() => new Promise<void>((r) => (release = r)));
  for (let i = 0; i < 24; i++) {
    await checkpoints.around(held.write);
    await plain.write();
    await turn();
    await turn();
  }
  // Nothing was copied while the long piece ran: the WAL grew like the control's.
  assert.equal(held.walBytes(), plain.walBytes());
  release();
  await long;
  await turn();
  await turn();
  const grown = held.walBytes();
  for (let i = 0; i < 2; i++) await checkpoints.around(held.write);
  // Copied once the long piece ended: the next writes start the WAL over instead of growing it.
  assert.equal(held.walBytes(), grown);
  assert.equal(await held.rows(), 24 + 2);
});
