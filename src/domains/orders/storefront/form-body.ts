// The storefront's forms as plain strings (files and the CSRF field dropped, values capped).
import type { Context } from 'hono';
import type { AppEnv } from '../../../kernel/http/index.js';

export async function formBody(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v.slice(0, 500);
  return out;
}
