// A checkout group belongs to the checkout that made it. The API lets a client mint the id of a
// NEW group (`grp_…`, so an offline client can replay safely), never name an existing one: a
// second checkout with the same groupId would join the first buyer's payment (issue 13, hole
// 1). The claim is a primary-key insert in the order's transaction, so two racing checkouts
// cannot both take one id.
import { insertRows, type Tx } from '../../../kernel/db/index.js';

/** Inserts the groups' claims; returns how many were new (fewer means one is taken). */
export async function claimGroups(tx: Tx, ids: string[], at: string): Promise<number> {
  return insertRows(
    tx,
    'order_groups',
    ids.map((id) => ({ id, created_at: at })),
    { ignoreConflictOn: ['id'] },
  );
}

/** The client-minted group ids among `ids` that another checkout already claimed. */
export async function takenGroups(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.selectFrom('order_groups').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
