// Published inside the transaction that issues an incentive statement (or its correction), so
// what the platform owes the partner is recorded with the statement or not at all.
import { Topic } from '../../../kernel/domain/index.js';

export interface IncentiveIssued {
  statementId: string;
  partnerId: string;
  /** Rupiah owed to the partner by this statement (negative for a correction taking some back). */
  total: number;
  issuedAt: string;
}

export const incentiveIssued = new Topic<IncentiveIssued>('partners.incentive_issued');
