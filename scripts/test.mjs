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
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const files = roots.flatMap((r) => walk(r, [])).filter((f) => filters.every((x) => f.includes(x))).sort();
if (files.length === 0) {
  console.error(`no test files found for ${kind} ${filters.join(' ')}`);
  process.exit(1);
}
// PostgreSQL files run one at a time: each file has its own schema, but Kysely's migrator
// introspects across schemas and two files migrating at once intermittently failed there.
const concurrency = kind === 'browser' ? '1' : (process.env.TEST_CONCURRENCY ?? (process.env.LUMBUNG_TEST_DATABASE_URL ? '1' : '2'));
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
