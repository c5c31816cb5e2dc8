import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// Order lines are read by their order (order_lines_order) and no query of the application asks
// for a variant's lines; the sales figures join lines to their orders. The index by variant had
// one insertion point per variant, so every checkout batch dirtied a leaf for each variant it
// sold (22 of a batch's 278 WAL pages in the bench's 32-variant world; on a national catalogue
// one a line) in the writer thread that bounds checkout. Dropped with the stock ledger's
// by-variant index (catalog 0409, which has the figures).
export const linesIndexMigrations0643: Migrations = {
  '0643_orders_lines_by_order_only': {
    async up(db: Kysely<any>) {
      await sql`drop index order_lines_variant`.execute(db);
    },
  },
};
