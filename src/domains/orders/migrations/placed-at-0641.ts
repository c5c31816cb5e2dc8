import { sql, type Kysely } from 'kysely';
import { isPostgres, type Migrations } from '../../../kernel/db/index.js';

// Period figures count the orders placed in a window across the whole country (collective's
// share of orders through cycles and group buys over the last 90 days, `salesPlacedIn`). With
// no index leading on placed_at that was a sequential scan of every order: 1.66 s at
// 10,000,000 orders, once per national impact page. The key only grows, so each checkout adds
// to the index's last page. PostgreSQL only: a national deployment runs on it, and SQLite's
// checkout keeps one index fewer to write.
export const placedAtMigrations0641: Migrations = {
  '0641_orders_placed_at': {
    async up(db: Kysely<any>) {
      if (!isPostgres(db)) return;
      await sql`create index orders_placed_at on orders (placed_at, status)`.execute(db);
    },
  },
};
