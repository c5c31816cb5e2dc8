// Pages a SQLite checkout batch writes: the WAL frames one batch of 50 checkouts commits, once
// the order tables hold `orders` rows, and which b-tree each page belongs to (SQLite's dbstat).
// A commit with synchronous=FULL writes every frame with its own system calls, and the writer
// thread spends about a quarter of its time committing (bench/README.md, "The audit chain last"),
// so these pages are what a schema change on the order tables would trim.
// Usage: npx tsx bench/checkout-pages.ts [orders=60000]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connect, migrateToLatest } from '../src/kernel/db/index.js';
import { allMigrations } from '../src/migrations.js';
import { composeDomains } from '../src/domains.js';
import { settleBatch } from '../src/domains/orders/checkout/settle.js';
import { checkoutWorld } from './support/checkout-world.js';

const ORDERS = Number(process.argv[2] ?? 60_000);
const PAGE = 4096;
composeDomains();
const dir = mkdtempSync(join(tmpdir(), 'lumbung-checkout-pages-'));
const file = join(dir, 'b.db');
const h = connect({ sqlitePath: file, synchronous: 'FULL' });
try {
  await migrateToLatest(h, allMigrations);
  // The HTTP bench's shape: 32 UMKM with a product each, 2-line orders, a distinct key each.
  const { servicePoint: sp, variants } = await checkoutWorld(h, { stock: 10_000_000 });
  let n = 0;
  const job = () => {
    const i = n++;
    return {
      input: {
        lines: [
          { variantId: variants[i % 32], qty: 1 },
          { variantId: variants[(i * 7 + 3) % 32], qty: 1 },
        ],
        buyer: { name: 'Bench', phone: '081234567890' },
        delivery: { kind: 'pickup' as const, servicePointId: sp },
        paymentMethod: 'cod' as const,
        channel: 'api' as const,
      },
      actor: null,
      idem: { scope: 'bench', key: `${Math.random().toString(36).slice(2)}-${i}`, fp: 'fp' },
    };
  };
  const checkpoint = async (mode: 'TRUNCATE' | 'PASSIVE') =>
    (await sql.raw(`pragma wal_checkpoint(${mode})`).execute(h.db)).rows[0] as { log: number };
  // Checkpoints by hand only, so the WAL after a batch holds that batch's commit alone.
  await sql`pragma wal_autocheckpoint = 0`.execute(h.db);
  const started = performance.now();
  while (n < ORDERS) {
    await settleBatch(h.db, Array.from({ length: 128 }, job));
    if (n % 5120 === 0) await checkpoint('TRUNCATE');
  }
  console.log(`${n} orders placed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const frames: number[] = [];
  const perTree = new Map<string, number>();
  for (let b = 0; b < 10; b++) {
    await checkpoint('TRUNCATE');
    const r = await settleBatch(h.db, Array.from({ length: 50 }, job));
    if (!r.settled.every((s) => s.ok)) throw new Error('a checkout was not placed');
    // Each frame: a 24-byte header starting with its page number, then the page.
    const wal = readFileSync(`${file}-wal`);
    const pages = new Set<number>();
    for (let off = 32; off + 24 + PAGE <= wal.length; off += 24 + PAGE)
      pages.add(wal.readUInt32BE(off));
    const trees = await sql<{
      name: string;
      pageno: number;
    }>`select name, pageno from dbstat`.execute(h.db);
    const treeOf = new Map(trees.rows.map((t) => [t.pageno, t.name]));
    for (const p of pages) {
      const t = treeOf.get(p) ?? '(free list)';
      perTree.set(t, (perTree.get(t) ?? 0) + 1);
    }
    frames.push((await checkpoint('PASSIVE')).log);
  }
  frames.sort((a, b) => a - b);
  console.log(
    `WAL frames a batch of 50 commits: median ${frames[5]} (${(frames[5] / 50).toFixed(1)} a checkout), range ${frames[0]}–${frames[9]}`,
  );
  console.log(
    `distinct pages by b-tree, a batch on average: ${[...perTree]
      .sort((a, b) => b[1] - a[1])
      .map(([t, k]) => `${t} ${(k / 10).toFixed(0)}`)
      .join(', ')}`,
  );
} finally {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
}
