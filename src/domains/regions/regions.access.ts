// Who may see and change what in regions. Names and codes of areas are public official data;
// village profiles, targeting, weights and rollouts are staff data read by national staff and
// by regional officers inside their own region, and written by officers and national admins.
import type { Context } from 'hono';
import { canInRegion, type Actor, type Role } from '../../kernel/auth/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { requireActor, type AppEnv } from '../../kernel/http/index.js';
import type { Tx } from '../../kernel/db/index.js';
import { findArea, isRegionCode, type Area } from './regions.queries.js';
import { PROFILE_WRITERS } from './profiles.service.js';

export const READ_ROLES: readonly Role[] = ['national_admin', 'analyst', 'regional_officer'];

export function canRead(actor: Actor | null | undefined, code: string): boolean {
  return canInRegion(actor, READ_ROLES, code);
}

export function canWrite(actor: Actor | null | undefined, code: string): boolean {
  return canInRegion(actor, PROFILE_WRITERS, code);
}

/** The actor, when it may read staff data of `code`; 401/403 otherwise. */
export function requireRead(c: Context<AppEnv>, code: string): Actor {
  const a = requireActor(c);
  if (!canRead(a, code)) throw new AppError('FORBIDDEN');
  return a;
}

export function requireWrite(c: Context<AppEnv>, code: string): Actor {
  const a = requireActor(c);
  if (!canWrite(a, code)) throw new AppError('FORBIDDEN');
  return a;
}

/** The area of a code from the URL: 422 when malformed, 404 when unknown. */
export async function areaOrThrow(db: Tx, code: string): Promise<Area> {
  if (!isRegionCode(code)) throw new AppError('REGIONS_BAD_CODE', { code: code.slice(0, 40) });
  const a = await findArea(db, code);
  if (!a) throw new AppError('REGIONS_UNKNOWN_CODE', { code });
  return a;
}
