// User facts other domains read (mentor pickers, names beside records, the audit trail): only
// accounts names its tables; these functions are exported from index.ts.
import type { Tx } from '../../kernel/db/index.js';
import type { Role } from '../../kernel/auth/index.js';
import './accounts.tables.js';

/** Display names of these users by id (unknown ids are absent). */
export async function displayNames(db: Tx, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.display_name);
  }
  return out;
}

/** Active users holding `role`, one row per grant (its region), by display name. */
export async function activeHoldersOf(
  db: Tx,
  role: Role,
): Promise<{ id: string; display_name: string; region_code: string | null }[]> {
  return db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(['users.id', 'users.display_name', 'grants.region_code'])
    .where('grants.role', '=', role)
    .where('users.status', '=', 'active')
    .orderBy('users.display_name')
    .execute();
}
