// The listing state machine of a product, declared as data: which event moves a product from
// which states to which state. Every change of a product's listing state in this domain goes
// through `transition`, so an illegal move is a clear error value and never a silent write.
import type { ListingState } from '../catalog/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';

export const LISTING_TRANSITIONS = {
  /** The seller submits for review (again after changes, or after withdrawing). */
  submit: { from: ['not_reviewed', 'changes_requested', 'withdrawn'], to: 'in_review' },
  /** A reviewer completes a round with every applicable item passed: market-ready. */
  pass: { from: ['in_review'], to: 'listed' },
  /** A reviewer completes a round with failed items: improvement tasks follow. */
  request_changes: { from: ['in_review'], to: 'changes_requested' },
  /** A required certification ran out (daily sweep or a certification change). */
  certification_expired: { from: ['listed'], to: 'certification_expired' },
  /** Every required certification is valid again: the market-ready product returns. */
  certification_renewed: { from: ['certification_expired'], to: 'listed' },
  /**
   * The seller changed content a reviewer had judged (edit-review.ts decides which): the
   * market-ready verdict no longer covers what buyers would see, so a new round opens.
   */
  content_changed: { from: ['listed', 'certification_expired'], to: 'in_review' },
  /** The seller takes the product off the market or out of the queue. */
  withdraw: {
    from: ['not_reviewed', 'in_review', 'changes_requested', 'listed', 'certification_expired'],
    to: 'withdrawn',
  },
} as const satisfies Record<string, { from: readonly ListingState[]; to: ListingState }>;

export type ListingEvent = keyof typeof LISTING_TRANSITIONS;

/** The state after `event`, or INNOVATION_ILLEGAL_TRANSITION naming both. */
export function transition(state: string, event: ListingEvent): Result<ListingState> {
  const t = LISTING_TRANSITIONS[event];
  if (!(t.from as readonly string[]).includes(state))
    return fail('INNOVATION_ILLEGAL_TRANSITION', { state, event });
  return ok(t.to);
}
