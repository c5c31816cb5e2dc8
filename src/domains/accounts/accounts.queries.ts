// Kysely queries of the accounts domain, nothing else.
import { compiledOnce, type Tx } from '../../kernel/db/index.js';
import type { Grant } from '../../kernel/auth/index.js';
import type { GrantsTable, UsersTable } from './accounts.tables.js';
import './accounts.tables.js';

export const findUserByLogin = (
  db: Tx,
  login: { phone?: string | null; email?: string | null },
) => {
  if (login.phone)
    return db.selectFrom('users').selectAll().where('phone', '=', login.phone).executeTakeFirst();
  if (login.email)
    return db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', login.email.toLowerCase())
      .executeTakeFirst();
  return Promise.resolve(undefined);
};

export const findUser = (db: Tx, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const insertUser = (db: Tx, u: UsersTable) => db.insertInto('users').values(u).execute();

export const grantsOf = (db: Tx, userId: string) =>
  db.selectFrom('grants').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

export const insertGrant = (db: Tx, g: GrantsTable) => db.insertInto('grants').values(g).execute();

export function toGrant(
  g: Pick<GrantsTable, 'role' | 'scope_type' | 'scope_id' | 'region_code'>,
): Grant {
  return { role: g.role, scopeType: g.scope_type, scopeId: g.scope_id, regionCode: g.region_code };
}

/** The session row and its user, by the hash of the cookie's token (every signed-in request). */
export const sessionWithUser = compiledOnce((db: Tx, sessionHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.last_seen_at',
      'sessions.idle_ms',
      'sessions.expires_at',
      'users.display_name',
      'users.locale',
      'users.status',
      'users.is_demo',
    ])
    .where('sessions.id', '=', sessionHash),
);
