// Tables of the settlement ledger. Every rupiah Lumbung records is a line of a balanced
// transaction: amounts are integer rupiah, positive for a debit and negative for a credit, and
// the lines of one transaction sum to zero (checked by `post` and by a database trigger).
// Transactions and lines are append-only: a correction is a new transaction.

/** What an account stands for; the owner (UMKM, service point, organisation …) is in its code. */
export type AccountKind =
  | 'buyer_payments'
  | 'bank_transfer'
  | 'qris_clearing'
  | 'cod_clearing'
  | 'cash_drawer'
  | 'umkm_payable'
  | 'farmer_payable'
  | 'agent_commission'
  | 'organisation'
  | 'organisation_cash'
  | 'organisation_costs'
  | 'lot_pool'
  | 'platform_fees'
  | 'shipping_payable'
  | 'refunds_due'
  | 'partner_incentives'
  | 'partner_payable'
  | 'bank_payouts'
  | 'corrections';

export type LedgerKind =
  | 'payment'
  | 'unique_code'
  | 'settlement'
  | 'refund'
  | 'return'
  | 'payout'
  | 'incentive'
  | 'farmer_payout'
  | 'advance'
  | 'lot_settlement'
  | 'correction';

export interface LedgerAccountsTable {
  /** `kind` or `kind:owner_id` (e.g. `umkm_payable:umk_01…`): stable, readable in exports. */
  code: string;
  kind: AccountKind;
  owner_id: string | null;
  created_at: string;
}

export interface LedgerTransactionsTable {
  id: string;
  /** The event that caused it (`order:<id>:paid`, `payout:<id>` …): posting it twice posts once. */
  source_key: string;
  kind: LedgerKind;
  order_id: string | null;
  payment_id: string | null;
  memo: string | null;
  actor_id: string | null;
  posted_at: string;
  line_count: number;
  /** 0 while its lines are written, 1 once sealed; the seal is refused unless the lines balance. */
  sealed: number;
}

export interface LedgerLinesTable {
  id: string;
  transaction_id: string;
  line_no: number;
  account_code: string;
  /** Debit positive, credit negative, never zero. */
  amount: number;
  /** The order this rupiah belongs to (fee breakdown, payouts per order), when there is one. */
  order_id: string | null;
  posted_at: string;
}

/** A treasurer's payout batch: one balanced ledger transaction paying the owed orders of UMKM. */
export interface LedgerPayoutsTable {
  id: string;
  organisation_id: string;
  transaction_id: string;
  total: number;
  /** UMKM paid in the batch. */
  payees: number;
  created_by: string;
  created_at: string;
}

/** A line of a BUMDes/koperasi's own bank statement, imported by its treasurer to reconcile. */
export interface LedgerBankLinesTable {
  id: string;
  organisation_id: string;
  /** Date, description, amount and occurrence within the file: importing twice adds nothing. */
  fingerprint: string;
  booked_on: string;
  description: string;
  /** Credit (money in) positive, debit (money out) negative. */
  amount: number;
  imported_by: string;
  imported_at: string;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    ledger_accounts: LedgerAccountsTable;
    ledger_transactions: LedgerTransactionsTable;
    ledger_lines: LedgerLinesTable;
    ledger_payouts: LedgerPayoutsTable;
    ledger_bank_lines: LedgerBankLinesTable;
  }
}
