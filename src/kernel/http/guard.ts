// Route guards: who is asking, and may their roles use this page at all. Scope (which rows)
// is decided again in every query through the permission module.
import type { Context } from 'hono';
import { AppError } from '../errors/errors.js';
import { hasRole, type Actor, type Role } from '../auth/access.js';
import type { AppEnv } from './env.js';

/** The token of an `Authorization: Bearer …` header, or null when the header names none. */
export function bearerToken(authorization: string | undefined): string | null {
  const m = /^Bearer\s+(.*)$/is.exec(authorization ?? '');
  return m ? m[1].trim() : null;
}

export function requireActor(c: Context<AppEnv>): Actor {
  const a = c.get('actor');
  if (!a) throw new AppError('UNAUTHENTICATED');
  return a;
}

export function requireRole(c: Context<AppEnv>, ...roles: Role[]): Actor {
  const a = requireActor(c);
  if (!hasRole(a, ...roles)) throw new AppError('FORBIDDEN');
  return a;
}

/** The caller's address for audit entries and rate limits. */
export function clientIp(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
