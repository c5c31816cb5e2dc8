// API tokens for integrations (partners, apps). Shown once, stored as SHA-256, bound to one of
// the owner's grants so the token can never do more than that grant; revocable.
import { randomBytes } from 'node:crypto';
import { newId } from '../../kernel/ids/index.js';
import { compiledOnce, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { toGrant } from './accounts.queries.js';
import { hashToken } from './sessions.js';

export async function createToken(
  db: Tx,
  actor: Actor,
  name: string,
  grantId: string,
): Promise<Result<{ id: string; token: string }>> {
  const grant = await db
    .selectFrom('grants')
    .select('id')
    .where('id', '=', grantId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!grant) return fail('NOT_FOUND', {}, { grant_id: { key: 'validation.not_allowed' } });
  const token = `lmb_${randomBytes(24).toString('base64url')}`;
  const id = newId('tok');
  await db
    .insertInto('api_tokens')
    .values({
      id,
      user_id: actor.userId,
      name,
      token_hash: hashToken(token),
      grant_id: grantId,
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  await audit(db, {
    actorId: actor.userId,
    action: 'token.create',
    entityType: 'api_token',
    entityId: id,
  });
  return ok({ id, token });
}

export async function revokeToken(db: Tx, actor: Actor, id: string): Promise<Result<true>> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return fail('NOT_FOUND');
  await audit(db, {
    actorId: actor.userId,
    action: 'token.revoke',
    entityType: 'api_token',
    entityId: id,
  });
  return ok(true);
}

export async function listTokens(db: Tx, userId: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('grants', 'grants.id', 'api_tokens.grant_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
      'grants.role',
      'grants.scope_id',
    ])
    .where('api_tokens.user_id', '=', userId)
    .orderBy('api_tokens.created_at', 'desc')
    .execute();
}

/** The live token's user and grant, by the token's hash (every API request with a bearer). */
const tokenWithUser = compiledOnce((db: Tx, tokenHash: string) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('grants', 'grants.id', 'api_tokens.grant_id')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.last_used_at',
      'users.id as user_id',
      'users.display_name',
      'users.locale',
      'users.status',
      'users.is_demo',
      'grants.role',
      'grants.scope_type',
      'grants.scope_id',
      'grants.region_code',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null),
);

/** Resolves `Authorization: Bearer lmb_…` to an actor holding only the token's grant. */
export async function actorFromToken(
  db: Tx,
  bearer: string,
  opts: { production?: boolean } = {},
): Promise<Actor | null> {
  const row = await tokenWithUser(db, hashToken(bearer));
  if (!row || row.status !== 'active' || (opts.production && row.is_demo === 1)) return null;
  if (!row.last_used_at || Date.now() - Date.parse(row.last_used_at) > 60_000) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: nowIso() })
      .where('id', '=', row.token_id)
      .execute();
  }
  return {
    userId: row.user_id,
    displayName: row.display_name,
    locale: row.locale,
    grants: [toGrant(row)],
    via: 'token',
  };
}
