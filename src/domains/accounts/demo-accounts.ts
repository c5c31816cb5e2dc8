// Demo accounts in a production database. The demo world's accounts share one published
// password, so production refuses to start while any of them can still sign in, refuses the
// demo password at sign-in, and `lumbung demo remove` takes them out of service.
//
// What removal does, and why not more: every demo account is disabled and stripped (no password,
// phone, email, grants, sessions, API tokens or invitations), in one transaction with an audit
// row each. The user rows stay because orders, UMKM, audit entries and other records point at
// them; deleting them would mean deleting across every domain's tables. The demo world's other
// records (UMKM, products, orders, all marked is_demo) stay too: a production deployment should
// start from an empty database, and this command is for the case where one was not.
import { inTransaction, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import type { Role, ScopeType } from '../../kernel/auth/index.js';

/** The one password of every demo account (printed on every demo start, so public). */
export const DEMO_PASSWORD = 'demo-lumbung-2026';

/** The command that removes demo accounts, as an operator types it. */
export const DEMO_REMOVE_COMMAND = 'npx lumbung demo remove';

/** Demo accounts that could still sign in or act (not yet removed). */
export async function demoAccountsLeft(db: Tx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_demo', '=', 1)
    .where((eb) =>
      eb.or([
        eb('status', '!=', 'disabled'),
        eb('password_hash', 'is not', null),
        eb('phone', 'is not', null),
        eb('email', 'is not', null),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether no account exists yet: the demo world is seeded only into an empty database. */
export async function noAccountsYet(db: Tx): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Demo accounts that sign in by phone, one row per grant, by phone then role (the logins printed on a demo start). */
export async function demoLoginGrants(db: Tx): Promise<
  {
    phone: string;
    display_name: string;
    role: Role;
    scope_type: ScopeType;
    scope_id: string | null;
  }[]
> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('grants', 'grants.user_id', 'users.id')
    .select([
      'users.phone',
      'users.display_name',
      'grants.role',
      'grants.scope_type',
      'grants.scope_id',
    ])
    .where('users.is_demo', '=', 1)
    .where('users.phone', 'is not', null)
    .orderBy('users.phone')
    .orderBy('grants.role')
    .execute();
  return rows.map((r) => ({ ...r, phone: r.phone as string }));
}

/** Why production must not start on this database, or null when it may. */
export async function productionRefusal(db: Tx): Promise<string | null> {
  const n = await demoAccountsLeft(db);
  if (n === 0) return null;
  return (
    `Refusing to start in production mode: this database holds ${n} demo account(s) whose password is public (it was seeded in demo mode).\n` +
    `Remove them with \`${DEMO_REMOVE_COMMAND}\` (disables every demo account and ends its sessions and tokens), or start production on an empty database.`
  );
}

/** Disables and strips every demo account; returns how many were removed. */
export async function removeDemoAccounts(db: Tx): Promise<number> {
  return inTransaction(db, async (tx) => {
    const ids = (
      await tx
        .selectFrom('users')
        .select('id')
        .where('is_demo', '=', 1)
        .where((eb) =>
          eb.or([
            eb('status', '!=', 'disabled'),
            eb('password_hash', 'is not', null),
            eb('phone', 'is not', null),
            eb('email', 'is not', null),
          ]),
        )
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) return 0;
    await tx.deleteFrom('sessions').where('user_id', 'in', ids).execute();
    await tx.deleteFrom('api_tokens').where('user_id', 'in', ids).execute();
    await tx.deleteFrom('invitations').where('user_id', 'in', ids).execute();
    await tx.deleteFrom('grants').where('user_id', 'in', ids).execute();
    await tx
      .updateTable('users')
      .set({ status: 'disabled', password_hash: null, phone: null, email: null })
      .where('id', 'in', ids)
      .execute();
    for (const id of ids)
      await audit(tx, {
        actorId: null,
        action: 'user.demo_removed',
        entityType: 'user',
        entityId: id,
      });
    return ids.length;
  });
}
