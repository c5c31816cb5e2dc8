import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// The stock ledger is written by every stock change (two rows a 2-line checkout) and read by no
// query of the application: it is the record an auditor or a dispute goes back to. Its index by
// (variant, time) had one insertion point per variant, so a checkout batch dirtied a leaf for
// each variant it named (37 of a batch's 278 WAL pages in the bench's 32-variant world; on a
// national catalogue one a line), in the writer thread that bounds checkout. Without it (and
// orders' by-variant line index, 0643) the writer settled a checkout in 218 µs against 251 µs
// (median of 6 alternated pairs, bench/README.md, "Two indexes no query reads"). A variant's
// movements over a period are still found without it: the ledger's ids are time-ordered, so
// the primary key bounds the period and the variant is filtered within it.
export const ledgerIndexMigrations0409: Migrations = {
  '0409_catalog_stock_ledger_by_id': {
    async up(db: Kysely<any>) {
      await sql`drop index stock_ledger_variant`.execute(db);
    },
  },
};
