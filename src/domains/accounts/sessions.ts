// Database-backed sessions, so app servers stay stateless behind a load balancer. The cookie
// holds a random token; the table holds only its SHA-256. Staff sessions end after 30 min idle
// or 12 h in total; producers and buyers on a shared phone keep theirs for a week idle.
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Tx } from '../../kernel/db/index.js';
import { nowIso } from '../../kernel/db/index.js';
import type { Actor, Role } from '../../kernel/auth/index.js';
import type { AppEnv } from '../../kernel/http/index.js';
import { grantsOf, sessionWithUser, toGrant } from './accounts.queries.js';

const MIN = 60_000;
const STAFF: readonly Role[] = [
  'national_admin',
  'regional_officer',
  'community_manager',
  'village_agent',
  'mentor',
  'trainer',
  'reviewer',
  'hub_operator',
  'partner',
  'analyst',
];
export const STAFF_IDLE_MS = 30 * MIN;
export const STAFF_ABSOLUTE_MS = 12 * 60 * MIN;
const OTHER_IDLE_MS = 7 * 24 * 60 * MIN;
const OTHER_ABSOLUTE_MS = 30 * 24 * 60 * MIN;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-lumbung_sid' : 'lumbung_sid';
}

/** Creates a session for the user (after rotating away any previous one) and sets the cookie. */
export async function startSession(
  c: Context<AppEnv>,
  db: Tx,
  userId: string,
  roles: Role[],
): Promise<string> {
  const secure = c.get('deps').config.mode === 'production';
  const previous = getCookie(c, sessionCookieName(secure));
  if (previous) await db.deleteFrom('sessions').where('id', '=', hashToken(previous)).execute();
  const staff = roles.some((r) => STAFF.includes(r));
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      idle_ms: staff ? STAFF_IDLE_MS : OTHER_IDLE_MS,
      expires_at: new Date(now + (staff ? STAFF_ABSOLUTE_MS : OTHER_ABSOLUTE_MS)).toISOString(),
    })
    .execute();
  setCookie(c, sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
  });
  return token;
}

/** Revokes the current session (logout) and clears the cookie. */
export async function endSession(c: Context<AppEnv>, db: Tx): Promise<void> {
  const secure = c.get('deps').config.mode === 'production';
  const token = getCookie(c, sessionCookieName(secure));
  if (token) await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure });
}

/** Resolves the session cookie to an actor, enforcing idle and absolute limits. */
export async function actorFromSession(
  c: Context<AppEnv>,
  db: Tx,
  now = Date.now(),
): Promise<Actor | null> {
  const secure = c.get('deps').config.mode === 'production';
  const token = getCookie(c, sessionCookieName(secure));
  if (!token) return null;
  const id = hashToken(token);
  const s = await sessionWithUser(db, id);
  // A demo account's session (from a demo-mode run on this database) is no session in production.
  if (!s || s.status !== 'active' || (secure && s.is_demo === 1)) return null;
  if (Date.parse(s.expires_at) <= now || Date.parse(s.last_seen_at) + s.idle_ms <= now) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  // Touch at most once a minute: one write per page view would dominate on SQLite.
  if (now - Date.parse(s.last_seen_at) > MIN)
    await db.updateTable('sessions').set({ last_seen_at: nowIso() }).where('id', '=', id).execute();
  const grants = await grantsOf(db, s.user_id);
  return {
    userId: s.user_id,
    displayName: s.display_name,
    locale: s.locale,
    grants: grants.map(toGrant),
    via: 'session',
    sessionId: id,
  };
}
