// Which partner a request acts for; shared by the partner API and the partner pages.
import type { Context } from 'hono';
import { AppError } from '../../kernel/errors/index.js';
import { requireRole, type AppEnv } from '../../kernel/http/index.js';
import { partnerIdsOf } from './partners.service.js';

/** The partner the caller acts for: its only partner grant, or `?partner=` among several. */
export function currentPartner(c: Context<AppEnv>): string {
  const actor = requireRole(c, 'partner');
  const ids = partnerIdsOf(actor);
  const asked = c.req.query('partner');
  const id = asked ? ids.find((x) => x === asked) : ids[0];
  if (!id) throw new AppError(asked ? 'NOT_FOUND' : 'PARTNERS_NO_PARTNER');
  return id;
}
