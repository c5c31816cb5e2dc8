#!/usr/bin/env node
// Compiles Lumbung for production: esbuild bundles our TypeScript (src/main.ts and the routing
// solver's worker) into dist/ as plain ES modules; packages stay in node_modules. Runs on
// `npm ci` (the `prepare` script) and again from `npm start` when a source file is newer than the
// bundle, so a newcomer still types two commands and production runs `node`, not tsx.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { rmSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
// Chunk names carry content hashes: without a clean folder, old chunks pile up beside the new.
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'src/main.ts',
    worker: 'src/lib/vrp/worker.ts',
    'read-worker': 'src/read-worker.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`build: dist/ in ${Math.round(performance.now() - started)} ms`);
