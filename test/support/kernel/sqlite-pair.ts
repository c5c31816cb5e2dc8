// Two connections to one new SQLite file, as the main thread and the checkout writer thread
// have: for tests of what one connection's write lock does to the other.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../../src/kernel/db/connect.js';

export function sqlitePair() {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-pair-'));
  const file = join(dir, 'pair.db');
  const a = connect({ sqlitePath: file });
  const b = connect({ sqlitePath: file });
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
