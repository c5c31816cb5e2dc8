// A measurement switch, not part of the app: compiles bench/support/wal-coalesce.c (an SQLite VFS
// shim that writes a WAL's consecutive frames in one call, see its header) against
// better-sqlite3's own SQLite headers and registers it as this process's default VFS, before
// anything opens a database. Load it ahead of a bench and of the server it starts (the benches
// pass their environment on), e.g.
//   NODE_OPTIONS="--import ./bench/support/wal-coalesce.mjs" npx tsx bench/checkout-writer.ts 40
// Needs a C compiler (`cc`). bench/README.md, "A WAL that is written in pieces", has the figures.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'wal-coalesce.c');
const require = createRequire(join(here, '..', '..', 'package.json'));
const headers = join(dirname(require.resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
// One build per version of the source, shared by every process of a run.
const tag = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 12);
const lib = join(tmpdir(), `lumbung-wal-coalesce-${tag}.so`);
if (!existsSync(lib)) {
  const part = `${lib}.${process.pid}`;
  execFileSync('cc', ['-O2', '-shared', '-fPIC', `-I${headers}`, '-o', part, source]);
  renameSync(part, lib);
}
const Database = require('better-sqlite3');
const db = new Database(':memory:');
db.loadExtension(lib, 'sqlite3_walcoalesce_init');
db.close();
