// Reading the ledger: balances per account as of a date, an account's statement with its
// running balance, and the trial balance (which is zero whenever the ledger is whole).
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';

export interface Balance {
  account: string;
  /** Debits minus credits; a payable owed to its owner is negative. */
  balance: number;
}

/** End of day `date` (YYYY-MM-DD, UTC) as the exclusive upper bound of `posted_at`. */
function until(date?: string): string | null {
  if (!date) return null;
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** Balance of each account (all, or those given) from lines posted up to the end of `date`. */
export async function balances(
  db: Tx,
  o: { accounts?: string[]; prefix?: string; date?: string } = {},
): Promise<Balance[]> {
  if (o.accounts && o.accounts.length === 0) return [];
  let q = db
    .selectFrom('ledger_lines')
    .select('account_code')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('balance'))
    .groupBy('account_code')
    .orderBy('account_code');
  if (o.accounts) q = q.where('account_code', 'in', o.accounts);
  if (o.prefix) q = q.where('account_code', 'like', `${o.prefix.replace(/[%_]/g, '')}%`);
  const end = until(o.date);
  if (end) q = q.where('posted_at', '<', end);
  const rows = await q.execute();
  return rows.map((r) => ({ account: r.account_code, balance: Number(r.balance) }));
}

export interface StatementLine {
  transactionId: string;
  kind: string;
  postedAt: string;
  orderId: string | null;
  amount: number;
  /** Balance after this line. */
  balance: number;
}

/** Every line of one account between two dates (inclusive, UTC days) with the running balance. */
export async function statement(
  db: Tx,
  account: string,
  o: { from?: string; to?: string; limit?: number } = {},
): Promise<{ opening: number; lines: StatementLine[]; closing: number }> {
  const start = o.from ? `${o.from}T00:00:00.000Z` : null;
  const end = until(o.to);
  let openingQ = db
    .selectFrom('ledger_lines')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('s'))
    .where('account_code', '=', account);
  openingQ = start ? openingQ.where('posted_at', '<', start) : openingQ.where(sql<boolean>`1 = 0`);
  const opening = Number((await openingQ.executeTakeFirstOrThrow()).s);
  let q = db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .select(['l.transaction_id', 't.kind', 'l.posted_at', 'l.order_id', 'l.amount'])
    .where('l.account_code', '=', account)
    .orderBy('l.posted_at')
    .orderBy('l.transaction_id')
    .orderBy('l.line_no')
    .limit(o.limit ?? 5000);
  if (start) q = q.where('l.posted_at', '>=', start);
  if (end) q = q.where('l.posted_at', '<', end);
  let running = opening;
  const lines = (await q.execute()).map((r) => {
    running += Number(r.amount);
    return {
      transactionId: r.transaction_id,
      kind: r.kind,
      postedAt: r.posted_at,
      orderId: r.order_id,
      amount: Number(r.amount),
      balance: running,
    };
  });
  return { opening, lines, closing: running };
}

export interface TrialBalance {
  /** Per account kind: total debits, total credits and the net. */
  rows: { kind: string; debits: number; credits: number; net: number }[];
  /** Sum of every line ever posted: zero for a whole ledger. */
  total: number;
  transactions: number;
  /** Transactions whose lines do not sum to zero (always empty unless the guard was bypassed). */
  unbalanced: string[];
}

export async function trialBalance(db: Tx, o: { date?: string } = {}): Promise<TrialBalance> {
  const end = until(o.date);
  let q = db
    .selectFrom('ledger_lines')
    .select('account_code')
    .select(sql<number>`coalesce(sum(case when amount > 0 then amount else 0 end), 0)`.as('d'))
    .select(sql<number>`coalesce(sum(case when amount < 0 then -amount else 0 end), 0)`.as('c'))
    .groupBy('account_code');
  if (end) q = q.where('posted_at', '<', end);
  const byKind = new Map<string, { debits: number; credits: number }>();
  for (const r of await q.execute()) {
    const kind = r.account_code.split(':')[0];
    const k = byKind.get(kind) ?? { debits: 0, credits: 0 };
    k.debits += Number(r.d);
    k.credits += Number(r.c);
    byKind.set(kind, k);
  }
  const rows = [...byKind.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, k]) => ({ kind, ...k, net: k.debits - k.credits }));
  let u = db
    .selectFrom('ledger_lines')
    .select('transaction_id')
    .groupBy('transaction_id')
    .having(sql<number>`sum(amount)`, '<>', 0);
  if (end) u = u.where('posted_at', '<', end);
  let n = db
    .selectFrom('ledger_transactions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sealed', '=', 1);
  if (end) n = n.where('posted_at', '<', end);
  return {
    rows,
    total: rows.reduce((s, r) => s + r.net, 0),
    transactions: Number((await n.executeTakeFirstOrThrow()).n),
    unbalanced: (await u.execute()).map((r) => r.transaction_id),
  };
}

/** Per order, the lines on the given accounts (fee breakdown, payable per order). */
export async function orderLines(db: Tx, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .select(['l.order_id', 'l.account_code', 'l.amount', 'l.posted_at', 't.kind'])
    .where('l.order_id', 'in', orderIds)
    .orderBy('l.posted_at')
    .execute();
}
