// The collective domain's topics, published inside the transaction of the change (after its
// audit row and outbox event, record.ts), so a subscriber's writes commit with it or not at all.
import { Topic } from '../../kernel/domain/index.js';

/** A group buy settled at its deadline: succeeded (orders placed) or failed (commitments released). */
export interface GroupBuySettled {
  groupBuyId: string;
  status: 'succeeded' | 'failed';
  title: string;
  villageCode: string;
  organisationId: string | null;
  /** Each counted commitment's account holders (the buyer's own, the agent who recorded it). */
  committers: { buyerUserId: string | null; agentUserId: string | null }[];
}

export const groupBuySettled = new Topic<GroupBuySettled>('collective.group_buy_settled');
