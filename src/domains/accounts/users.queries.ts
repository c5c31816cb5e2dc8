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

export interface Contact {
  phone: string | null;
  locale: 'id' | 'en' | null;
  active: boolean;
}

/** Phone, language and whether the account is active, by user id (notifications address people by it). */
export async function contactsOf(db: Tx, ids: string[]): Promise<Map<string, Contact>> {
  const out = new Map<string, Contact>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'phone', 'locale', 'status'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.set(r.id, { phone: r.phone, locale: r.locale, active: r.status === 'active' });
  }
  return out;
}

/** Active users holding `role` on one of these scope ids (the sellers of an UMKM …), with the scope id. */
export async function activeHoldersOn(
  db: Tx,
  role: Role,
  scopeIds: string[],
): Promise<{ userId: string; scopeId: string }[]> {
  if (scopeIds.length === 0) return [];
  const rows = await db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(['users.id', 'grants.scope_id'])
    .where('grants.role', '=', role)
    .where('grants.scope_id', 'in', [...new Set(scopeIds)])
    .where('users.status', '=', 'active')
    .execute();
  return rows.map((r) => ({ userId: r.id, scopeId: r.scope_id as string }));
}

/** The account behind a phone number (its id and status), if any. */
export async function userByPhone(
  db: Tx,
  phone: string,
): Promise<{ id: string; status: string } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'status'])
    .where('phone', '=', phone)
    .executeTakeFirst();
}

/** Whether the user already holds `role` on the entity `scopeId`. */
export async function holdsGrant(
  db: Tx,
  userId: string,
  role: Role,
  scopeId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .where('scope_id', '=', scopeId)
    .executeTakeFirst();
  return !!row;
}

/** The users holding `role` on the entity `scopeId` (an organisation's managers, a point's agents), by name. */
export async function holdersOn(
  db: Tx,
  role: Role,
  scopeId: string,
): Promise<{ id: string; display_name: string; phone: string | null }[]> {
  return db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(['users.id', 'users.display_name', 'users.phone'])
    .where('grants.role', '=', role)
    .where('grants.scope_id', '=', scopeId)
    .orderBy('users.display_name')
    .execute();
}
