#!/usr/bin/env node
// Runs node:test over the suite. Node 20's test runner does not expand globs, so the
// files are collected here. Usage: node scripts/test.mjs [unit|browser] [extra path filters]
//
// Each test file runs in its own process. Through tsx every process spent ≈ 1.1 s more than the
// same code compiled (≈ 1.6 s against ≈ 0.45 s to import the app: tsx's loader thread is asked
// about every module, node_modules' included), over 180 processes per database. So the files
// are first compiled by esbuild, one bundle per test file with shared chunks, into .tmp/test-js,
// and node runs those without a loader. `import.meta.url`, `.dirname` and `.filename` keep
// naming the TypeScript source, so fixtures beside a test are found and a worker thread still
// starts from its .ts script (registering tsx itself, as under tsx). Stack traces map back to
// the sources (--enable-source-maps).
import { readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, dirname, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
import { nodeBundle } from './bundle-options.mjs';

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
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Each run has its own name (bundles and world templates): a run on SQLite and one on
// PostgreSQL may go side by side. A run's folders and databases go when it ends; a killed
// run's, once it is an hour old (the name starts with its start time, base 36).
const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
/** A run whose name says it started over an hour ago (test runs take minutes). */
const stale = (name) => Date.now() - Number.parseInt(name.slice(0, 8), 36) > 3600_000;
const outdir = join(root, '.tmp', 'test-js', run);
for (const dir of ['test-js', 'test-worlds'].map((d) => join(root, '.tmp', d))) {
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {}
  for (const name of names)
    if (stale(name)) rmSync(join(dir, name), { recursive: true, force: true });
}

/**
 * Pins import.meta to the source file: the bundle runs from .tmp, the fixtures live in src and
 * test. `define` swaps the expressions (not text in strings) for names each file declares on
 * its first line, so line numbers stay; esbuild renames the names apart across files.
 */
const sourceImportMeta = {
  name: 'source-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const meta = [
        ['__source_url', pathToFileURL(args.path).href],
        ['__source_dirname', dirname(args.path)],
        ['__source_filename', args.path],
      ];
      const head = `const ${meta.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')};`;
      return { contents: head + text, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
    });
  },
};

await dropDatabases(stale);

const compiled = performance.now();
const { metafile } = await build({
  metafile: true,
  absWorkingDir: root,
  entryPoints: files,
  outbase: '.',
  outdir,
  ...nodeBundle,
  // As in the production build the pure-JavaScript packages are bundled too: Node then compiles
  // a few chunks instead of several hundred files of hono, zod and kysely. The test tools stay
  // outside, and pg, which test-db.ts imports and connect.ts loads by require.
  external: [...nodeBundle.external, 'pg', 'typescript', 'playwright-core', '@axe-core/playwright'],
  sourcemap: 'linked',
  define: {
    'import.meta.url': '__source_url',
    'import.meta.dirname': '__source_dirname',
    'import.meta.filename': '__source_filename',
  },
  plugins: [sourceImportMeta],
});
console.log(
  `test bundles: ${files.length} files in ${Math.round(performance.now() - compiled)} ms`,
);
/** Any bundle that includes one of these can open a database (see touchesDatabase). */
const DB_MODULES = ['src/kernel/db/connect.ts', 'test/support/kernel/test-db.ts'];
const pgPass = kind === 'unit' && Boolean(process.env.LUMBUNG_TEST_DATABASE_URL);
const bundleOf = (f) => join(outdir, f.replace(/\.tsx?$/, '.mjs'));
const once = pgPass ? files.filter((f) => !touchesDatabase(bundleOf(f))) : [];
const bundles = files.filter((f) => !once.includes(f)).map(bundleOf);
if (pgPass) {
  console.log(
    `on PostgreSQL: ${bundles.length} files; these ${once.length} never open a database:`,
  );
  for (const f of once) console.log(`  ${f}`);
}

/**
 * Whether a test bundle can reach a database: it includes the connection or test-database
 * module, imports a driver, or hands a database URL to a process it starts. The others give the
 * same result on either database, so the PostgreSQL pass leaves them to the SQLite pass (CI runs
 * both on two cores near 30 minutes on a slow machine).
 */
function touchesDatabase(bundle, seen = new Set()) {
  const key = relative(root, bundle).split(sep).join('/');
  const out = metafile.outputs[key];
  if (!out) return true;
  if (seen.has(key)) return false;
  seen.add(key);
  if (Object.keys(out.inputs).some((i) => DB_MODULES.includes(i))) return true;
  if (out.imports.some((i) => i.external && /^(pg|better-sqlite3)$/.test(i.path))) return true;
  if (readFileSync(bundle, 'utf8').includes('DATABASE_URL')) return true;
  // Code shared between bundles sits in chunks the bundle imports.
  return out.imports.some((i) => !i.external && touchesDatabase(join(root, i.path), seen));
}

// Two files at a time on both databases. On PostgreSQL each file has its own schema or database
// and schema DDL is serialised by an advisory lock (src/kernel/db/migrate.ts), so files do not
// clash. The run's name lets its worlds share one migrated template (test/support/kernel/test-db.ts).
const concurrency = kind === 'browser' ? '1' : (process.env.TEST_CONCURRENCY ?? '2');
// With no files left (a filter that chose only such files) `node --test` would look for tests
// on its own: nothing to run is a pass.
const r =
  bundles.length === 0
    ? { status: 0 }
    : spawnSync(
        process.execPath,
        [
          '--enable-source-maps',
          '--test',
          `--test-concurrency=${concurrency}`,
          // A test file that hangs fails after 15 minutes (the timeout covers a whole file, and the
          // crash loop alone takes minutes on a loaded machine) instead of eating CI's whole budget,
          // and a file whose tests are done exits even if a fixture left a server open (each leak
          // still gets fixed; this keeps one from stalling the run for an hour, as print.test.ts's did).
          '--test-timeout=900000',
          '--test-force-exit',
          ...bundles,
        ],
        { stdio: 'inherit', env: { ...process.env, LUMBUNG_TEST_RUN: run } },
      );
await dropDatabases((name) => name === run);
rmSync(outdir, { recursive: true, force: true });
rmSync(join(root, '.tmp', 'test-worlds', run), { recursive: true, force: true });
process.exit(r.status ?? 1);

/** Drops the template and world databases (test/support/kernel/test-db.ts) of the runs chosen. */
async function dropDatabases(chosen) {
  const url = process.env.LUMBUNG_TEST_DATABASE_URL;
  if (!url) return;
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query(
    "select datname from pg_database where datname like 'lumbung\\_tpl\\_%' or datname like 'lumbung\\_w\\_%'",
  );
  for (const { datname } of rows)
    if (chosen(datname.split('_')[2]))
      await c.query(`drop database if exists "${datname}" with (force)`);
  await c.end();
}
