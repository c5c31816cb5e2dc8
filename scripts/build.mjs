#!/usr/bin/env node
// Compiles Lumbung for production: esbuild bundles our TypeScript (src/main.ts and the routing
// solver's worker) and the pure-JavaScript packages it imports into dist/ as plain ES modules.
// Bundling the packages took cold start from ≈ 1.1 s to ≈ 0.7 s (Node no longer resolves,
// reads and links several hundred files under node_modules); whitespace and syntax are minified
// (idle RSS −3 MiB: V8 keeps every script's source) but names are kept for stack traces. Runs on
// `npm ci` (the `prepare` script) and again from `npm start` when a source file is newer than the
// bundle, so a newcomer still types two commands and production runs `node`, not tsx.
import { build } from 'esbuild';
import { nodeBundle } from './bundle-options.mjs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readdirSync, readFileSync, rmSync } from 'node:fs';

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
    'checkout-writer': 'src/checkout-writer.ts',
  },
  outdir: 'dist',
  ...nodeBundle,
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
});
// V8 keeps every script's source as a string, one byte a character unless a single character is
// past U+00FF: then the whole 2.9 MB chunk takes two bytes a character, in every thread that loads
// it (two stray quote marks in a regex literal cost 2.9 MB of heap each). esbuild escapes such
// characters in strings but not in regex literals, so the build refuses them.
for (const f of readdirSync(join(root, 'dist')).filter((n) => n.endsWith('.mjs'))) {
  const text = readFileSync(join(root, 'dist', f), 'utf8');
  const wide = /[^\u0000-\u00ff]/.exec(text);
  if (wide) {
    const near = text.slice(Math.max(0, wide.index - 40), wide.index + 10);
    console.error(
      `build: dist/${f} holds a character past U+00FF near "${near}": write it as a \\u escape`,
    );
    process.exit(1);
  }
}
console.log(`build: dist/ in ${Math.round(performance.now() - started)} ms`);
