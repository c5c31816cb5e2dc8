import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';

// Most orders have no agent (only assisted orders do) and no reservation (only unpaid transfer
// and QRIS orders hold stock until a deadline), yet every order wrote an entry for its NULL into
// both indexes: two of the ten b-trees a checkout's order row touches, in the writer thread that
// bounds SQLite's checkout throughput. The only queries that read them ask for an agent's orders
// (`agent_user_id = ?`) and for reservations past due (`reserved_until < ?`); both imply the
// column is not null, so SQLite and PostgreSQL serve them from these partial indexes
// (orders/partial-indexes.test.ts pins the plans).
export const partialIndexMigrations0642: Migrations = {
  '0642_orders_partial_indexes': {
    async up(db: Kysely<any>) {
      await sql`drop index orders_agent`.execute(db);
      await sql`create index orders_agent on orders (agent_user_id, placed_at) where agent_user_id is not null`.execute(
        db,
      );
      await sql`drop index orders_reserved`.execute(db);
      await sql`create index orders_reserved on orders (reserved_until) where reserved_until is not null`.execute(
        db,
      );
    },
  },
};
