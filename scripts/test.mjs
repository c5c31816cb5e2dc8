#!/usr/bin/env node
// Runs node:test over the suite. Node 20's test runner does not expand globs, so the
// files are collected here. Usage: node scripts/test.mjs [unit|browser] [extra path filters]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const kind = process.argv[2] ?? 'unit';
const filters = process.argv.slice(3);
const roots = kind === 'browser' ? ['test/browser'] : ['src', 'test/unit'];

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const files = roots
  .flatMap((r) => walk(r, []))
  .filter((f) => filters.every((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`no test files found for ${kind} ${filters.join(' ')}`);
  process.exit(1);
}
// Two files at a time on both databases. On PostgreSQL each file has its own schema and schema
// DDL is serialised by an advisory lock (src/kernel/db/migrate.ts), so files do not clash.
const concurrency = kind === 'browser' ? '1' : (process.env.TEST_CONCURRENCY ?? '2');
const r = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    // A test file that hangs fails after 15 minutes (the timeout covers a whole file, and the
    // crash loop alone takes minutes on a loaded machine) instead of eating CI's whole budget,
    // and a file whose tests are done exits even if a fixture left a server open (each leak
    // still gets fixed; this keeps one from stalling the run for an hour, as print.test.ts's did).
    '--test-timeout=900000',
    '--test-force-exit',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
