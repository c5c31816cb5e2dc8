import { sql, type Kysely } from 'kysely';
import { isPostgres, type Migrations } from '../../../kernel/db/index.js';

// The guard both dialects enforce: a transaction is written unsealed, its lines are added while
// it is unsealed, and sealing it is refused unless it has at least two lines summing to zero.
// Lines are never updated or deleted, a sealed transaction never changes, nothing is deleted.
const SQLITE_GUARDS = [
  sql`create trigger ledger_tx_insert before insert on ledger_transactions
      when new.sealed <> 0
      begin select raise(abort, 'ledger: a transaction is sealed only after its lines'); end`,
  sql`create trigger ledger_tx_seal before update on ledger_transactions
      when old.sealed <> 0 or new.sealed <> 1 or new.id <> old.id or new.source_key <> old.source_key
        or new.line_count <> (select count(*) from ledger_lines where transaction_id = new.id)
        or new.line_count < 2
        or (select coalesce(sum(amount), 0) from ledger_lines where transaction_id = new.id) <> 0
      begin select raise(abort, 'ledger: transaction does not balance'); end`,
  sql`create trigger ledger_tx_delete before delete on ledger_transactions
      begin select raise(abort, 'ledger: transactions are append-only'); end`,
  sql`create trigger ledger_line_insert before insert on ledger_lines
      when not exists (select 1 from ledger_transactions where id = new.transaction_id and sealed = 0)
      begin select raise(abort, 'ledger: line of a sealed or unknown transaction'); end`,
  sql`create trigger ledger_line_update before update on ledger_lines
      begin select raise(abort, 'ledger: lines are append-only'); end`,
  sql`create trigger ledger_line_delete before delete on ledger_lines
      begin select raise(abort, 'ledger: lines are append-only'); end`,
];

// PostgreSQL: the same rules as plpgsql triggers; errcode 23514 (check_violation) so callers see
// the same `check` constraint kind as SQLite's aborts.
const PG_GUARDS = [
  sql`create function ledger_tx_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'ledger: transactions are append-only' using errcode = '23514';
      end if;
      if tg_op = 'INSERT' then
        if new.sealed <> 0 then
          raise exception 'ledger: a transaction is sealed only after its lines' using errcode = '23514';
        end if;
        return new;
      end if;
      if old.sealed <> 0 or new.sealed <> 1 or new.id <> old.id or new.source_key <> old.source_key
        or new.line_count <> (select count(*) from ledger_lines where transaction_id = new.id)
        or new.line_count < 2
        or (select coalesce(sum(amount), 0) from ledger_lines where transaction_id = new.id) <> 0
      then
        raise exception 'ledger: transaction does not balance' using errcode = '23514';
      end if;
      return new;
    end $$`,
  sql`create trigger ledger_tx_guard before insert or update or delete on ledger_transactions
      for each row execute function ledger_tx_guard()`,
  sql`create function ledger_line_guard() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' then
        raise exception 'ledger: lines are append-only' using errcode = '23514';
      end if;
      if not exists (select 1 from ledger_transactions where id = new.transaction_id and sealed = 0) then
        raise exception 'ledger: line of a sealed or unknown transaction' using errcode = '23514';
      end if;
      return new;
    end $$`,
  sql`create trigger ledger_line_guard before insert or update or delete on ledger_lines
      for each row execute function ledger_line_guard()`,
];

export const ledgerMigrations: Migrations = {
  '1400_ledger': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('ledger_accounts')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('ledger_transactions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source_key', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text')
        .addColumn('payment_id', 'text')
        .addColumn('memo', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('posted_at', 'text', (c) => c.notNull())
        .addColumn('line_count', 'integer', (c) => c.notNull())
        .addColumn('sealed', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('ledger_transactions_order')
        .on('ledger_transactions')
        .column('order_id')
        .execute();
      await db.schema
        .createIndex('ledger_transactions_payment')
        .on('ledger_transactions')
        .column('payment_id')
        .execute();
      await db.schema
        .createTable('ledger_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('transaction_id', 'text', (c) =>
          c.notNull().references('ledger_transactions.id'),
        )
        .addColumn('line_no', 'integer', (c) => c.notNull())
        .addColumn('account_code', 'text', (c) => c.notNull().references('ledger_accounts.code'))
        .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount <> 0`))
        .addColumn('order_id', 'text')
        .addColumn('posted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ledger_lines_tx')
        .on('ledger_lines')
        .columns(['transaction_id', 'line_no'])
        .unique()
        .execute();
      await db.schema
        .createIndex('ledger_lines_account')
        .on('ledger_lines')
        .columns(['account_code', 'posted_at'])
        .execute();
      await db.schema
        .createIndex('ledger_lines_order')
        .on('ledger_lines')
        .columns(['order_id', 'account_code'])
        .execute();
      await db.schema
        .createTable('ledger_payouts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('transaction_id', 'text', (c) =>
          c.notNull().references('ledger_transactions.id'),
        )
        .addColumn('total', 'bigint', (c) => c.notNull().check(sql`total > 0`))
        .addColumn('payees', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ledger_payouts_org')
        .on('ledger_payouts')
        .columns(['organisation_id', 'created_at'])
        .execute();
      for (const s of isPostgres(db) ? PG_GUARDS : SQLITE_GUARDS) await s.execute(db);
    },
  },
  // A BUMDes/koperasi's own bank statement lines, reconciled against its cash account.
  '1402_ledger_bank_lines': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('ledger_bank_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('booked_on', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount <> 0`))
        .addColumn('imported_by', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ledger_bank_lines_fp')
        .on('ledger_bank_lines')
        .columns(['organisation_id', 'fingerprint'])
        .unique()
        .execute();
      await db.schema
        .createIndex('ledger_bank_lines_day')
        .on('ledger_bank_lines')
        .columns(['organisation_id', 'booked_on'])
        .execute();
    },
  },
};
