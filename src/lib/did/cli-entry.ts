// Stand-alone entry for `npx tsx src/lib/did/cli-entry.ts --data ...` (main.ts wires the
// same function as the `did` subcommand).
import { readFileSync } from 'node:fs';
import { runDidCli } from './cli.ts';

process.exitCode = runDidCli(process.argv.slice(2), {
  readFile: (p) => readFileSync(p, 'utf8'),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
