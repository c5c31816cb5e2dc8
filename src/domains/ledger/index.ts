// Ledger: one double-entry settlement ledger for every rupiah Lumbung records (order payments,
// fees, commissions, COD cash, shipping, refunds, payouts to sellers and farmers, incentives),
// the seller's fee breakdown, payouts that pay only money that is in, and bank reconciliation.
import { defineDomain, on, provide } from '../../kernel/domain/index.js';
import { orderChanged } from '../orders/index.js';
import { advancePaid, farmerPaid, lotSaleSettled, owedToUmkm } from '../produce/index.js';
import { incentiveIssued } from '../partners/index.js';
import './ledger.tables.js';
import { ledgerErrors, ledgerMessages } from './messages.js';
import { ledgerMigrations } from './migrations/index.js';
import { postIncentive, postOrderEvent } from './order-postings.js';
import { postAdvance, postFarmerPaid, postLotSettlement } from './produce-postings.js';
import { ledgerRoutes } from './ledger.routes.js';
import { ledgerApi } from './ledger.api.js';
import { owedPerOrder, payoutIssued } from './payouts.js';

export { ledgerMigrations } from './migrations/index.js';
export type { AccountKind, LedgerKind } from './ledger.tables.js';
/** Posts one balanced transaction in the caller's transaction, once per source event; and its exact reversal. */
export {
  post,
  reverse,
  unbalancedReason,
  type Posting,
  type PostingLine,
  type Posted,
} from './post.js';
/** Account codes: kind, or kind and owner (`umkm_payable:umk_…`, `farmer_payable:…`). */
export { accountCode, parseAccountCode, type AccountRef } from './accounts.js';
/** Balances per account and date, an account's statement, the trial balance. */
export { balances, statement, trialBalance, type TrialBalance } from './reports.js';
/** What UMKM of an organisation are owed (from the ledger) and the payout that pays it. */
export {
  owedInOrganisations,
  payOrganisation,
  payoutIssued,
  type PayoutIssued,
} from './payouts.js';
/** The seller's fee breakdown per settled order. */
export { earningsOf, sellerTotals, type OrderEarning } from './earnings.js';
/** A farmer's statements, advances and balance read from the ledger alone. */
export { farmerLedger, type FarmerLedger, type FarmerStatementMoney } from './farmer-accounts.js';
/** A BUMDes/koperasi's own bank statement against its cash account in the ledger. */
export {
  importOrganisationStatement,
  reconcileOrganisation,
  type OrganisationImport,
} from './organisation-reconciliation.js';
/** Imported bank statement against the ledger's transfers. */
export { reconcile, type Reconciliation } from './reconciliation.js';

/** What the ledger adds to the app: postings from orders, earnings, payouts, reconciliation. */
export const ledgerDomain = defineDomain({
  name: 'ledger',
  migrations: ledgerMigrations,
  routes: ledgerRoutes,
  api: ledgerApi,
  messages: [ledgerMessages],
  errors: ledgerErrors,
  nav: [
    { href: '/penjual/pendapatan', label: 'ledger.nav.earnings', roles: ['seller'], order: 31 },
    {
      href: '/bumdes/pembayaran',
      label: 'ledger.nav.payouts',
      roles: ['community_manager'],
      order: 32,
    },
    {
      href: '/keuangan/rekonsiliasi',
      label: 'ledger.nav.reconcile',
      roles: ['national_admin'],
      order: 36,
    },
    {
      href: '/keuangan/rekonsiliasi/organisasi',
      label: 'ledger.nav.reconcile_organisation',
      roles: ['community_manager', 'national_admin'],
      order: 37,
    },
  ],
  publishes: { payoutIssued },
  // Every money-moving order change, incentive statement, advance, lot settlement and farmer
  // payment is posted inside its own transaction.
  subscribes: [
    on(orderChanged, postOrderEvent),
    on(incentiveIssued, postIncentive),
    on(advancePaid, postAdvance),
    on(lotSaleSettled, postLotSettlement),
    on(farmerPaid, postFarmerPaid),
  ],
  // Produce settles a catalogue lot only out of what the UMKM is still owed per order.
  provides: [provide(owedToUmkm, owedPerOrder)],
});
