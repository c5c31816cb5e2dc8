import type { Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// The seller ledger and its settlement batches gave way to the one settlement ledger
// (domains/ledger: earnings, payouts and the seller's statement read from it); nothing reads
// these tables any more, so they go (their indexes with them) rather than drift from the ledger.
export const dropSellerLedgerMigrations0630: Migrations = {
  '0630_drop_seller_ledger': {
    async up(db: Kysely<any>) {
      await db.schema.dropTable('seller_ledger').ifExists().execute();
      await db.schema.dropTable('settlements').ifExists().execute();
    },
  },
};
