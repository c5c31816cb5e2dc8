// Crash safety: a child process takes orders under load and is killed with SIGKILL at random
// moments, 20 times (on SQLite its batches commit in the checkout writer thread, as in production). After each kill every acknowledged order is in the database and for
// every variant: available + reserved + sold = initial (sold from the ledger's sale rows).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { build } from 'esbuild';
import { connect, migrateToLatest, type DbHandle } from '../../../kernel/db/index.js';
import { testDatabaseUrl } from '../../../../test/support/kernel/index.js';
import { importRegions } from '../../regions/index.js';
import { allMigrations } from '../../../migrations.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const INITIAL = 100_000;
let h: DbHandle;
let env: Record<string, string>;
let cleanup: () => Promise<void>;
const variants: string[] = [];
let sp: string;
let childFile: string;
let writerFile: string;

before(async () => {
  // The child is bundled once (esbuild, which tsx ships): twenty restarts through tsx's
  // on-the-fly compilation would spend the time budget on start-up instead of on orders.
  childFile = join(
    import.meta.dirname,
    '../../../../node_modules/.cache',
    `lumbung-crash-child-${process.pid}.mjs`,
  );
  writerFile = childFile.replace('crash-child', 'crash-writer');
  const bundle = (entry: string, outfile: string) =>
    build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile,
      logLevel: 'error',
    });
  await bundle(join(import.meta.dirname, 'crash-child.ts'), childFile);
  // Production commits checkouts in the writer thread on both databases: so does the child.
  await bundle(join(import.meta.dirname, '../../../checkout-writer.ts'), writerFile);
  const writerScript = pathToFileURL(writerFile).href;
  const url = testDatabaseUrl();
  if (url) {
    const schema = `crash_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    h = connect({ databaseUrl: url, pgSchema: schema });
    env = { CRASH_DATABASE_URL: url, CRASH_PG_SCHEMA: schema, CRASH_WRITER_SCRIPT: writerScript };
    cleanup = async () => {
      await h.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'lumbung-crash-'));
    const path = join(dir, 'crash.db');
    h = connect({ sqlitePath: path, synchronous: 'FULL' });
    env = { CRASH_SQLITE_PATH: path, CRASH_WRITER_SCRIPT: writerScript };
    cleanup = async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  await migrateToLatest(h, allMigrations);
  await importRegions(h.db, { prefixes: ['53.09'] });
  const village = await anyVillage(h.db, '53.09');
  const umkm = await makeUmkm(h.db, { villageCode: village });
  sp = await makeServicePoint(h.db, { villageCode: village });
  for (let i = 0; i < 3; i++)
    variants.push(
      (await makeProduct(h, { umkmId: umkm, stock: INITIAL, price: 1000 + i })).variantId,
    );
});
after(async () => {
  rmSync(childFile, { force: true });
  rmSync(writerFile, { force: true });
  await cleanup();
});

interface Child {
  go(killAfterAcks: number): Promise<string[]>;
  ready: Promise<void>;
}

/** Starts a child that loads and connects, then waits for go() — so start-up overlaps the previous run. */
function spawnChild(): Child {
  const child = spawn(process.execPath, [childFile, variants.join(','), sp], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const acks: string[] = [];
  let limit = Infinity;
  let buf = '';
  let killed = false;
  let onReady!: () => void;
  const ready = new Promise<void>((r) => {
    onReady = r;
  });
  const exited = new Promise<string[]>((resolve, reject) => {
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(acks) : reject(new Error(`child exited by itself (${code})`)),
    );
  });
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line === 'READY') onReady();
      if (line.startsWith('ACK ')) acks.push(line.slice(4));
      if (!killed && acks.length >= limit) {
        killed = true;
        child.kill('SIGKILL');
      }
    }
  });
  return {
    ready,
    go(n) {
      limit = n;
      child.stdin.write('go\n');
      return exited;
    },
  };
}

test(`SIGKILL ${KILLS} times under load: acknowledged orders survive, stock invariant holds`, {
  timeout: 600_000,
}, async () => {
  const acked = new Set<string>();
  let next = spawnChild();
  for (let k = 0; k < KILLS; k++) {
    const cur = next;
    await cur.ready;
    if (k + 1 < KILLS) next = spawnChild();
    const acks = await cur.go(3 + Math.floor(Math.random() * 40));
    for (const a of acks) acked.add(a);
    const present = new Set(
      (await h.db.selectFrom('orders').select('id').execute()).map((r) => r.id),
    );
    const missing = [...acked].filter((id) => !present.has(id));
    assert.deepEqual(missing, [], `after kill ${k + 1}: acknowledged orders missing`);
    for (const v of variants) {
      const s = await h.db
        .selectFrom('stock')
        .select(['available', 'reserved'])
        .where('variant_id', '=', v)
        .executeTakeFirstOrThrow();
      const sold = await h.db
        .selectFrom('stock_ledger')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta_reserved'), eb.lit(0)).as('n'))
        .where('variant_id', '=', v)
        .where('reason', '=', 'sale')
        .executeTakeFirstOrThrow();
      const ordered = await h.db
        .selectFrom('order_lines')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('qty'), eb.lit(0)).as('n'))
        .where('variant_id', '=', v)
        .executeTakeFirstOrThrow();
      assert.ok(s.available >= 0 && s.reserved >= 0);
      assert.equal(
        s.available + s.reserved - Number(sold.n),
        INITIAL,
        `variant ${v} after kill ${k + 1}`,
      );
      assert.equal(s.reserved, Number(ordered.n), 'every reservation belongs to an order line');
    }
  }
  assert.ok(acked.size >= KILLS * 3);
});
