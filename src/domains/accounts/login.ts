// Sign-in by phone number or email. Failures are counted per account and per address in
// one-hour windows (at most 100 each), so guessing is slow and nobody can lock another person
// out for longer than the window. A hash made with old argon2 parameters is upgraded here.
// In production no demo account and no account using the (public) demo password signs in.
import {
  hashPassword,
  needsRehash,
  normaliseMobile,
  verifyPassword,
} from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';
import { hitRate, peekRate } from '../../kernel/http/index.js';
import { audit } from '../../kernel/audit/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { findUserByLogin } from './accounts.queries.js';
import { DEMO_PASSWORD } from './demo-accounts.js';

export const LOGIN_FAILURE_LIMIT = 100;
const HOUR = 3600_000;
// A real hash to verify against when the account does not exist, so timing does not tell.
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword('no-such-account-password'));

export function parseLogin(raw: string): { phone?: string; email?: string } {
  if (raw.includes('@')) return { email: raw.trim().toLowerCase() };
  const phone = normaliseMobile(raw);
  return phone ? { phone } : {};
}

export async function login(
  db: Tx,
  rawLogin: string,
  password: string,
  ip: string,
  opts: { production?: boolean } = {},
): Promise<Result<string>> {
  const who = parseLogin(rawLogin);
  const accountBucket = `login:acct:${who.phone ?? who.email ?? rawLogin.trim().toLowerCase()}`;
  const ipBucket = `login:ip:${ip}`;
  if (
    (await peekRate(db, accountBucket)) >= LOGIN_FAILURE_LIMIT ||
    (await peekRate(db, ipBucket)) >= LOGIN_FAILURE_LIMIT
  ) {
    return fail('RATE_LIMITED');
  }
  const user = await findUserByLogin(db, who);
  const good = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  const demo = !!opts.production && (user?.is_demo === 1 || password === DEMO_PASSWORD);
  if (!user || !good || user.status !== 'active' || demo) {
    await hitRate(db, accountBucket, LOGIN_FAILURE_LIMIT, HOUR);
    await hitRate(db, ipBucket, LOGIN_FAILURE_LIMIT, HOUR);
    if (user)
      await audit(db, {
        actorId: null,
        action: 'login.failed',
        entityType: 'user',
        entityId: user.id,
        ip,
      });
    return fail('ACCOUNTS_BAD_LOGIN');
  }
  if (needsRehash(user.password_hash!)) {
    await db
      .updateTable('users')
      .set({ password_hash: await hashPassword(password) })
      .where('id', '=', user.id)
      .execute();
  }
  await audit(db, { actorId: user.id, action: 'login', entityType: 'user', entityId: user.id, ip });
  return ok(user.id);
}
