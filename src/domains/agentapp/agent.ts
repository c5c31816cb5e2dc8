// The signed-in agent and the point they work at, from their own grant (never from the
// request). Every console read and every synced action starts here.
import type { Context } from 'hono';
import { requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { scopeIds } from '../../kernel/auth/index.js';
import { servicePointPlaces } from '../community/index.js';
import type { Agent } from './actions.js';

export async function currentAgent(c: Context<AppEnv>): Promise<Agent & { pointName: string }> {
  const actor = requireRole(c, 'village_agent');
  const id = scopeIds(actor, 'service_point', ['village_agent'])[0];
  const [sp] = id ? await servicePointPlaces(c.get('deps').h.db, [id]) : [];
  if (!sp) throw new AppError('AGENTAPP_NO_POINT');
  return { actor, pointId: sp.id, villageCode: sp.village_code, pointName: sp.name };
}
