// The Node flags `npm start` runs the server with, read from package.json's start script, so a
// bench measures the production process without a copy of its flags that could drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function startFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return (pkg.scripts.start as string).split(/\s+/).filter((a) => a.startsWith('--'));
}
