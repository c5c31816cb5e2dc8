#!/usr/bin/env node
// npm bin entry: runs the TypeScript CLI through tsx so `npx lumbung <command>` works from a checkout.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');
const r = spawnSync(
  process.execPath,
  ['--import', tsx, join(root, 'src/main.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
