// Regions benchmark: the full national import (idn-area-data, 91,599 areas) into a fresh
// SQLite file, the idempotent second run, and search latency over the full set.
// Baselines measured here: for the import, a bare better-sqlite3 insert of the same rows in
// one transaction (the floor for any import); for search, the naive full scan
// (`name_norm like '%q%'`) that the word index replaces.
// Run: npx tsx bench/regions.ts   (goals: import ≤ 10 s, search p99 ≤ 20 ms)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import SQLite from 'better-sqlite3';
import { connect, migrateToLatest } from '../src/kernel/db/index.js';
import { allMigrations } from '../src/migrations.js';
import { importRegions, searchRegions, normaliseName } from '../src/domains/regions/index.js';
import { regionRows } from '../src/domains/regions/region-import.js';

const dir = mkdtempSync(join(tmpdir(), 'lumbung-bench-regions-'));
const ms = (t0: number) => performance.now() - t0;
// CPU time of this process: SQLite runs in-process, so it is the work done, whatever else the
// (shared) machine is running; wall time is also reported.
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(c0);
  return (u.user + u.system) / 1000;
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

// Baseline: the same rows, one prepared statement, one transaction.
// The baseline: the same rows through better-sqlite3 directly, in one transaction.
const baselineMs = (() => {
  const t0 = performance.now();
  const rows = regionRows();
  const db = new SQLite(join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'create table regions (code text primary key, parent_code text, level integer, name text, name_norm text, kind text, source_version text)',
  );
  const ins = db.prepare('insert into regions values (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of rows)
      ins.run(r.code, r.parent_code, r.level, r.name, r.name_norm, r.kind, r.source_version);
  })();
  db.close();
  return ms(t0);
})();

const h = connect({ sqlitePath: join(dir, 'lumbung.db'), synchronous: 'FULL' });
await migrateToLatest(h, allMigrations);
let t0 = performance.now();
const cpu0 = process.cpuUsage();
const first = await importRegions(h.db);
const importMs = ms(t0);
const importCpu = cpuMs(cpu0);
t0 = performance.now();
const second = await importRegions(h.db);
const secondMs = ms(t0);

// Queries: word prefixes of real names (3–8 letters), common words and full names.
const names = (await h.db.selectFrom('regions').select('name').execute()).map((r) => r.name);
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const queries: string[] = [
  'bakongan',
  'sumber',
  'kota',
  'jaya',
  'bajawa',
  'kampung baru',
  'su',
  'ma',
];
while (queries.length < 400) {
  const words = normaliseName(names[Math.floor(rnd() * names.length)]).split(' ');
  const w = words[Math.floor(rnd() * words.length)];
  queries.push(w.slice(0, 3 + Math.floor(rnd() * 6)));
}
for (const q of queries.slice(0, 20)) await searchRegions(h.db, q); // warm the page cache
const times: number[] = [];
const cpuTimes: number[] = [];
let hits = 0;
for (const q of queries) {
  const s = performance.now();
  const c = process.cpuUsage();
  hits += (await searchRegions(h.db, q, { limit: 20 })).length;
  cpuTimes.push(cpuMs(c));
  times.push(ms(s));
}
const naive: number[] = [];
for (const q of queries.slice(0, 60)) {
  const c = process.cpuUsage();
  await h.db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('name_norm', 'like', `%${normaliseName(q)}%`)
    .orderBy('level')
    .orderBy('name')
    .limit(20)
    .execute();
  naive.push(cpuMs(c));
}
await h.close();
rmSync(dir, { recursive: true, force: true });

const f = (x: number) => x.toFixed(1);
console.log(
  `machine load average (1 min): ${loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`,
);
console.log(
  `regions import (SQLite file, synchronous=FULL): ${first.inserted} areas in ${f(importMs)} ms wall, ${f(importCpu)} ms CPU (goal ≤ 10000 ms); ${f(importMs / baselineMs)}× a bare one-transaction insert of the rows alone (${f(baselineMs)} ms)`,
);
console.log(
  `second run: ${second.inserted} inserted, ${second.updated} updated in ${f(secondMs)} ms (${f((secondMs / importMs) * 100)} % of the first)`,
);
console.log(
  `search over ${names.length} areas, ${queries.length} queries (${hits} hits): CPU p50 ${f(pct(cpuTimes, 50))} ms, p99 ${f(pct(cpuTimes, 99))} ms (goal ≤ 20 ms); wall p50 ${f(pct(times, 50))} ms, p99 ${f(pct(times, 99))} ms`,
);
console.log(
  `naive full scan (like '%q%', CPU): p50 ${f(pct(naive, 50))} ms, p99 ${f(pct(naive, 99))} ms → the word index is ${f(pct(naive, 50) / pct(cpuTimes, 50))}× faster at p50`,
);
