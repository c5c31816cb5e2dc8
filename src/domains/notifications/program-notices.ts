// Who hears of the programme's events beyond orders, in the event's own transaction: review
// results (the UMKM's sellers) and improvement tasks (the mentor named for them) from
// innovation; a group buy settled (its committers) from collective; a payout (the paid UMKM's
// sellers) from the ledger; a farmer's statement (the farmer's own account) from produce. Facts
// come through the owning domains' exports; event keys make a replay add nothing.
import type { Tx } from '../../kernel/db/index.js';
import { activeHoldersOn, userByPhone } from '../accounts/index.js';
import type { ReviewCompleted } from '../innovation/index.js';
import type { GroupBuySettled } from '../collective/index.js';
import type { PayoutIssued } from '../ledger/index.js';
import { statementDetail, type FarmerPaid } from '../produce/index.js';
import type { Notice } from './record.js';

const sellersOf = async (db: Tx, umkmId: string) => [
  ...new Set((await activeHoldersOn(db, 'seller', [umkmId])).map((h) => h.userId)),
];

/** The sellers hear the review's result; the mentor named for its tasks hears of them. */
export async function reviewNotices(db: Tx, e: ReviewCompleted): Promise<Notice[]> {
  const base = {
    eventKey: `review:${e.reviewId}`,
    regionCode: e.villageCode,
    organisationId: e.organisationId,
  };
  const out: Notice[] = (await sellersOf(db, e.umkmId)).map((userId) => ({
    ...base,
    userId,
    kind: e.passed ? 'review_passed' : 'review_changes',
    params: (e.passed
      ? { product: e.productTitle }
      : { product: e.productTitle, tasks: String(e.tasks) }) as Record<string, string>,
    link: '/innovation/mine',
  }));
  if (e.mentorUserId && e.tasks > 0)
    out.push({
      ...base,
      userId: e.mentorUserId,
      kind: 'tasks_assigned',
      params: { product: e.productTitle, tasks: String(e.tasks) },
      link: `/pendampingan/umkm/${e.umkmId}`,
    });
  return out;
}

/** Every committer with an account (the buyer, or the agent who recorded it) hears once. */
export function groupBuyNotices(e: GroupBuySettled): Notice[] {
  const people = new Set<string>();
  for (const c of e.committers) {
    if (c.buyerUserId) people.add(c.buyerUserId);
    if (c.agentUserId) people.add(c.agentUserId);
  }
  return [...people].map((userId) => ({
    userId,
    kind: e.status === 'succeeded' ? 'group_buy_succeeded' : 'group_buy_failed',
    eventKey: `group_buy:${e.groupBuyId}`,
    params: { title: e.title },
    link: `/patungan/${e.groupBuyId}`,
    regionCode: e.villageCode,
    organisationId: e.organisationId,
  }));
}

/** Each paid UMKM's sellers hear how much was transferred. */
export async function payoutNotices(db: Tx, e: PayoutIssued): Promise<Notice[]> {
  const out: Notice[] = [];
  for (const p of e.payees)
    for (const userId of await sellersOf(db, p.umkmId))
      out.push({
        userId,
        kind: 'payout_issued',
        eventKey: `payout:${e.payoutId}:${p.umkmId}`,
        params: { amount: `rp:${p.amount}` },
        link: '/penjual/pendapatan',
        regionCode: null,
        organisationId: e.organisationId,
      });
  return out;
}

/**
 * The farmer hears of their statement when they have an active account on the phone number the
 * koperasi recorded (a farmer without one has no inbox; the treasurer hands the statement over).
 */
export async function farmerStatementNotices(db: Tx, e: FarmerPaid): Promise<Notice[]> {
  const s = await statementDetail(db, e.statementId);
  if (!s?.phone) return [];
  const user = await userByPhone(db, s.phone);
  if (user?.status !== 'active') return [];
  return [
    {
      userId: user.id,
      kind: 'farmer_statement',
      eventKey: `produce_statement:${e.statementId}`,
      params: { number: s.number, amount: `rp:${e.amount}` },
      link: '/kotak-masuk',
      regionCode: s.village_code,
      organisationId: e.organisationId,
    },
  ];
}
