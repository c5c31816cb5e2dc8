// The storefront's forms as plain strings (files and the CSRF field dropped, values capped).
// `unguarded` reads past the kernel's control-character guard, for the one form (/pesan) that
// shows such a value beside its field instead of an error page.
import type { Context } from 'hono';
import { parseBodyUnguarded, type AppEnv } from '../../../kernel/http/index.js';

export async function formBody(
  c: Context<AppEnv>,
  unguarded = false,
): Promise<Record<string, string>> {
  const body = await (unguarded ? parseBodyUnguarded(c)() : c.req.parseBody());
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (typeof v === 'string' && k !== '_csrf') out[k] = v.slice(0, 500);
  return out;
}
