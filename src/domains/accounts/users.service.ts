// Users, invitations and grants. Staff invite people and grant roles only inside their own
// scope; the invitee sets a password through a one-time code.
import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../kernel/ids/index.js';
import { inTransaction, inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { hashPassword, resolveScope, type Actor, type Role } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { canGrant, ROLE_SCOPE } from './roles.js';
import { findUser, findUserByLogin, insertGrant, insertUser } from './accounts.queries.js';

export interface NewUser {
  displayName: string;
  phone?: string | null;
  email?: string | null;
  password?: string | null;
  locale?: 'id' | 'en' | null;
  isDemo?: boolean;
}

/** Creates a user (active when a password is given, invited otherwise). */
export async function createUser(
  db: Tx,
  u: NewUser,
  actorId: string | null = null,
): Promise<Result<string>> {
  if (!u.phone && !u.email) return fail('VALIDATION_FAILED');
  if (await findUserByLogin(db, { phone: u.phone, email: u.email }))
    return fail('ACCOUNTS_USER_EXISTS');
  const id = newId('usr');
  await inTransaction(db, async (tx) => {
    await insertUser(tx, {
      id,
      phone: u.phone ?? null,
      email: u.email?.toLowerCase() ?? null,
      display_name: u.displayName,
      password_hash: u.password ? await hashPassword(u.password) : null,
      locale: u.locale ?? null,
      status: u.password ? 'active' : 'invited',
      is_demo: u.isDemo ? 1 : 0,
      created_at: nowIso(),
    });
    await audit(tx, { actorId, action: 'user.create', entityType: 'user', entityId: id });
  });
  return ok(id);
}

/** Grants `role` at `scopeId` after checking the scope exists and the granter manages it (see canGrant). */
export async function grantRole(
  db: Tx,
  granter: Actor | null,
  userId: string,
  role: Role,
  scopeId: string | null,
): Promise<Result<string>> {
  const scopeType = ROLE_SCOPE[role];
  const effectiveScope = scopeType === 'national' || scopeType === 'self' ? null : scopeId;
  const target = await resolveScope(db, scopeType, effectiveScope);
  if (target === undefined)
    return fail('ACCOUNTS_UNKNOWN_SCOPE', {}, { scope_id: { key: 'accounts.unknown_scope' } });
  if (granter && !canGrant(granter, role, target)) return fail('FORBIDDEN');
  const region = target.regionCode;
  if (!(await findUser(db, userId))) return fail('NOT_FOUND');
  const id = newId('grt');
  await inTransaction(db, async (tx) => {
    await insertGrant(tx, {
      id,
      user_id: userId,
      role,
      scope_type: scopeType,
      scope_id: effectiveScope,
      region_code: region,
      granted_by: granter?.userId ?? null,
      created_at: nowIso(),
    });
    await audit(tx, {
      actorId: granter?.userId ?? null,
      action: 'grant.create',
      entityType: 'user',
      entityId: userId,
      data: { role, scopeType, scopeId: effectiveScope },
    });
  });
  return ok(id);
}

const codeHash = (code: string) => createHash('sha256').update(code).digest('hex');

/** Invites a person: creates the user and grant, returns a one-time code valid for 7 days. */
export async function invite(
  db: Tx,
  granter: Actor,
  input: { displayName: string; phone: string; role: Role; scopeId: string | null },
): Promise<Result<{ userId: string; code: string }>> {
  return inTransactionResult(db, async (tx) => {
    const created = await createUser(
      tx,
      { displayName: input.displayName, phone: input.phone },
      granter.userId,
    );
    if (!created.ok) return created;
    const granted = await grantRole(tx, granter, created.value, input.role, input.scopeId);
    // A refused grant rolls back the user just created: an invitation is all of it or nothing.
    if (!granted.ok) return granted;
    const code = randomBytes(12).toString('base64url');
    await tx
      .insertInto('invitations')
      .values({
        code_hash: codeHash(code),
        user_id: created.value,
        created_by: granter.userId,
        expires_at: new Date(Date.now() + 7 * 86400_000).toISOString(),
        used_at: null,
      })
      .execute();
    return ok({ userId: created.value, code });
  });
}

export async function findInvitation(db: Tx, code: string) {
  const row = await db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.user_id')
    .select([
      'invitations.code_hash',
      'invitations.user_id',
      'invitations.expires_at',
      'invitations.used_at',
      'users.display_name',
    ])
    .where('code_hash', '=', codeHash(code))
    .executeTakeFirst();
  if (!row || row.used_at || Date.parse(row.expires_at) < Date.now()) return undefined;
  return row;
}

/** Sets the invitee's password and activates the account; the code works once. */
export async function acceptInvitation(
  db: Tx,
  code: string,
  password: string,
): Promise<Result<string>> {
  const inv = await findInvitation(db, code);
  if (!inv) return fail('NOT_FOUND');
  const hash = await hashPassword(password);
  return inTransaction(db, async (tx) => {
    const used = await tx
      .updateTable('invitations')
      .set({ used_at: nowIso() })
      .where('code_hash', '=', inv.code_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) === 0) return fail('NOT_FOUND');
    await tx
      .updateTable('users')
      .set({ password_hash: hash, status: 'active' })
      .where('id', '=', inv.user_id)
      .execute();
    await audit(tx, {
      actorId: inv.user_id,
      action: 'user.activate',
      entityType: 'user',
      entityId: inv.user_id,
    });
    return ok(inv.user_id);
  });
}

export async function setLocale(db: Tx, userId: string, locale: 'id' | 'en'): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}
