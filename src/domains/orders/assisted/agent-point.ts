// Which service point the signed-in agent works at: from the agent's own grant, never from
// anything the request carries. Every agent screen and write starts here.
import type { Context } from 'hono';
import { requireRole, type AppEnv } from '../../../kernel/http/index.js';
import { AppError } from '../../../kernel/errors/index.js';
import { scopeIds } from '../../../kernel/auth/index.js';
import { servicePoint } from '../orders.queries.js';

type C = Context<AppEnv>;

export async function agentPoint(c: C) {
  const actor = requireRole(c, 'village_agent');
  const id = scopeIds(actor, 'service_point', ['village_agent'])[0];
  const sp = id ? await servicePoint(c.get('deps').h.db, id) : undefined;
  if (!sp) throw new AppError('FORBIDDEN');
  return { actor, sp, owner: { agentId: actor.userId, pointId: sp.id } };
}

/** The form's text fields, each cut to 200 characters (files and repeated fields ignored). */
export async function formText(c: C): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') raw[k] = v.slice(0, 200);
  return raw;
}
